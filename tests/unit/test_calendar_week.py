"""The calendar's week: every live visit's items with their people, on their visit's wall clock;
one person's week; items at the same time side by side."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from hospitality_app.services import plans
from hospitality_app.services.calendar_week import people_of, side_by_side, week_items

NOW = datetime(2026, 11, 22, tzinfo=UTC)
WEEK = (datetime(2026, 11, 30, tzinfo=UTC), datetime(2026, 12, 7, tzinfo=UTC))


def stored(db, *visits):
    with db.unit_of_work() as session:
        return [plans.save(session, v, now=NOW).visit_id for v in visits]


def test_the_week_s_items_with_their_people_on_the_visit_s_clock(db, reference_plan):
    [visit_id] = stored(db, reference_plan)
    with db.unit_of_work() as session:
        items = week_items(session, *WEEK)
    assert items[0].block.target == "pickups[0]" and items[0].start.isoformat() == "2026-12-02T21:45:00+08:00"
    assert {i.visit_id for i in items} == {visit_id}
    lunch = next(i for i in items if i.block.target == "meals[0]")
    assert (lunch.people, lunch.company) == (("Li Wei", "Zhang Min"), "PT Sinar Jaya Abadi")
    assert people_of(items) == ["Chen Jie", "Li Wei", "Wang Fang", "Zhang Min"]
    with db.unit_of_work() as session:
        driving = week_items(session, *WEEK, person="Chen Jie")
    assert [i.block.target for i in driving] == ["pickups[0]", "pickups[1]"]  # the driver's week


def test_items_outside_the_week_and_cancelled_visits_are_left_out(db, reference_plan):
    later = replace(
        reference_plan, start=reference_plan.start + timedelta(days=14), end=reference_plan.end + timedelta(days=14)
    )
    cancelled = replace(reference_plan, status="cancelled", title="Called off")
    stored(db, later, cancelled)
    with db.unit_of_work() as session:
        assert week_items(session, *WEEK) == []


def test_overlapping_items_share_the_width_the_others_have_it_whole():
    spans = [(0, 10), (5, 15), (12, 20), (30, 40), (30, 35), (36, 38)]
    assert side_by_side(spans) == [(0, 2), (1, 2), (0, 2), (0, 2), (1, 2), (1, 2)]
    assert side_by_side([(0, 10), (10, 20)]) == [(0, 1), (0, 1)]  # one ends as the next starts
    assert side_by_side([]) == []
