"""Clock changes in calendars: each VTIMEZONE onset is the instant the zone really changes (RFC
5545: the local time before the change), and a time in the hour the clocks go back is written so
that every parser reads the same instant."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
import vobject
from ical.calendar_stream import IcsCalendarStream

from hospitality_app.exports import ics
from hospitality_app.exports.itinerary import CalendarItem
from hospitality_app.exports.timezones import vtimezone

ZONES = (
    "Asia/Shanghai",
    "Europe/Amsterdam",
    "Europe/London",
    "America/New_York",
    "America/Santiago",
    "Australia/Sydney",
)


@pytest.mark.parametrize("tzid", ZONES)
def test_every_onset_is_when_the_zone_changes(tzid):
    zone = ZoneInfo(tzid)
    found = 0
    for sub in vtimezone(tzid, date(2027, 1, 1), date(2027, 12, 31)).subcomponents:
        before, after = sub.decoded("tzoffsetfrom"), sub.decoded("tzoffsetto")
        if before == after:
            continue  # the zone's first, fixed offset
        instant = sub.decoded("dtstart").replace(tzinfo=UTC) - before  # local time in the offset before
        assert (instant - timedelta(minutes=1)).astimezone(zone).utcoffset() == before, (tzid, sub.to_ical())
        assert instant.astimezone(zone).utcoffset() == after, (tzid, sub.to_ical())
        found += 1
    assert found == (0 if tzid == "Asia/Shanghai" else 6)  # two changes a year, 2026 to 2028


def test_amsterdam_starts_summer_time_at_two_not_three():
    text = vtimezone("Europe/Amsterdam", date(2027, 3, 1), date(2027, 11, 1)).to_ical().decode()
    assert "BEGIN:DAYLIGHT\r\nDTSTART:20270328T020000\r\nTZNAME:CEST\r\nTZOFFSETFROM:+0100" in text
    assert "BEGIN:STANDARD\r\nDTSTART:20271031T030000\r\nTZNAME:CET\r\nTZOFFSETFROM:+0200" in text


def render(*starts: datetime, tzid: str) -> bytes:
    entries = [
        ics.Entry(
            f"uid-{i}@test", 0, CalendarItem(f"k{i}", "VEVENT", f"item {i}", start, start + timedelta(minutes=30))
        )
        for i, start in enumerate(starts)
    ]
    return ics.render(entries, timezone=tzid, now=datetime(2027, 10, 1, tzinfo=UTC), name="DST")


def instants(data: bytes) -> dict[str, tuple[datetime, datetime]]:
    """What three independent parsers read, per event: they must agree."""
    by_icalendar = {
        str(e["summary"]): (e.decoded("dtstart").astimezone(UTC), e.decoded("dtend").astimezone(UTC))
        for e in icalendar.Calendar.from_ical(data).walk("VEVENT")
    }
    by_vobject = {
        c.summary.value: (c.dtstart.value.astimezone(UTC), c.dtend.value.astimezone(UTC))
        for c in vobject.readOne(data.decode()).getChildren()
        if c.name == "VEVENT"
    }
    assert by_icalendar == by_vobject
    # The strict `ical` package (RFC 5545 to the letter, as Home Assistant reads calendars).
    strict = IcsCalendarStream.calendar_from_ics(data.decode())
    by_strict = {e.summary: (e.dtstart.astimezone(UTC), e.dtend.astimezone(UTC)) for e in strict.events}
    assert by_strict == by_icalendar
    return by_icalendar


def test_the_hour_the_clocks_go_back_is_written_in_utc_and_read_alike():
    amsterdam = ZoneInfo("Europe/Amsterdam")
    first = datetime(2027, 10, 31, 2, 30, tzinfo=amsterdam)  # 02:30 CEST, the first of the two
    second = first.replace(fold=1)  # 02:30 CET, an hour later
    before = datetime(2027, 10, 31, 1, 30, tzinfo=amsterdam)  # not ambiguous: stays local
    data = render(first, second, before, tzid="Europe/Amsterdam")
    assert b"DTSTART:20271031T003000Z" in data and b"DTSTART:20271031T013000Z" in data
    assert b"DTSTART;TZID=Europe/Amsterdam:20271031T013000" in data
    read = instants(data)
    assert read["item 0"][0] == datetime(2027, 10, 31, 0, 30, tzinfo=UTC)
    assert read["item 1"][0] == datetime(2027, 10, 31, 1, 30, tzinfo=UTC)
    assert read["item 2"][0] == datetime(2027, 10, 30, 23, 30, tzinfo=UTC)


@pytest.mark.parametrize("tzid", ZONES)
def test_times_around_both_changes_are_read_alike_in_every_zone(tzid):
    zone = ZoneInfo(tzid)
    starts = [
        datetime(2027, month, day, hour, minute, tzinfo=zone)
        for month, day in ((3, 13), (3, 14), (3, 28), (4, 3), (4, 4), (9, 4), (9, 5), (10, 3), (10, 31), (11, 7))
        for hour, minute in ((0, 30), (1, 30), (2, 30), (3, 30), (9, 0))
    ]
    read = instants(render(*starts, tzid=tzid))
    for i, start in enumerate(starts):
        assert read[f"item {i}"][0] == start.astimezone(UTC), (tzid, start)


@pytest.mark.parametrize("tzid", ZONES)
def test_ical_js_reads_the_same_instants_in_every_zone(tzid, icaljs, tmp_path):
    zone = ZoneInfo(tzid)
    starts = [
        datetime(2027, month, day, hour, minute, tzinfo=zone, fold=fold)
        for month, day in ((3, 14), (3, 28), (4, 4), (9, 5), (10, 3), (10, 31), (11, 7))
        for hour, minute in ((1, 30), (2, 30), (9, 0))
        for fold in (0, 1)
    ]
    path = tmp_path / f"{tzid.replace('/', '-')}.ics"
    path.write_bytes(render(*starts, tzid=tzid))
    by_js = {e["summary"]: e["start_utc"] for e in icaljs(path)}
    by_python = instants(path.read_bytes())
    for summary, (start, _end) in by_python.items():
        assert by_js[summary] == start.strftime("%Y-%m-%dT%H:%M:%S.000Z"), (tzid, summary)
