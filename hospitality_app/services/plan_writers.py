"""Writing the parts of a visit plan into its rows (services.plans decides which parts)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

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
from hospitality_app.services.plan_parts import FOLLOW_UP_FIELDS, VISIT_FIELDS


@dataclass
class Refs:
    """The rows of the shared records a plan names, by the names it uses."""

    company: Any
    visitors: dict
    staff: dict
    vehicles: dict
    hotels: dict
    restaurants: dict
    dishes: dict
    stops: dict
    new_staff: tuple[tuple[str, str], ...] = ()  # added for a checklist: (name, JSON path)


def assign(row, **values) -> None:
    """Set only the attributes that change, so unchanged rows keep their version."""
    for key, value in values.items():
        if getattr(row, key, None) != value:
            setattr(row, key, value)


def write_visit(session: Session, visit: Visit, plan: VisitPlan, refs: Refs, todo: set[str], now: datetime) -> None:
    assign(visit, **{f: getattr(plan, f) for f in VISIT_FIELDS if f"visit.{f}" in todo})
    if "company" in todo:
        assign(visit, company_id=refs.company.id)
    if "outcome" in todo:
        o = plan.outcome
        assign(
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
        assign(row, position=position)
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
        assign(
            row,
            kind=p.kind,
            carrier_number=p.carrier_number,
            origin=p.origin,
            destination=p.destination,
            meeting_point=p.meeting_point,
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
        assign(
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
        assign(
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

    assign(tour, start=t.start, guide_id=sid(t.guide), door_front_id=sid(t.door_front), door_back_id=sid(t.door_back))
    session.flush()
    session.refresh(tour, ["route"])
    wanted = [(refs.stops[s.name].id, s.minutes, s.view) for s in t.stops]
    if [(r.stop_id, r.minutes, r.view) for r in tour.route] != wanted:
        tour.route = [TourRouteStop(stop_id=i, minutes=m, view=v, position=p) for p, (i, m, v) in enumerate(wanted)]
        flag_modified(tour, "start")  # the route lives in its own rows; the tour's version moves


def _write_agenda(session, visit, plan, refs, _shared) -> None:
    loaded = {a.id: a.bottom_lines for a in (plan.base.agenda if plan.base else ()) if a.id is not None}

    def fill(row: AgendaItem, a) -> None:
        assign(
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
            assign(line, text=a.bottom_lines)
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
        assign(
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
    assign(row, **{key: list(v) if isinstance(v, tuple) else v for key, v in values.items()})


WRITERS: dict[str, Callable] = {
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
    WRITERS[f"follow_up.{_f}"] = lambda session, visit, plan, _refs, _shared, key=_f: _write_follow_up_fields(
        session, visit.id, {key: getattr(plan.follow_up, key)}
    )
