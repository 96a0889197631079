"""The hosting calendars for the screens: a plan's days, a country's coming holidays, and the
upcoming visits that begin or end on a holiday."""

from __future__ import annotations

from datetime import date, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from hospitality_app.formats import country_text, short_day_text
from hospitality_app.hosting_calendars import public_holidays
from hospitality_app.hosting_calendars.day_notes import DayNotes
from hospitality_app.hosting_calendars.day_notes import day_notes as notes_of
from hospitality_app.hosting_calendars.site import site_for
from hospitality_app.models import AppSetting
from hospitality_app.services import settings
from hospitality_app.services.dto import VisitPlan, VisitRow

COMING_DAYS = 92  # "the coming months" of the regional notes: a quarter


def day_notes(session: Session | None, plan: VisitPlan, locale: str = "en") -> dict[date, DayNotes]:
    return notes_of(plan, settings.site_of(session, plan), locale)


def coming_holidays(country: str, today: date, locale: str = "en", days: int = COMING_DAYS) -> list[tuple[date, str]]:
    """A country's public holidays from today for a quarter, in date order."""
    found = public_holidays.between(country, today, today + timedelta(days=days), locale)
    return sorted(found.items())


def holidays_at_either_end(session: Session, rows: list[VisitRow], locale: str = "en") -> dict[int, tuple[str, ...]]:
    """For each visit that begins or ends on a public holiday at the site or in the client's
    country: "Thu 1 Oct: National Day (China)"."""
    stored = {r.key: r.value for r in session.query(AppSetting).filter(AppSetting.key.in_(settings.SITE_KEYS))}
    out: dict[int, tuple[str, ...]] = {}
    for row in rows:
        site, zone = site_for(row.timezone, stored), ZoneInfo(row.timezone)
        ends = sorted({row.start.astimezone(zone).date(), row.end.astimezone(zone).date()})
        said = []
        for country in dict.fromkeys((site.country, row.country.upper())):
            for day in ends:
                name = public_holidays.between(country, day, day, locale).get(day)
                if name:
                    said.append(f"{short_day_text(day, locale)}: {name} ({country_text(country, locale)})")
        if said:
            out[row.id] = tuple(said)
    return out
