"""religion.shabbat: an itinerary item between Friday sunset and Saturday nightfall at the site,
for a visitor who keeps kosher."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

from hospitality_app.formats import short_day_text
from hospitality_app.hosting_calendars import sky
from hospitality_app.rules import labels
from hospitality_app.rules.calendar_days import keeping, overlaps, visit_days
from hospitality_app.rules.context import CheckContext
from hospitality_app.rules.finding import WARNING, Finding
from hospitality_app.rules.schedule import ARRIVAL_KINDS, capitalized, slots

FRIDAY = 4


def shabbat(ctx: CheckContext) -> Iterator[Finding]:
    site = ctx.site
    where = site.coordinates
    if where is None or not keeping(ctx, "kosher", (v.name for v in ctx.plan.visitors)):
        return
    days = visit_days(ctx)
    fridays = sorted({d - timedelta(days=(d.weekday() - FRIDAY) % 7) for d in days if d.weekday() in (4, 5)})
    items = [(s.target, s.label, s.start, s.end, s.people) for s in slots(ctx)]
    for i, p in enumerate(ctx.plan.pickups):
        if p.kind in ARRIVAL_KINDS and p.arrival is not None:  # landing and the ride: travel
            items.append((f"pickups[{i}]", labels.pickup(ctx, i), p.arrival, p.arrival, frozenset(p.passengers)))
    for friday in fridays:
        saturday = friday + timedelta(days=1)
        start = sky.sunset(where, friday, ctx.plan.timezone)
        end = sky.nightfall(where, saturday, ctx.plan.timezone)
        if start is None or end is None:
            continue
        for target, label, item_start, item_end, people in items:
            observant = keeping(ctx, "kosher", people)
            # An instant (a landing) is in the window when it falls inside it.
            inside = start <= item_start < end if item_start == item_end else overlaps(item_start, item_end, start, end)
            if observant and inside:
                yield Finding(
                    "religion.shabbat",
                    WARNING,
                    capitalized(
                        ctx._(
                            "{item} falls on Shabbat for {names} (from sunset on {friday} at {start} to "
                            "nightfall on {saturday} at {end} at the site): they will not travel, work "
                            "or write then; move it."
                        ).format(
                            item=label,
                            names=ctx.list_text(observant),
                            friday=short_day_text(friday, ctx.locale),
                            start=ctx.local_time(start),
                            saturday=short_day_text(saturday, ctx.locale),
                            end=ctx.local_time(end),
                        )
                    ),
                    target,
                    label,
                )
