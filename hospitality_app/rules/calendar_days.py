"""The days of a visit at the site, and how the calendar rules name them."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from hospitality_app.formats import short_day_text
from hospitality_app.rules.context import CheckContext


def visit_days(ctx: CheckContext) -> list[date]:
    """Every local day from the visit's start to its end."""
    first, last = ctx.plan.local(ctx.plan.start).date(), ctx.plan.local(ctx.plan.end).date()
    return [first + timedelta(days=n) for n in range(max(0, (last - first).days) + 1)]


def day_target(day: date) -> str:
    """A finding about a whole day: the planner opens its timeline on that day."""
    return f"day:{day.isoformat()}"


def days_text(ctx: CheckContext, days: list[date]) -> str:
    return ctx.list_text(short_day_text(d, ctx.locale) for d in days)


def overlaps(start: datetime, end: datetime, window_start: datetime, window_end: datetime) -> bool:
    """Whether [start, end) and [window_start, window_end) share a moment: an item that ends as
    the window opens does not."""
    return start < window_end and end > window_start


def keeping(ctx: CheckContext, diet: str, names) -> list[str]:
    """The visitors among `names` who keep `diet` (halal, kosher)."""
    wanted = set(names)
    return [v.name for v in ctx.plan.visitors if v.name in wanted and diet in v.dietary]
