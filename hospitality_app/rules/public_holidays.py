"""calendar.host_holiday and calendar.client_holiday: a day of the visit is a public holiday at
the site, or in the client company's country."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from hospitality_app.formats import country_text
from hospitality_app.hosting_calendars import public_holidays
from hospitality_app.rules.calendar_days import day_target, days_text, visit_days
from hospitality_app.rules.context import CheckContext
from hospitality_app.rules.finding import WARNING, Finding


def host_holiday(ctx: CheckContext) -> Iterator[Finding]:
    """calendar.host_holiday: colleagues may be off, offices closed, roads and flights full."""
    message = ctx._(
        "{days}: {holiday}, a public holiday in {country}, where the visit takes place: "
        "check that everyone the plan needs is working, and book transport early."
    )
    yield from _findings(ctx, "calendar.host_holiday", ctx.site.country, message)


def client_holiday(ctx: CheckContext) -> Iterator[Finding]:
    """calendar.client_holiday: the visitors would spend a holiday of their own away from home."""
    country = ctx.plan.company.country.upper()
    if country == ctx.site.country:
        return  # the site's own holiday: calendar.host_holiday says it
    message = ctx._(
        "{days}: {holiday}, a public holiday in {country}: ask whether the visitors "
        "would rather travel on other days, and do not expect their office to answer."
    )
    yield from _findings(ctx, "calendar.client_holiday", country, message)


def _findings(ctx: CheckContext, code: str, country: str, message: str) -> Iterator[Finding]:
    for days, name in _holidays(ctx, country):
        text = message.format(days=days_text(ctx, days), holiday=name, country=country_text(country, ctx.locale))
        yield Finding(code, WARNING, text, day_target(days[0]), name)


def _holidays(ctx: CheckContext, country: str) -> list[tuple[list[date], str]]:
    """The holidays during the visit, each with its days (a holiday of several days is one)."""
    days = visit_days(ctx)
    found = public_holidays.between(country, days[0], days[-1], ctx.locale)
    by_name: dict[str, list[date]] = {}
    for day in sorted(found):
        by_name.setdefault(found[day], []).append(day)
    return [(days, name) for name, days in by_name.items()]
