"""Load a whole visit plan (the visit aggregate) into a frozen VisitPlan."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload, selectinload

from hospitality_app.errors import NotFoundError
from hospitality_app.models import (
    AgendaItem,
    BottomLine,
    ChecklistItem,
    Dish,
    FollowUp,
    Gift,
    HotelStay,
    Meal,
    MealDish,
    Pickup,
    Staff,
    Tour,
    TourRouteStop,
    Visit,
    VisitHost,
    Visitor,
    VisitVisitor,
    meal_staff,
    meal_visitor,
)
from hospitality_app.services.dto import (
    AgendaItemData,
    ChecklistItemData,
    CompanyData,
    DishData,
    FollowUpData,
    GiftData,
    HostData,
    HotelData,
    HotelStayData,
    MealData,
    OutcomeData,
    PickupData,
    RestaurantData,
    RoomData,
    TourData,
    TourStopData,
    VehicleData,
    VisitorData,
    VisitPlan,
)


def load_plan(session: Session, visit_id: int, *, bottom_lines: bool = True) -> VisitPlan:
    """The whole visit; without `bottom_lines`, the negotiation bottom lines are not even read
    (None, as for a user the database refuses them to): for what must never show them."""
    # Rows that belong to one other row (a meal's restaurant) come joined into the same query;
    # collections in one more query each. Each query costs a fixed third of a millisecond or so,
    # and a large visit's calendar export must stay within 50 ms.
    visit = session.scalars(
        select(Visit)
        .where(Visit.id == visit_id)
        .options(
            joinedload(Visit.company),
            selectinload(Visit.visitor_links).joinedload(VisitVisitor.visitor),
            selectinload(Visit.hosts).joinedload(VisitHost.staff),
        )
    ).first()
    if visit is None:
        raise NotFoundError(f"visit {visit_id} does not exist")
    c = visit.company
    company = CompanyData(
        name=c.name,
        country=c.country,
        city=c.city,
        website=c.website,
        gift_policy=c.gift_policy,
        research=c.research,
        id=c.id,
    )
    visitors = tuple(visitor_data(link.visitor) for link in visit.visitor_links)
    hosts: dict[int, HostData] = {}
    for link in visit.hosts:
        s = link.staff
        prev = hosts.get(s.id)
        roles = (prev.roles if prev else ()) + ((link.role,) if link.role else ())
        hosts[s.id] = HostData(
            name=s.name,
            roles=roles,
            languages=tuple(s.languages or ()),
            phone=s.phone,
            email=s.email,
            department=s.department,
            id=s.id,
        )
    follow = session.get(FollowUp, visit.id)
    outcome = None
    if visit.outcome:
        outcome = OutcomeData(
            status=visit.outcome,
            amount=visit.order_amount,
            currency=visit.order_currency,
            notes=visit.outcome_notes,
            order_date=visit.order_date,
        )
    plan = VisitPlan(
        id=visit.id,
        version=visit.version,
        title=visit.title,
        purpose=visit.purpose,
        status=visit.status,
        timezone=visit.timezone,
        start=visit.start,
        end=visit.end,
        key_account=visit.key_account,
        first_visit=visit.first_visit,
        client_locale=visit.client_locale,
        office_address=visit.office_address,
        company=company,
        visitors=visitors,
        hosts=tuple(hosts.values()),
        pickups=_load_pickups(session, visit.id),
        hotel_stays=_load_stays(session, visit.id),
        meals=_load_meals(session, visit.id),
        tour=_load_tour(session, visit.id),
        agenda=_load_agenda(session, visit.id, bottom_lines),
        gifts=_load_gifts(session, visit.id),
        follow_up=_follow_up_data(follow),
        checklist=_load_checklist(session, visit.id),
        outcome=outcome,
    )
    return replace(plan, base=plan)


def visitor_data(v) -> VisitorData:
    return VisitorData(
        name=v.name,
        title=v.title,
        languages=tuple(v.languages or ()),
        dietary=tuple(v.dietary or ()),
        allergies=tuple(v.allergies or ()),
        preferences=tuple(v.preferences or ()),
        interests=tuple(v.interests or ()),
        notes=v.notes,
        salutation=v.salutation or "",
        family_name=v.family_name or "",
        observes_fasting=v.observes_fasting,
        id=v.id,
    )


def _load_pickups(session, visit_id) -> tuple[PickupData, ...]:
    rows = session.scalars(
        select(Pickup)
        .where(Pickup.visit_id == visit_id)
        .order_by(Pickup.position)
        .options(joinedload(Pickup.driver), joinedload(Pickup.vehicle), selectinload(Pickup.passengers))
    )
    return tuple(
        PickupData(
            kind=p.kind,
            driver_due=p.driver_due,
            carrier_number=p.carrier_number,
            origin=p.origin,
            destination=p.destination,
            meeting_point=p.meeting_point or "",
            arrival=p.arrival,
            driver=p.driver.name if p.driver else None,
            vehicle=VehicleData(p.vehicle.name, p.vehicle.seats, p.vehicle.id) if p.vehicle else None,
            passengers=tuple(v.name for v in p.passengers),
            luggage_pieces=p.luggage_pieces,
            confirm_call_minutes_before=p.confirm_call_minutes_before,
            notes=p.notes,
            id=p.id,
        )
        for p in rows
    )


def _load_stays(session, visit_id) -> tuple[HotelStayData, ...]:
    rows = session.scalars(
        select(HotelStay)
        .where(HotelStay.visit_id == visit_id)
        .order_by(HotelStay.position)
        .options(joinedload(HotelStay.hotel), selectinload(HotelStay.rooms), selectinload(HotelStay.guests))
    )
    return tuple(
        HotelStayData(
            hotel=HotelData(s.hotel.name, s.hotel.address, s.hotel.drive_minutes, s.hotel.id),
            check_in=s.check_in,
            check_out=s.check_out,
            rooms=tuple(RoomData(r.room_type, r.count) for r in s.rooms),
            booked_by=s.booked_by,
            paid_by=s.paid_by,
            guests=tuple(v.name for v in s.guests),
            notes=s.notes,
            id=s.id,
        )
        for s in rows
    )


def _load_meals(session, visit_id) -> tuple[MealData, ...]:
    rows = session.scalars(
        select(Meal)
        .where(Meal.visit_id == visit_id)
        .order_by(Meal.position)
        .options(
            joinedload(Meal.restaurant),
        )
    ).all()
    ids = [m.id for m in rows]
    dishes = _dishes(session, ids)
    visitors = _names(session, meal_visitor.c.meal_id, Visitor, meal_visitor.c.visitor_id, ids)
    staff = _names(session, meal_staff.c.meal_id, Staff, meal_staff.c.staff_id, ids)
    meals = []
    for m in rows:
        r = m.restaurant
        restaurant = (
            None
            if r is None
            else RestaurantData(
                r.name, r.address, r.private_room, r.halal_certified, r.kosher_certified, r.drive_minutes, r.id
            )
        )
        meals.append(
            MealData(
                start=m.start,
                end=m.end,
                kind=m.kind,
                restaurant=restaurant,
                alcohol_served=m.alcohol_served,
                attendees=tuple(visitors.get(m.id, ())) + tuple(staff.get(m.id, ())),
                dishes=tuple(dishes.get(m.id, ())),
                notes=m.notes,
                id=m.id,
            )
        )
    return tuple(meals)


def _names(session: Session, owner, person, person_id, owner_ids: list[int]) -> dict[int, list[str]]:
    """The names of the people linked to each owner (a meal's visitors, its staff), in the order
    they were created, read as rows rather than objects."""
    by_owner: dict[int, list[str]] = {}
    if owner_ids:
        rows = session.execute(
            select(owner, person.name)
            .join(person, person.id == person_id)
            .where(owner.in_(owner_ids))
            .order_by(owner, person.id)
        )
        for owner_id, name in rows:
            by_owner.setdefault(owner_id, []).append(name)
    return by_owner


def _dishes(session: Session, meal_ids: list[int]) -> dict[int, list[DishData]]:
    """Each meal's dishes, in their order, read as rows: a large visit's hundreds of dish links
    as objects were half the time of loading its plan."""
    by_meal: dict[int, list[DishData]] = {}
    if not meal_ids:
        return by_meal
    links = session.execute(
        select(MealDish.meal_id, MealDish.dish_id)
        .where(MealDish.meal_id.in_(meal_ids))
        .order_by(MealDish.meal_id, MealDish.position, MealDish.id)
    ).all()
    # A dish served at several meals is read once.
    made = {
        dish_id: DishData(name, tuple(contains or ()), dish_id)
        for dish_id, name, contains in session.execute(
            select(Dish.id, Dish.name, Dish.contains).where(Dish.id.in_({d for _, d in links}))
        )
    }
    for meal_id, dish_id in links:
        by_meal.setdefault(meal_id, []).append(made[dish_id])
    return by_meal


def _load_tour(session, visit_id) -> TourData | None:
    t = session.scalars(
        select(Tour)
        .where(Tour.visit_id == visit_id)
        .options(
            joinedload(Tour.guide),
            joinedload(Tour.door_front),
            joinedload(Tour.door_back),
            selectinload(Tour.route).joinedload(TourRouteStop.stop),
        )
    ).first()
    if t is None:
        return None

    def name(s):
        return s.name if s else None

    return TourData(
        start=t.start,
        guide=name(t.guide),
        door_front=name(t.door_front),
        door_back=name(t.door_back),
        id=t.id,
        stops=tuple(TourStopData(r.stop.name, r.minutes, r.view, r.stop.hygiene, r.stop.id) for r in t.route),
    )


def _load_agenda(session, visit_id, bottom_lines: bool = True) -> tuple[AgendaItemData, ...]:
    rows = list(
        session.scalars(
            select(AgendaItem)
            .where(AgendaItem.visit_id == visit_id)
            .order_by(AgendaItem.position)
            .options(joinedload(AgendaItem.presenter))
        )
    )
    if not bottom_lines:
        lines, hidden = None, set()
    else:
        lines = _bottom_lines(session, [a.id for a in rows]) if rows else {}
        hidden = _unread_bottom_lines(session, [a.id for a in rows]) if rows and lines is None else set()
    return tuple(
        AgendaItemData(
            start=a.start,
            minutes=a.minutes,
            title=a.title,
            kind=a.kind,
            presenter=a.presenter.name if a.presenter else None,
            materials=tuple(a.materials or ()),
            topics=tuple(a.topics or ()),
            bottom_lines=None if lines is None else lines.get(a.id, ""),
            id=a.id,
            bottom_lines_exist=a.id in hidden,
        )
        for a in rows
    )


def _bottom_lines(session: Session, item_ids: list[int]) -> dict[int, str] | None:
    """The negotiation bottom lines, or None where the database refuses them to this user
    (team mode: only managers may read the table). A refused query inside a savepoint leaves
    the rest of the transaction usable (PostgreSQL aborts a transaction on any error)."""
    from sqlalchemy.exc import ProgrammingError

    try:
        with session.begin_nested():
            return dict(
                session.execute(
                    select(BottomLine.agenda_item_id, BottomLine.text).where(BottomLine.agenda_item_id.in_(item_ids))
                ).all()
            )
    except ProgrammingError as exc:
        if getattr(exc.orig, "sqlstate", None) == "42501":  # insufficient_privilege
            return None
        raise


def _unread_bottom_lines(session: Session, item_ids: list[int]) -> set[int]:
    """The agenda items that have bottom lines this user may not read: team mode grants staff the
    item column alone. Nothing where even that is refused (a team set up before the grant)."""
    from sqlalchemy.exc import ProgrammingError

    try:
        with session.begin_nested():
            return set(
                session.scalars(select(BottomLine.agenda_item_id).where(BottomLine.agenda_item_id.in_(item_ids)))
            )
    except ProgrammingError as exc:
        if getattr(exc.orig, "sqlstate", None) == "42501":
            return set()
        raise


def _load_gifts(session, visit_id) -> tuple[GiftData, ...]:
    rows = session.scalars(
        select(Gift).where(Gift.visit_id == visit_id).order_by(Gift.position).options(joinedload(Gift.recipient))
    )
    return tuple(
        GiftData(
            item=g.item,
            recipient=g.recipient.name if g.recipient else None,
            value=g.value,
            currency=g.currency,
            notes=g.notes,
        )
        for g in rows
    )


def _follow_up_data(f: FollowUp | None) -> FollowUpData:
    if f is None:
        return FollowUpData()
    return FollowUpData(
        greeting=f.greeting,
        consensus=tuple(f.consensus or ()),
        minutes=f.minutes,
        next_steps=tuple(f.next_steps or ()),
        letter_subject=f.letter_subject,
        letter_opening=f.letter_opening,
        letter_closing=f.letter_closing,
        letter_sent=f.letter_sent,
        photos_sent=f.photos_sent,
        callback_due=f.callback_due,
        callback_done=f.callback_done,
    )


def _load_checklist(session, visit_id) -> tuple[ChecklistItemData, ...]:
    rows = session.scalars(
        select(ChecklistItem)
        .where(ChecklistItem.visit_id == visit_id)
        .order_by(ChecklistItem.position)
        .options(joinedload(ChecklistItem.assignee), joinedload(ChecklistItem.done_by))
    )
    return tuple(
        ChecklistItemData(
            phase=c.phase,
            title=c.title,
            title_zh=c.title_zh,
            due=c.due,
            due_anchor=c.due_anchor,
            due_offset_minutes=c.due_offset_minutes,
            assignee=c.assignee.name if c.assignee else None,
            assignee_role=c.assignee_role,
            done_at=c.done_at,
            done_by=c.done_by.name if c.done_by else None,
            template=c.template,
            id=c.id,
            version=c.version,
        )
        for c in rows
    )
