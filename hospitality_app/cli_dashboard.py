"""`hospitality-app dashboard`: what the managers' dashboard shows, as text or JSON — upcoming
visits with their readiness, checklist progress and holidays, today's and tomorrow's pickups,
double bookings, overdue tasks and follow-ups."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from hospitality_app.db.session import Database
from hospitality_app.errors import HospitalityError


def cmd_dashboard(db: Database, args) -> int:
    from hospitality_app.services import dashboard

    now = parse_clock(args.now)
    with db.unit_of_work() as session:
        found = dashboard.everything(session, now, locale=args.lang, days=args.days)
    if args.json:
        print(json.dumps(_as_json(found, now, args.days), ensure_ascii=False, indent=2))
        return 0
    _print(found, args.days)
    return 0


def parse_clock(text: str | None, timezone: str | None = None) -> datetime:
    """--now: now when not given; a time without an offset is in `timezone` (a visit's), or
    this computer's local time."""
    if text is None:
        return datetime.now(UTC)
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise HospitalityError(f"--now: not a date and time: {text!r} (like 2026-11-22T09:00)") from None
    if moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=ZoneInfo(timezone)) if timezone else moment.astimezone()


def _value(value):
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def _row(row, timezone: str | None = None) -> dict:
    """A dataclass row as JSON: times in the visit's zone, with their offset."""
    zone = ZoneInfo(timezone) if timezone else None
    out = {}
    for field in dataclasses.fields(row):
        value = getattr(row, field.name)
        if isinstance(value, datetime) and zone is not None:
            value = value.astimezone(zone)
        out[field.name] = _value(list(value) if isinstance(value, tuple) else value)
    return out


def _as_json(found, now: datetime, days: int) -> dict:
    upcoming = []
    for u in found.upcoming:
        visit = _row(u.visit, u.visit.timezone)
        visit.update(errors=u.errors, warnings=u.warnings, holidays=list(u.holidays))
        upcoming.append(visit)
    return {
        "now": now.isoformat(),
        "days": days,
        "upcoming": upcoming,
        "pickups": [_row(p, p.timezone) for p in found.pickups],
        "double_bookings": [_row(d) for d in found.doubles],
        "overdue_tasks": [_row(t, t.timezone) for t in found.tasks],
        "overdue_follow_ups": [_row(f, f.timezone) for f in found.follow_ups],
    }


def _local(moment: datetime | None, timezone: str) -> str:
    return moment.astimezone(ZoneInfo(timezone)).strftime("%Y-%m-%d %H:%M") if moment else "—"


def _print(found, days: int) -> None:
    print(f"Upcoming visits (next {days} days): {len(found.upcoming)}")
    for u in found.upcoming:
        v = u.visit
        progress = f"{v.checklist_done}/{v.checklist_total}" if v.checklist_total else "—"
        holidays = f"  holidays: {'; '.join(u.holidays)}" if u.holidays else ""
        print(
            f"  {v.id:>6}  {_local(v.start, v.timezone)}  {v.country}  {v.company} — {v.title}  "
            f"errors {u.errors}, warnings {u.warnings}, checklist {progress}{holidays}"
        )
    print(f"Pickups today and tomorrow: {len(found.pickups)}")
    for p in found.pickups:
        print(
            f"  {_local(p.driver_due, p.timezone)}  {p.kind}  {p.carrier_number or '—'}  {p.driver or '—'}  {p.company}"
        )
    print(f"Double bookings: {len(found.doubles)}")
    for d in found.doubles:
        print(f"  {d.resource}: #{d.first_id} {d.first_title} and #{d.second_id} {d.second_title}")
    print(f"Overdue checklist items: {len(found.tasks)}")
    for t in found.tasks:
        print(f"  {_local(t.due, t.timezone)}  {t.company}: {t.title}  ({t.owner or '—'})")
    print(f"Overdue follow-ups: {len(found.follow_ups)}")
    for f in found.follow_ups:
        missing = ", ".join(m for m, on in (("thank-you letter", f.letter_missing), ("photos", f.photos_missing)) if on)
        print(f"  {_local(f.ended, f.timezone)}  {f.company} — {f.title}: {missing}")
