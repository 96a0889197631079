"""`import FILE.json --into VISIT`: the plan of a visit replaced by a file's, the visit keeping its
id and its items their identity — the second pickup is the same pickup, moved — so that a later
calendar export updates and cancels events instead of duplicating them."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from hospitality_app.services import plans
from hospitality_app.services.dto import VisitPlan


def _adopt(new: Sequence, old: Sequence, kind: Callable[[Any], object] = lambda _item: None) -> tuple:
    """`new` with the ids of `old`'s items, matched in order within each kind: an item the file
    has in the same place is the same item."""
    ids: dict[object, list] = defaultdict(list)
    for item in old:
        ids[kind(item)].append(item)
    out = []
    for item in new:
        same = ids[kind(item)]
        out.append(replace(item, id=same.pop(0).id) if same else item)
    return tuple(out)


def import_into(
    session: Session,
    visit_id: int,
    incoming: VisitPlan,
    *,
    now: datetime,
    with_checklist: bool,
    with_outcome: bool,
) -> plans.Saved:
    """Replace visit `visit_id`'s plan with `incoming`. A checklist or outcome the file does not
    carry stays as it is; bottom lines this user may not read stay untouched."""
    current = plans.load_plan(session, visit_id)
    agenda = _adopt(incoming.agenda, current.agenda)
    unread = {a.id for a in current.agenda if a.bottom_lines is None}
    agenda = tuple(replace(a, bottom_lines=None) if a.id in unread and not a.bottom_lines else a for a in agenda)
    tour = incoming.tour
    if tour is not None and current.tour is not None:
        tour = replace(tour, id=current.tour.id)
    company = incoming.company
    if (company.name, company.country) == (current.company.name, current.company.country):
        company = replace(company, id=current.company.id)
    plan = replace(
        incoming,
        company=company,
        pickups=_adopt(incoming.pickups, current.pickups, lambda p: p.kind),
        hotel_stays=_adopt(incoming.hotel_stays, current.hotel_stays),
        meals=_adopt(incoming.meals, current.meals, lambda m: m.kind),
        agenda=agenda,
        tour=tour,
        checklist=_adopt(incoming.checklist, current.checklist, lambda c: c.title)
        if with_checklist
        else current.checklist,
        outcome=incoming.outcome if with_outcome else current.outcome,
        id=visit_id,
        version=current.version,
        base=current,
    )
    return plans.save(session, plan, now=now)
