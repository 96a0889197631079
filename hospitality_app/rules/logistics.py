"""Pickups and hotels: the driver in time, a car big enough, a hotel near the office."""

from __future__ import annotations

from collections.abc import Iterator

from hospitality_app.rules import labels
from hospitality_app.rules.context import CheckContext
from hospitality_app.rules.finding import ERROR, WARNING, Finding

MAX_HOTEL_MINUTES = 30  # seed: "book within half an hour's drive of the company"


def driver_late(ctx: CheckContext) -> Iterator[Finding]:
    """pickup.driver_late: the driver is due after the flight or train arrives."""
    for i, p in enumerate(ctx.plan.pickups):
        if p.arrival is not None and p.driver_due > p.arrival:
            late = int((p.driver_due - p.arrival).total_seconds() // 60)
            yield Finding(
                "pickup.driver_late",
                ERROR,
                ctx._(
                    "The driver is due at {due}, {late} minutes after {what} arrives at "
                    "{arrival}: the visitors would wait."
                ).format(
                    due=ctx.local_time(p.driver_due),
                    late=late,
                    what=p.carrier_number or ctx._("the flight"),
                    arrival=ctx.local_time(p.arrival),
                ),
                f"pickups[{i}].driver_due",
                labels.pickup(ctx, i),
            )


def vehicle_too_small(ctx: CheckContext) -> Iterator[Finding]:
    """pickup.vehicle_too_small: passengers plus the driver need more seats than the car has."""
    for i, p in enumerate(ctx.plan.pickups):
        if p.vehicle is None:
            continue
        needed = len(p.passengers) + 1
        if needed > p.vehicle.seats:
            yield Finding(
                "pickup.vehicle_too_small",
                ERROR,
                ctx._("{vehicle} has {seats} seats; {passengers} passengers and the driver need {needed}.").format(
                    vehicle=p.vehicle.name, seats=p.vehicle.seats, passengers=len(p.passengers), needed=needed
                ),
                f"pickups[{i}].vehicle",
                labels.pickup(ctx, i),
            )


def hotel_too_far(ctx: CheckContext) -> Iterator[Finding]:
    """hotel.too_far: more than 30 minutes' drive from the office."""
    for i, stay in enumerate(ctx.plan.hotel_stays):
        minutes = stay.hotel.drive_minutes
        if minutes is not None and minutes > MAX_HOTEL_MINUTES:
            yield Finding(
                "hotel.too_far",
                WARNING,
                ctx._(
                    "{hotel} is {minutes} minutes from the office (aim for {limit} or less); "
                    "plan earlier pickups or suggest a closer hotel."
                ).format(hotel=stay.hotel.name, minutes=minutes, limit=MAX_HOTEL_MINUTES),
                f"hotel_stays[{i}].hotel.drive_minutes",
                stay.hotel.name,
            )
