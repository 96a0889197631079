"""Frozen data transfer objects: a whole visit plan as the UI, rules, JSON and documents see it.

People are named by name within a plan (as in the JSON format); `id` fields carry database
identity when the plan was loaded, so calendar UIDs and findings can point at stable rows.
Datetimes are aware; `VisitPlan.zone` reads them in the visit's time zone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from functools import cached_property
from zoneinfo import ZoneInfo


@dataclass(frozen=True)
class CompanyData:
    name: str
    country: str
    city: str = ""
    website: str = ""
    gift_policy: str = "accepts"
    research: str = ""
    id: int | None = None
    # The fields a file gave (import): only these replace what is stored. None: not from a file.
    given: frozenset[str] | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class VisitorData:
    name: str
    title: str = ""
    languages: tuple[str, ...] = ()
    dietary: tuple[str, ...] = ()
    allergies: tuple[str, ...] = ()
    preferences: tuple[str, ...] = ()
    interests: tuple[str, ...] = ()
    notes: str = ""
    salutation: str = ""  # mr, ms, mx, dr, prof; blank: not said
    family_name: str = ""
    observes_fasting: bool | None = None
    id: int | None = None
    # The fields a file gave (import): only these replace what is stored. None: not from a file.
    given: frozenset[str] | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class HostData:
    """A staff member on this visit, with the roles they hold."""

    name: str
    roles: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    phone: str = ""
    email: str = ""
    department: str = ""
    id: int | None = None  # the staff row
    # The fields a file gave (import): only these replace what is stored. None: not from a file.
    given: frozenset[str] | None = field(default=None, compare=False, repr=False)

    @property
    def only_driver(self) -> bool:
        return set(self.roles) == {"driver"}


@dataclass(frozen=True)
class VehicleData:
    name: str
    seats: int
    id: int | None = None
    # The fields a file gave (import): only these replace what is stored. None: not from a file.
    given: frozenset[str] | None = field(default=None, compare=False, repr=False)


DRIVE_TO_PICKUP_MINUTES = 45  # from the office to the airport or station, when nothing says
ARRIVAL_KINDS = ("airport", "station")


@dataclass(frozen=True)
class PickupData:
    kind: str
    driver_due: datetime
    carrier_number: str = ""
    origin: str = ""
    destination: str = ""
    arrival: datetime | None = None
    driver: str | None = None
    vehicle: VehicleData | None = None
    passengers: tuple[str, ...] = ()
    luggage_pieces: int = 0
    confirm_call_minutes_before: int | None = 30
    notes: str = ""
    meeting_point: str = ""  # terminal, exit, gate
    id: int | None = None

    def sets_off(self, drive_minutes: int | None = None) -> datetime:
        """When the driver leaves to be there at `driver_due`: the drive to an airport or station
        is not in the plan, so it is the usual 45 minutes unless given."""
        return self.driver_due - timedelta(minutes=DRIVE_TO_PICKUP_MINUTES if drive_minutes is None else drive_minutes)


@dataclass(frozen=True)
class HotelData:
    name: str
    address: str = ""
    drive_minutes: int | None = None
    id: int | None = None
    # The fields a file gave (import): only these replace what is stored. None: not from a file.
    given: frozenset[str] | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class RoomData:
    type: str
    count: int = 1


@dataclass(frozen=True)
class HotelStayData:
    hotel: HotelData
    check_in: date
    check_out: date
    rooms: tuple[RoomData, ...] = ()
    booked_by: str = "client"
    paid_by: str = "client"
    guests: tuple[str, ...] = ()
    notes: str = ""
    id: int | None = None


@dataclass(frozen=True)
class RestaurantData:
    name: str
    address: str = ""
    private_room: bool = False
    halal_certified: bool = False
    kosher_certified: bool = False
    drive_minutes: int | None = None
    id: int | None = None
    # The fields a file gave (import): only these replace what is stored. None: not from a file.
    given: frozenset[str] | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class DishData:
    name: str
    contains: tuple[str, ...] = ()
    id: int | None = None
    # The fields a file gave (import): only these replace what is stored. None: not from a file.
    given: frozenset[str] | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class MealData:
    start: datetime
    end: datetime
    kind: str = "lunch"
    restaurant: RestaurantData | None = None
    alcohol_served: bool = False
    attendees: tuple[str, ...] = ()
    dishes: tuple[DishData, ...] = ()
    notes: str = ""
    id: int | None = None


@dataclass(frozen=True)
class TourStopData:
    name: str
    minutes: int
    view: str = "walk_in"
    hygiene: str = ""
    id: int | None = None  # the stop (a place shared by tours), not its place in this route
    # The fields a file gave (import): only these replace what is stored. None: not from a file.
    given: frozenset[str] | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class TourData:
    start: datetime
    guide: str | None = None
    door_front: str | None = None
    door_back: str | None = None
    stops: tuple[TourStopData, ...] = ()
    id: int | None = None

    @property
    def minutes(self) -> int:
        return sum(stop.minutes for stop in self.stops)

    @property
    def end(self) -> datetime:
        return self.start + timedelta(minutes=self.minutes)


@dataclass(frozen=True)
class AgendaItemData:
    start: datetime
    minutes: int
    title: str
    kind: str = "other"
    presenter: str | None = None
    materials: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    # Confidential: never in calendars or client documents. None: the database does not let this
    # user read them (team mode, not a manager); saving then leaves them untouched.
    bottom_lines: str | None = ""
    id: int | None = None
    # Unread (None) bottom lines that exist: staff see that the manager set limits, not what they are.
    bottom_lines_exist: bool = field(default=False, compare=False, repr=False)

    @property
    def end(self) -> datetime:
        return self.start + timedelta(minutes=self.minutes)


@dataclass(frozen=True)
class GiftData:
    item: str
    recipient: str | None = None
    value: Decimal | None = None
    currency: str = ""
    notes: str = ""


@dataclass(frozen=True)
class FollowUpData:
    greeting: str = ""
    consensus: tuple[str, ...] = ()
    minutes: str = ""
    next_steps: tuple[str, ...] = ()
    # The letter's subject, opening and closing as the user wrote them; "": drafted in the language.
    letter_subject: str = ""
    letter_opening: str = ""
    letter_closing: str = ""
    letter_sent: date | None = None
    photos_sent: date | None = None
    callback_due: date | None = None
    callback_done: date | None = None


@dataclass(frozen=True)
class ChecklistItemData:
    phase: str
    title: str
    title_zh: str = ""
    due: datetime | None = None
    due_anchor: str = ""
    due_offset_minutes: int = 0
    assignee: str | None = None  # a staff name
    assignee_role: str = ""  # or a host role
    done_at: datetime | None = None
    done_by: str | None = None
    template: str = ""
    id: int | None = None
    # The row's version as loaded: an edit of the item made meanwhile elsewhere is a conflict.
    version: int | None = field(default=None, compare=False)

    def title_in(self, language: str) -> str:
        """The title in `language`: the Chinese one where the template gave it, else the English."""
        return self.title_zh if language.startswith("zh") and self.title_zh else self.title

    @property
    def done(self) -> bool:
        return self.done_at is not None


@dataclass(frozen=True)
class OutcomeData:
    status: str  # won / pending / lost
    amount: Decimal | None = None
    currency: str = ""
    notes: str = ""
    order_date: datetime | None = None


@dataclass(frozen=True)
class VisitPlan:
    title: str
    timezone: str
    start: datetime
    end: datetime
    company: CompanyData
    purpose: str = ""
    status: str = "draft"
    key_account: bool = False
    first_visit: bool = False
    client_locale: str = "en"
    office_address: str = ""
    visitors: tuple[VisitorData, ...] = ()
    hosts: tuple[HostData, ...] = ()
    pickups: tuple[PickupData, ...] = ()
    hotel_stays: tuple[HotelStayData, ...] = ()
    meals: tuple[MealData, ...] = ()
    tour: TourData | None = None
    agenda: tuple[AgendaItemData, ...] = ()
    gifts: tuple[GiftData, ...] = ()
    follow_up: FollowUpData = field(default_factory=FollowUpData)
    checklist: tuple[ChecklistItemData, ...] = ()
    outcome: OutcomeData | None = None
    id: int | None = None
    version: int | None = None
    # The plan as it was loaded from the database, before any edit: a save writes only what
    # differs from it, and finds a conflict where someone else changed the same thing meanwhile.
    base: VisitPlan | None = field(default=None, compare=False, repr=False)

    @cached_property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def local(self, moment: datetime) -> datetime:
        return moment.astimezone(self.zone)

    def visitor(self, name: str) -> VisitorData | None:
        return next((v for v in self.visitors if v.name == name), None)

    def host(self, name: str) -> HostData | None:
        return next((h for h in self.hosts if h.name == name), None)

    def in_plan_order(self, names) -> tuple[str, ...]:
        """People as the plan lists them: visitors first, then hosts (for stable output)."""
        order = {n: i for i, n in enumerate([*(v.name for v in self.visitors), *(h.name for h in self.hosts)])}
        return tuple(sorted(names, key=lambda n: order.get(n, len(order))))

    def hosts_in_role(self, role: str) -> tuple[HostData, ...]:
        return tuple(h for h in self.hosts if role in h.roles)

    @property
    def arrival(self) -> datetime | None:
        """When the visitors arrive: the first airport or station pickup's arrival."""
        arrivals = [p.arrival for p in self.pickups if p.arrival and p.kind in ("airport", "station")]
        return min(arrivals) if arrivals else None


def detached(value):
    """`value` (a plan or any part of it) without database identity: every `id`, `version` and
    `base` cleared, for saving it into another database as new rows."""
    import dataclasses

    if isinstance(value, tuple):
        return tuple(detached(v) for v in value)
    if not dataclasses.is_dataclass(value) or isinstance(value, type):
        return value
    changes: dict[str, object] = {}
    for f in dataclasses.fields(value):
        current = getattr(value, f.name)
        if f.name in ("id", "version", "base"):
            if current is not None:
                changes[f.name] = None
        else:
            new = detached(current)
            if new is not current:
                changes[f.name] = new
    return dataclasses.replace(value, **changes) if changes else value
