"""Flight, train and hotel confirmations (.ics) become proposed pickups and stays."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from hospitality_app.errors import ValidationError
from hospitality_app.services import ics_import

FLIGHT = b"""BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//Airline//EN\r
BEGIN:VEVENT\r
UID:pnr-ABC123@airline.example\r
DTSTAMP:20261101T000000Z\r
SUMMARY:Flight MU 5634 Jakarta - Xiamen\r
LOCATION:Jakarta CGK \xe2\x86\x92 Xiamen XMN\r
DTSTART:20261202T080000Z\r
DTEND:20261202T140000Z\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:hotel-1@booking.example\r
DTSTAMP:20261101T000000Z\r
SUMMARY:Hotel reservation \xe9\x85\x92\xe5\xba\x97\xe9\xa2\x84\xe8\xae\xa2\r
LOCATION:Jimei Garden Hotel, 21 Yinjiang Road\\, Xiamen\r
DTSTART;VALUE=DATE:20261202\r
DTEND;VALUE=DATE:20261205\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:dinner@x\r
DTSTAMP:20261101T000000Z\r
SUMMARY:Team dinner\r
DTSTART:20261203T110000Z\r
END:VEVENT\r
END:VCALENDAR\r
"""


def test_flight_and_hotel_are_proposed_and_other_events_ignored(reference_plan):
    proposals = ics_import.read_proposals(FLIGHT, reference_plan)
    assert len(proposals) == 2
    flight, hotel = proposals
    p = flight.pickup
    assert (p.kind, p.carrier_number, p.origin, p.destination, p.driver) == (
        "airport",
        "MU 5634",
        "Jakarta CGK",
        "Xiamen XMN",
        "Chen Jie",
    )
    assert p.arrival == datetime(2026, 12, 2, 14, tzinfo=UTC)
    assert p.driver_due == datetime(2026, 12, 2, 13, 30, tzinfo=UTC)
    assert p.passengers == ("Budi Santoso", "Siti Rahmawati", "Hendra Wijaya")
    s = hotel.stay
    assert (s.hotel.name, s.check_in, s.check_out) == ("Jimei Garden Hotel", date(2026, 12, 2), date(2026, 12, 5))
    assert not flight.duplicate and not hotel.duplicate


def test_applying_adds_and_importing_twice_is_recognised(reference_plan):
    proposals = ics_import.read_proposals(FLIGHT, reference_plan)
    plan = ics_import.apply(reference_plan, proposals)
    assert len(plan.pickups) == 3 and len(plan.hotel_stays) == 2
    again = ics_import.read_proposals(FLIGHT, plan)
    assert [p.duplicate for p in again] == [True, True]
    assert ics_import.apply(plan, again) == plan


def test_not_a_calendar(reference_plan):
    with pytest.raises(ValidationError, match="not an iCalendar file"):
        ics_import.read_proposals(b"hello", reference_plan)


def _flight(*lines: str) -> bytes:
    """A one-event confirmation whose time lines are `lines` (the flight's summary is kept)."""
    body = "\r\n".join(
        [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Airline//EN",
            "BEGIN:VEVENT",
            "UID:pnr@airline.example",
            "DTSTAMP:20261101T000000Z",
            "SUMMARY:Flight MU 5634 Jakarta - Xiamen",
            *lines,
            "END:VEVENT",
            "END:VCALENDAR",
            "",
        ]
    )
    return body.encode()


EVENT = "event 1 (Flight MU 5634 Jakarta - Xiamen)"


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        (
            ["DTSTART:20261202T080000Z", "DTEND:20261202T140000Z", "DTEND:20261202T150000Z"],
            f"{EVENT}: cannot read its times: DTEND is given more than once",
        ),
        (
            ["DTSTART:20261202T080000Z", "DTEND:99991231T235900Z"],
            f"{EVENT}.arrival: 9999-12-31 is outside the years this app plans (2000–2099)",
        ),
        (
            ["DTSTART:00010101T000000Z", "DTEND:00010101T060000Z"],
            f"{EVENT}.arrival: 0001-01-01 is outside the years this app plans (2000–2099)",
        ),
        (
            ["DTSTART:20261202T080000Z", "DURATION:P99999999W"],
            f"{EVENT}: cannot read its times: date value out of range",
        ),
        (
            ["DTSTART:20261202T140000Z", "DTEND:20261202T080000Z"],
            f"{EVENT}: cannot read its times: it ends before it starts",
        ),
    ],
)
def test_a_booking_the_plan_could_not_keep_is_refused_naming_the_event(reference_plan, lines, message):
    with pytest.raises(ValidationError) as refused:
        ics_import.read_proposals(_flight(*lines), reference_plan)
    assert str(refused.value) == message


def test_a_flight_given_by_its_duration_lands_at_the_end_of_it(reference_plan):
    (flight,) = ics_import.read_proposals(_flight("DTSTART:20261202T080000Z", "DURATION:PT6H5M"), reference_plan)
    assert flight.pickup.arrival == datetime(2026, 12, 2, 14, 5, tzinfo=UTC)


def test_a_hotel_name_longer_than_any_hotel_is_refused(reference_plan):
    data = FLIGHT.replace(b"LOCATION:Jimei Garden Hotel", b"LOCATION:Jimei Garden Hotel" + b"x" * 100_000)
    with pytest.raises(ValidationError) as refused:
        ics_import.read_proposals(data, reference_plan)
    assert str(refused.value) == (
        "event 2 (Hotel reservation 酒店预订).hotel.name: too long: 100,018 characters (at most 200)"
    )


def test_a_whole_years_calendar_is_refused_before_it_is_read(reference_plan):
    event = FLIGHT.split(b"BEGIN:VEVENT", 1)[1].split(b"END:VEVENT", 1)[0]
    many = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n" + (b"BEGIN:VEVENT" + event + b"END:VEVENT\r\n") * 201
    with pytest.raises(ValidationError) as refused:
        ics_import.read_proposals(many + b"END:VCALENDAR\r\n", reference_plan)
    assert str(refused.value) == ("calendar file: too large for a booking confirmation (at most 200 events, 2 MB)")
