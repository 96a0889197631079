"""A returning client's next visit: the plan copied to new dates, nothing of the original's rows
or of what happened on it carried over; times keep their time of day across clock changes."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

from hospitality_app.services import duplicate, plans
from hospitality_app.services.dto import ChecklistItemData, FollowUpData, OutcomeData

NOW = datetime(2026, 11, 22, 1, tzinfo=UTC)


def wall(plan, moment) -> str:
    return plan.local(moment).strftime("%Y-%m-%d %H:%M")


def test_every_time_moves_by_the_same_days_and_keeps_its_hour(reference_plan):
    copy = duplicate.moved(reference_plan, date(2027, 3, 1))
    first = reference_plan.local(reference_plan.start).date()
    days = (date(2027, 3, 1) - first).days
    assert wall(copy, copy.start)[:10] == "2027-03-01"
    hours = [wall(reference_plan, a.start)[11:] for a in reference_plan.agenda]
    assert [wall(copy, a.start)[11:] for a in copy.agenda] == hours
    moves = [(m.start - o.start).days for m, o in zip(copy.meals, reference_plan.meals, strict=True)]
    assert moves == [days] * len(copy.meals)
    assert [s.check_in for s in copy.hotel_stays] == [
        s.check_in.fromordinal(s.check_in.toordinal() + days) for s in reference_plan.hotel_stays
    ]
    assert [v.name for v in copy.visitors] == [v.name for v in reference_plan.visitors]


def test_across_the_clock_change_lunch_stays_at_noon(reference_plan):
    amsterdam = replace(reference_plan, timezone="Europe/Amsterdam")
    lunch = amsterdam.meals[0]
    noon = datetime(2027, 3, 26, 12, tzinfo=amsterdam.zone)  # a Friday, before the clocks go forward
    amsterdam = replace(
        amsterdam,
        start=datetime(2027, 3, 26, 9, tzinfo=amsterdam.zone),
        end=datetime(2027, 3, 26, 18, tzinfo=amsterdam.zone),
        meals=(replace(lunch, start=noon, end=noon.replace(hour=13)),),
        pickups=(),
        hotel_stays=(),
        agenda=(),
        tour=None,
        checklist=(),
    )
    copy = duplicate.moved(amsterdam, date(2027, 3, 29))  # the Monday after: summer time
    assert wall(copy, copy.meals[0].start) == "2027-03-29 12:00"
    assert copy.meals[0].start.utcoffset().total_seconds() == 2 * 3600
    assert (copy.meals[0].start.astimezone(UTC) - noon.astimezone(UTC)).total_seconds() == 3 * 86400 - 3600


def test_the_copy_has_no_rows_and_nothing_that_happened(db, reference_plan):
    done = (
        ChecklistItemData("before", "Book the hotel", done_at=NOW, done_by="Chen Jie"),
        ChecklistItemData("before", "Order the welcome sign"),
    )
    plan = replace(
        reference_plan,
        status="completed",
        checklist=done,
        follow_up=FollowUpData(greeting="Thank you", consensus=("Samples in January",)),
        outcome=OutcomeData(status="won"),
    )
    with db.unit_of_work() as session:
        first = plans.save(session, plan, now=NOW).visit_id
    with db.unit_of_work() as session:
        second = duplicate.duplicate(session, first, date(2027, 4, 5), now=NOW).visit_id
    with db.unit_of_work() as session:
        original, copy = plans.load_plan(session, first), plans.load_plan(session, second)
    assert second != first and copy.title == original.title
    assert (copy.status, copy.outcome, copy.follow_up) == ("draft", None, FollowUpData())
    assert all(item.done_at is None and item.done_by is None for item in copy.checklist)
    assert [c.title for c in copy.checklist] == ["Book the hotel", "Order the welcome sign"]
    assert not {a.id for a in copy.agenda} & {a.id for a in original.agenda}
    assert not {m.id for m in copy.meals} & {m.id for m in original.meals}
    assert [h.id for h in copy.hosts] == [h.id for h in original.hosts]  # the same colleagues
    assert original.outcome is not None and original.checklist[0].done_by == "Chen Jie"  # untouched
