"""Checklist use cases: apply templates, tick, reassign, add and remove items, my tasks."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from hospitality_app import vocab
from hospitality_app.checklists import engine
from hospitality_app.checklists.templates import load_templates
from hospitality_app.errors import ConflictError, NotFoundError, ValidationError
from hospitality_app.models import ChecklistItem, Company, Staff, Visit, VisitHost
from hospitality_app.services import plans
from hospitality_app.services.dto import ChecklistItemData
from hospitality_app.services.shared_records import SharedRecords


def apply_templates(
    session: Session, visit_id: int, names: list[str], *, now: datetime, user_folder: Path | None = None
) -> int:
    """Add the named templates' items to the visit; returns how many were added."""
    templates = load_templates(user_folder)
    unknown = [n for n in names if n not in templates]
    if unknown:
        raise ValidationError("template", f"unknown template {unknown[0]!r} (one of: {', '.join(templates)})")
    plan = plans.load_plan(session, visit_id)
    updated = engine.apply_templates(plan, [templates[n] for n in names])
    plans.save(session, updated, now=now)
    return len(updated.checklist) - len(plan.checklist)


def _item(session: Session, item_id: int, version: int | None) -> ChecklistItem:
    row = session.get(ChecklistItem, item_id)
    if row is None:
        raise NotFoundError(f"checklist item {item_id} does not exist (it may have been removed)")
    if version is not None and row.version != version:
        raise ConflictError(f"Checklist item “{row.title}”", version, row.version)
    return row


def tick(
    session: Session, item_id: int, *, done: bool, by: str | None, now: datetime, version: int | None = None
) -> None:
    """Mark an item done (who, when) or open again."""
    row = _item(session, item_id, version)
    if done:
        row.done_at = now
        row.done_by_id = SharedRecords(session, None).staff(by).id if by else None
        session.flush()
    else:
        row.done_at, row.done_by_id = None, None


def reassign(
    session: Session, item_id: int, *, person: str | None = None, role: str = "", version: int | None = None
) -> None:
    if role and role not in vocab.HOST_ROLES:
        raise ValidationError("assignee_role", f"unknown host role {role!r}")
    row = _item(session, item_id, version)
    if person:
        staff = SharedRecords(session, None).staff(person)
        session.flush()
        row.assignee_id, row.assignee_role = staff.id, ""
    else:
        row.assignee_id, row.assignee_role = None, role


def add_item(session: Session, visit_id: int, item: ChecklistItemData, *, now: datetime) -> None:
    plan = plans.load_plan(session, visit_id)
    plans.save(session, replace(plan, checklist=(*plan.checklist, item)), now=now)


def remove_item(session: Session, visit_id: int, item_id: int, *, now: datetime) -> None:
    plan = plans.load_plan(session, visit_id)
    kept = tuple(c for c in plan.checklist if c.id != item_id)
    if len(kept) == len(plan.checklist):
        raise NotFoundError(f"checklist item {item_id} is not on visit {visit_id}")
    plans.save(session, replace(plan, checklist=kept), now=now)


@dataclass(frozen=True)
class Task:
    item_id: int
    version: int
    visit_id: int
    visit_title: str
    company: str
    timezone: str
    phase: str
    title: str
    title_zh: str
    due: datetime | None
    overdue: bool
    owner: str = ""  # a person's name or a host role


def my_tasks(session: Session, person: str, *, now: datetime, until: datetime) -> list[Task]:
    """Open items a person owns (by name, or by a role they hold on that visit), due before
    `until`, overdue ones included, soonest first."""
    staff_id = session.scalar(select(Staff.id).where(Staff.name == person))
    if staff_id is None:
        raise NotFoundError(f"nobody called {person!r} is on the staff")
    roles = select(VisitHost.role).where(VisitHost.visit_id == ChecklistItem.visit_id, VisitHost.staff_id == staff_id)
    rows = session.execute(
        select(ChecklistItem, Visit.title, Visit.timezone, Company.name)
        .join(Visit, Visit.id == ChecklistItem.visit_id)
        .join(Company, Company.id == Visit.company_id)
        .where(
            ChecklistItem.done_at.is_(None),
            ChecklistItem.due.is_not(None),
            ChecklistItem.due < until,
            Visit.status != "cancelled",
            (ChecklistItem.assignee_id == staff_id)
            | (ChecklistItem.assignee_id.is_(None) & ChecklistItem.assignee_role.in_(roles)),
        )
        .order_by(ChecklistItem.due)
    ).all()
    return [
        Task(
            item.id,
            item.version,
            item.visit_id,
            title,
            company,
            tz,
            item.phase,
            item.title,
            item.title_zh,
            item.due,
            item.due is not None and item.due < now,  # the query leaves out items without a due time
        )
        for item, title, tz, company in rows
    ]


def edit_item(
    session: Session, item_id: int, *, title: str, phase: str, due: datetime | None, version: int | None = None
) -> None:
    """Change an item's text, phase or due time. A due time set by hand is absolute: the item
    no longer follows its anchor when the plan moves."""
    if not title.strip():
        raise ValidationError("title", "must not be empty")
    if phase not in vocab.CHECKLIST_PHASES:
        raise ValidationError("phase", f"unknown phase {phase!r}")
    if due is not None and due.tzinfo is None:
        raise ValidationError("due", "needs a time zone")
    row = _item(session, item_id, version)
    if row.title != title:
        row.title, row.title_zh = title, ""
    row.phase = phase
    if due != row.due:
        row.due, row.due_anchor, row.due_offset_minutes = due, "", 0
