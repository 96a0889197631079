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
from hospitality_app.i18n import translator
from hospitality_app.services import settings
from hospitality_app.services.dto import VisitPlan
from hospitality_app.services.rows import VisitRow

COMING_DAYS = 92  # "the coming months" of the regional notes: a quarter


def day_notes(session: Session | None, plan: VisitPlan, locale: str = "en") -> dict[date, DayNotes]:
    return notes_of(plan, settings.site_of(session, plan), locale)


def holidays_between(country: str, first: date, last: date, locale: str = "en") -> list[tuple[date, date, str]]:
    """A country's public holidays from `first` to `last` as (first day, last day, name): a
    holiday of several days in a row is one."""
    spans: list[tuple[date, date, str]] = []
    for day, name in sorted(public_holidays.between(country, first, last, locale).items()):
        if spans and spans[-1][2] == name and spans[-1][1] == day - timedelta(days=1):
            spans[-1] = (spans[-1][0], day, name)
        else:
            spans.append((day, day, name))
    return spans


def coming_holidays(country: str, today: date, locale: str = "en", days: int = COMING_DAYS) -> list:
    """A country's public holidays from today for a quarter."""
    return holidays_between(country, today, today + timedelta(days=days), locale)


def around_visit(plan: VisitPlan, locale: str = "en", margin: int = 14) -> list:
    """The client's country's public holidays from two weeks before the visit to two weeks after:
    when they travel, and what they leave behind at home."""
    first, last = plan.local(plan.start).date(), plan.local(plan.end).date()
    return holidays_between(
        plan.company.country.upper(), first - timedelta(days=margin), last + timedelta(days=margin), locale
    )


def holidays_at_either_end(session: Session, rows: list[VisitRow], locale: str = "en") -> dict[int, tuple[str, ...]]:
    """For each visit that begins or ends on a public holiday at the site or in the client's
    country: "Thu 1 Oct: National Day (China)"."""
    _ = translator(locale).gettext
    stored = settings.site_settings(session)
    out: dict[int, tuple[str, ...]] = {}
    for row in rows:
        site, zone = site_for(row.timezone, stored), ZoneInfo(row.timezone)
        ends = sorted({row.start.astimezone(zone).date(), row.end.astimezone(zone).date()})
        said = []
        for country in dict.fromkeys((site.country, row.country.upper())):
            for day in ends:
                name = public_holidays.between(country, day, day, locale).get(day)
                if name:
                    said.append(
                        _("{day}: {holiday} ({country})").format(
                            day=short_day_text(day, locale), holiday=name, country=country_text(country, locale)
                        )
                    )
        if said:
            out[row.id] = tuple(said)
    return out
