"""calendar.factory_closed: a day of the visit falls in one of the factory's shutdowns."""

from __future__ import annotations

from collections.abc import Iterator

from hospitality_app.formats import day_text
from hospitality_app.rules.calendar_days import day_target, days_text, visit_days
from hospitality_app.rules.context import CheckContext
from hospitality_app.rules.finding import ERROR, WARNING, Finding


def factory_closed(ctx: CheckContext) -> Iterator[Finding]:
    """An error when the factory tour is on a closed day (there is nothing running to show), a
    warning for other days of the visit."""
    days = visit_days(ctx)
    tour = ctx.plan.tour
    tour_day = ctx.plan.local(tour.start).date() if tour is not None and tour.stops else None
    for first, last in ctx.site.closures:
        closed = [d for d in days if first <= d <= last]
        if not closed:
            continue
        period = ctx._("{first} to {last}").format(first=day_text(first, ctx.locale), last=day_text(last, ctx.locale))
        if tour_day is not None and tour_day in closed:
            yield Finding(
                "calendar.factory_closed",
                ERROR,
                ctx._("The factory is shut down from {period}: the tour on {day} would show no production.").format(
                    period=period, day=days_text(ctx, [tour_day])
                ),
                "tour",
                ctx._("factory tour"),
            )
        else:
            yield Finding(
                "calendar.factory_closed",
                WARNING,
                ctx._("The factory is shut down from {period}, which includes {days} of the visit.").format(
                    period=period, days=days_text(ctx, closed)
                ),
                day_target(closed[0]),
                period,
            )
