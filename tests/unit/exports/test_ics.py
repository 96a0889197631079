"""Calendar export: independent parsers agree on times, zones, alarms, UIDs and text;
re-exports update (SEQUENCE) and cancel instead of duplicating."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import vobject

from hospitality_app.services import calendar, plans
from hospitality_app.services.dto import (
    AgendaItemData,
    ChecklistItemData,
    CompanyData,
    HostData,
    MealData,
    RestaurantData,
    VisitorData,
    VisitPlan,
)

NOW = datetime(2026, 11, 22, 1, tzinfo=UTC)


def store(db, plan) -> int:
    with db.unit_of_work() as session:
        return plans.save(session, plan, now=NOW).visit_id


def export(db, visit_id, **kw) -> bytes:
    with db.unit_of_work() as session:
        return calendar.export_visit(session, visit_id, now=NOW, **kw)


def events(data: bytes) -> dict[str, object]:
    cal = vobject.readOne(data.decode("utf-8"))
    return {c.summary.value: c for c in cal.getChildren() if c.name in ("VEVENT", "VTODO")}


def test_reference_itinerary_read_by_vobject(db, reference_plan):
    data = export(db, store(db, reference_plan))
    found = events(data)
    assert len(found) == 13  # 2 pickups, check-in, check-out, 2 meals, tour, 6 agenda items
    pickup = found["Airport pickup: GA 898 — PT Sinar Jaya Abadi"]
    assert pickup.dtstart.value == datetime(2026, 12, 2, 21, 45, tzinfo=ZoneInfo("Asia/Shanghai"))
    assert pickup.dtstart.value.astimezone(UTC) == datetime(2026, 12, 2, 13, 45, tzinfo=UTC)
    assert b"DTSTART;TZID=Asia/Shanghai:20261202T214500\r\n" in data
    # The confirm call: 30 minutes before the driver sets off, 45 minutes before 21:45.
    assert pickup.valarm.trigger.value == timedelta(minutes=-75)
    assert "GA 898 arrives at 21:35" in pickup.description.value
    assert "Leave at 21:00; call the client at 20:30 to confirm." in pickup.description.value
    lunch = found["Lunch with PT Sinar Jaya Abadi"]
    assert "• Siti Rahmawati, Quality Manager — Halal; allergic to shellfish\n" in lunch.description.value
    assert lunch.location.value == "Haiyun Seafood House"
    assert found["Hotel check-in: Xiamen Marriott Hotel — PT Sinar Jaya Abadi"].dtstart.value == date(2026, 12, 2)
    assert "Factory tour — PT Sinar Jaya Abadi" not in found  # the tour's own event stands for it
    tour = found["Factory tour with PT Sinar Jaya Abadi"]
    assert "RFID inlay encoding room: 15 min (through the glass window)" in tour.description.value
    assert data.count(b"BEGIN:VTIMEZONE\r\nTZID:Asia/Shanghai\r\n") == 1


def test_bottom_lines_never_reach_a_calendar(db, reference_plan):
    visit_id = store(db, reference_plan)
    for kw in ({}, {"staff": "Zhang Min"}):
        assert b"0.42" not in export(db, visit_id, **kw)


def test_every_physical_line_is_folded_and_decodes(db, reference_plan):
    data = export(db, store(db, reference_plan))
    for line in data.split(b"\r\n"):
        assert len(line) <= 75
        line.decode("utf-8")


def test_moving_a_meal_raises_only_its_sequence_and_removing_it_cancels(db, reference_plan):
    visit_id = store(db, reference_plan)
    first = {e.uid.value: (k, int(e.sequence.value)) for k, e in events(export(db, visit_id)).items()}
    with db.unit_of_work() as session:
        plan = plans.load_plan(session, visit_id)
    lunch = plan.meals[0]
    moved = replace(lunch, start=lunch.start + timedelta(minutes=30), end=lunch.end + timedelta(minutes=30))
    store(db, replace(plan, meals=(moved, plan.meals[1])))
    second = {e.uid.value: (k, int(e.sequence.value)) for k, e in events(export(db, visit_id)).items()}
    assert set(second) == set(first)
    changed = {uid for uid in first if first[uid][1] != second[uid][1]}
    assert [second[uid] for uid in changed] == [("Lunch with PT Sinar Jaya Abadi", 1)]

    with db.unit_of_work() as session:
        plan = plans.load_plan(session, visit_id)
    store(db, replace(plan, meals=(plan.meals[1],)))
    third = events(export(db, visit_id))
    gone = third["Lunch with PT Sinar Jaya Abadi"]
    assert (gone.status.value, int(gone.sequence.value)) == ("CANCELLED", 2)
    assert gone.uid.value in first
    assert third["Dinner with PT Sinar Jaya Abadi"].status.value == "CONFIRMED"
    # exporting again changes nothing: the same cancellation, the same sequence
    again = events(export(db, visit_id))
    assert int(again["Lunch with PT Sinar Jaya Abadi"].sequence.value) == 2


def test_a_driver_gets_only_pickups_and_their_open_tasks(db, reference_plan):
    due = datetime(2026, 12, 2, 20, tzinfo=ZoneInfo("Asia/Shanghai"))
    plan = replace(
        reference_plan,
        checklist=(
            ChecklistItemData("day_of", "Clean the car", due=due, assignee_role="driver"),
            ChecklistItemData("day_of", "Print the welcome sign", due=due, assignee="Wang Fang"),
            ChecklistItemData("day_of", "Fuel the car", due=due, assignee="Chen Jie", done_at=due),
        ),
    )
    found = events(export(db, store(db, plan), staff="Chen Jie"))
    assert sorted(found) == [
        "Airport pickup: GA 898 — PT Sinar Jaya Abadi",
        "Clean the car — PT Sinar Jaya Abadi",
        "Transfer hotel → office — PT Sinar Jaya Abadi",
    ]
    todo = found["Clean the car — PT Sinar Jaya Abadi"]
    assert todo.name == "VTODO" and todo.due.value.astimezone(UTC) == due.astimezone(UTC)


def test_a_person_export_cancels_only_their_items(db, reference_plan):
    visit_id = store(db, reference_plan)
    export(db, visit_id)
    with db.unit_of_work() as session:
        plan = plans.load_plan(session, visit_id)
    store(db, replace(plan, meals=(plan.meals[1],)))
    driver = events(export(db, visit_id, staff="Chen Jie"))
    assert all(e.status.value == "CONFIRMED" for e in driver.values())
    manager = events(export(db, visit_id, staff="Zhang Min"))
    assert manager["Lunch with PT Sinar Jaya Abadi"].status.value == "CANCELLED"


def test_unknown_person_is_refused(db, reference_plan):
    from hospitality_app.errors import ValidationError

    with pytest.raises(ValidationError, match="'Nobody' is not a host of visit"):
        export(db, store(db, reference_plan), staff="Nobody")


def german_visit() -> VisitPlan:
    berlin = ZoneInfo("Europe/Berlin")

    def at(day, hh):
        return datetime(2026, 3, day, hh, tzinfo=berlin)

    return VisitPlan(
        title="Yıldız Tekstil — Werksbesuch in Stuttgart",
        timezone="Europe/Berlin",
        start=at(27, 9),
        end=at(30, 17),
        company=CompanyData("ООО «Северная звезда» 北极星", "RU"),
        status="confirmed",
        visitors=(VisitorData("Dmitry Ivanov"), VisitorData("Ayşe Yılmaz"), VisitorData("张伟")),
        hosts=(
            HostData("Jürgen Weiß", ("sales_lead", "guide"), email="juergen@example.de"),
            HostData("Budi Santoso", ("manager",), email="budi@example.co.id"),
        ),
        meals=(
            MealData(
                at(27, 12),
                at(27, 13),
                "lunch",
                RestaurantData("Gasthof Löwen"),
                attendees=("Dmitry Ivanov", "Jürgen Weiß"),
            ),
            MealData(
                at(30, 12),
                at(30, 13),
                "lunch",
                RestaurantData("Gasthof Löwen"),
                attendees=("Ayşe Yılmaz", "Jürgen Weiß"),
            ),
        ),
        agenda=(
            AgendaItemData(
                at(27, 9), 60, "Begrüßung — 欢迎 — Добро пожаловать — Hoş geldiniz", "welcome", "Jürgen Weiß"
            ),
            AgendaItemData(
                at(30, 9), 60, "Selamat datang kembali", "negotiation", "Budi Santoso", bottom_lines="geheim"
            ),
        ),
    )


def test_dst_change_keeps_utc_times(db):
    data = export(db, store(db, german_visit()))
    found = events(data)
    before = found["Begrüßung — 欢迎 — Добро пожаловать — Hoş geldiniz — ООО «Северная звезда» 北极星"]
    after = found["Selamat datang kembali — ООО «Северная звезда» 北极星"]
    assert before.dtstart.value.astimezone(UTC) == datetime(2026, 3, 27, 8, tzinfo=UTC)  # CET, +01:00
    assert after.dtstart.value.astimezone(UTC) == datetime(2026, 3, 30, 7, tzinfo=UTC)  # CEST, +02:00
    # PUBLISH (RFC 5546): the organizer, and no attendees with answers that Outlook would ask for.
    assert "attendee" not in before.contents
    assert before.organizer.params["CN"] == ["Jürgen Weiß"]
    assert b"METHOD:PUBLISH" in data
    assert b"geheim" not in data


def test_icaljs_reads_the_same_times_uids_alarms_and_text(db, icaljs, tmp_path):
    visit_id = store(db, german_visit())
    path = tmp_path / "visit.ics"
    path.write_bytes(export(db, visit_id))
    by_summary = {e["summary"]: e for e in icaljs(path)}
    ours = {e.summary.value: e for e in events(path.read_bytes()).values()}
    assert set(by_summary) == set(ours)
    welcome = by_summary["Begrüßung — 欢迎 — Добро пожаловать — Hoş geldiniz — ООО «Северная звезда» 北极星"]
    assert welcome["start_utc"] == "2026-03-27T08:00:00.000Z"
    assert welcome["tzid"] == "Europe/Berlin" and welcome["trigger"] == "-PT30M"
    later = by_summary["Selamat datang kembali — ООО «Северная звезда» 北极星"]
    assert later["start_utc"] == "2026-03-30T07:00:00.000Z"
    for summary, event in by_summary.items():
        assert event["uid"] == ours[summary].uid.value
        assert event["sequence"] == int(ours[summary].sequence.value)


def test_icaljs_reads_the_reference_pickup(db, icaljs, tmp_path, reference_plan):
    path = tmp_path / "ref.ics"
    path.write_bytes(export(db, store(db, reference_plan)))
    pickup = next(e for e in icaljs(path) if e["summary"].startswith("Airport pickup"))
    assert (pickup["start_utc"], pickup["tzid"], pickup["trigger"]) == (
        "2026-12-02T13:45:00.000Z",
        "Asia/Shanghai",
        "-PT1H15M",  # the confirm call, half an hour before the driver sets off
    )


def test_line_breaks_stored_before_they_were_refused_do_not_break_the_calendar(db, reference_plan):
    from sqlalchemy import text

    visit_id = store(db, reference_plan)
    with db.unit_of_work() as session:  # as an older version let them in
        session.execute(
            text("UPDATE staff SET email = 'li.wei@example.com\r\nBCC: x@y', name = 'Li\nWei' WHERE name = 'Li Wei'")
        )
        session.execute(text("UPDATE visit SET title = 'Visit\nof the year'"))
    data = export(db, visit_id)
    assert b"mailto:li.wei@example.com BCC: x@y" in data.replace(b"\r\n ", b"")
    assert b"X-WR-CALNAME:Visit of the year" in data and b"BCC" not in data.split(b"\r\n")[0]
    assert all(not line.startswith(b"BCC") for line in data.split(b"\r\n"))
