"""The usual programme: the practice's day, one item after the other, presented by the hosts who
have the roles, the tour's slot when and as long as the tour, meals with the visitors left free."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from itertools import pairwise

from hospitality_app.services.programme import tour_slot, usual_programme


def test_an_empty_agenda_gets_the_usual_day_from_the_visit_s_start(reference_plan):
    items = usual_programme(replace(reference_plan, agenda=(), meals=()))
    assert [(a.kind, a.minutes, a.presenter) for a in items] == [
        ("welcome", 15, "Li Wei"),
        ("company_intro", 30, "Zhang Min"),
        ("client_intro", 30, None),
        ("samples", 15, "Li Wei"),
        ("factory_tour", 65, None),  # the tour's own length; its guide is the tour's
        ("negotiation", 90, "Zhang Min"),
        ("photo", 15, "Wang Fang"),
    ]
    assert items[0].start == reference_plan.start
    assert items[4].start == reference_plan.tour.start  # 09:00 + 15 + 30 + 30 + 15 = 10:30
    assert all(b.start == a.end for a, b in pairwise(items))  # one after the other
    assert items[0].title == "Welcome at the lift, exchange of business cards"


def test_it_follows_what_is_planned_and_leaves_roles_nobody_has_empty(reference_plan):
    hosts = tuple(h for h in reference_plan.hosts if "photographer" not in h.roles)
    plan = replace(reference_plan, hosts=hosts, tour=None, meals=())
    items = usual_programme(plan)
    assert items[0].start == max(a.end for a in reference_plan.agenda)
    assert items[-1].presenter is None and items[4].minutes == 60
    assert items[-1].end - items[0].start == timedelta(minutes=15 + 30 + 30 + 15 + 60 + 90 + 15)


def test_an_item_that_would_run_into_lunch_waits_until_after_it(reference_plan):
    items = usual_programme(replace(reference_plan, agenda=()))
    lunch = reference_plan.meals[0]  # 12:00-13:15, with the visitors
    negotiation = items[5]
    assert items[4].end < lunch.start  # the tour ends 11:35: the talks would run into lunch
    assert (negotiation.kind, negotiation.start, items[6].start) == (
        "negotiation",
        lunch.end,
        lunch.end + timedelta(minutes=90),
    )


def test_an_item_ending_as_lunch_starts_stays(reference_plan):
    tour = replace(reference_plan.tour, start=reference_plan.meals[0].start - timedelta(minutes=65))
    items = usual_programme(replace(reference_plan, agenda=(), tour=tour))
    assert items[4].end == reference_plan.meals[0].start and items[4].start == tour.start


def test_a_meal_of_the_hosts_alone_does_not_move_the_programme(reference_plan):
    hosts_only = replace(reference_plan.meals[0], attendees=("Li Wei",))
    items = usual_programme(replace(reference_plan, agenda=(), meals=(hosts_only,)))
    assert items[5].start == items[4].end


def test_a_tour_early_in_the_morning_keeps_the_other_items_out_of_it(reference_plan):
    tour = replace(reference_plan.tour, start=reference_plan.start)  # 09:00-10:05
    items = usual_programme(replace(reference_plan, agenda=(), tour=tour))
    slot = next(a for a in items if a.kind == "factory_tour")
    assert (slot.start, slot.end) == (tour.start, tour.end)
    others = [a for a in items if a.kind != "factory_tour"]
    assert all(a.end <= tour.start or a.start >= tour.end for a in others)
    assert others[0].start == tour.end  # the welcome waits for the tour to end


def test_the_tour_s_usual_slot_is_after_the_morning_s_introductions(reference_plan):
    assert tour_slot(reference_plan) == reference_plan.start + timedelta(minutes=15 + 30 + 30 + 15)
