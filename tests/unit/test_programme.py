"""The usual programme: the practice's day, one item after the other, presented by the hosts who
have the roles, the tour's slot as long as the tour."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from itertools import pairwise

from hospitality_app.services.programme import usual_programme


def test_an_empty_agenda_gets_the_usual_day_from_the_visit_s_start(reference_plan):
    items = usual_programme(replace(reference_plan, agenda=()))
    assert [(a.kind, a.minutes, a.presenter) for a in items] == [
        ("welcome", 15, "Li Wei"),
        ("company_intro", 30, "Zhang Min"),
        ("client_intro", 30, None),
        ("samples", 15, "Li Wei"),
        ("factory_tour", 65, "Li Wei"),  # the tour's own length; Li Wei guides
        ("negotiation", 90, "Zhang Min"),
        ("photo", 15, "Wang Fang"),
    ]
    assert items[0].start == reference_plan.start
    assert all(b.start == a.end for a, b in pairwise(items))  # one after the other
    assert items[0].title == "Welcome at the lift, exchange of business cards"


def test_it_follows_what_is_planned_and_leaves_roles_nobody_has_empty(reference_plan):
    hosts = tuple(h for h in reference_plan.hosts if "photographer" not in h.roles)
    plan = replace(reference_plan, hosts=hosts, tour=None)
    items = usual_programme(plan)
    assert items[0].start == max(a.end for a in reference_plan.agenda)
    assert items[-1].presenter is None and items[4].minutes == 60
    assert items[-1].end - items[0].start == timedelta(minutes=15 + 30 + 30 + 15 + 60 + 90 + 15)
