"""A returning client's next visit: the plan of an earlier one, copied to new dates.

The copy goes through the visit file's own reader, so it carries no row of the original (its
pickups, meals and agenda items are new rows; the people and places are the same shared
records). Times move by whole days and keep their time of day in the visit's zone, so a lunch
at 12:00 stays at 12:00 across a clock change. What happened on the earlier visit — the outcome,
the follow-up, ticked checklist items — is not copied."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from hospitality_app.services import interchange, plans
from hospitality_app.services.dto import FollowUpData, VisitPlan


def moved(plan: VisitPlan, first_day: date) -> VisitPlan:
    """`plan` as a new visit starting on `first_day` (nothing of it saved yet)."""
    days = (first_day - plan.local(plan.start).date()).days
    copy = interchange.loads(interchange.dumps(plan))
    shifted = _shift(copy, days, copy.zone)
    checklist = tuple(dataclasses.replace(item, done_at=None, done_by=None) for item in shifted.checklist)
    return dataclasses.replace(
        shifted,
        status="draft",
        first_visit=False,
        follow_up=FollowUpData(),
        outcome=None,
        checklist=checklist,
    )


def duplicate(session: Session, visit_id: int, first_day: date, *, now: datetime) -> plans.Saved:
    return plans.save(session, moved(plans.load_plan(session, visit_id), first_day), now=now)


def _shift(value: Any, days: int, zone: ZoneInfo) -> Any:
    if isinstance(value, datetime):
        wall = value.astimezone(zone).replace(tzinfo=None) + timedelta(days=days)
        return wall.replace(tzinfo=zone)
    if isinstance(value, date):
        return value + timedelta(days=days)
    if isinstance(value, tuple):
        return tuple(_shift(item, days, zone) for item in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {
            f.name: _shift(getattr(value, f.name), days, zone)
            for f in dataclasses.fields(value)
            if f.init and f.name not in ("base", "given")
        }
        return dataclasses.replace(value, **changes)
    return value
