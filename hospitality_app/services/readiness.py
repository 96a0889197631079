"""The readiness check as a use case: load what the rules need and run them. Every view — the
visit list, its side panel, the planner, the dashboard, `check` — asks this module, so they all
give the same answer."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache

from sqlalchemy import and_, select
from sqlalchemy.orm import Session, aliased

from hospitality_app.errors import NotFoundError
from hospitality_app.limits import MAX_VISIT_DAYS  # longer visits cannot be saved, so the window is safe
from hospitality_app.models import Pickup, Staff, Vehicle, Visit, VisitHost
from hospitality_app.rules.context import Clash
from hospitality_app.rules.engine import counts, run_check
from hospitality_app.rules.finding import Finding
from hospitality_app.services import plans, regions, settings
from hospitality_app.services.dto import VisitPlan
from hospitality_app.services.rows import Readiness


@dataclass(frozen=True)
class Booking:
    visit_id: int
    title: str
    start: datetime
    end: datetime
    kind: str  # staff / vehicle
    resource_id: int
    resource: str


# (kind, resource table, the table that links it to a visit, the link's column for the resource)
_RESOURCES = (
    ("staff", Staff, VisitHost, VisitHost.staff_id),
    ("staff", Staff, Pickup, Pickup.driver_id),
    ("vehicle", Vehicle, Pickup, Pickup.vehicle_id),
)


# The visits of a window, looked up apart: their start, end and status are all in one index
# (ix_visit_window), so the overlap is found without reading a visit's row, and only the few
# visits that overlap are joined to their hosts and drivers.
@cache
def _in_window():
    # Made when first needed: an alias configures every mapper, which start-up need not wait for.
    return aliased(Visit, name="in_window")


def _bookings(session: Session, *window, only: dict[str, set[int]] | None = None) -> list[Booking]:
    """Bookings of staff and vehicles in live visits that meet the `window` conditions (on
    _in_window()); with `only`, of those resources alone (by kind)."""
    in_window = _in_window()
    visits = select(in_window.id).where(in_window.status != "cancelled", *window)
    out: set[Booking] = set()
    for kind, table, link, column in _RESOURCES:
        if only is not None and not only.get(kind):
            continue
        wanted = [] if only is None else [column.in_(sorted(only[kind]))]
        rows = session.execute(
            select(Visit.id, Visit.title, Visit.start, Visit.end, table.id, table.name)
            .join(link, link.visit_id == Visit.id)
            .join(table, table.id == column)
            .where(Visit.id.in_(visits), *wanted)
            .distinct()
        )
        out |= {Booking(*row[:4], kind, row[4], row[5]) for row in rows}
    return sorted(out, key=lambda b: (b.start, b.visit_id))


def _resources_of(session: Session, visit_id: int) -> dict[str, set[int]]:
    """The staff and vehicles a stored visit books, by kind."""
    found: dict[str, set[int]] = defaultdict(set)
    for kind, _table, link, column in _RESOURCES:
        found[kind] |= set(session.scalars(select(column).where(link.visit_id == visit_id, column.is_not(None))))
    return found


def sweep(bookings: list[Booking]) -> list[tuple[Booking, Booking]]:
    """Pairs of bookings of one resource in overlapping visits: a sweep per resource over
    bookings sorted by start, O(n log n) plus the pairs found (never all pairs of visits)."""
    by_resource: dict[tuple[str, int], list[Booking]] = defaultdict(list)
    for b in bookings:
        by_resource[(b.kind, b.resource_id)].append(b)
    pairs: list[tuple[Booking, Booking]] = []
    for items in by_resource.values():
        items.sort(key=lambda b: b.start)
        active: list[Booking] = []
        for b in items:
            active = [a for a in active if a.end > b.start]
            pairs.extend((a, b) for a in active if a.visit_id != b.visit_id)
            active.append(b)
    return pairs


def all_double_bookings(
    session: Session, since: datetime | None = None, until: datetime | None = None
) -> list[tuple[Booking, Booking]]:
    conditions = []
    in_window = _in_window()
    if since is not None:
        # The lower bound on start lets the start index narrow the scan (visits last days,
        # not months); `end >= since` alone would read every past visit.
        conditions += [in_window.end >= since, in_window.start >= since - timedelta(days=MAX_VISIT_DAYS)]
    if until is not None:
        conditions.append(in_window.start < until)
    return sweep(_bookings(session, *conditions))


def clashes_for(session: Session, plan: VisitPlan) -> list[Clash]:
    """Other visits overlapping `plan` that share one of its people or vehicles."""
    if plan.id is None:
        return []
    # The lower bound on start lets the start index narrow the scan to the visits near this one
    # (a visit lasts days, not months); the overlap test alone would read every earlier visit.
    in_window = _in_window()
    window = and_(
        in_window.start < plan.end,
        in_window.end > plan.start,
        in_window.start >= plan.start - timedelta(days=MAX_VISIT_DAYS),
    )
    pairs = sweep(_bookings(session, window, only=_resources_of(session, plan.id)))
    out = []
    for a, b in pairs:
        mine, other = (a, b) if a.visit_id == plan.id else (b, a)
        if mine.visit_id == plan.id:
            out.append(Clash(mine.kind, mine.resource, other.visit_id, other.title))
    return sorted(set(out), key=lambda c: (c.resource, c.other_visit_id))


def check_plan(session: Session | None, plan: VisitPlan, *, now: datetime, locale: str = "en") -> list[Finding]:
    facts = regions.facts(session, plan.company.country, locale)
    clashes = clashes_for(session, plan) if session is not None else []
    return run_check(plan, now=now, locale=locale, region=facts, clashes=clashes, site=settings.site_of(session, plan))


def check_visit(session: Session, visit_id: int, *, now: datetime, locale: str = "en") -> list[Finding]:
    return check_plan(session, plans.load_plan(session, visit_id), now=now, locale=locale)


def readiness_of(session: Session, visit_ids: list[int], *, now: datetime, locale: str = "en") -> dict[int, Readiness]:
    """The readiness of several visits (the rows a list shows), each by check_visit."""
    out = {}
    for visit_id in visit_ids:
        try:
            found = check_visit(session, visit_id, now=now, locale=locale)
        except NotFoundError:
            continue  # deleted meanwhile: the list drops it on its next reload
        errors, warnings = counts(found)
        out[visit_id] = Readiness(errors, warnings, sum(f.code.startswith("plan.no_") for f in found))
    return out
