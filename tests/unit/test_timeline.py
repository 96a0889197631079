"""The visit's days as a timeline: blocks on the lanes of the people an item involves, the day's
hours, and moving an item by dragging its block."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from hospitality_app.exports import timeline
from hospitality_app.exports.timeline import VISITORS, days, moved, snapped


def hm(plan, moment) -> str:
    return plan.local(moment).strftime("%H:%M")


def test_the_arrival_evening_and_the_first_day(reference_plan):
    evening, first = days(reference_plan)
    assert evening.day == date(2026, 12, 2) and first.day == date(2026, 12, 3)
    [pickup] = evening.blocks
    # The driver from when due (21:45, after the landing at 21:35) until back at the hotel (35 min).
    assert (pickup.target, hm(reference_plan, pickup.start), hm(reference_plan, pickup.end)) == (
        "pickups[0]",
        "21:45",
        "22:20",
    )
    assert pickup.lanes == (VISITORS, "Chen Jie", "vehicle:Buick GL8")
    assert (evening.first_hour, evening.last_hour) == (20, 23)  # an evening shows itself
    assert (first.first_hour, first.last_hour) == (8, 21)  # the working day, to the dinner's end
    assert first.lanes == (VISITORS, "Li Wei", "Zhang Min", "Chen Jie", "Wang Fang", "vehicle:Buick GL8")


def test_the_tour_is_one_block_with_its_stops_in_place_of_its_agenda_slot(reference_plan):
    first = days(reference_plan)[1]
    targets = [b.target for b in first.blocks]
    assert "agenda[4]" not in targets  # the tour's slot
    tour = next(b for b in first.blocks if b.target == "tour")
    assert (tour.title, tour.kind, tour.color) == ("Factory tour", "tour", "seagreen")
    assert tour.lanes == (VISITORS, "Li Wei", "Wang Fang")  # guide, front door; no back door
    assert [(s.name, hm(reference_plan, s.start)) for s in tour.stops] == [
        ("Showroom — wristband samples", "10:30"),
        ("Silicone moulding line", "10:50"),
        ("RFID inlay encoding room", "11:05"),
        ("QC laboratory", "11:20"),
    ]
    assert tour.stops[-1].end == tour.end


def test_a_meal_is_on_the_lanes_of_who_eats_and_the_agenda_on_the_presenter_s(reference_plan):
    first = days(reference_plan)[1]
    lunch = next(b for b in first.blocks if b.target == "meals[0]")
    assert lunch.lanes == (VISITORS, "Li Wei", "Zhang Min") and lunch.color == "darkorange"
    hosts_only = replace(reference_plan.meals[0], attendees=("Li Wei",))
    alone = timeline.blocks(replace(reference_plan, meals=(hosts_only,)))
    assert next(b for b in alone if b.target == "meals[0]").lanes == ("Li Wei",)
    intro = next(b for b in first.blocks if b.target == "agenda[2]")
    assert intro.lanes == (VISITORS,)  # no presenter: the visitors present


def test_a_finding_concerns_the_item_and_its_parts_only(reference_plan):
    lunch = next(b for b in timeline.blocks(reference_plan) if b.target == "meals[0]")
    assert lunch.concerned_by("meals[0]") and lunch.concerned_by("meals[0].dishes[2]")
    assert not lunch.concerned_by("meals[1]") and not lunch.concerned_by("meals[10]")


def test_a_drag_snaps_to_five_minutes():
    assert [snapped(m) for m in (0, 2.4, 2.6, 7.4, -3, -12.6)] == [0, 0, 5, 5, -5, -15]


def test_moving_keeps_lengths_and_moves_the_driver_not_the_flight(reference_plan):
    later = moved(reference_plan, "meals[0]", 30)
    assert (later.meals[0].start - reference_plan.meals[0].start, later.meals[0].end - later.meals[0].start) == (
        timedelta(minutes=30),
        reference_plan.meals[0].end - reference_plan.meals[0].start,
    )
    earlier = moved(reference_plan, "pickups[0]", -15)
    assert earlier.pickups[0].driver_due == reference_plan.pickups[0].driver_due - timedelta(minutes=15)
    assert earlier.pickups[0].arrival == reference_plan.pickups[0].arrival
    assert moved(reference_plan, "tour", 10).tour.start == reference_plan.tour.start + timedelta(minutes=10)
    assert moved(reference_plan, "agenda[5]", 60).agenda[5].start == reference_plan.agenda[5].start + timedelta(hours=1)
    assert moved(reference_plan, "agenda[99]", 60) == reference_plan == moved(reference_plan, "meals[0]", 0)


def test_stretching_changes_the_length_never_below_five_minutes(reference_plan):
    from hospitality_app.exports.timeline import stretched

    talks = stretched(reference_plan, "agenda[5]", 30).agenda[5]
    assert (talks.start, talks.minutes) == (reference_plan.agenda[5].start, 150)
    assert stretched(reference_plan, "agenda[0]", -60).agenda[0].minutes == 5
    lunch = stretched(reference_plan, "meals[0]", -15).meals[0]
    assert (lunch.start, lunch.end) == (
        reference_plan.meals[0].start,
        reference_plan.meals[0].end - timedelta(minutes=15),
    )
    short = stretched(reference_plan, "meals[0]", -600).meals[0]
    assert short.end - short.start == timedelta(minutes=5)
    assert stretched(reference_plan, "tour", 30) == reference_plan == stretched(reference_plan, "pickups[0]", 30)
