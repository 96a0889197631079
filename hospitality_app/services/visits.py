"""The visit list: filtering, sorting and paging in SQL, so 100,000 visits stay instant."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from hospitality_app.limits import MAX_VISIT_DAYS
from hospitality_app.models import ChecklistItem, Company, Staff, Visit, VisitHost
from hospitality_app.services.dto import VisitRow


@dataclass(frozen=True)
class VisitFilter:
    text: str = ""
    status: str | None = None
    country: str | None = None
    sales_lead: str | None = None
    starts_after: datetime | None = None  # visits that end after this moment ("upcoming")
    starts_before: datetime | None = None


SORT_COLUMNS = {
    "start": Visit.start,
    "end": Visit.end,
    "title": Visit.title,
    "company": Company.name,
    "country": Company.country,
    "status": Visit.status,
}


def _sales_lead():
    return (
        select(func.min(Staff.name))
        .join(VisitHost, VisitHost.staff_id == Staff.id)
        .where(VisitHost.visit_id == Visit.id, VisitHost.role == "sales_lead")
        .correlate(Visit)
        .scalar_subquery()
    )


def _checklist_count(done_only: bool):
    stmt = select(func.count(ChecklistItem.id)).where(ChecklistItem.visit_id == Visit.id)
    if done_only:
        stmt = stmt.where(ChecklistItem.done_at.is_not(None))
    return stmt.correlate(Visit).scalar_subquery()


def contains_pattern(text: str) -> str:
    """A LIKE pattern for "contains `text`": % and _ typed by the user are literal characters."""
    escaped = text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _filtered(stmt: Select, f: VisitFilter) -> Select:
    if f.text:
        like = contains_pattern(f.text)
        stmt = stmt.where(
            or_(
                Visit.title.ilike(like, escape="\\"),
                Company.name.ilike(like, escape="\\"),
                Visit.purpose.ilike(like, escape="\\"),
            )
        )
    if f.status:
        stmt = stmt.where(Visit.status == f.status)
    if f.country:
        stmt = stmt.where(Company.country == f.country)
    if f.sales_lead:
        stmt = stmt.where(_sales_lead() == f.sales_lead)
    if f.starts_after is not None:
        # Not ended yet. The bound on start (no visit lasts longer) lets the start index skip the
        # team's whole history instead of reading every visit that began before.
        stmt = stmt.where(Visit.end >= f.starts_after, Visit.start >= f.starts_after - timedelta(days=MAX_VISIT_DAYS))
    if f.starts_before is not None:
        stmt = stmt.where(Visit.start < f.starts_before)
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
    column = SORT_COLUMNS.get(sort, Visit.start)
    order = column.desc() if descending else column.asc()
    lead = _sales_lead().label("sales_lead")
    stmt = (
        select(
            Visit.id,
            Visit.title,
            Company.name,
            Company.country,
            Visit.status,
            Visit.start,
            Visit.end,
            Visit.timezone,
            lead,
            Visit.key_account,
            _checklist_count(True),
            _checklist_count(False),
        )
        .join(Company, Company.id == Visit.company_id)
        .order_by(order, Visit.id.desc() if descending else Visit.id.asc())
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
    stmt = select(func.count(Visit.id))
    if flt.text or flt.country:  # the company is needed only to filter by it
        stmt = stmt.join(Company, Company.id == Visit.company_id)
    return session.scalar(_filtered(stmt, flt)) or 0


def visit_ids(session: Session) -> list[int]:
    return list(session.scalars(select(Visit.id).order_by(Visit.id)))


def filter_choices(session: Session) -> tuple[list[str], list[str]]:
    """What the list's filters can offer: the client countries, and the staff who lead a visit."""
    countries = session.scalars(
        select(Company.country).where(Company.country != "").distinct().order_by(Company.country)
    )
    leads = session.scalars(
        select(Staff.name)
        .where(Staff.id.in_(select(VisitHost.staff_id).where(VisitHost.role == "sales_lead")))
        .order_by(Staff.name)
    )
    return list(countries), list(leads)


def latest_timezone(session: Session) -> str | None:
    """The time zone of the visit entered last: where the team receives its clients."""
    return session.scalar(select(Visit.timezone).order_by(Visit.id.desc()).limit(1))
