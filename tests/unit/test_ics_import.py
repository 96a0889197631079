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
