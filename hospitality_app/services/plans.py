"""Save and load a whole visit plan (the visit aggregate) in one unit of work."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime

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
from hospitality_app.services.catalog import Catalog, _assign
from hospitality_app.services.dto import (
    AgendaItemData,
    ChecklistItemData,
    FollowUpData,
    HotelStayData,
    MealData,
    PickupData,
    VisitPlan,
)
from hospitality_app.services.plan_loading import load_plan
from hospitality_app.services.validation import validate_plan

__all__ = ["delete_visit", "load_plan", "save_plan"]


def save_plan(
    session: Session,
    plan: VisitPlan,
    *,
    counts: tuple[int, int] = (0, 0),
    now: datetime | None = None,
) -> int:
    """Create or update the visit of `plan`; returns its id. A stale `plan.version` raises
    ConflictError. `counts` are the readiness errors and warnings cached for the visit list."""
    validate_plan(plan)
    now = now or datetime.now(UTC)
    catalog = Catalog(session)
    company = catalog.company(plan.company)
    if plan.id is None:
        visit = Visit(version=1)
        session.add(visit)
    else:
        visit = session.get(Visit, plan.id, with_for_update=False)
        if visit is None:
            raise NotFoundError(f"visit {plan.id} does not exist (it may have been deleted)")
        if plan.version is not None and visit.version != plan.version:
            raise ConflictError(f"Visit {plan.id} ({visit.title})", plan.version, visit.version)
    _assign(
        visit,
        company=company,
        title=plan.title,
        purpose=plan.purpose,
        status=plan.status,
        timezone=plan.timezone,
        start=plan.start,
        end=plan.end,
        key_account=plan.key_account,
        first_visit=plan.first_visit,
        client_locale=plan.client_locale,
        office_address=plan.office_address,
        error_count=counts[0],
        warning_count=counts[1],
    )
    outcome = plan.outcome
    _assign(
        visit,
        outcome=outcome.status if outcome else None,
        order_amount=outcome.amount if outcome else None,
        order_currency=outcome.currency if outcome else "",
        outcome_notes=outcome.notes if outcome else "",
        order_date=outcome.order_date if outcome else None,
    )
    visit.updated_at = now  # always an UPDATE, so the version moves even if only children changed
    session.flush()

    visitors = {v.name: catalog.visitor(company, v) for v in plan.visitors}
    staff = {h.name: catalog.staff(h.name, h) for h in plan.hosts}
    session.flush()
    _save_people(session, visit, plan, visitors, staff)
    _save_pickups(session, visit, plan, catalog, visitors, staff)
    _save_stays(session, visit, plan, catalog, visitors)
    _save_meals(session, visit, plan, catalog, visitors, staff)
    _save_tour(session, visit, plan, catalog, staff)
    _save_agenda(session, visit, plan, staff, visitors)
    _save_gifts(session, visit, plan, visitors)
    _save_follow_up(session, visit, plan.follow_up)
    _save_checklist(session, visit, plan, catalog, staff)
    session.flush()
    return visit.id


def _sync(session: Session, model, visit_id: int, items: Sequence, fill: Callable) -> None:
    """Update rows matched by the items' ids, insert new ones, delete the ones no longer there."""
    existing = {row.id: row for row in session.scalars(select(model).where(model.visit_id == visit_id))}
    for position, item in enumerate(items):
        row = existing.pop(item.id, None) if getattr(item, "id", None) is not None else None
        if row is None:
            # Added to the session only once filled (or by _ensure_row), so that an autoflush
            # never meets a half-filled row.
            row = model(visit_id=visit_id)
            if hasattr(model, "version"):
                row.version = 1
        _assign(row, position=position)
        fill(row, item)
        session.add(row)
    for row in existing.values():
        session.delete(row)


def _save_people(session, visit, plan, visitors, staff) -> None:
    session.execute(delete(VisitVisitor).where(VisitVisitor.visit_id == visit.id))
    session.execute(delete(VisitHost).where(VisitHost.visit_id == visit.id))
    for position, v in enumerate(plan.visitors):
        session.add(VisitVisitor(visit_id=visit.id, visitor_id=visitors[v.name].id, position=position))
    position = 0
    for h in plan.hosts:
        for role in h.roles or ("",):
            session.add(VisitHost(visit_id=visit.id, staff_id=staff[h.name].id, role=role, position=position))
            position += 1


def _save_pickups(session, visit, plan, catalog, visitors, staff) -> None:
    def fill(row: Pickup, p: PickupData) -> None:
        vehicle = catalog.vehicle(p.vehicle) if p.vehicle else None
        if vehicle is not None and vehicle.id is None:
            session.flush()
        _assign(
            row,
            kind=p.kind,
            carrier_number=p.carrier_number,
            origin=p.origin,
            destination=p.destination,
            arrival=p.arrival,
            driver_due=p.driver_due,
            driver_id=staff[p.driver].id if p.driver else None,
            vehicle_id=vehicle.id if vehicle else None,
            luggage_pieces=p.luggage_pieces,
            confirm_call_minutes_before=p.confirm_call_minutes_before,
            notes=p.notes,
        )
        _set_collection(session, row, "passengers", [visitors[n] for n in p.passengers])

    _sync(session, Pickup, visit.id, plan.pickups, fill)


def _ensure_row(session, row) -> None:
    if row.id is None:
        session.add(row)
        session.flush()


def _set_collection(session, row, attr: str, values: list) -> None:
    _ensure_row(session, row)
    session.refresh(row, [attr])
    if [v.id for v in getattr(row, attr)] != [v.id for v in values]:
        setattr(row, attr, values)


def _save_stays(session, visit, plan, catalog, visitors) -> None:
    def fill(row: HotelStay, s: HotelStayData) -> None:
        hotel = catalog.hotel(s.hotel)
        if hotel.id is None:
            session.flush()
        _assign(
            row,
            hotel_id=hotel.id,
            check_in=s.check_in,
            check_out=s.check_out,
            booked_by=s.booked_by,
            paid_by=s.paid_by,
            notes=s.notes,
        )
        _set_collection(session, row, "guests", [visitors[n] for n in s.guests])
        session.refresh(row, ["rooms"])
        if [(r.room_type, r.count) for r in row.rooms] != [(r.type, r.count) for r in s.rooms]:
            row.rooms = [HotelRoom(room_type=r.type, count=r.count) for r in s.rooms]

    _sync(session, HotelStay, visit.id, plan.hotel_stays, fill)


def _save_meals(session, visit, plan, catalog, visitors, staff) -> None:
    def fill(row: Meal, m: MealData) -> None:
        restaurant = catalog.restaurant(m.restaurant) if m.restaurant else None
        if restaurant is not None and restaurant.id is None:
            session.flush()
        _assign(
            row,
            start=m.start,
            end=m.end,
            kind=m.kind,
            restaurant_id=restaurant.id if restaurant else None,
            alcohol_served=m.alcohol_served,
            notes=m.notes,
        )
        _set_collection(session, row, "visitors", [visitors[n] for n in m.attendees if n in visitors])
        _set_collection(session, row, "staff", [staff[n] for n in m.attendees if n in staff])
        dishes = [catalog.dish(restaurant, d.name, d.contains) for d in m.dishes]
        session.flush()
        session.refresh(row, ["dish_links"])
        if [link.dish_id for link in row.dish_links] != [d.id for d in dishes]:
            row.dish_links = [MealDish(dish_id=d.id, position=i) for i, d in enumerate(dishes)]

    _sync(session, Meal, visit.id, plan.meals, fill)


def _save_tour(session, visit, plan, catalog, staff) -> None:
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
        return staff[name].id if name else None

    _assign(tour, start=t.start, guide_id=sid(t.guide), door_front_id=sid(t.door_front), door_back_id=sid(t.door_back))
    stops = [catalog.tour_stop(s.name, s.hygiene) for s in t.stops]
    session.flush()
    session.refresh(tour, ["route"])
    wanted = [(stop.id, s.minutes, s.view) for stop, s in zip(stops, t.stops, strict=True)]
    if [(r.stop_id, r.minutes, r.view) for r in tour.route] != wanted:
        tour.route = [TourRouteStop(stop_id=i, minutes=m, view=v, position=p) for p, (i, m, v) in enumerate(wanted)]
        flag_modified(tour, "start")  # the route lives in its own rows; the tour's version moves


def _save_agenda(session, visit, plan, staff, visitors) -> None:
    def fill(row: AgendaItem, a: AgendaItemData) -> None:
        _assign(
            row,
            start=a.start,
            minutes=a.minutes,
            title=a.title,
            kind=a.kind,
            presenter_id=staff[a.presenter].id if a.presenter in staff else None,
            materials=list(a.materials),
            topics=list(a.topics),
        )
        _ensure_row(session, row)
        if a.bottom_lines is None:
            return  # not visible to this user (team mode): leave the manager's text alone
        line = session.get(BottomLine, row.id)
        if a.bottom_lines and line is None:
            session.add(BottomLine(agenda_item_id=row.id, text=a.bottom_lines))
        elif a.bottom_lines and line is not None:
            _assign(line, text=a.bottom_lines)
        elif line is not None:
            session.delete(line)

    _sync(session, AgendaItem, visit.id, plan.agenda, fill)


def _save_gifts(session, visit, plan, visitors) -> None:
    session.execute(delete(Gift).where(Gift.visit_id == visit.id))
    for position, g in enumerate(plan.gifts):
        session.add(
            Gift(
                visit_id=visit.id,
                position=position,
                item=g.item,
                recipient_id=visitors[g.recipient].id if g.recipient else None,
                value=g.value,
                currency=g.currency,
                notes=g.notes,
            )
        )


def _save_follow_up(session, visit, f: FollowUpData) -> None:
    row = session.get(FollowUp, visit.id)
    if row is None:
        row = FollowUp(visit_id=visit.id, version=1)
        session.add(row)
    _assign(
        row,
        greeting=f.greeting,
        consensus=list(f.consensus),
        minutes=f.minutes,
        next_steps=list(f.next_steps),
        letter_sent=f.letter_sent,
        photos_sent=f.photos_sent,
        callback_due=f.callback_due,
        callback_done=f.callback_done,
    )


def _save_checklist(session, visit, plan, catalog, staff) -> None:
    def person(name):
        if name is None:
            return None
        row = staff.get(name) or catalog.staff(name)
        if row.id is None:
            session.flush()
        return row.id

    def fill(row: ChecklistItem, c: ChecklistItemData) -> None:
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


def delete_visit(session: Session, visit_id: int, version: int | None = None) -> None:
    visit = session.get(Visit, visit_id)
    if visit is None:
        raise NotFoundError(f"visit {visit_id} does not exist")
    if version is not None and visit.version != version:
        raise ConflictError(f"Visit {visit_id} ({visit.title})", version, visit.version)
    session.delete(visit)
