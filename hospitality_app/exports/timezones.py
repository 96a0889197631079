"""VTIMEZONE components generated from the IANA data (icalendar), shaped for real parsers.

icalendar's default VTIMEZONE spans 1970–2038 with RDATE lists. Two independent parsers
misread it across a DST change (seen in tests/unit/exports/test_ics.py): Mozilla's ical.js
puts 2026-03-30 09:00 Europe/Berlin at 08:00Z over the long range, and vobject (dateutil's
tzical) ignores RDATE altogether. So we cover only the years around the visit and give every
transition its own STANDARD/DAYLIGHT sub-component with a single DTSTART, which both read.
"""

from __future__ import annotations

from datetime import date


def vtimezone(tzid: str, first: date, last: date):
    from icalendar import Timezone

    generated = Timezone.from_tzid(tzid, first_date=date(first.year - 1, 1, 1), last_date=date(last.year + 2, 1, 1))
    result = Timezone()
    result.add("tzid", tzid)
    for sub in generated.subcomponents:
        onsets = [sub.decoded("dtstart")]
        rdates = sub.get("rdate")
        for rdate in rdates if isinstance(rdates, list) else [rdates] if rdates is not None else []:
            onsets.extend(period.dt for period in rdate.dts)
        for onset in onsets:
            part = type(sub)()
            part.add("dtstart", onset)
            part.add("tzname", str(sub.get("tzname")))
            part.add("tzoffsetfrom", sub.decoded("tzoffsetfrom"))
            part.add("tzoffsetto", sub.decoded("tzoffsetto"))
            result.add_component(part)
    return result
