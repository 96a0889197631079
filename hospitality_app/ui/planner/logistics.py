"""The planner's logistics tabs: pickups and transfers (who drives whom, in what, when the driver
must be there, where the driver waits) and hotel stays (which hotel, nights, rooms, who books and
who pays). Each is a list beside a form; names picked from the visit, times in its zone."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from hospitality_app import vocab
from hospitality_app.formats import short_day_text
from hospitality_app.i18n import _, label, ngettext
from hospitality_app.services.dto import HotelData, HotelStayData, PickupData, RoomData, VehicleData, VisitPlan
from hospitality_app.services.saved import SavedNames
from hospitality_app.ui.planner.editors import local_text
from hospitality_app.ui.planner.item_form import Spec
from hospitality_app.ui.planner.list_editor import ListEditor


def people(names) -> str:
    return ngettext("{n} person", "{n} people", len(names)).format(n=len(names)) if names else ""


def shifted(before, after, key: str, follower: str):
    """`after` with `follower` moved as far as `key` moved (the end follows the start)."""
    old, new = getattr(before, key), getattr(after, key)
    if old is None or new is None or old == new or getattr(after, follower) != getattr(before, follower):
        return after
    if getattr(after, follower) is None:
        return after
    return replace(after, **{follower: getattr(after, follower) + (new - old)})


class PickupsEditor(ListEditor):
    """Airport and station pickups, and the transfers between hotel and office."""

    part = "pickups"
    fields = {"from": "origin", "to": "destination"}  # noqa: RUF012
    blanks = {"vehicle": lambda: VehicleData("", 1)}  # noqa: RUF012

    def __init__(self, *, parent=None) -> None:
        self._vehicles: dict[str, int] = {}
        super().__init__(
            [
                (_("Kind"), lambda p: label(p.kind)),
                (_("Driver there at"), lambda p: self.when(p.driver_due)),
                (_("Flight / train"), lambda p: p.carrier_number),
                (_("Arrives"), lambda p: self.when(p.arrival)),
                (_("Driver"), lambda p: p.driver or ""),
                (_("Passengers"), lambda p: people(p.passengers)),
            ],
            [
                Spec("kind", _("Kind"), "choice", vocab.PICKUP_KINDS, labels=label),
                Spec("carrier_number", _("Flight / train")),
                Spec("origin", _("Coming from"), hint=_("Where the flight or train comes from, or the hotel")),
                Spec("destination", _("Going to"), hint=_("The airport or station, or where the transfer goes")),
                Spec("arrival", _("Arrives"), "moment", optional=True, unknown=_("Scheduled")),
                Spec("driver_due", _("Driver there at"), "moment"),
                Spec("meeting_point", _("Meeting point"), hint=_("Terminal, exit or gate where the driver waits")),
                Spec("driver", _("Driver"), "name", source=self.host_names),
                Spec("vehicle.name", _("Vehicle"), "name", source=lambda: list(self._vehicles), editable=True),
                Spec("vehicle.seats", _("Seats"), "count", minimum=1, maximum=80),
                Spec("passengers", _("Passengers"), "names", source=self.visitor_names),
                Spec("luggage_pieces", _("Luggage"), "count", maximum=200),
                Spec(
                    "confirm_call_minutes_before",
                    _("Confirm call"),
                    "minutes",
                    maximum=24 * 60,
                    optional=True,
                    unknown=_("no call"),
                    hint=_("Call the client this long before the driver sets off"),
                ),
                Spec("notes", _("Notes"), "note"),
            ],
            empty=_("No pickups yet. Add the airport or station pickup, then the transfers between hotel and office."),
            add=_("Add pickup"),
            parent=parent,
        )
        self.form.default_at = lambda: self.plan_now().start
        self.items.first_key = "carrier_number"  # the kind offered is usually right: the flight is not

    def when(self, moment) -> str:
        return local_text(moment, self._plan) if self._plan else ""

    def offer(self, saved: SavedNames) -> None:
        self._vehicles = saved.vehicles

    def host_names(self) -> list[str]:
        """The hosts who drive first, then the others (anyone on the visit may take the wheel)."""
        hosts = self.plan_now().hosts
        return [h.name for h in hosts if "driver" in h.roles] + [h.name for h in hosts if "driver" not in h.roles]

    def visitor_names(self) -> list[str]:
        return [v.name for v in self.plan_now().visitors if v.name]

    def new_item(self, plan: VisitPlan) -> PickupData:
        drivers = [h.name for h in plan.hosts if "driver" in h.roles]
        visitors = tuple(v.name for v in plan.visitors if v.name)
        earlier = self.items.items()
        if not earlier:  # the arrival: the driver waits before the flight lands
            due = plan.start - timedelta(hours=1)
            return PickupData(
                "airport",
                due,
                arrival=due + timedelta(minutes=30),
                driver=drivers[0] if drivers else None,
                passengers=visitors,
            )
        last = earlier[-1]  # a transfer with the same driver and car, the next morning by default
        due = plan.start - timedelta(minutes=45)
        night = plan.local(due).date()
        hotel = next((s.hotel.name for s in plan.hotel_stays if s.check_in <= night <= s.check_out), "")
        return PickupData(
            "hotel_to_office",
            due,
            origin=hotel,
            destination=_("Office"),
            driver=last.driver,
            vehicle=last.vehicle,
            passengers=last.passengers or visitors,
        )

    def adjust(self, before: PickupData, after: PickupData) -> PickupData:
        after = shifted(before, after, "arrival", "driver_due")  # a later flight: the driver later too
        vehicle = after.vehicle
        if vehicle is not None and not vehicle.name:
            return replace(after, vehicle=None)
        picked = vehicle is not None and vehicle.name != (before.vehicle.name if before.vehicle else None)
        if picked and vehicle.name in self._vehicles:
            return replace(after, vehicle=VehicleData(vehicle.name, self._vehicles[vehicle.name]))
        if vehicle is not None and before.vehicle is None:  # a new car named: room for all, to begin with
            return replace(after, vehicle=replace(vehicle, seats=max(vehicle.seats, len(after.passengers) + 1)))
        return after


class HotelStaysEditor(ListEditor):
    """Where the visitors sleep: hotel, nights, rooms, and who books and pays."""

    part = "hotel_stays"
    blanks = {"hotel": lambda: HotelData("")}  # noqa: RUF012

    def __init__(self, *, parent=None) -> None:
        self._hotels: dict[str, HotelData] = {}
        parties = {"client": _("The client"), "us": _("Our company")}
        super().__init__(
            [
                (_("Hotel"), lambda s: s.hotel.name),
                (_("Check-in"), lambda s: short_day_text(s.check_in)),
                (_("Check-out"), lambda s: short_day_text(s.check_out)),
                (_("Guests"), lambda s: people(s.guests)),
            ],
            [
                Spec("hotel.name", _("Hotel")),
                Spec("hotel.address", _("Address")),
                Spec("hotel.drive_minutes", _("Drive to the office"), "minutes", maximum=600, optional=True),
                Spec("check_in", _("Check-in"), "day"),
                Spec("check_out", _("Check-out"), "day"),
                Spec("rooms", _("Rooms"), "rooms"),
                Spec("booked_by", _("Booked by"), "choice", vocab.PARTIES, labels=parties.get),
                Spec("paid_by", _("Paid by"), "choice", vocab.PARTIES, labels=parties.get),
                Spec("guests", _("Guests"), "names", source=self.visitor_names),
                Spec("notes", _("Notes"), "note"),
            ],
            empty=_("No hotel yet. Add where the visitors stay, even when they book it themselves."),
            add=_("Add hotel stay"),
            parent=parent,
        )

    def offer(self, saved: SavedNames) -> None:
        self._hotels = saved.hotels
        self.form.set_completions("hotel.name", list(saved.hotels))

    def visitor_names(self) -> list[str]:
        return [v.name for v in self.plan_now().visitors if v.name]

    def new_item(self, plan: VisitPlan) -> HotelStayData:
        """From the night the visitors land (often the evening before) to the visit's last day, a
        single room for each visitor, booked by us (the practice: offer to book it) and paid by
        the client."""
        arrivals = [p.arrival or p.driver_due for p in plan.pickups if p.kind in ("airport", "station")]
        first = min([plan.local(plan.start).date(), *(plan.local(a).date() for a in arrivals)])
        last = plan.local(plan.end).date()
        guests = tuple(v.name for v in plan.visitors if v.name)
        return HotelStayData(
            HotelData(""),
            first,
            max(last, first + timedelta(days=1)),
            rooms=(RoomData("single", len(guests)),) if guests else (),
            booked_by="us",
            guests=guests,
        )

    def adjust(self, before: HotelStayData, after: HotelStayData) -> HotelStayData:
        after = shifted(before, after, "check_in", "check_out")  # the same nights, moved
        name = after.hotel.name
        if name != before.hotel.name and name in self._hotels:
            return replace(after, hotel=self._hotels[name])
        return after
