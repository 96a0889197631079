"""The parts of a visit plan that a save compares and writes one by one (services.plans): the
visit's own fields, its people, each list of items, the outcome, each follow-up field. Shared
records appear in a part only by what identifies them; their contents are theirs."""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from hospitality_app.services.dto import VisitPlan

VISIT_FIELDS = (
    "title",
    "purpose",
    "status",
    "timezone",
    "start",
    "end",
    "key_account",
    "first_visit",
    "client_locale",
    "office_address",
)
FOLLOW_UP_FIELDS = (
    "greeting",
    "consensus",
    "minutes",
    "next_steps",
    "letter_subject",
    "letter_opening",
    "letter_closing",
    "letter_sent",
    "photos_sent",
    "callback_due",
    "callback_done",
)


def _own(item, **shared) -> tuple:
    """An item's own values, each shared record in it replaced by what identifies it."""
    return tuple(shared[f.name] if f.name in shared else getattr(item, f.name) for f in fields(item) if f.compare)


class _Names:
    """What identifies the people and places a plan names: the database row when known (from
    the plan, or from what was loaded under that name), else the name. A record renamed
    elsewhere is then still the same part of the plan, not a change of it."""

    def __init__(self, plan: VisitPlan, base: VisitPlan | None) -> None:
        known: dict[tuple[str, str], int] = {}
        for source in (base, plan):
            if source is None:
                continue
            for v in source.visitors:
                if v.id is not None:
                    known[("visitor", v.name)] = v.id
            for h in source.hosts:
                if h.id is not None:
                    known[("staff", h.name)] = h.id
            for kind, dto in _places(source):
                if dto.id is not None:
                    known[(kind, dto.name)] = dto.id
        self._known = known
        self._visitors = {v.name for v in plan.visitors}

    def of(self, kind: str, dto) -> object:
        if dto is None:
            return None
        if dto.id is not None:
            return (kind, dto.id)
        return (kind, self._known.get((kind, dto.name), dto.name))

    def person(self, name: str | None) -> object:
        if name is None:
            return None
        kind = "visitor" if name in self._visitors else "staff"
        return (kind, self._known.get((kind, name), name))

    def people(self, names) -> tuple:
        return tuple(self.person(n) for n in names)


def _places(plan: VisitPlan):
    for p in plan.pickups:
        if p.vehicle:
            yield "vehicle", p.vehicle
    for s in plan.hotel_stays:
        yield "hotel", s.hotel
    for m in plan.meals:
        if m.restaurant:
            yield "restaurant", m.restaurant
        for d in m.dishes:
            yield "dish", d
    for stop in plan.tour.stops if plan.tour else ():
        yield "tour_stop", stop


def parts(plan: VisitPlan, base: VisitPlan | None = None) -> dict[str, Any]:
    """The visit's parts, each compared and written as one: shared records only by what
    identifies them (their contents are theirs, see shared_records)."""
    n = _Names(plan, base)
    found: dict[str, Any] = {f"visit.{f}": getattr(plan, f) for f in VISIT_FIELDS}
    c = plan.company
    found["company"] = c.id if c.id is not None else (c.name, c.country)
    found["visitors"] = tuple(n.of("visitor", v) for v in plan.visitors)
    found["hosts"] = tuple((n.of("staff", h), h.roles) for h in plan.hosts)
    found["pickups"] = tuple(
        _own(p, vehicle=n.of("vehicle", p.vehicle), driver=n.person(p.driver), passengers=n.people(p.passengers))
        for p in plan.pickups
    )
    found["hotel_stays"] = tuple(
        _own(s, hotel=n.of("hotel", s.hotel), guests=n.people(s.guests)) for s in plan.hotel_stays
    )
    found["meals"] = tuple(
        _own(
            m,
            restaurant=n.of("restaurant", m.restaurant),
            dishes=tuple(n.of("dish", d) for d in m.dishes),
            attendees=n.people(m.attendees),
        )
        for m in plan.meals
    )
    t = plan.tour
    found["tour"] = (
        _own(
            t,
            stops=tuple((n.of("tour_stop", s), s.minutes, s.view) for s in t.stops),
            guide=n.person(t.guide),
            door_front=n.person(t.door_front),
            door_back=n.person(t.door_back),
        )
        if t
        else None
    )
    found["agenda"] = tuple(_own(a, presenter=n.person(a.presenter)) for a in plan.agenda)
    found["gifts"] = tuple(_own(g, recipient=n.person(g.recipient)) for g in plan.gifts)
    found["checklist"] = tuple(
        _own(c, assignee=n.person(c.assignee), done_by=n.person(c.done_by)) for c in plan.checklist
    )
    found["outcome"] = plan.outcome
    for f in FOLLOW_UP_FIELDS:
        found[f"follow_up.{f}"] = getattr(plan.follow_up, f)
    return found
