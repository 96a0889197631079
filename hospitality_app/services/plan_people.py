"""A person renamed or removed in a plan, everywhere the plan names them: passengers, hotel guests,
meal guests, the driver, presenters, gift recipients, the tour's guide and door keepers (a plan
that still named the old name could not be saved)."""

from __future__ import annotations

from dataclasses import replace

from hospitality_app.services.dto import VisitPlan


def rename_person(plan: VisitPlan, old: str, new: str) -> VisitPlan:
    """`plan` with every mention of `old` reading `new`."""
    if not old or old == new:
        return plan
    return _each_mention(plan, lambda name: new if name == old else name)


def forget_person(plan: VisitPlan, name: str) -> VisitPlan:
    """`plan` without `name` in its lists, and with nobody where only `name` was."""
    if not name:
        return plan
    return _each_mention(plan, lambda mentioned: None if mentioned == name else mentioned)


def _each_mention(plan: VisitPlan, change) -> VisitPlan:
    def many(names: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(n for n in map(change, names) if n))

    def one(name: str | None) -> str | None:
        return change(name) if name else name

    tour = plan.tour
    if tour is not None:
        tour = replace(tour, guide=one(tour.guide), door_front=one(tour.door_front), door_back=one(tour.door_back))
    return replace(
        plan,
        pickups=tuple(replace(p, passengers=many(p.passengers), driver=one(p.driver)) for p in plan.pickups),
        hotel_stays=tuple(replace(s, guests=many(s.guests)) for s in plan.hotel_stays),
        meals=tuple(replace(m, attendees=many(m.attendees)) for m in plan.meals),
        agenda=tuple(replace(a, presenter=one(a.presenter)) for a in plan.agenda),
        gifts=tuple(replace(g, recipient=one(g.recipient)) for g in plan.gifts),
        tour=tour,
    )
