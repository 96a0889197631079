"""The itinerary's timing: nobody in two places at once, nothing outside the visit."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta

from hospitality_app.rules import labels
from hospitality_app.rules.context import CheckContext
from hospitality_app.rules.finding import ERROR, WARNING, Finding

TRANSFER_KINDS = ("hotel_to_office", "office_to_hotel")


@dataclass(frozen=True)
class Slot:
    target: str
    label: str
    start: datetime
    end: datetime
    people: frozenset[str]
    is_tour_slot: bool = False  # the tour itself, or the agenda item that holds its place


def slots(ctx: CheckContext) -> list[Slot]:
    """Every timed item of the itinerary with the people it involves."""
    plan = ctx.plan
    everyone = frozenset(v.name for v in plan.visitors)
    out: list[Slot] = []
    for i, a in enumerate(plan.agenda):
        people = everyone | ({a.presenter} if a.presenter else set())
        out.append(
            Slot(f"agenda[{i}]", labels.agenda(ctx, i), a.start, a.end, frozenset(people), a.kind == "factory_tour")
        )
    if plan.tour is not None and plan.tour.stops:
        t = plan.tour
        staff = {n for n in (t.guide, t.door_front, t.door_back) if n}
        out.append(Slot("tour", ctx._("factory tour"), t.start, t.end, everyone | staff, True))
    for i, m in enumerate(plan.meals):
        out.append(Slot(f"meals[{i}]", labels.meal(ctx, i), m.start, m.end, frozenset(m.attendees)))
    minutes = next((s.hotel.drive_minutes for s in plan.hotel_stays if s.hotel.drive_minutes is not None), None)
    if minutes:
        for i, p in enumerate(plan.pickups):
            if p.kind in TRANSFER_KINDS:
                aboard = set(p.passengers) | ({p.driver} if p.driver else set())
                out.append(
                    Slot(
                        f"pickups[{i}]",
                        labels.pickup(ctx, i),
                        p.driver_due,
                        p.driver_due + timedelta(minutes=minutes),
                        frozenset(aboard),
                    )
                )
    return out


def overlap(ctx: CheckContext) -> Iterator[Finding]:
    """schedule.overlap: two items overlap for the same people. The tour and the agenda item of
    kind factory_tour are one thing: its slot in the day."""
    items = sorted(slots(ctx), key=lambda s: (s.start, s.end))
    for i, a in enumerate(items):
        for b in items[i + 1 :]:
            if b.start >= a.end:
                break
            if a.is_tour_slot and b.is_tour_slot:
                continue
            common = a.people & b.people
            if common:
                yield Finding(
                    "schedule.overlap",
                    ERROR,
                    ctx._("{a} and {b} overlap for {people}.").format(
                        a=a.label, b=b.label, people=", ".join(sorted(common))
                    ),
                    b.target,
                    labels.join(a.label, b.label),
                )


def outside_visit(ctx: CheckContext) -> Iterator[Finding]:
    """schedule.outside_visit: an agenda item, meal or the tour outside the visit's dates
    (pickups and the hotel naturally lie outside, so they are not checked)."""
    plan = ctx.plan
    for slot in slots(ctx):
        if slot.target.startswith("pickups"):
            continue
        if slot.start < plan.start or slot.end > plan.end:
            yield Finding(
                "schedule.outside_visit",
                WARNING,
                ctx._("{item} lies outside the visit ({start} to {end}).").format(
                    item=slot.label, start=ctx.local(plan.start), end=ctx.local(plan.end)
                ),
                slot.target,
                slot.label,
            )
