"""Read `hospitality-visit/1` JSON into a VisitPlan, with the JSON path in every error."""

from __future__ import annotations

import json
from typing import Any
from zoneinfo import ZoneInfo

from hospitality_app.errors import ValidationError
from hospitality_app.services.dto import (
    AgendaItemData,
    ChecklistItemData,
    CompanyData,
    DishData,
    FollowUpData,
    GiftData,
    HostData,
    HotelData,
    HotelStayData,
    MealData,
    OutcomeData,
    PickupData,
    RestaurantData,
    RoomData,
    TourData,
    TourStopData,
    VehicleData,
    VisitorData,
    VisitPlan,
)
from hospitality_app.services.json_fields import JsonObject
from hospitality_app.services.validation import check_timezone, validate_plan

FORMAT = "hospitality-visit/1"


VISIT = {
    "title",
    "purpose",
    "status",
    "timezone",
    "start",
    "end",
    "key_account",
    "first_visit",
    "client_locale",
    "office_address",
}
COMPANY = {"name", "country", "city", "website", "gift_policy", "research"}
VISITOR = {"name", "title", "languages", "dietary", "allergies", "preferences", "interests", "notes"}
HOST = {"name", "roles", "languages", "phone", "email", "department"}
PICKUP = {
    "kind",
    "carrier_number",
    "from",
    "to",
    "arrival",
    "driver_due",
    "driver",
    "vehicle",
    "passengers",
    "luggage_pieces",
    "confirm_call_minutes_before",
    "notes",
}
STAY = {"hotel", "check_in", "check_out", "rooms", "booked_by", "paid_by", "guests", "notes"}
HOTEL = {"name", "address", "drive_minutes"}
MEAL = {"start", "end", "kind", "restaurant", "alcohol_served", "attendees", "dishes", "notes"}
RESTAURANT = {"name", "address", "private_room", "halal_certified", "kosher_certified", "drive_minutes"}
TOUR = {"start", "guide", "door_front", "door_back", "stops"}
STOP = {"name", "minutes", "view", "hygiene"}
AGENDA = {"start", "minutes", "title", "kind", "presenter", "materials", "topics", "bottom_lines"}
GIFT = {"item", "for", "value", "currency", "notes"}
FOLLOW_UP = {
    "greeting",
    "letter_subject",
    "letter_opening",
    "letter_closing",
    "consensus",
    "minutes",
    "next_steps",
    "letter_sent",
    "photos_sent",
    "callback_due",
    "callback_done",
}
CHECKLIST = {
    "phase",
    "title",
    "title_zh",
    "due",
    "due_anchor",
    "due_offset_minutes",
    "assignee",
    "assignee_role",
    "done_at",
    "done_by",
    "template",
}
OUTCOME = {"status", "amount", "currency", "notes", "order_date"}
TOP = {
    "format",
    "visit",
    "company",
    "visitors",
    "hosts",
    "pickups",
    "hotel_stays",
    "meals",
    "tour",
    "agenda",
    "gifts",
    "follow_up",
    "checklist",
    "outcome",
}


def loads(text: str) -> VisitPlan:
    """Parse and validate a JSON document; raises ValidationError naming the JSON path."""
    try:
        data = json.loads(text, parse_constant=_no_constant, parse_int=_whole_number, object_pairs_hook=_no_twice)
    except json.JSONDecodeError as exc:
        raise ValidationError(f"line {exc.lineno} column {exc.colno}", f"not valid JSON: {exc.msg}") from None
    except RecursionError:
        raise ValidationError("", "not a visit: lists or objects nested too deeply") from None
    plan = parse(data)
    validate_plan(plan)
    _check_anchors(plan)
    return plan


def _check_anchors(plan: VisitPlan) -> None:
    """A checklist item due relative to a moment the plan does not have would never be due."""
    from hospitality_app.checklists.engine import anchors

    known = anchors(plan)
    for i, item in enumerate(plan.checklist):
        if item.due_anchor and item.due_anchor not in known:
            raise ValidationError(
                f"checklist[{i}].due_anchor",
                f"unknown anchor {item.due_anchor[:40]!r} (expected one of: {', '.join(known)})",
            )


def _no_constant(name: str) -> Any:
    raise ValidationError("", f"{name} is not a number JSON allows; write the amount, or leave it out")


def _whole_number(digits: str) -> int:
    # Python refuses to read 4,300 digits and more; far fewer are refused later, by their path.
    if len(digits.lstrip("-")) > 400:
        raise ValidationError("", f"a number of {len(digits):,} digits is in the file ({digits[:12]}…)")
    return int(digits)


def _no_twice(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """Python keeps the last of two equal keys; a file that says two things is refused instead."""
    seen: dict[str, Any] = {}
    for key, value in pairs:
        if key in seen:
            raise ValidationError(str(key)[:80], "given twice in the same object")
        seen[key] = value
    return seen


def parse(data: Any) -> VisitPlan:
    top = JsonObject(data, "", None, TOP)
    fmt = top.str("format", None)
    if fmt != FORMAT:
        raise ValidationError("format", f"expected {FORMAT!r}, got {fmt!r}")
    v = top.obj("visit", VISIT)
    if v is None:
        raise ValidationError("visit", "is required")
    tz = v.str("timezone", required=True)
    check_timezone("visit.timezone", tz)
    zone = ZoneInfo(tz)
    v.zone = top.zone = zone
    c = top.obj("company", COMPANY)
    if c is None:
        raise ValidationError("company", "is required")

    def obj(path, value, fields):
        return JsonObject(value, path, zone, fields)

    visitors = []
    for path, value in top.list("visitors"):
        o = obj(path, value, VISITOR)
        visitors.append(
            VisitorData(
                name=o.str("name", required=True),
                title=o.str("title"),
                languages=o.strs("languages"),
                dietary=o.strs("dietary"),
                allergies=o.strs("allergies"),
                preferences=o.strs("preferences"),
                interests=o.strs("interests"),
                notes=o.str("notes"),
                given=o.keys(),
            )
        )
    hosts = []
    for path, value in top.list("hosts"):
        o = obj(path, value, HOST)
        hosts.append(
            HostData(
                name=o.str("name", required=True),
                roles=o.strs("roles"),
                languages=o.strs("languages"),
                phone=o.str("phone"),
                email=o.str("email"),
                department=o.str("department"),
                given=o.keys(),
            )
        )
    pickups = []
    for path, value in top.list("pickups"):
        o = obj(path, value, PICKUP)
        veh = o.obj("vehicle", {"name", "seats"})
        pickups.append(
            PickupData(
                kind=o.str("kind", required=True),
                driver_due=o.datetime("driver_due", required=True),
                carrier_number=o.str("carrier_number"),
                origin=o.str("from"),
                destination=o.str("to"),
                arrival=o.datetime("arrival"),
                driver=o.str("driver", None),
                vehicle=VehicleData(veh.str("name", required=True), veh.int("seats", required=True), given=veh.keys())
                if veh
                else None,
                passengers=o.strs("passengers"),
                luggage_pieces=o.int("luggage_pieces", 0),
                confirm_call_minutes_before=o.int("confirm_call_minutes_before", None),
                notes=o.str("notes"),
            )
        )
    stays = []
    for path, value in top.list("hotel_stays"):
        o = obj(path, value, STAY)
        h = o.obj("hotel", HOTEL)
        if h is None:
            raise ValidationError(o.at("hotel"), "is required")
        rooms = []
        for rpath, rvalue in o.list("rooms"):
            r = obj(rpath, rvalue, {"type", "count"})
            rooms.append(RoomData(r.str("type", required=True), r.int("count", 1)))
        stays.append(
            HotelStayData(
                hotel=HotelData(h.str("name", required=True), h.str("address"), h.int("drive_minutes"), given=h.keys()),
                check_in=o.date("check_in", required=True),
                check_out=o.date("check_out", required=True),
                rooms=tuple(rooms),
                booked_by=o.str("booked_by", "client"),
                paid_by=o.str("paid_by", "client"),
                guests=o.strs("guests"),
                notes=o.str("notes"),
            )
        )
    meals = []
    for path, value in top.list("meals"):
        o = obj(path, value, MEAL)
        r = o.obj("restaurant", RESTAURANT)
        dishes = []
        for dpath, dvalue in o.list("dishes"):
            d = obj(dpath, dvalue, {"name", "contains"})
            dishes.append(DishData(d.str("name", required=True), d.strs("contains"), given=d.keys()))
        meals.append(
            MealData(
                start=o.datetime("start", required=True),
                end=o.datetime("end", required=True),
                kind=o.str("kind", "lunch"),
                restaurant=RestaurantData(
                    r.str("name", required=True),
                    r.str("address"),
                    r.bool("private_room"),
                    r.bool("halal_certified"),
                    r.bool("kosher_certified"),
                    r.int("drive_minutes"),
                    given=r.keys(),
                )
                if r
                else None,
                alcohol_served=o.bool("alcohol_served"),
                attendees=o.strs("attendees"),
                dishes=tuple(dishes),
                notes=o.str("notes"),
            )
        )
    tour = None
    t = top.obj("tour", TOUR)
    if t is not None:
        stops = []
        for spath, svalue in t.list("stops"):
            s = obj(spath, svalue, STOP)
            stops.append(
                TourStopData(
                    s.str("name", required=True),
                    s.int("minutes", required=True),
                    s.str("view", "walk_in"),
                    s.str("hygiene"),
                    given=s.keys(),
                )
            )
        tour = TourData(
            start=t.datetime("start", required=True),
            guide=t.str("guide", None),
            door_front=t.str("door_front", None),
            door_back=t.str("door_back", None),
            stops=tuple(stops),
        )
    agenda = []
    for path, value in top.list("agenda"):
        o = obj(path, value, AGENDA)
        agenda.append(
            AgendaItemData(
                start=o.datetime("start", required=True),
                minutes=o.int("minutes", required=True),
                title=o.str("title", required=True),
                kind=o.str("kind", "other"),
                presenter=o.str("presenter", None),
                materials=o.strs("materials"),
                topics=o.strs("topics"),
                bottom_lines=o.str("bottom_lines"),
            )
        )
    gifts = []
    for path, value in top.list("gifts"):
        o = obj(path, value, GIFT)
        gifts.append(
            GiftData(
                item=o.str("item", required=True),
                recipient=o.str("for", None),
                value=o.decimal("value"),
                currency=o.str("currency"),
                notes=o.str("notes"),
            )
        )
    follow = FollowUpData()
    f = top.obj("follow_up", FOLLOW_UP)
    if f is not None:
        follow = FollowUpData(
            greeting=f.str("greeting"),
            consensus=f.strs("consensus"),
            minutes=f.str("minutes"),
            next_steps=f.strs("next_steps"),
            letter_subject=f.str("letter_subject"),
            letter_opening=f.str("letter_opening"),
            letter_closing=f.str("letter_closing"),
            letter_sent=f.date("letter_sent"),
            photos_sent=f.date("photos_sent"),
            callback_due=f.date("callback_due"),
            callback_done=f.date("callback_done"),
        )
    checklist = []
    for path, value in top.list("checklist"):
        o = obj(path, value, CHECKLIST)
        checklist.append(
            ChecklistItemData(
                phase=o.str("phase", required=True),
                title=o.str("title", required=True),
                title_zh=o.str("title_zh"),
                due=o.datetime("due"),
                due_anchor=o.str("due_anchor"),
                due_offset_minutes=o.int("due_offset_minutes", 0),
                assignee=o.str("assignee", None),
                assignee_role=o.str("assignee_role"),
                done_at=o.datetime("done_at"),
                done_by=o.str("done_by", None),
                template=o.str("template"),
            )
        )
    outcome = None
    out = top.obj("outcome", OUTCOME)
    if out is not None:
        outcome = OutcomeData(
            status=out.str("status", required=True),
            amount=out.decimal("amount"),
            currency=out.str("currency"),
            notes=out.str("notes"),
            order_date=out.datetime("order_date"),
        )
    return VisitPlan(
        title=v.str("title", required=True),
        purpose=v.str("purpose"),
        status=v.str("status", "draft"),
        timezone=tz,
        start=v.datetime("start", required=True),
        end=v.datetime("end", required=True),
        key_account=v.bool("key_account"),
        first_visit=v.bool("first_visit"),
        client_locale=v.str("client_locale", "en"),
        office_address=v.str("office_address"),
        company=CompanyData(
            name=c.str("name", required=True),
            country=c.str("country", required=True),
            city=c.str("city"),
            website=c.str("website"),
            gift_policy=c.str("gift_policy", "accepts"),
            research=c.str("research"),
            given=c.keys(),
        ),
        visitors=tuple(visitors),
        hosts=tuple(hosts),
        pickups=tuple(pickups),
        hotel_stays=tuple(stays),
        meals=tuple(meals),
        tour=tour,
        agenda=tuple(agenda),
        gifts=tuple(gifts),
        follow_up=follow,
        checklist=tuple(checklist),
        outcome=outcome,
    )
