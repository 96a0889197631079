"""A visit's days as a timeline: who is where when. Each timed item of the plan becomes a block
on the lanes of the people it involves — the visitors as one group, each host, each car — so
that a day reads at a glance; moving a block moves the item in the plan.

Times are the plan's (aware); `Day.blocks` keeps the items that start on that local day.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from hospitality_app.exports.itinerary import COLORS
from hospitality_app.services.dto import ARRIVAL_KINDS, DRIVE_TO_PICKUP_MINUTES, VisitPlan

VISITORS = ""  # the visitors' lane: one group, named by the interface
SNAP_MINUTES = 5


@dataclass(frozen=True)
class Stop:
    name: str
    start: datetime
    end: datetime


@dataclass(frozen=True)
class Block:
    target: str  # the item's path in the plan, as findings name it: "meals[0]", "tour"
    kind: str  # pickup, meal, tour, agenda: its colour
    title: str
    start: datetime
    end: datetime
    lanes: tuple[str, ...]  # VISITORS, hosts' names, "vehicle:NAME"
    stops: tuple[Stop, ...] = ()

    @property
    def color(self) -> str:
        return COLORS.get(self.kind, "gray")

    def concerned_by(self, path: str) -> bool:
        """Whether a finding's target names this item or a part of it ("meals[0].dishes[2]")."""
        return path == self.target or path.startswith((f"{self.target}.", f"{self.target}["))


@dataclass(frozen=True)
class Day:
    day: date
    lanes: tuple[str, ...]
    blocks: tuple[Block, ...]
    first_hour: int
    last_hour: int  # the hour the axis ends at (exclusive)


def _drive(plan: VisitPlan) -> int:
    return next(
        (s.hotel.drive_minutes for s in plan.hotel_stays if s.hotel.drive_minutes is not None),
        DRIVE_TO_PICKUP_MINUTES,
    )


def blocks(plan: VisitPlan) -> list[Block]:
    """Every timed item of the plan, in time order."""
    visitors = {v.name for v in plan.visitors if v.name}

    def lanes(people, vehicle=None, *, everyone: bool = False) -> tuple[str, ...]:
        """The visitors' lane when the item is for all of them (the agenda, the tour) or some
        go; then the hosts in it, in the plan's order; then the car."""
        names = set(people)
        out = [VISITORS] if everyone or names & visitors else []
        out += [h.name for h in plan.hosts if h.name and h.name in names]
        if vehicle:
            out.append(f"vehicle:{vehicle}")
        return tuple(out)

    out: list[Block] = []
    tour = plan.tour if plan.tour is not None and plan.tour.stops else None
    for i, a in enumerate(plan.agenda):
        if a.kind == "factory_tour" and tour is not None:
            continue  # the tour's own block is this slot
        out.append(Block(f"agenda[{i}]", "agenda", a.title, a.start, a.end, lanes({a.presenter}, everyone=True)))
    if tour is not None:
        stops, at = [], tour.start
        for s in tour.stops:
            stops.append(Stop(s.name, at, at + timedelta(minutes=s.minutes)))
            at += timedelta(minutes=s.minutes)
        crew = {tour.guide, tour.door_front, tour.door_back}
        title = next((a.title for a in plan.agenda if a.kind == "factory_tour"), "")
        out.append(Block("tour", "tour", title, tour.start, tour.end, lanes(crew, everyone=True), tuple(stops)))
    for i, m in enumerate(plan.meals):
        place = m.restaurant.name if m.restaurant else ""
        out.append(Block(f"meals[{i}]", "meal", place, m.start, m.end, lanes(m.attendees)))
    drive = timedelta(minutes=_drive(plan))
    for i, p in enumerate(plan.pickups):
        # The driver's time: from when they are due to when they are back with the passengers.
        ready = max(p.driver_due, p.arrival) if p.kind in ARRIVAL_KINDS and p.arrival else p.driver_due
        title = p.carrier_number or " → ".join(x for x in (p.origin, p.destination) if x)
        vehicle = p.vehicle.name if p.vehicle is not None else None
        out.append(
            Block(
                f"pickups[{i}]", "pickup", title, p.driver_due, ready + drive, lanes({*p.passengers, p.driver}, vehicle)
            )
        )
    return sorted(out, key=lambda b: (b.start, b.end))


def days(plan: VisitPlan) -> list[Day]:
    """The days that have timed items (the arrival evening too), each with the lanes it uses."""
    by_day: dict[date, list[Block]] = {}
    for block in blocks(plan):
        by_day.setdefault(plan.local(block.start).date(), []).append(block)
    order = [VISITORS, *(h.name for h in plan.hosts)]
    out = []
    for day, found in sorted(by_day.items()):
        used = {lane for b in found for lane in b.lanes}
        vehicles = sorted(lane for lane in used if lane.startswith("vehicle:"))
        first = min(plan.local(b.start).hour for b in found)
        ends = [plan.local(b.end) for b in found]
        last = max(24 if e.date() > day else e.hour + (1 if e.minute else 0) for e in ends)
        # A working day shows 08:00 to 18:00 at least; an evening (the arrival) only itself.
        working = first < 12
        out.append(
            Day(
                day,
                tuple(lane for lane in order if lane in used) + tuple(vehicles),
                tuple(found),
                min(first, 8) if working else first - 1,
                min(max(last, 18) if working else last, 24),
            )
        )
    return out


def for_person(day: Day, name: str) -> Day:
    """A day as one person lives it (the driver's): the items on their lane, with the visitors'
    and the cars' lanes those items also use."""
    mine = tuple(b for b in day.blocks if name in b.lanes)
    used = {lane for b in mine for lane in b.lanes}
    lanes = tuple(
        lane
        for lane in day.lanes
        if lane == name or (lane in used and (lane == VISITORS or lane.startswith("vehicle:")))
    )
    return replace(day, blocks=mine, lanes=lanes)


def snapped(minutes: float) -> int:
    """A drag's minutes to the nearest five."""
    return round(minutes / SNAP_MINUTES) * SNAP_MINUTES


def moved(plan: VisitPlan, target: str, minutes: int) -> VisitPlan:
    """The plan with the item at `target` earlier or later by `minutes` (a meal keeps its
    length; a pickup moves the driver, not the flight)."""
    if not minutes:
        return plan
    step = timedelta(minutes=minutes)
    if target == "tour" and plan.tour is not None:
        return replace(plan, tour=replace(plan.tour, start=plan.tour.start + step))
    part, _, rest = target.partition("[")
    index = int(rest.rstrip("]")) if rest else -1
    if part == "agenda" and 0 <= index < len(plan.agenda):
        items = list(plan.agenda)
        items[index] = replace(items[index], start=items[index].start + step)
        return replace(plan, agenda=tuple(items))
    if part == "meals" and 0 <= index < len(plan.meals):
        meals = list(plan.meals)
        meals[index] = replace(meals[index], start=meals[index].start + step, end=meals[index].end + step)
        return replace(plan, meals=tuple(meals))
    if part == "pickups" and 0 <= index < len(plan.pickups):
        pickups = list(plan.pickups)
        pickups[index] = replace(pickups[index], driver_due=pickups[index].driver_due + step)
        return replace(plan, pickups=tuple(pickups))
    return plan


RESIZABLE = ("agenda", "meals")  # the tour lasts as long as its stops; a pickup as its drive


def stretched(plan: VisitPlan, target: str, minutes: int) -> VisitPlan:
    """The plan with the item at `target` longer (or shorter) by `minutes`, never shorter than
    five minutes: an agenda item or a meal whose block's end was dragged."""
    part, _, rest = target.partition("[")
    index = int(rest.rstrip("]")) if rest else -1
    if part == "agenda" and 0 <= index < len(plan.agenda):
        items = list(plan.agenda)
        items[index] = replace(items[index], minutes=max(items[index].minutes + minutes, SNAP_MINUTES))
        return replace(plan, agenda=tuple(items))
    if part == "meals" and 0 <= index < len(plan.meals):
        meals = list(plan.meals)
        meal = meals[index]
        meals[index] = replace(meal, end=max(meal.end + timedelta(minutes=minutes), meal.start + timedelta(minutes=5)))
        return replace(plan, meals=tuple(meals))
    return plan
