"""Save and load a whole visit plan (the visit aggregate) in one unit of work.

A save writes what the plan changed, nothing else. A plan loaded from the database carries what
was loaded (`plan.base`); the visit's parts (its fields, its people, each list of items, the
outcome, each follow-up field) are compared three ways — as loaded, as the plan has them now, as
the database has them now — so that a part changed on both sides to different values is a
conflict, and a part changed only elsewhere (a ticked checklist item, the letter recorded as
sent, an outcome) is kept. The records plans share are written by `shared_records` the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from hospitality_app.errors import ConflictError, NotFoundError
from hospitality_app.models import (
    AgendaItem,
    BottomLine,
    ChecklistItem,
    FollowUp,
    Gift,
    HotelRoom,
    HotelStay,
    Meal,
    MealDish,
    Pickup,
    Tour,
    TourRouteStop,
    Visit,
    VisitHost,
    VisitVisitor,
)
from hospitality_app.services.dto import VisitPlan
from hospitality_app.services.plan_loading import load_plan
from hospitality_app.services.shared_records import SharedChange, SharedRecords
from hospitality_app.services.validation import validate_plan

__all__ = ["Saved", "delete_visit", "load_plan", "parts", "save"]

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
    "letter_sent",
    "photos_sent",
    "callback_due",
    "callback_done",
)
# Parts whose change moves the moments checklist items are due relative to.
ANCHOR_PARTS = {"visit.start", "visit.end", "pickups", "tour", "meals", "checklist"}


@dataclass(frozen=True)
class Saved:
    visit_id: int
    changes: tuple[SharedChange, ...] = ()  # shared records whose stored values changed
    written: tuple[str, ...] = ()  # the visit's parts written


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


def _to_write(session: Session, plan: VisitPlan, visit: Visit) -> set[str]:
    """The parts to write: all for a plan not loaded from here; else those the plan changed
    that the database does not hold already. Both sides changed differently: a conflict."""
    mine = parts(plan, plan.base)
    if plan.base is None:
        if plan.version is not None and visit.version != plan.version:
            raise ConflictError(f"Visit {plan.id} ({visit.title})", plan.version, visit.version)
        return set(mine)
    base, theirs = parts(plan.base), parts(load_plan(session, visit.id))
    changed = {key for key in mine if mine[key] != base[key]}
    clashes = sorted(key for key in changed if theirs[key] not in (base[key], mine[key]))
    if clashes:
        raise ConflictError(f"Visit {plan.id} ({visit.title})", parts=tuple(clashes))
    return {key for key in changed if theirs[key] != mine[key]}


def save(session: Session, plan: VisitPlan, *, now: datetime | None = None, create_only: bool = False) -> Saved:
    """Create or update the visit of `plan`. A conflict raises ConflictError naming the parts.
    `create_only`: shared records the plan names are created if missing, never changed (demo
    data must not overwrite what the team knows about a real client)."""
    validate_plan(plan)
    now = now or datetime.now(UTC)
    visit = None
    if plan.id is not None:
        visit = session.get(Visit, plan.id)
        if visit is None:
            raise NotFoundError(f"visit {plan.id} does not exist (it may have been deleted)")
    todo = set(parts(plan)) if visit is None else _to_write(session, plan, visit)
    shared = SharedRecords(session, plan.base, create_only=create_only)
    refs = _resolve(shared, plan)
    if visit is None:
        visit = Visit(version=1, company_id=refs.company.id, updated_at=now)
        session.add(visit)
    if todo:
        _write_visit(session, visit, plan, refs, todo, now)
        session.flush()
        for key, writer in _WRITERS.items():
            if key in todo:
                writer(session, visit, plan, refs, shared)
        session.flush()
        if todo & ANCHOR_PARTS:
            _reschedule(session, visit.id)
    return Saved(visit.id, tuple(shared.changes), tuple(sorted(todo)))


@dataclass
class _Refs:
    """The rows of the shared records a plan names, by the names it uses."""

    company: Any
    visitors: dict
    staff: dict
    vehicles: dict
    hotels: dict
    restaurants: dict
    dishes: dict
    stops: dict


def _resolve(shared: SharedRecords, plan: VisitPlan) -> _Refs:
    company = shared.company(plan.company)
    visitors = {v.name: shared.visitor(company, v, f"visitors[{i}]") for i, v in enumerate(plan.visitors)}
    staff = {h.name: shared.staff(h.name, h) for h in plan.hosts}
    vehicles = {p.vehicle.name: shared.vehicle(p.vehicle) for p in plan.pickups if p.vehicle}
    hotels = {s.hotel.name: shared.hotel(s.hotel) for s in plan.hotel_stays}
    restaurants = {m.restaurant.name: shared.restaurant(m.restaurant) for m in plan.meals if m.restaurant}
    dishes = {}
    for m in plan.meals:
        rname = m.restaurant.name if m.restaurant else None
        for d in m.dishes:
            dishes[(rname, d.name)] = shared.dish(restaurants.get(rname) if rname else None, d)
    stops = {s.name: shared.tour_stop(s) for s in (plan.tour.stops if plan.tour else ())}
    for c in plan.checklist:  # people a checklist names who are not hosts (import)
        for name in (c.assignee, c.done_by):
            if name and name not in staff:
                staff[name] = shared.staff(name)
    return _Refs(company, visitors, staff, vehicles, hotels, restaurants, dishes, stops)


def _assign(row, **values) -> None:
    """Set only the attributes that change, so unchanged rows keep their version."""
    for key, value in values.items():
        if getattr(row, key, None) != value:
            setattr(row, key, value)


def _write_visit(session: Session, visit: Visit, plan: VisitPlan, refs: _Refs, todo: set[str], now: datetime) -> None:
    _assign(visit, **{f: getattr(plan, f) for f in VISIT_FIELDS if f"visit.{f}" in todo})
    if "company" in todo:
        _assign(visit, company_id=refs.company.id)
    if "outcome" in todo:
        o = plan.outcome
        _assign(
            visit,
            outcome=o.status if o else None,
            order_amount=o.amount if o else None,
            order_currency=o.currency if o else "",
            outcome_notes=o.notes if o else "",
            order_date=o.order_date if o else None,
        )
    visit.updated_at = now
    # Always an UPDATE, so the version moves even if only children changed (a concurrent
    # writer of the same visit then fails its version check instead of interleaving).
    flag_modified(visit, "updated_at")


def _sync(session: Session, model, visit_id: int, items: Sequence, fill: Callable) -> None:
    """Update rows matched by the items' ids, insert new ones, delete the ones no longer there."""
    existing = {row.id: row for row in session.scalars(select(model).where(model.visit_id == visit_id))}
    for position, item in enumerate(items):
        row = existing.pop(item.id, None) if getattr(item, "id", None) is not None else None
        if row is None:
            # Added to the session only once filled, so that an autoflush never meets a
            # half-filled row.
            row = model(visit_id=visit_id)
            if hasattr(model, "version"):
                row.version = 1
        _assign(row, position=position)
        fill(row, item)
        session.add(row)
    for row in existing.values():
        session.delete(row)


def _ensure_row(session: Session, row) -> None:
    if row.id is None:
        session.add(row)
        session.flush()


def _set_collection(session: Session, row, attr: str, values: list) -> None:
    _ensure_row(session, row)
    session.refresh(row, [attr])
    if [v.id for v in getattr(row, attr)] != [v.id for v in values]:
        setattr(row, attr, values)


def _write_visitors(session, visit, plan, refs, _shared) -> None:
    session.execute(delete(VisitVisitor).where(VisitVisitor.visit_id == visit.id))
    for position, v in enumerate(plan.visitors):
        session.add(VisitVisitor(visit_id=visit.id, visitor_id=refs.visitors[v.name].id, position=position))


def _write_hosts(session, visit, plan, refs, _shared) -> None:
    session.execute(delete(VisitHost).where(VisitHost.visit_id == visit.id))
    position = 0
    for h in plan.hosts:
        for role in h.roles or ("",):
            session.add(VisitHost(visit_id=visit.id, staff_id=refs.staff[h.name].id, role=role, position=position))
            position += 1


def _write_pickups(session, visit, plan, refs, _shared) -> None:
    def fill(row: Pickup, p) -> None:
        _assign(
            row,
            kind=p.kind,
            carrier_number=p.carrier_number,
            origin=p.origin,
            destination=p.destination,
            arrival=p.arrival,
            driver_due=p.driver_due,
            driver_id=refs.staff[p.driver].id if p.driver else None,
            vehicle_id=refs.vehicles[p.vehicle.name].id if p.vehicle else None,
            luggage_pieces=p.luggage_pieces,
            confirm_call_minutes_before=p.confirm_call_minutes_before,
            notes=p.notes,
        )
        _set_collection(session, row, "passengers", [refs.visitors[n] for n in p.passengers])

    _sync(session, Pickup, visit.id, plan.pickups, fill)


def _write_stays(session, visit, plan, refs, _shared) -> None:
    def fill(row: HotelStay, s) -> None:
        _assign(
            row,
            hotel_id=refs.hotels[s.hotel.name].id,
            check_in=s.check_in,
            check_out=s.check_out,
            booked_by=s.booked_by,
            paid_by=s.paid_by,
            notes=s.notes,
        )
        _set_collection(session, row, "guests", [refs.visitors[n] for n in s.guests])
        session.refresh(row, ["rooms"])
        if [(r.room_type, r.count) for r in row.rooms] != [(r.type, r.count) for r in s.rooms]:
            row.rooms = [HotelRoom(room_type=r.type, count=r.count) for r in s.rooms]

    _sync(session, HotelStay, visit.id, plan.hotel_stays, fill)


def _write_meals(session, visit, plan, refs, _shared) -> None:
    def fill(row: Meal, m) -> None:
        rname = m.restaurant.name if m.restaurant else None
        _assign(
            row,
            start=m.start,
            end=m.end,
            kind=m.kind,
            restaurant_id=refs.restaurants[rname].id if rname else None,
            alcohol_served=m.alcohol_served,
            notes=m.notes,
        )
        _set_collection(session, row, "visitors", [refs.visitors[n] for n in m.attendees if n in refs.visitors])
        _set_collection(session, row, "staff", [refs.staff[n] for n in m.attendees if n in refs.staff])
        dishes = [refs.dishes[(rname, d.name)] for d in m.dishes]
        session.refresh(row, ["dish_links"])
        if [link.dish_id for link in row.dish_links] != [d.id for d in dishes]:
            row.dish_links = [MealDish(dish_id=d.id, position=i) for i, d in enumerate(dishes)]

    _sync(session, Meal, visit.id, plan.meals, fill)


def _write_tour(session, visit, plan, refs, _shared) -> None:
    tour = session.scalars(select(Tour).where(Tour.visit_id == visit.id)).first()
    t = plan.tour
    if t is None:
        if tour is not None:
            session.delete(tour)
        return
    if tour is None:
        tour = Tour(visit_id=visit.id, version=1)
        session.add(tour)

    def sid(name):
        return refs.staff[name].id if name else None

    _assign(tour, start=t.start, guide_id=sid(t.guide), door_front_id=sid(t.door_front), door_back_id=sid(t.door_back))
    session.flush()
    session.refresh(tour, ["route"])
    wanted = [(refs.stops[s.name].id, s.minutes, s.view) for s in t.stops]
    if [(r.stop_id, r.minutes, r.view) for r in tour.route] != wanted:
        tour.route = [TourRouteStop(stop_id=i, minutes=m, view=v, position=p) for p, (i, m, v) in enumerate(wanted)]
        flag_modified(tour, "start")  # the route lives in its own rows; the tour's version moves


def _write_agenda(session, visit, plan, refs, _shared) -> None:
    loaded = {a.id: a.bottom_lines for a in (plan.base.agenda if plan.base else ()) if a.id is not None}

    def fill(row: AgendaItem, a) -> None:
        _assign(
            row,
            start=a.start,
            minutes=a.minutes,
            title=a.title,
            kind=a.kind,
            presenter_id=refs.staff[a.presenter].id if a.presenter in refs.staff else None,
            materials=list(a.materials),
            topics=list(a.topics),
        )
        _ensure_row(session, row)
        # None: this user may not read them (team mode, not a manager): leave the manager's text
        # alone, and do not even ask the table, which the database refuses to staff.
        if a.bottom_lines is None or a.bottom_lines == loaded.get(a.id, ""):
            return
        line = session.get(BottomLine, row.id)
        if a.bottom_lines and line is None:
            session.add(BottomLine(agenda_item_id=row.id, text=a.bottom_lines))
        elif a.bottom_lines and line is not None:
            _assign(line, text=a.bottom_lines)
        elif line is not None:
            session.delete(line)

    _sync(session, AgendaItem, visit.id, plan.agenda, fill)


def _write_gifts(session, visit, plan, refs, _shared) -> None:
    session.execute(delete(Gift).where(Gift.visit_id == visit.id))
    for position, g in enumerate(plan.gifts):
        session.add(
            Gift(
                visit_id=visit.id,
                position=position,
                item=g.item,
                recipient_id=refs.visitors[g.recipient].id if g.recipient else None,
                value=g.value,
                currency=g.currency,
                notes=g.notes,
            )
        )


def _write_checklist(session, visit, plan, refs, _shared) -> None:
    def person(name):
        return refs.staff[name].id if name else None

    def fill(row: ChecklistItem, c) -> None:
        _assign(
            row,
            phase=c.phase,
            title=c.title,
            title_zh=c.title_zh,
            due=c.due,
            due_anchor=c.due_anchor,
            due_offset_minutes=c.due_offset_minutes,
            assignee_id=person(c.assignee),
            assignee_role=c.assignee_role,
            done_at=c.done_at,
            done_by_id=person(c.done_by),
            template=c.template,
        )

    _sync(session, ChecklistItem, visit.id, plan.checklist, fill)


def _write_follow_up_fields(session: Session, visit_id: int, values: dict[str, Any]) -> None:
    row = session.get(FollowUp, visit_id)
    if row is None:
        row = FollowUp(visit_id=visit_id, version=1)
        session.add(row)
    _assign(row, **{key: list(v) if isinstance(v, tuple) else v for key, v in values.items()})


_WRITERS: dict[str, Callable] = {
    "visitors": _write_visitors,
    "hosts": _write_hosts,
    "pickups": _write_pickups,
    "hotel_stays": _write_stays,
    "meals": _write_meals,
    "tour": _write_tour,
    "agenda": _write_agenda,
    "gifts": _write_gifts,
    "checklist": _write_checklist,
}
for _f in FOLLOW_UP_FIELDS:
    _WRITERS[f"follow_up.{_f}"] = lambda session, visit, plan, _refs, _shared, key=_f: _write_follow_up_fields(
        session, visit.id, {key: getattr(plan.follow_up, key)}
    )


def _reschedule(session: Session, visit_id: int) -> None:
    """Open checklist items follow their anchors (the arrival moved, a meal moved), from the
    visit as it now stands; done items keep their due time, who did them and when."""
    from hospitality_app.checklists.engine import anchors

    points = anchors(load_plan(session, visit_id))
    for row in session.scalars(
        select(ChecklistItem).where(ChecklistItem.visit_id == visit_id, ChecklistItem.done_at.is_(None))
    ):
        if row.due_anchor in points:
            _assign(row, due=points[row.due_anchor] + timedelta(minutes=row.due_offset_minutes))


def delete_visit(session: Session, visit_id: int, version: int | None = None) -> None:
    visit = session.get(Visit, visit_id)
    if visit is None:
        raise NotFoundError(f"visit {visit_id} does not exist")
    if version is not None and visit.version != version:
        raise ConflictError(f"Visit {visit_id} ({visit.title})", version, visit.version)
    session.delete(visit)
