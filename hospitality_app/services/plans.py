"""Save and load a whole visit plan (the visit aggregate) in one unit of work.

A save writes what the plan changed, nothing else. A plan loaded from the database carries what
was loaded (`plan.base`); the visit's parts (its fields, its people, each list of items, the
outcome, each follow-up field) are compared three ways — as loaded, as the plan has them now, as
the database has them now — so that a part changed on both sides to different values is a
conflict, and a part changed only elsewhere (a ticked checklist item, the letter recorded as
sent, an outcome) is kept. The records plans share are written by `shared_records` the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from hospitality_app.errors import ConflictError, NotFoundError
from hospitality_app.models import ChecklistItem, Staff, Visit
from hospitality_app.services.dto import VisitPlan
from hospitality_app.services.plan_loading import load_plan
from hospitality_app.services.plan_parts import parts
from hospitality_app.services.plan_writers import WRITERS, Refs, assign, write_visit
from hospitality_app.services.shared_records import SharedChange, SharedRecords
from hospitality_app.services.validation import validate_plan

__all__ = ["Saved", "delete_visit", "load_plan", "parts", "save"]

# Parts whose change moves the moments checklist items are due relative to.
ANCHOR_PARTS = {"visit.start", "visit.end", "pickups", "tour", "meals", "checklist"}


@dataclass(frozen=True)
class Saved:
    visit_id: int
    changes: tuple[SharedChange, ...] = ()  # shared records whose stored values changed
    written: tuple[str, ...] = ()  # the visit's parts written
    # People the save added to the staff because a checklist item names them (assignee, done by)
    # without their being hosts: a file may well name a colleague, or misspell a host.
    new_staff: tuple[tuple[str, str], ...] = ()  # (name, the JSON path that names them)


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
        write_visit(session, visit, plan, refs, todo, now)
        session.flush()
        for key, writer in WRITERS.items():
            if key in todo:
                writer(session, visit, plan, refs, shared)
        session.flush()
        if todo & ANCHOR_PARTS:
            _reschedule(session, visit.id)
    return Saved(visit.id, tuple(shared.changes), tuple(sorted(todo)), refs.new_staff)


def _resolve(shared: SharedRecords, plan: VisitPlan) -> Refs:
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
    new_staff = []
    for i, c in enumerate(plan.checklist):  # people a checklist names who are not hosts (import)
        for key, name in (("assignee", c.assignee), ("done_by", c.done_by)):
            if name and name not in staff:
                if shared.session.scalar(select(Staff.id).where(Staff.name == name)) is None:
                    new_staff.append((name, f"checklist[{i}].{key}"))
                staff[name] = shared.staff(name)
    return Refs(company, visitors, staff, vehicles, hotels, restaurants, dishes, stops, tuple(new_staff))


def _reschedule(session: Session, visit_id: int) -> None:
    """Open checklist items follow their anchors (the arrival moved, a meal moved), from the
    visit as it now stands; done items keep their due time, who did them and when."""
    from hospitality_app.checklists.engine import anchors

    points = anchors(load_plan(session, visit_id))
    for row in session.scalars(
        select(ChecklistItem).where(ChecklistItem.visit_id == visit_id, ChecklistItem.done_at.is_(None))
    ):
        if row.due_anchor in points:
            assign(row, due=points[row.due_anchor] + timedelta(minutes=row.due_offset_minutes))


def delete_visit(session: Session, visit_id: int, version: int | None = None) -> None:
    visit = session.get(Visit, visit_id)
    if visit is None:
        raise NotFoundError(f"visit {visit_id} does not exist")
    if version is not None and visit.version != version:
        raise ConflictError(f"Visit {visit_id} ({visit.title})", version, visit.version)
    session.delete(visit)
