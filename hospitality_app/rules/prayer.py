"""religion.prayer_overlap: on a Friday, an agenda item or the tour overlaps the midday
(Jumu'ah) prayer at the site, for a visitor who keeps halal."""

from __future__ import annotations

from collections.abc import Iterator

from hospitality_app.hosting_calendars import sky
from hospitality_app.rules import labels
from hospitality_app.rules.calendar_days import keeping, overlaps, visit_days
from hospitality_app.rules.context import CheckContext
from hospitality_app.rules.finding import WARNING, Finding
from hospitality_app.rules.schedule import capitalized

FRIDAY = 4


def prayer_overlap(ctx: CheckContext) -> Iterator[Finding]:
    site = ctx.site
    muslims = keeping(ctx, "halal", (v.name for v in ctx.plan.visitors))
    where = site.coordinates
    if where is None or not muslims:
        return
    windows = [sky.jumuah(where, day, ctx.plan.timezone) for day in visit_days(ctx) if day.weekday() == FRIDAY]
    items = [(f"agenda[{i}]", labels.agenda(ctx, i), a.start, a.end) for i, a in enumerate(ctx.plan.agenda)]
    if ctx.plan.tour is not None and ctx.plan.tour.stops:
        items.append(("tour", ctx._("factory tour"), ctx.plan.tour.start, ctx.plan.tour.end))
    for start, end in windows:
        for target, label, item_start, item_end in items:
            if overlaps(item_start, item_end, start, end):
                yield Finding(
                    "religion.prayer_overlap",
                    WARNING,
                    capitalized(
                        ctx._(
                            "{item} overlaps the Friday midday prayer ({start}–{end} at the site) of "
                            "{names}: keep that hour free and tell them where the prayer room is."
                        ).format(
                            item=label,
                            start=ctx.local_time(start),
                            end=ctx.local_time(end),
                            names=ctx.list_text(muslims),
                        )
                    ),
                    target,
                    label,
                )
