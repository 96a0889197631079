"""The itinerary's timing: nobody in two places at once, nothing outside the visit or before
the visitors can be there."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta

from hospitality_app.rules import labels
from hospitality_app.rules.context import CheckContext
from hospitality_app.rules.finding import ERROR, WARNING, Finding

TRANSFER_KINDS = ("hotel_to_office", "office_to_hotel")
ARRIVAL_KINDS = ("airport", "station")


@dataclass(frozen=True)
class Slot:
    target: str
    label: str
    start: datetime
    end: datetime
    people: frozenset[str]
    is_tour_slot: bool = False  # the tour itself, or the agenda item that holds its place


def drive_minutes(ctx: CheckContext) -> int | None:
    """How long a drive with the visitors takes: the only drive the plan knows is its hotel's
    to the office, so transfers and the ride from the airport or station both take that."""
    stays = ctx.plan.hotel_stays
    return next((s.hotel.drive_minutes for s in stays if s.hotel.drive_minutes is not None), None)


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
    minutes = drive_minutes(ctx)
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


def capitalized(message: str) -> str:
    """A message that opens with an item's label ("agenda item …") starts as a sentence does."""
    return message[:1].upper() + message[1:]


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
                    capitalized(
                        ctx._("{a} and {b} overlap for {people}.").format(
                            a=a.label, b=b.label, people=ctx.list_text(sorted(common))
                        )
                    ),
                    b.target,
                    labels.join(a.label, b.label),
                    related=(a.target,),
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
                capitalized(
                    ctx._("{item} lies outside the visit ({start} to {end}).").format(
                        item=slot.label, start=ctx.local(plan.start), end=ctx.local(plan.end)
                    )
                ),
                slot.target,
                slot.label,
            )


def _waited_for(ctx: CheckContext) -> Iterator[tuple[str, str, str, datetime]]:
    """What the visitors must be there for, as (target, name in a sentence, label, start)."""
    plan = ctx.plan
    for i, a in enumerate(plan.agenda):
        yield f"agenda[{i}]", ctx._('The agenda item "{title}"').format(title=a.title), labels.agenda(ctx, i), a.start
    if plan.tour is not None and plan.tour.stops:
        yield "tour", ctx._("The factory tour"), ctx._("factory tour"), plan.tour.start
    visitors = {v.name for v in plan.visitors}
    for i, m in enumerate(plan.meals):
        if visitors.intersection(m.attendees):
            yield f"meals[{i}]", ctx._("Meal {n}").format(n=i + 1), labels.meal(ctx, i), m.start


def before_arrival(ctx: CheckContext) -> Iterator[Finding]:
    """schedule.before_arrival: an agenda item, the tour or a meal with visitors starts before
    the last flight or train in has landed and its drive is over. Only items on the landing's
    day or earlier count: a late flight's drive past midnight says nothing of the next day."""
    plan = ctx.plan
    inbound = [(p.arrival, p) for p in plan.pickups if p.kind in ARRIVAL_KINDS and p.arrival is not None]
    if not inbound:
        return
    arrival, last = max(inbound, key=lambda pair: pair[0])
    minutes = drive_minutes(ctx)
    there = arrival + timedelta(minutes=minutes or 0)
    day = plan.local(arrival).date()
    what = last.carrier_number or (ctx._("the train") if last.kind == "station" else ctx._("the flight"))
    if minutes:
        text = ctx._(
            "{item} starts at {start}, before the visitors can be there ({what} arrives at {arrival}, "
            "then a {minutes}-minute drive)."
        )
    else:
        text = ctx._("{item} starts at {start}, before the visitors arrive ({what} arrives at {arrival}).")
    for target, name, label, start in _waited_for(ctx):
        if start >= there or plan.local(start).date() > day:
            continue
        dated = plan.local(start).date() != day  # hours alone would read as the landing's day
        yield Finding(
            "schedule.before_arrival",
            WARNING,
            capitalized(
                text.format(
                    item=name,
                    start=_time(ctx, start, dated),
                    what=what,
                    arrival=_time(ctx, arrival, dated),
                    minutes=minutes,
                )
            ),
            target,
            label,
        )


def _time(ctx: CheckContext, moment: datetime, dated: bool) -> str:
    return ctx.local(moment) if dated else ctx.local_time(moment)
