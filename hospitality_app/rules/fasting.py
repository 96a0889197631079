"""religion.fasting_meal: in Ramadan, a meal between dawn and sunset with a visitor who fasts."""

from __future__ import annotations

from collections.abc import Iterator

from hospitality_app.hosting_calendars import islamic, sky
from hospitality_app.rules import labels
from hospitality_app.rules.calendar_days import keeping, overlaps, visit_days
from hospitality_app.rules.context import CheckContext
from hospitality_app.rules.finding import WARNING, Finding
from hospitality_app.rules.schedule import capitalized


def fasting_meal(ctx: CheckContext) -> Iterator[Finding]:
    """Halal visitors fast from dawn to sunset unless marked as not fasting (travellers may be
    exempt, and some choose to be): offer an iftar dinner after sunset instead."""
    site = ctx.site
    where = site.coordinates
    if where is None or not ctx.plan.meals:
        return
    days = visit_days(ctx)
    ramadan = islamic.ramadan_days(days[0], days[-1], site.ramadan_starts)
    if not ramadan:
        return
    for i, meal in enumerate(ctx.plan.meals):
        day = ctx.plan.local(meal.start).date()
        if day not in ramadan:
            continue
        fasting = [
            name
            for name in keeping(ctx, "halal", meal.attendees)
            if (v := ctx.plan.visitor(name)) is not None and v.observes_fasting is not False
        ]
        dawn = sky.dawn(where, day, ctx.plan.timezone)
        sunset = sky.sunset(where, day, ctx.plan.timezone)
        if not fasting or dawn is None or sunset is None or not overlaps(meal.start, meal.end, dawn, sunset):
            continue
        yield Finding(
            "religion.fasting_meal",
            WARNING,
            capitalized(
                ctx._(
                    "{meal} is during the Ramadan fast of {names} (dawn {dawn}, sunset {sunset} at the "
                    "site): move it to an iftar dinner after sunset. Ramadan's dates follow the Umm "
                    "al-Qura calendar and may differ by a day from the local announcement."
                ).format(
                    meal=labels.meal(ctx, i),
                    names=ctx.list_text(fasting),
                    dawn=ctx.local_time(dawn),
                    sunset=ctx.local_time(sunset),
                )
            ),
            f"meals[{i}]",
            labels.meal(ctx, i),
        )
