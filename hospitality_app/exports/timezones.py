"""VTIMEZONE components generated from the IANA data (icalendar), shaped for real parsers.

icalendar's default VTIMEZONE spans 1970–2038 with RDATE lists. Two independent parsers
misread it across a DST change (seen in tests/unit/exports/test_ics.py): Mozilla's ical.js
puts 2026-03-30 09:00 Europe/Berlin at 08:00Z over the long range, and vobject (dateutil's
tzical) ignores RDATE altogether. So we cover only the years around the visit and give every
transition its own STANDARD/DAYLIGHT sub-component with a single DTSTART, which both read.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from functools import cache
from zoneinfo import ZoneInfo


def onset(zone: ZoneInfo, near: datetime, offset_from: timedelta, offset_to: timedelta) -> datetime:
    """The local time, in the offset before it (RFC 5545 3.6.5), at which `zone` changes from
    `offset_from` to `offset_to` on or about `near`. icalendar gives DAYLIGHT onsets in the offset
    after the change (Amsterdam's 02:00 as 03:00), which puts every DST start an hour late."""
    guess = near.replace(tzinfo=UTC) - offset_from
    step = timedelta(minutes=15)  # transitions fall on quarter hours
    for i in range(-26 * 4, 26 * 4):
        moment = guess + i * step
        if (moment - step).astimezone(zone).utcoffset() == offset_from and moment.astimezone(
            zone
        ).utcoffset() == offset_to:
            return (moment + offset_from).replace(tzinfo=None)
    return near  # no change there (the zone's first, fixed offset): as given


def vtimezone(tzid: str, first: date, last: date):
    """The VTIMEZONE of a calendar spanning `first` to `last`. Built once per zone and years: the
    IANA data does not change while the program runs, and building it was much of an export's
    time. Callers must not change what they get."""
    return _vtimezone(tzid, first.year, last.year)


@cache
def _vtimezone(tzid: str, first_year: int, last_year: int):
    from icalendar import Timezone

    zone = ZoneInfo(tzid)
    generated = Timezone.from_tzid(tzid, first_date=date(first_year - 1, 1, 1), last_date=date(last_year + 2, 1, 1))
    result = Timezone()
    result.add("tzid", tzid)
    for sub in generated.subcomponents:
        onsets = [sub.decoded("dtstart")]
        rdates = sub.get("rdate")
        for rdate in rdates if isinstance(rdates, list) else [rdates] if rdates is not None else []:
            onsets.extend(period.dt for period in rdate.dts)
        offset_from, offset_to = sub.decoded("tzoffsetfrom"), sub.decoded("tzoffsetto")
        for near in onsets:
            part = type(sub)()
            part.add("dtstart", onset(zone, near, offset_from, offset_to) if offset_from != offset_to else near)
            part.add("tzname", str(sub.get("tzname")))
            part.add("tzoffsetfrom", sub.decoded("tzoffsetfrom"))
            part.add("tzoffsetto", sub.decoded("tzoffsetto"))
            result.add_component(part)
    return result


@cache
def vtimezone_bytes(tzid: str, first: date, last: date) -> bytes:
    """The VTIMEZONE as content lines, written once per zone and years."""
    return vtimezone(tzid, first, last).to_ical()
