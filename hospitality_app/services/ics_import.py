"""Turn a flight, train or hotel confirmation received as .ics into proposed pickups and hotel
stays for a plan. Nothing is added until the user confirms (`apply`)."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from hospitality_app.errors import ValidationError
from hospitality_app.services.dto import HotelData, HotelStayData, PickupData, VisitPlan

FLIGHT = re.compile(r"\b([A-Z]{2}|[A-Z]\d|\d[A-Z])\s?(\d{1,4})\b")
TRAIN = re.compile(r"\b([GDCZTK])(\d{1,4})\b")
FLIGHT_WORDS = ("flight", "flug", "vol ", "penerbangan", "рейс", "航班", "uçuş", "airport", "airline")
TRAIN_WORDS = ("train", "zug", "高铁", "动车", "火车", "поезд", "kereta", "tren")
# Word boundaries: "inn" must not match "dinner". CJK words have none to match.
HOTEL = re.compile(r"\b(hotel|inn|resort|suites|otel|отель|гостиница)\b|酒店|宾馆|饭店")
DRIVER_EARLY = timedelta(minutes=30)  # the driver waits at the exit before the plane lands

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Proposal:
    summary: str  # the event's SUMMARY, for the confirmation dialog
    pickup: PickupData | None = None
    stay: HotelStayData | None = None
    duplicate: bool = False  # the plan already has it (same flight and arrival, or hotel and date)


MAX_BYTES = 2_000_000  # a confirmation is a few kilobytes; a whole year's calendar is not one
MAX_EVENTS = 200


def read_proposals(data: bytes, plan: VisitPlan) -> list[Proposal]:
    """The bookings found in `data`. A file that is not a calendar, is far larger than any
    confirmation, or holds an event whose times or texts the plan could not keep, is refused
    whole with a ValidationError naming the event: nothing half-understood is proposed."""
    from icalendar import Calendar

    from hospitality_app.services.validation import check_limits

    if len(data) > MAX_BYTES or data.count(b"BEGIN:VEVENT") > MAX_EVENTS:
        # Refused before parsing: reading 50,000 events takes the library many seconds.
        raise ValidationError(
            "calendar file", "too large for a booking confirmation (at most {events} events, 2 MB)", events=MAX_EVENTS
        )
    try:
        cal = Calendar.from_ical(data)
    except (ValueError, TypeError, IndexError, KeyError) as exc:
        # What the parser says is for developers (the log); the user learns what the file is not.
        log.info("calendar file not read: %s", exc)
        raise ValidationError("calendar file", "not an iCalendar file") from None
    out = []
    for number, event in enumerate(cal.walk("VEVENT"), start=1):
        where = f"event {number} ({_text(event, 'summary')[:60] or 'no title'})"
        try:
            proposal = _proposal(event, plan)
        except (ValueError, TypeError, OverflowError, KeyError) as exc:
            raise ValidationError(where, f"cannot read its times: {exc}") from None
        if proposal is None:
            continue
        if proposal.pickup is not None:
            if proposal.pickup.arrival is not None:  # named first: the driver's time follows from it
                check_limits(proposal.pickup.arrival, f"{where}.arrival")
            check_limits(proposal.pickup, where)
        if proposal.stay is not None:
            check_limits(proposal.stay, where)
        out.append(proposal)
    return out


def _text(event, key: str) -> str:
    value = event.get(key)
    return str(value) if value is not None else ""


def _proposal(event, plan: VisitPlan) -> Proposal | None:
    summary, location, description = _text(event, "summary"), _text(event, "location"), _text(event, "description")
    text = f"{summary}\n{location}\n{description}"
    lower = text.lower()
    start = _moment(event, "dtstart")
    if start is None:
        return None
    end = _moment(event, "dtend")
    if end is None:
        duration = event.decoded("duration") if event.get("duration") is not None else None
        if duration is not None and not isinstance(duration, timedelta):
            raise ValueError(f"DURATION is not a length of time: {duration!r}")
        end = start + duration if duration is not None else start
    if type(end) is type(start) and end < start:  # a date and a time cannot be compared
        raise ValueError("it ends before it starts")
    visitors = tuple(v.name for v in plan.visitors)
    driver = next((h.name for h in plan.hosts if "driver" in h.roles), None)
    timed = isinstance(start, datetime)
    if timed:
        kind, match = None, None
        if any(w in lower for w in TRAIN_WORDS) and (match := TRAIN.search(summary)):
            kind = "station"
        elif (match := FLIGHT.search(summary)) and (any(w in lower for w in FLIGHT_WORDS) or "→" in text):
            kind = "airport"
        if kind is not None and match is not None:  # a kind is set only with a match
            arrival = _aware(end, plan)
            number = f"{match.group(1)} {match.group(2)}" if kind == "airport" else match.group(0)
            origin, _, destination = location.partition("→") if "→" in location else (location, "", "")
            pickup = PickupData(
                kind,
                arrival - DRIVER_EARLY,
                number,
                origin.strip(),
                destination.strip(),
                arrival,
                driver,
                None,
                visitors,
                0,
                30,
                summary,
            )
            duplicate = any(
                p.carrier_number.replace(" ", "") == number.replace(" ", "") and p.arrival == arrival
                for p in plan.pickups
            )
            return Proposal(summary, pickup=pickup, duplicate=duplicate)
    if HOTEL.search(lower):
        check_in = start.date() if isinstance(start, datetime) else start
        check_out = end.date() if isinstance(end, datetime) else end
        if check_out <= check_in:
            check_out = check_in + timedelta(days=1)
        name = (location.split(",")[0] or summary).strip()
        address = location.partition(",")[2].strip()
        stay = HotelStayData(HotelData(name, address), check_in, check_out, (), "client", "client", visitors)
        duplicate = any(s.hotel.name == name and s.check_in == check_in for s in plan.hotel_stays)
        return Proposal(summary, stay=stay, duplicate=duplicate)
    return None


def _moment(event, key: str) -> datetime | date | None:
    """DTSTART or DTEND as a date or a time; a property given twice or unreadable is an error."""
    if event.get(key) is None:
        return None
    if isinstance(event.get(key), list):
        raise ValueError(f"{key.upper()} is given more than once")
    value = event.decoded(key)
    if not isinstance(value, date):
        raise ValueError(f"{key.upper()} is not a date or a time")
    return value


def _aware(moment: datetime | date, plan: VisitPlan) -> datetime:
    if not isinstance(moment, datetime):
        moment = datetime.combine(moment, datetime.min.time())
    return moment if moment.tzinfo else moment.replace(tzinfo=plan.zone)


def apply(plan: VisitPlan, proposals: list[Proposal]) -> VisitPlan:
    """The plan with the confirmed proposals added (duplicates are skipped)."""
    pickups = list(plan.pickups)
    stays = list(plan.hotel_stays)
    for p in proposals:
        if p.duplicate:
            continue
        if p.pickup is not None:
            pickups.append(p.pickup)
        if p.stay is not None:
            stays.append(p.stay)
    return replace(plan, pickups=tuple(pickups), hotel_stays=tuple(stays))
