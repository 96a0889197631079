"""What a manager reviews: the coming days, pickups, what is overdue, double bookings, and how
visits turn into orders. Everything is aggregated in SQL, never by loading every visit."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session, aliased

from hospitality_app import vocab
from hospitality_app.errors import NotFoundError, ValidationError
from hospitality_app.models import ChecklistItem, Company, FollowUp, Pickup, Staff, Vehicle, Visit
from hospitality_app.services import hosting_days, readiness, regions
from hospitality_app.services.checklists import Task
from hospitality_app.services.rows import VisitRow
from hospitality_app.services.visits import VisitFilter, list_visits

FOLLOW_UP_DAYS = 3
MAX_AMOUNT = Decimal(10) ** 12  # Numeric(16, 2) holds up to 10^14; an order beyond 10^12 is a typo


def _is_currency(code: str) -> bool:
    from babel.numbers import is_currency

    return len(code) == 3 and code.isalpha() and is_currency(code.upper())


@dataclass(frozen=True)
class UpcomingVisit:
    """A visit of the coming days with its readiness (the readiness check's own answer)."""

    visit: VisitRow
    errors: int
    warnings: int
    holidays: tuple[str, ...] = ()  # a public holiday on its first or last day, at the site or at home


def upcoming(session: Session, now: datetime, days: int = 14, *, locale: str = "en") -> list[UpcomingVisit]:
    rows = list_visits(session, VisitFilter(starts_after=now, starts_before=now + timedelta(days=days)), limit=None)
    ready = readiness.readiness_of(session, [r.id for r in rows], now=now, locale=locale)
    holidays = hosting_days.holidays_at_either_end(session, rows, locale)
    return [
        UpcomingVisit(r, ready[r.id].errors, ready[r.id].warnings, holidays.get(r.id, ()))
        for r in rows
        if r.id in ready
    ]


@dataclass(frozen=True)
class Dashboard:
    """Everything the dashboard page shows, read in one unit of work."""

    upcoming: list[UpcomingVisit]
    pickups: list
    doubles: list
    tasks: list
    follow_ups: list


def everything(session: Session, now: datetime, *, locale: str = "en", days: int = 14) -> Dashboard:
    today = now.astimezone().replace(hour=0, minute=0, second=0, microsecond=0)
    return Dashboard(
        upcoming(session, now, days, locale=locale),
        pickups_between(session, today, today + timedelta(days=2)),
        double_bookings(session, now),
        overdue_tasks(session, now),
        overdue_follow_ups(session, now),
    )


@dataclass(frozen=True)
class PickupRow:
    visit_id: int
    company: str
    kind: str
    carrier_number: str
    arrival: datetime | None
    driver_due: datetime
    driver: str
    vehicle: str
    timezone: str


def pickups_between(session: Session, start: datetime, end: datetime) -> list[PickupRow]:
    rows = session.execute(
        select(
            Pickup.visit_id,
            Company.name,
            Pickup.kind,
            Pickup.carrier_number,
            Pickup.arrival,
            Pickup.driver_due,
            Staff.name,
            Vehicle.name,
            Visit.timezone,
        )
        .join(Visit, Visit.id == Pickup.visit_id)
        .join(Company, Company.id == Visit.company_id)
        .outerjoin(Staff, Staff.id == Pickup.driver_id)
        .outerjoin(Vehicle, Vehicle.id == Pickup.vehicle_id)
        .where(Pickup.driver_due >= start, Pickup.driver_due < end, Visit.status != "cancelled")
        .order_by(Pickup.driver_due)
    )
    return [PickupRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6] or "", r[7] or "", r[8]) for r in rows]


def overdue_tasks(session: Session, now: datetime, limit: int = 500) -> list[Task]:
    assignee = aliased(Staff)
    rows = session.execute(
        select(ChecklistItem, Visit.title, Visit.timezone, Company.name, assignee.name)
        .join(Visit, Visit.id == ChecklistItem.visit_id)
        .join(Company, Company.id == Visit.company_id)
        .outerjoin(assignee, assignee.id == ChecklistItem.assignee_id)
        .where(ChecklistItem.done_at.is_(None), ChecklistItem.due < now, Visit.status != "cancelled")
        .order_by(ChecklistItem.due)
        .limit(limit)
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
            True,
            owner or item.assignee_role,
        )
        for item, title, tz, company, owner in rows
    ]


@dataclass(frozen=True)
class FollowUpRow:
    visit_id: int
    title: str
    company: str
    ended: datetime
    letter_missing: bool
    photos_missing: bool
    timezone: str


def overdue_follow_ups(session: Session, now: datetime, limit: int = 500) -> list[FollowUpRow]:
    """Visits that ended over three days ago with no thank-you letter or no photos sent."""
    rows = session.execute(
        select(
            Visit.id, Visit.title, Company.name, Visit.end, FollowUp.letter_sent, FollowUp.photos_sent, Visit.timezone
        )
        .join(Company, Company.id == Visit.company_id)
        .outerjoin(FollowUp, FollowUp.visit_id == Visit.id)
        .where(
            Visit.end < now - timedelta(days=FOLLOW_UP_DAYS),
            Visit.end >= now - timedelta(days=120),
            Visit.status != "cancelled",
            (FollowUp.letter_sent.is_(None)) | (FollowUp.photos_sent.is_(None)),
        )
        .order_by(Visit.end.desc())
        .limit(limit)
    )
    return [FollowUpRow(r[0], r[1], r[2], r[3], r[4] is None, r[5] is None, r[6]) for r in rows]


@dataclass(frozen=True)
class DoubleBooking:
    resource: str
    kind: str
    first_id: int
    first_title: str
    second_id: int
    second_title: str
    start: datetime  # when the overlap begins


def double_bookings(
    session: Session, now: datetime, *, horizon_days: int = 60, limit: int = 500
) -> list[DoubleBooking]:
    """Double bookings among the visits of the coming `horizon_days` (what a manager can still fix)."""
    out = []
    for a, b in readiness.all_double_bookings(session, since=now, until=now + timedelta(days=horizon_days)):
        out.append(DoubleBooking(a.resource, a.kind, a.visit_id, a.title, b.visit_id, b.title, max(a.start, b.start)))
    return sorted(out, key=lambda d: (d.start, d.resource))[:limit]


# ---------------------------------------------------------------- outcomes


def record_outcome(
    session: Session,
    visit_id: int,
    *,
    status: str,
    amount: Decimal | None = None,
    currency: str = "",
    notes: str = "",
    order_date: datetime | None = None,
    version: int | None = None,
) -> None:
    if status not in vocab.OUTCOMES:
        raise ValidationError("outcome", f"unknown outcome {status!r} (one of: {', '.join(vocab.OUTCOMES)})")
    if amount is not None and amount < 0:
        raise ValidationError("amount", "must not be negative")
    if amount is not None and amount >= MAX_AMOUNT:
        raise ValidationError("amount", f"too large: at most {MAX_AMOUNT - 1:,}")
    if amount is not None and not _is_currency(currency):
        raise ValidationError("currency", f"not a currency code: {currency!r} (such as USD, CNY, EUR)")
    visit = session.get(Visit, visit_id)
    if visit is None:
        raise NotFoundError(f"visit {visit_id} does not exist")
    if version is not None and visit.version != version:
        from hospitality_app.errors import ConflictError

        raise ConflictError(f"Visit {visit_id} ({visit.title})", version, visit.version)
    visit.outcome, visit.order_amount, visit.order_currency = status, amount, currency.upper() if amount else ""
    visit.outcome_notes, visit.order_date = notes, order_date if status == "won" else None


def _month(session: Session):
    if session.get_bind().dialect.name == "postgresql":
        return func.to_char(Visit.start, "YYYY-MM")
    return func.strftime("%Y-%m", Visit.start)


@dataclass(frozen=True)
class Outcomes:
    months: list[str]
    visits_by_month_region: dict[str, dict[str, int]]  # region -> month -> visits
    conversion_by_region: dict[str, tuple[int, int]]  # region -> (won, decided)
    conversion_by_type: dict[str, tuple[int, int]]  # key_account / regular / first_visit -> (won, decided)
    average_days_to_order: float | None
    amounts: dict[str, Decimal]  # currency -> total won


def outcomes(session: Session, start: datetime, end: datetime) -> Outcomes:
    """Statistics of the visits starting in [start, end): grouped in SQL, mapped to regions
    (from the regional notes) afterwards, which touches only a handful of grouped rows."""
    month = _month(session).label("month")
    live = (Visit.start >= start, Visit.start < end, Visit.status != "cancelled")
    won = func.sum(case((Visit.outcome == "won", 1), else_=0))
    decided = func.sum(case((Visit.outcome.in_(("won", "lost")), 1), else_=0))
    # One grouped scan gives both the visits per month and the conversion per region.
    by_country = session.execute(
        select(month, Company.country, func.count(Visit.id), won, decided)
        .join(Company, Company.id == Visit.company_id)
        .where(*live)
        .group_by(month, Company.country)
    ).all()
    region_of = {code: c.region for code, c in regions.shipped().items()}

    def region(code: str) -> str:
        return region_of.get(code, "other")

    visits: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    months = set()
    conversion: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for m, country, n, w, d in by_country:
        visits[region(country)][m] += n
        months.add(m)
        conversion[region(country)][0] += int(w or 0)
        conversion[region(country)][1] += int(d or 0)
    kind = case(
        (Visit.key_account.is_(True), "key_account"), (Visit.first_visit.is_(True), "first_visit"), else_="regular"
    ).label("kind")
    by_type = {
        k: (int(w or 0), int(d or 0))
        for k, w, d in session.execute(select(kind, won, decided).where(*live).group_by(kind))
    }
    gaps = session.execute(
        select(Visit.end, Visit.order_date).where(*live, Visit.outcome == "won", Visit.order_date.is_not(None))
    ).all()
    days = [(o - e).total_seconds() / 86400 for e, o in gaps if o is not None]  # the query has only dated ones
    amounts = {
        cur: Decimal(total or 0)
        for cur, total in session.execute(
            select(Visit.order_currency, func.sum(Visit.order_amount))
            .where(*live, Visit.outcome == "won", Visit.order_amount.is_not(None))
            .group_by(Visit.order_currency)
        )
    }
    return Outcomes(
        sorted(months),
        {r: dict(m) for r, m in visits.items()},
        {r: (w, d) for r, (w, d) in conversion.items()},
        by_type,
        sum(days) / len(days) if days else None,
        amounts,
    )


def _month_of(moment: datetime, timezone: str) -> tuple[int, int]:
    local = moment.astimezone(ZoneInfo(timezone))
    return local.year, local.month


def monthly_report(session: Session, year: int, month: int):
    from datetime import UTC, date

    from hospitality_app.exports.pdf.report import MonthlyReport, ReportVisit

    start = datetime(year, month, 1, tzinfo=UTC)
    end = datetime(year + (month == 12), month % 12 + 1, 1, tzinfo=UTC)
    rows = session.execute(
        select(
            Visit.start,
            Company.name,
            Company.country,
            Visit.status,
            Visit.outcome,
            Visit.order_amount,
            Visit.order_currency,
            Visit.timezone,
        )
        .join(Company, Company.id == Visit.company_id)
        .where(Visit.start >= start - timedelta(days=1), Visit.start < end + timedelta(days=1))
        .where(Visit.status != "cancelled")
        .order_by(Visit.start)
    ).all()
    # A visit belongs to the month of its own local start: 1 January 09:00 in Xiamen is still
    # 31 December in UTC, and the report put it in December.
    visits = tuple(ReportVisit(*row) for row in rows if _month_of(row[0], row[7]) == (year, month))
    stats = outcomes(session, start, end)
    by_region = {region: sum(months.values()) for region, months in stats.visits_by_month_region.items()}
    counts: dict[str, int] = defaultdict(int)
    for v in visits:
        if v.outcome:
            counts[v.outcome] += 1
    return MonthlyReport(date(year, month, 1), visits, by_region, dict(counts), stats.amounts)
