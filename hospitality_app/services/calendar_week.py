"""The calendar's week: every live visit's timed items in a window of days, each with the people
it involves, so that the week can be drawn on an hour axis and seen as one person lives it (the
driver's week). A week holds a few visits: each is read whole, and the timeline model says what
its items are."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from hospitality_app.exports.timeline import Block, blocks
from hospitality_app.models import Visit
from hospitality_app.services import plans


@dataclass(frozen=True)
class WeekItem:
    visit_id: int
    company: str
    timezone: str
    block: Block
    people: tuple[str, ...]  # the hosts in it, by name
    start: datetime  # in the visit's zone: the wall clock the week is drawn on
    end: datetime


def week_items(session: Session, start: datetime, end: datetime, *, person: str | None = None) -> list[WeekItem]:
    """The items of live visits that start in [start, end); only `person`'s when given."""
    # A visit's arrival pickup comes the evening before its start: a visit starting a day after
    # the window is read too, and its items kept only when inside it.
    ids = session.scalars(
        select(Visit.id)
        .where(Visit.status != "cancelled", Visit.start < end + timedelta(days=1), Visit.end >= start)
        .order_by(Visit.id)
    )
    out = []
    for visit_id in ids:
        plan = plans.load_plan(session, visit_id)
        hosts = {h.name for h in plan.hosts if h.name}
        for block in blocks(plan):
            if not start <= block.start < end:
                continue
            people = tuple(lane for lane in block.lanes if lane in hosts)
            if person is None or person in people:
                local = (plan.local(block.start), plan.local(block.end))
                out.append(WeekItem(visit_id, plan.company.name, plan.timezone, block, people, *local))
    return sorted(out, key=lambda i: (i.block.start, i.visit_id))


def people_of(items: list[WeekItem]) -> list[str]:
    """Everyone the items involve, for the person filter."""
    return sorted({name for item in items for name in item.people})


def side_by_side(spans: list[tuple[float, float]]) -> list[tuple[int, int]]:
    """For spans (start, end) in start order: each one's column and the number of columns of
    the group of spans that overlap it, so that overlapping items share the width."""
    placed: list[tuple[int, int]] = [(0, 1)] * len(spans)
    group: list[int] = []  # the spans of the current group of overlapping ones
    ends: list[float] = []  # per column of the group: where its last span ends
    group_end = float("-inf")

    def settle() -> None:
        for j in group:
            placed[j] = (placed[j][0], len(ends))

    for i, (start, end) in enumerate(spans):
        if group and start >= group_end:  # nothing of the group reaches this one: a new group
            settle()
            group, ends, group_end = [], [], float("-inf")
        column = next((c for c, column_end in enumerate(ends) if column_end <= start), len(ends))
        if column == len(ends):
            ends.append(end)
        else:
            ends[column] = end
        placed[i] = (column, 0)
        group.append(i)
        group_end = max(group_end, end)
    settle()
    return placed
