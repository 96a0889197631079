"""The visit list: filtering, sorting and paging in SQL, so 100,000 visits stay instant.

It queries lightweight tables (SQLAlchemy Core), not the mapped classes: building the 27 mapped
classes was a third of the window's start-up, and the first rows need none of them. A test holds
these tables to the mapping."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Boolean, Integer, Select, String, column, func, or_, select, table
from sqlalchemy.orm import Session

from hospitality_app.column_types import UTCDateTime
from hospitality_app.limits import MAX_VISIT_DAYS
from hospitality_app.services.rows import VisitRow

visit = table(
    "visit",
    column("id", Integer),
    column("company_id", Integer),
    column("title", String),
    column("purpose", String),
    column("status", String),
    column("timezone", String),
    column("start", UTCDateTime),
    column("end", UTCDateTime),
    column("key_account", Boolean),
)
company = table("company", column("id", Integer), column("name", String), column("country", String))
staff = table("staff", column("id", Integer), column("name", String))
visit_host = table("visit_host", column("visit_id", Integer), column("staff_id", Integer), column("role", String))
checklist_item = table(
    "checklist_item", column("id", Integer), column("visit_id", Integer), column("done_at", UTCDateTime)
)
LIGHT_TABLES = (visit, company, staff, visit_host, checklist_item)


@dataclass(frozen=True)
class VisitFilter:
    text: str = ""
    status: str | None = None
    country: str | None = None
    sales_lead: str | None = None
    starts_after: datetime | None = None  # visits that end after this moment ("upcoming")
    starts_before: datetime | None = None


SORT_COLUMNS = {
    "start": visit.c.start,
    "end": visit.c.end,
    "title": visit.c.title,
    "company": company.c.name,
    "country": company.c.country,
    "status": visit.c.status,
}


def _sales_lead():
    return (
        select(func.min(staff.c.name))
        .select_from(staff)
        .join(visit_host, visit_host.c.staff_id == staff.c.id)
        .where(visit_host.c.visit_id == visit.c.id, visit_host.c.role == "sales_lead")
        .correlate(visit)
        .scalar_subquery()
    )


def _checklist_count(done_only: bool):
    stmt = select(func.count(checklist_item.c.id)).where(checklist_item.c.visit_id == visit.c.id)
    if done_only:
        stmt = stmt.where(checklist_item.c.done_at.is_not(None))
    return stmt.correlate(visit).scalar_subquery()


def contains_pattern(text: str) -> str:
    """A LIKE pattern for "contains `text`": % and _ typed by the user are literal characters."""
    escaped = text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _filtered(stmt: Select, f: VisitFilter) -> Select:
    if f.text:
        like = contains_pattern(f.text)
        stmt = stmt.where(
            or_(
                visit.c.title.ilike(like, escape="\\"),
                company.c.name.ilike(like, escape="\\"),
                visit.c.purpose.ilike(like, escape="\\"),
            )
        )
    if f.status:
        stmt = stmt.where(visit.c.status == f.status)
    if f.country:
        stmt = stmt.where(company.c.country == f.country)
    if f.sales_lead:
        stmt = stmt.where(_sales_lead() == f.sales_lead)
    if f.starts_after is not None:
        # Not ended yet. The bound on start (no visit lasts longer) lets the start index skip the
        # team's whole history instead of reading every visit that began before.
        earliest = f.starts_after - timedelta(days=MAX_VISIT_DAYS)
        stmt = stmt.where(visit.c.end >= f.starts_after, visit.c.start >= earliest)
    if f.starts_before is not None:
        stmt = stmt.where(visit.c.start < f.starts_before)
    return stmt


def list_visits(
    session: Session,
    flt: VisitFilter = VisitFilter(),
    *,
    sort: str = "start",
    descending: bool = False,
    offset: int = 0,
    limit: int | None = 200,
) -> list[VisitRow]:
    by = SORT_COLUMNS.get(sort, visit.c.start)
    order = by.desc() if descending else by.asc()
    lead = _sales_lead().label("sales_lead")
    stmt = (
        select(
            visit.c.id,
            visit.c.title,
            company.c.name,
            company.c.country,
            visit.c.status,
            visit.c.start,
            visit.c.end,
            visit.c.timezone,
            lead,
            visit.c.key_account,
            _checklist_count(True),
            _checklist_count(False),
        )
        .join(company, company.c.id == visit.c.company_id)
        .order_by(order, visit.c.id.desc() if descending else visit.c.id.asc())
        .offset(offset)
    )
    if limit is not None:
        stmt = stmt.limit(limit)
    stmt = _filtered(stmt, flt)
    return [
        VisitRow(
            id=r[0],
            title=r[1],
            company=r[2],
            country=r[3],
            status=r[4],
            start=r[5],
            end=r[6],
            timezone=r[7],
            sales_lead=r[8] or "",
            key_account=r[9],
            checklist_done=r[10],
            checklist_total=r[11],
        )
        for r in session.execute(stmt)
    ]


def count_visits(session: Session, flt: VisitFilter = VisitFilter()) -> int:
    stmt = select(func.count()).select_from(visit)  # count(*): SQLite counts the smallest index
    if flt.text or flt.country:  # the company is needed only to filter by it
        stmt = stmt.join(company, company.c.id == visit.c.company_id)
    return session.scalar(_filtered(stmt, flt)) or 0


def visit_ids(session: Session) -> list[int]:
    return list(session.scalars(select(visit.c.id).order_by(visit.c.id)))


def filter_choices(session: Session) -> tuple[list[str], list[str]]:
    """What the list's filters can offer: the client countries, and the staff who lead a visit."""
    countries = session.scalars(
        select(company.c.country).where(company.c.country != "").distinct().order_by(company.c.country)
    )
    leads = session.scalars(
        select(staff.c.name)
        .where(staff.c.id.in_(select(visit_host.c.staff_id).where(visit_host.c.role == "sales_lead")))
        .order_by(staff.c.name)
    )
    return list(countries), list(leads)


def latest_timezone(session: Session) -> str | None:
    """The time zone of the visit entered last: where the team receives its clients."""
    return session.scalar(select(visit.c.timezone).order_by(visit.c.id.desc()).limit(1))
