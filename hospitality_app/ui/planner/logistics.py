"""The planner's logistics tabs: pickups and transfers (who drives whom, in what, when the driver
must be there) and hotel stays (which hotel, nights, rooms, who books and who pays)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from functools import partial

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from hospitality_app import vocab
from hospitality_app.errors import ValidationError
from hospitality_app.i18n import _
from hospitality_app.services.dto import HotelData, HotelStayData, PickupData, RoomData, VehicleData, VisitPlan
from hospitality_app.services.saved import SavedNames
from hospitality_app.ui.planner.editors import Editor, local_text, parse_local, parse_path
from hospitality_app.ui.planner.widgets import ItemTable

ROOM = re.compile(r"^(?P<type>[^×xX*]+?)\s*(?:[×xX*]\s*(?P<count>\d+))?$")


def names(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(",") if part.strip())


def whole_number(text: str, path: str, *, blank: int | None = 0) -> int | None:
    if not text:
        return blank
    if not text.isdigit():
        raise ValidationError(path, "not a whole number: {text!r}", text=text)
    return int(text)


def rooms_text(rooms: tuple[RoomData, ...]) -> str:
    return ", ".join(room.type if room.count == 1 else f"{room.type} × {room.count}" for room in rooms)


def parse_rooms(text: str, path: str) -> tuple[RoomData, ...]:
    """'twin × 2, suite' → two twin rooms and one suite."""
    rooms = []
    for j, part in enumerate(names(text)):
        m = ROOM.match(part)
        if not m:
            raise ValidationError(f"{path}[{j}]", "not a room: {text!r} (like 'twin × 2')", text=part)
        rooms.append(RoomData(m["type"].strip(), int(m["count"] or 1)))
    return tuple(rooms)


def parse_day(text: str, path: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError(path, "not a date: {text!r} (like 2026-12-03)", text=text) from None


class PickupsEditor(Editor):
    """Airport and station pickups, and the transfers between hotel and office."""

    COLUMNS = ("kind", "driver_due", "carrier_number", "origin", "arrival", "driver", "vehicle", "seats", "passengers")

    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items = ItemTable(
            [
                _("Kind"),
                _("Driver at"),
                _("Flight / train"),
                _("Origin"),
                _("Arrives"),
                _("Driver"),
                _("Vehicle"),
                _("Seats"),
                _("Passengers"),
                _("Luggage"),
            ],
            parent=self,
        )
        self.items.set_choices(0, vocab.PICKUP_KINDS)
        self.items.set_picker(5, self._host_names)
        self.items.set_picker(6, lambda: list(self._vehicles), editable=True)
        self.items.add_button.clicked.connect(self.add)
        self.items.changed.connect(self.changed)
        self.items.table.itemChanged.connect(self._vehicle_named)
        self._vehicles: dict[str, int] = {}
        layout = QVBoxLayout(self)
        hint = QLabel(
            _(
                "Times are local to the visit. The driver is picked from the Hosts tab, the vehicle from "
                "those saved before (or typed); passengers are names from the Visitors tab."
            ),
            self,
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addWidget(self.items)
        self._plan: VisitPlan | None = None

    def offer(self, saved: SavedNames) -> None:
        self._vehicles = saved.vehicles

    def _host_names(self) -> list[str]:
        """The hosts who drive first, then the others (anyone on the visit may take the wheel)."""
        plan = self.current_plan(self._plan)
        hosts = plan.hosts if plan is not None else ()
        return [h.name for h in hosts if "driver" in h.roles] + [h.name for h in hosts if "driver" not in h.roles]

    def _vehicle_named(self, item) -> None:
        if item.column() != 6 or self.items.is_loading() or self.items.text(item.row(), 7):
            return
        seats = self._vehicles.get(item.text().strip())
        if seats is not None:
            self.items.set_text(item.row(), 7, str(seats))

    def add(self) -> None:
        plan = self.current_plan(self._plan)
        drivers = [h.name for h in plan.hosts if "driver" in h.roles]
        due = plan.start - timedelta(hours=1)
        row = self.items.append(
            [
                "airport",
                local_text(due, plan),
                "",
                "",
                local_text(due + timedelta(minutes=30), plan),
                drivers[0] if drivers else "",
                "",
                "",
                ", ".join(v.name for v in plan.visitors),
                "0",
            ]
        )
        self.items.focus(row, 2)

    def load(self, plan: VisitPlan) -> None:
        self._plan = plan
        self.items.set_rows(
            [
                [
                    p.kind,
                    local_text(p.driver_due, plan),
                    p.carrier_number,
                    p.origin,
                    local_text(p.arrival, plan),
                    p.driver or "",
                    p.vehicle.name if p.vehicle else "",
                    str(p.vehicle.seats) if p.vehicle else "",
                    ", ".join(p.passengers),
                    str(p.luggage_pieces),
                ]
                for p in plan.pickups
            ],
            plan.pickups,
        )

    def apply(self, plan: VisitPlan) -> VisitPlan:
        self._plan = plan
        pickups = []
        for row in range(self.items.rows()):
            at = f"pickups[{row}]"
            text = partial(self.items.text, row)
            base = self.items.payload(row) or PickupData("airport", plan.start)
            vehicle = None
            if text(6) or text(7):
                seats = whole_number(text(7), f"{at}.vehicle.seats", blank=None)
                if seats is None:
                    raise ValidationError(f"{at}.vehicle.seats", "how many seats has the vehicle?")
                vehicle = VehicleData(text(6), seats)
            arrival = parse_local(text(4), plan, f"{at}.arrival") if text(4) else None
            pickups.append(
                replace(
                    base,
                    kind=text(0) or "airport",
                    driver_due=parse_local(text(1), plan, f"{at}.driver_due"),
                    carrier_number=text(2),
                    origin=text(3),
                    arrival=arrival,
                    driver=text(5) or None,
                    vehicle=vehicle,
                    passengers=names(text(8)),
                    luggage_pieces=whole_number(text(9), f"{at}.luggage_pieces"),
                )
            )
        return replace(plan, pickups=tuple(pickups))

    def focus(self, path: str, message: str = "") -> bool:
        part, i, field, _j = parse_path(path)
        if part != "pickups" or i is None:
            return False
        column = {"vehicle": 6, "luggage_pieces": 9}.get(field or "")
        if column is None:
            column = self.COLUMNS.index(field) if field in self.COLUMNS else 0
        self.items.focus(i, column)
        return True


class HotelStaysEditor(Editor):
    """Where the visitors sleep: hotel, nights, rooms, and who books and pays."""

    COLUMNS = ("hotel", "check_in", "check_out", "rooms", "booked_by", "paid_by", "guests", "drive_minutes")

    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items = ItemTable(
            [
                _("Hotel"),
                _("Check-in"),
                _("Check-out"),
                _("Rooms"),
                _("Booked by"),
                _("Paid by"),
                _("Guests"),
                _("Drive (min)"),
            ],
            parent=self,
        )
        parties = {"client": _("The client"), "us": _("Our company")}
        for column in (4, 5):
            self.items.set_choices(column, vocab.PARTIES, parties)
        self.items.add_button.clicked.connect(self.add)
        self.items.changed.connect(self.changed)
        self.items.table.itemChanged.connect(self._hotel_named)
        self._known_hotels: dict[str, int | None] = {}
        layout = QVBoxLayout(self)
        hint = QLabel(_("Dates as 2026-12-03; rooms as 'twin × 2, suite'. Guests are names from the Visitors tab."))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addWidget(self.items)
        self._plan: VisitPlan | None = None

    def offer(self, saved: SavedNames) -> None:
        self.items.set_completion(0, saved.hotels)
        self._known_hotels = saved.hotels

    def _hotel_named(self, item) -> None:
        if item.column() != 0 or self.items.is_loading() or self.items.text(item.row(), 7):
            return
        minutes = self._known_hotels.get(item.text().strip())
        if minutes is not None:
            self.items.set_text(item.row(), 7, str(minutes))

    def add(self) -> None:
        plan = self.current_plan(self._plan)
        first = plan.local(plan.start).date()
        last = plan.local(plan.end).date()
        row = self.items.append(
            [
                "",
                first.isoformat(),
                max(last, first + timedelta(days=1)).isoformat(),
                "",
                "client",
                "client",
                ", ".join(v.name for v in plan.visitors),
                "",
            ]
        )
        self.items.focus(row)

    def load(self, plan: VisitPlan) -> None:
        self._plan = plan
        self.items.set_rows(
            [
                [
                    s.hotel.name,
                    s.check_in.isoformat(),
                    s.check_out.isoformat(),
                    rooms_text(s.rooms),
                    s.booked_by,
                    s.paid_by,
                    ", ".join(s.guests),
                    "" if s.hotel.drive_minutes is None else str(s.hotel.drive_minutes),
                ]
                for s in plan.hotel_stays
            ],
            plan.hotel_stays,
        )

    def apply(self, plan: VisitPlan) -> VisitPlan:
        self._plan = plan
        stays = []
        for row in range(self.items.rows()):
            at = f"hotel_stays[{row}]"
            text = partial(self.items.text, row)
            base = self.items.payload(row)
            hotel = base.hotel if base else HotelData("")
            hotel = replace(
                hotel, name=text(0), drive_minutes=whole_number(text(7), f"{at}.hotel.drive_minutes", blank=None)
            )
            check_in = parse_day(text(1), f"{at}.check_in")
            check_out = parse_day(text(2), f"{at}.check_out")
            values = dict(
                hotel=hotel,
                check_in=check_in,
                check_out=check_out,
                rooms=parse_rooms(text(3), f"{at}.rooms"),
                booked_by=text(4) or "client",
                paid_by=text(5) or "client",
                guests=names(text(6)),
            )
            stays.append(replace(base, **values) if base else HotelStayData(**values))
        return replace(plan, hotel_stays=tuple(stays))

    def focus(self, path: str, message: str = "") -> bool:
        part, i, field, _j = parse_path(path)
        if part != "hotel_stays" or i is None:
            return False
        column = 7 if path.endswith("drive_minutes") else (self.COLUMNS.index(field) if field in self.COLUMNS else 0)
        self.items.focus(i, column)
        return True
