"""The `hospitality-visit/1` JSON format, declared once: every object, field, type and default of
a visit file. The reader validates a parsed file against it, the writer dumps a plan through it,
and `json_schema()` publishes it for integrators.

Rules the declaration carries beyond types:
- a `null` is the same as leaving the field out (its default applies); unknown fields are errors;
- times without an offset are wall-clock times in the visit's time zone (`visit.timezone`);
- the writer leaves out what is empty, except the fields in a part's `always` (a visitor's diet
  and allergies are written even when there are none: absence would read as "unknown").
What is checked across fields (a passenger who must be a visitor, check-out after check-in), the
vocabularies and the limits of `hospitality_app.limits` are checked on every save too, by
`validation.validate_plan`; the schema publishes the vocabularies and ranges from the same
constants.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import ConfigDict, Field, WithJsonSchema, field_validator

from hospitality_app import vocab
from hospitality_app.errors import ValidationError
from hospitality_app.services import dto
from hospitality_app.services.validation import check_timezone
from hospitality_app.services.visit_format_base import (
    Allergen,
    Amount,
    Day,
    DriveMinutes,
    HostRole,
    Ingredient,
    Minutes,
    Moment,
    Part,
    Party,
    Person,
    Restriction,
    Topic,
    codes,
    file_value,
    plan_value,
    refuse,
    whole,
)

FORMAT = "hospitality-visit/1"
SCHEMA_ID = "https://hospitality-app.org/schema/hospitality-visit-1.json"


class Company(Part):
    dto = dto.CompanyData
    name: str
    country: Annotated[str, WithJsonSchema({"type": "string", "pattern": "^[A-Z]{2}$", "description": "ISO 3166"})]
    city: str = ""
    website: str = ""
    gift_policy: Annotated[str, codes(vocab.GIFT_POLICIES)] = "accepts"
    research: str = ""


class Visitor(Part):
    dto = dto.VisitorData
    always = frozenset({"dietary", "allergies", "preferences", "interests"})
    name: str
    title: str = ""
    languages: list[str] = []
    dietary: list[Restriction] = []
    allergies: list[Allergen] = []
    preferences: list[str] = []
    interests: list[str] = []
    notes: str = ""
    salutation: Annotated[str, codes(vocab.SALUTATIONS)] = Field("", description="How a letter addresses the person")
    family_name: str = Field("", description="The name a letter uses after the salutation")
    observes_fasting: bool | None = Field(None, description="Whether the visitor fasts in Ramadan; left out: not said")


class Host(Part):
    dto = dto.HostData
    name: str
    roles: list[HostRole] = []
    languages: list[str] = []
    phone: str = ""
    email: str = ""
    department: str = ""


class Vehicle(Part):
    dto = dto.VehicleData
    always = frozenset({"name", "seats"})
    name: str
    seats: Annotated[int, whole("seats")]


class Pickup(Part):
    dto = dto.PickupData
    omit_falsy = frozenset({"luggage_pieces"})
    kind: Annotated[str, codes(vocab.PICKUP_KINDS)]
    carrier_number: str = ""
    origin: str = Field("", alias="from")
    destination: str = Field("", alias="to")
    meeting_point: str = Field("", description="Where the driver waits: terminal, exit, gate")
    arrival: Moment | None = None
    driver_due: Moment
    driver: Person | None = None
    vehicle: Vehicle | None = None
    passengers: list[Person] = []
    luggage_pieces: Annotated[int, whole("luggage_pieces")] = 0
    confirm_call_minutes_before: Annotated[int, whole("confirm_call_minutes_before")] | None = Field(
        None, description="Call the client this long before the driver is due; left out: no call"
    )
    notes: str = ""


class Hotel(Part):
    dto = dto.HotelData
    name: str
    address: str = ""
    drive_minutes: DriveMinutes | None = None


class Room(Part):
    dto = dto.RoomData
    always = frozenset({"type", "count"})
    type: str
    count: Annotated[int, whole("count")] = 1


class HotelStay(Part):
    dto = dto.HotelStayData
    hotel: Hotel
    check_in: Day
    check_out: Day
    rooms: list[Room] = []
    booked_by: Party = "client"
    paid_by: Party = "client"
    guests: list[Person] = []
    notes: str = ""


class Restaurant(Part):
    dto = dto.RestaurantData
    omit_falsy = frozenset({"kosher_certified"})
    name: str
    address: str = ""
    private_room: bool = False
    halal_certified: bool = False
    kosher_certified: bool = False
    drive_minutes: DriveMinutes | None = None


class Dish(Part):
    dto = dto.DishData
    always = frozenset({"name", "contains"})
    name: str
    contains: list[Ingredient] = []


class Meal(Part):
    dto = dto.MealData
    start: Moment
    end: Moment
    kind: Annotated[str, codes(vocab.MEAL_KINDS)] = "lunch"
    restaurant: Restaurant | None = None
    alcohol_served: bool = False
    attendees: list[Person] = []
    dishes: list[Dish] = []
    notes: str = ""


class TourStop(Part):
    dto = dto.TourStopData
    name: str
    minutes: Minutes
    view: Annotated[str, codes(vocab.TOUR_VIEWS)] = "walk_in"
    hygiene: str = ""


class Tour(Part):
    dto = dto.TourData
    always = frozenset({"start", "guide", "door_front", "door_back", "stops"})
    start: Moment
    guide: Person | None = None
    door_front: Person | None = None
    door_back: Person | None = None
    stops: list[TourStop] = []


class AgendaItem(Part):
    dto = dto.AgendaItemData
    start: Moment
    minutes: Minutes
    title: str
    kind: Annotated[str, codes(vocab.AGENDA_KINDS)] = "other"
    presenter: Person | None = None
    materials: list[str] = []
    topics: list[Topic] = []
    bottom_lines: str | None = Field("", description="Confidential: never in calendars or client documents")


class Gift(Part):
    dto = dto.GiftData
    item: str
    recipient: Person | None = Field(None, alias="for")
    value: Amount | None = None
    currency: str = ""
    notes: str = ""


class FollowUp(Part):
    dto = dto.FollowUpData
    always = frozenset({"consensus", "minutes", "next_steps", "letter_sent"})
    greeting: str = ""
    consensus: list[str] = []
    minutes: str = ""
    next_steps: list[str] = []
    letter_sent: Day | None = None
    letter_subject: str = ""
    letter_opening: str = ""
    letter_closing: str = ""
    photos_sent: Day | None = None
    callback_due: Day | None = None
    callback_done: Day | None = None


class ChecklistItem(Part):
    dto = dto.ChecklistItemData
    omit_falsy = frozenset({"due_offset_minutes"})
    phase: Annotated[str, codes(vocab.CHECKLIST_PHASES)]
    title: str
    title_zh: str = ""
    due: Moment | None = None
    due_anchor: str = ""
    due_offset_minutes: Annotated[int, whole("due_offset_minutes")] = 0
    assignee: str | None = Field(None, description="a staff member's name")
    assignee_role: Annotated[str, WithJsonSchema({"type": "string", "enum": ["", *vocab.HOST_ROLES]})] = ""
    done_at: Moment | None = None
    done_by: str | None = None
    template: str = ""


class Outcome(Part):
    dto = dto.OutcomeData
    status: Annotated[str, codes(vocab.OUTCOMES)]
    amount: Amount | None = None
    currency: str = ""
    notes: str = ""
    order_date: Moment | None = None


class Visit(Part):
    """The visit's own fields; every local time of the file is read in its time zone."""

    omit_falsy = frozenset({"first_visit"})
    title: str
    purpose: str = ""
    status: Annotated[str, codes(vocab.VISIT_STATUSES)] = "draft"
    timezone: Annotated[str, WithJsonSchema({"type": "string", "description": "IANA name, like Asia/Shanghai"})]
    start: Moment
    end: Moment
    key_account: bool = False
    first_visit: bool = False
    client_locale: str = Field("en", description="the client's language for letters and signs, like id or zh_CN")
    office_address: str = ""

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, name: str) -> str:
        try:
            check_timezone("", name)
        except ValidationError as exc:
            raise refuse(exc.message) from None
        return name


class VisitFile(Part):
    """A whole visit: the client company, its visitors, our hosts and every part of the plan."""

    model_config = ConfigDict(title="hospitality-visit/1")
    always = frozenset(
        {
            "format",
            "visit",
            "company",
            "visitors",
            "hosts",
            "pickups",
            "hotel_stays",
            "meals",
            "agenda",
            "gifts",
            "follow_up",
        }
    )
    format: Annotated[str, WithJsonSchema({"const": FORMAT})] = Field("", validate_default=True)
    visit: Visit
    company: Company
    visitors: list[Visitor] = []
    hosts: list[Host] = []
    pickups: list[Pickup] = []
    hotel_stays: list[HotelStay] = []
    meals: list[Meal] = []
    tour: Tour | None = None
    agenda: list[AgendaItem] = []
    gifts: list[Gift] = []
    follow_up: FollowUp = FollowUp()
    checklist: list[ChecklistItem] = []
    outcome: Outcome | None = None

    @field_validator("format")
    @classmethod
    def _this_format(cls, value: str) -> str:
        if value != FORMAT:
            raise refuse(f"expected {FORMAT!r}, got {value or None!r}")
        return value

    def to_plan(self) -> dto.VisitPlan:
        v = self.visit
        parts = {
            name: plan_value(getattr(self, name)) for name in type(self).model_fields if name not in ("format", "visit")
        }
        own = {name: getattr(v, name) for name in type(v).model_fields}
        return dto.VisitPlan(**own, **parts)

    @classmethod
    def from_plan(cls, plan: dto.VisitPlan) -> VisitFile:
        visit = Visit.model_construct(**{name: getattr(plan, name) for name in Visit.model_fields})
        parts = {name: file_value(getattr(plan, name)) for name in cls.model_fields if name not in ("format", "visit")}
        return cls.model_construct(format=FORMAT, visit=visit, **parts)


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of `hospitality-visit/1`, as integrators validate against."""
    schema = VisitFile.model_json_schema(by_alias=True, mode="validation")
    # Required: its default only lets the reader's message say what is missing.
    schema["required"] = ["format", *schema["required"]]
    del schema["properties"]["format"]["default"]
    for part in (schema, *schema["$defs"].values()):
        _null_is_absent_in_schema(part)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **schema,
        "description": (
            "A client's visit to the factory as Hospitality imports and exports it: the company, its "
            "visitors, our hosts and every part of the plan. A null is the same as leaving the field "
            "out. Times without an offset are wall-clock times in visit.timezone."
        ),
    }


def _null_is_absent_in_schema(part: dict[str, Any]) -> None:
    """The reader takes a null for a field left out (`Part._null_is_absent`); say so."""
    required = set(part.get("required", ()))
    for name, field in part["properties"].items():
        if name in required or field.get("type") == "null" or {"type": "null"} in field.get("anyOf", ()):
            continue
        if isinstance(field.get("type"), str):  # a simple type: a validator's message stays on the field
            field["type"] = [field["type"], "null"]
            if "enum" in field:
                field["enum"] = [*field["enum"], None]
            continue
        outer = {key: field.pop(key) for key in ("title", "description", "default") if key in field}
        part["properties"][name] = {"anyOf": [field, {"type": "null"}], **outer}
