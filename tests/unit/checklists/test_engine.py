"""Due times from the plan's anchors (across DST and midnight), conditions, rescheduling,
progress."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from hospitality_app.checklists import engine
from hospitality_app.checklists.templates import Template, TemplateItem, load_templates
from hospitality_app.services.dto import (
    CompanyData,
    GiftData,
    HostData,
    HotelData,
    HotelStayData,
    PickupData,
    VisitorData,
    VisitPlan,
)

BERLIN = ZoneInfo("Europe/Berlin")


def plan_in_berlin(**changes) -> VisitPlan:
    # The clocks go forward at 02:00 on 2026-03-29.
    plan = VisitPlan(
        title="Audit",
        timezone="Europe/Berlin",
        start=datetime(2026, 3, 30, 9, tzinfo=BERLIN),
        end=datetime(2026, 3, 31, 17, tzinfo=BERLIN),
        company=CompanyData("Acme", "DE"),
        visitors=(VisitorData("Anna"),),
        hosts=(HostData("Jürgen", ("sales_lead",)), HostData("Kai", ("driver",))),
        pickups=(
            PickupData(
                "airport",
                datetime(2026, 3, 29, 23, 40, tzinfo=BERLIN),
                "LH 1",
                arrival=datetime(2026, 3, 29, 23, 50, tzinfo=BERLIN),
                driver="Kai",
            ),
        ),
    )
    return replace(plan, **changes)


def template(*items: TemplateItem) -> Template:
    return Template("t", "T", "T", items)


def item(key, anchor, offset, phase="before", when="", role="sales_lead") -> TemplateItem:
    return TemplateItem(key, phase, key, key, anchor, offset, None, role, "", when)


def test_due_across_the_dst_change_keeps_wall_clock_days():
    plan = engine.apply_templates(plan_in_berlin(), [template(item("week", "visit_start", -7 * 1440))])
    due = plan.checklist[0].due
    # A week before 09:00 CEST is 09:00 CET (a calendar week, not 168 hours of wall time).
    assert due.astimezone(BERLIN) == datetime(2026, 3, 23, 9, tzinfo=BERLIN)
    assert due.astimezone(UTC) == datetime(2026, 3, 23, 8, tzinfo=UTC)


def test_due_across_midnight_from_the_arrival():
    plan = engine.apply_templates(
        plan_in_berlin(),
        [template(item("call", "arrival", -90, "day_of", role="driver"), item("ride", "arrival", +30, "day_of"))],
    )
    call, ride = plan.checklist
    assert call.due.astimezone(BERLIN) == datetime(2026, 3, 29, 22, 20, tzinfo=BERLIN)
    assert ride.due.astimezone(BERLIN) == datetime(2026, 3, 30, 0, 20, tzinfo=BERLIN)
    assert call.assignee_role == "driver" and call.due_anchor == "arrival"


def test_conditions_filter_items():
    t = template(
        item("hotel", "visit_start", -1440, when="we_book_hotel"),
        item("gift", "visit_end", -30, "departure", when="gifts_planned"),
        item("always", "visit_start", 0),
    )
    bare = engine.apply_templates(plan_in_berlin(), [t])
    assert [c.template for c in bare.checklist] == ["t:always"]
    stay = HotelStayData(HotelData("H"), date(2026, 3, 29), date(2026, 4, 1), booked_by="us")
    full = engine.apply_templates(plan_in_berlin(hotel_stays=(stay,), gifts=(GiftData("Tea"),)), [t])
    assert [c.template for c in full.checklist] == ["t:hotel", "t:gift", "t:always"]


def test_applying_twice_adds_nothing(reference_plan):
    standard = load_templates()["standard"]
    once = engine.apply_templates(reference_plan, [standard])
    assert engine.apply_templates(once, [standard]) == once
    meal_items = [c for c in once.checklist if c.due_anchor.startswith("meal:")]
    assert [c.due_anchor for c in meal_items] == ["meal:0", "meal:1"]


def test_moving_the_arrival_moves_open_items_only(reference_plan):
    plan = engine.apply_templates(
        reference_plan, [template(item("a", "arrival", -60), item("b", "arrival", -30), item("c", "visit_end", 60))]
    )
    done_at = datetime(2026, 11, 30, tzinfo=UTC)
    a, b, c = plan.checklist
    plan = replace(plan, checklist=(replace(a, done_at=done_at, done_by="Li Wei"), b, c))
    later = [replace(p, arrival=p.arrival + timedelta(hours=2)) if p.arrival else p for p in plan.pickups]
    moved = engine.reschedule(replace(plan, pickups=tuple(later)))
    a2, b2, c2 = moved.checklist
    assert (a2.due, a2.done_at, a2.done_by) == (a.due, done_at, "Li Wei")
    assert b2.due == b.due + timedelta(hours=2)
    assert c2.due == c.due


def test_progress_per_phase_and_overdue(reference_plan):
    plan = engine.apply_templates(reference_plan, [load_templates()["key_account"]])
    first = plan.checklist[0]
    plan = replace(plan, checklist=(replace(first, done_at=first.due), *plan.checklist[1:]))
    now = datetime(2026, 12, 2, 12, tzinfo=UTC)
    p = engine.progress(plan, now)
    assert (p.done, p.total) == (1, 5)
    assert p.by_phase["before"] == (1, 3) and p.phase_percent("before") == 33
    assert p.percent == 20
    assert p.overdue == 2  # the welcome sign and the bottom lines were due on 12-02 09:00


def test_the_confirm_call_task_and_the_pickup_s_alarm_are_the_same_moment(reference_plan):
    """The seed: call the client half an hour before setting off to pick them up."""
    from hospitality_app.exports import itinerary
    from hospitality_app.i18n import translator

    planned = engine.apply_templates(reference_plan, [load_templates()["standard"]])
    call = next(c for c in planned.checklist if c.title.startswith("Call the client half an hour"))
    pickup = reference_plan.pickups[0]  # the driver is due at the airport at 21:45
    assert call.due == pickup.driver_due - timedelta(minutes=45 + 30)  # sets off 21:00, calls 20:30
    items = itinerary.items(reference_plan, translator("en").gettext)
    event = next(i for i in items if i.summary.startswith("Airport pickup"))
    assert event.start - timedelta(minutes=event.alarm_minutes) == call.due
    moved = replace(reference_plan, pickups=(replace(pickup, driver_due=pickup.driver_due + timedelta(hours=1)),))
    assert engine.anchors(moved)["set_off"] == call.due + timedelta(hours=1, minutes=30)


def test_without_a_flight_or_train_the_call_is_before_the_arrival():
    plan = plan_in_berlin(pickups=())
    assert engine.anchors(plan)["set_off"] == engine.anchors(plan)["arrival"] - timedelta(minutes=45)
