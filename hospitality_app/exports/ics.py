"""Render calendar items as an iCalendar file (RFC 5545) with the icalendar package.

Times carry the visit's TZID and a VTIMEZONE generated from the IANA data; UIDs derive from the
database's identity and the item's row, so re-exports update events instead of adding copies.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cache
from zoneinfo import ZoneInfo

from hospitality_app import __version__
from hospitality_app.exports.itinerary import CalendarItem
from hospitality_app.exports.timezones import vtimezone
from hospitality_app.services.dto import HostData

PRODID = f"-//Hospitality//hospitality-app {__version__}//EN"
UID_NAMESPACE = uuid.UUID("6f1c9a2e-4b7d-5c3e-9a10-2f8e7d6c5b4a")


def uid_for(database_uuid: str, key: str) -> str:
    return f"{uuid.uuid5(UID_NAMESPACE, f'{database_uuid}/{key}')}@hospitality-app"


@dataclass(frozen=True)
class Entry:
    uid: str
    sequence: int
    item: CalendarItem
    cancelled: bool = False
    modified: datetime | None = None  # when what the item says last changed (LAST-MODIFIED)


def _one_line(text: str) -> str:
    """Names and addresses stored before line breaks were refused at input: a property value or
    parameter cannot carry one, and the library rightly raises instead of writing it."""
    return " ".join(text.split())


def _when(value, zone: ZoneInfo) -> tuple[object, dict[str, str]]:
    """A time in the visit's zone, or in UTC in the hour the clocks go back: a local time with a
    TZID cannot say which of the two 02:30s it is, and parsers disagreed by an hour.

    The local time goes to the library as a wall-clock time with its TZID spelled out: given an
    aware time, icalendar looks the zone's name up among every equivalent zone, for each of a
    large visit's thousands of times (a third of the export)."""
    if not isinstance(value, datetime):
        return value, {}  # a day
    local = value.astimezone(zone)
    if zone.utcoffset(local.replace(fold=0, tzinfo=None)) != zone.utcoffset(local.replace(fold=1, tzinfo=None)):
        return value.astimezone(UTC), {}
    return local.replace(tzinfo=None), {"TZID": zone.key}


def render(
    entries: list[Entry], *, timezone: str, now: datetime, name: str, organizer: HostData | None = None
) -> bytes:
    """The calendar as bytes (CRLF, folded lines, UTF-8). All times are in `timezone`."""
    from icalendar import Alarm, Calendar, Event, Todo, vCalAddress, vDatetime, vText

    zone = ZoneInfo(timezone)

    @cache
    def utc(moment: datetime) -> vDatetime:
        # One encoded value per instant: most items share the export's and their last change's.
        return vDatetime(moment.astimezone(UTC))

    stamp = utc(now)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    # PUBLISH (RFC 5546) names an organizer and no attendees: a file that lists attendees with
    # their answers makes Outlook ask to accept or decline. Without an organizer it is a plain
    # calendar, which programs import as it is.
    if organizer is not None:
        cal.add("method", "PUBLISH")
    cal.add("name", _one_line(name))  # RFC 7986; X-WR-CALNAME for the programs that predate it
    cal.add("x-wr-calname", _one_line(name))
    cal.add("x-wr-timezone", timezone)
    for entry in entries:
        item = entry.item
        comp = Todo() if item.component == "VTODO" else Event()
        comp.add("uid", entry.uid)
        comp.add("dtstamp", stamp)
        comp.add("sequence", entry.sequence)
        if entry.modified is not None:
            comp.add("last-modified", utc(entry.modified))
        comp.add("summary", item.summary)
        comp.add("color", item.color)  # RFC 7986
        start, start_tz = _when(item.start, zone)
        if item.component == "VTODO":
            comp.add("due", start, parameters=start_tz)
            if entry.cancelled:
                comp.add("status", "CANCELLED")
            elif item.completed is not None:
                comp.add("status", "COMPLETED")
                comp.add("completed", item.completed.astimezone(UTC))
            else:
                comp.add("status", "NEEDS-ACTION")
        else:
            comp.add("dtstart", start, parameters=start_tz)
            if item.end is not None:
                end, end_tz = _when(item.end, zone)
                comp.add("dtend", end, parameters=end_tz)
            comp.add("status", "CANCELLED" if entry.cancelled else "CONFIRMED")
            comp.add("transp", "TRANSPARENT" if item.all_day else "OPAQUE")
        if item.description:
            comp.add("description", item.description)
        if item.location:
            comp.add("location", item.location)
        if item.categories:
            comp.add("categories", list(item.categories))
        if organizer is not None and item.component == "VEVENT":
            org = vCalAddress(f"mailto:{_one_line(organizer.email)}")
            org.params["CN"] = vText(_one_line(organizer.name))
            comp.add("organizer", org)
        if item.private:
            comp.add("class", "PRIVATE")
        if item.alarm_minutes and not entry.cancelled and item.completed is None:
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", item.summary)
            alarm.add("trigger", timedelta(minutes=-item.alarm_minutes))
            comp.add_component(alarm)
        cal.add_component(comp)
    days = [d.date() if isinstance(d, datetime) else d for e in entries for d in (e.item.start, e.item.end) if d]
    if days:
        cal.subcomponents.insert(0, vtimezone(timezone, min(days), max(days)))
    return cal.to_ical()
