"""The hospitality-visit/1 JSON format: the reference file, error paths, round trips."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from hospitality_app.errors import ValidationError
from hospitality_app.services import interchange, plans


def test_reference_parses_with_times_in_the_visit_zone(reference_plan):
    p = reference_plan
    assert p.start == datetime(2026, 12, 3, 1, 0, tzinfo=UTC)
    assert p.pickups[0].arrival == datetime(2026, 12, 2, 13, 35, tzinfo=UTC)
    assert [v.name for v in p.visitors] == ["Budi Santoso", "Siti Rahmawati", "Hendra Wijaya"]
    assert p.hosts[0].roles == ("sales_lead", "guide")
    assert p.tour.minutes == 65 and p.tour.door_back is None
    assert p.agenda[5].bottom_lines.startswith("Unit price not below USD 0.42")
    assert p.gifts[0].value == 300


def test_reference_writes_back_identically(reference_plan, reference_data):
    assert interchange.to_data(reference_plan) == reference_data


def test_reference_round_trips_through_the_database(db, reference_plan, reference_data):
    with db.unit_of_work() as session:
        visit_id = plans.save(session, reference_plan).visit_id
    with db.unit_of_work() as session:
        loaded = plans.load_plan(session, visit_id)
    assert interchange.to_data(loaded) == reference_data


def test_how_to_address_a_visitor_and_where_the_driver_waits_survive_the_database(db, reference_data):
    data = json.loads(json.dumps(reference_data))
    data["visitors"][0].update(salutation="mr", family_name="Santoso", observes_fasting=False)
    data["visitors"][1].update(salutation="ms", observes_fasting=True)
    data["pickups"][0]["meeting_point"] = "Terminal 3, exit B"
    with db.unit_of_work() as session:
        visit_id = plans.save(session, interchange.loads(json.dumps(data))).visit_id
    with db.unit_of_work() as session:
        loaded = plans.load_plan(session, visit_id)
    budi, siti, hendra = loaded.visitors
    assert (budi.salutation, budi.family_name, budi.observes_fasting) == ("mr", "Santoso", False)
    assert (siti.salutation, siti.family_name, siti.observes_fasting) == ("ms", "", True)
    assert (hendra.salutation, hendra.observes_fasting) == ("", None)  # not said stays not said
    assert loaded.pickups[0].meeting_point == "Terminal 3, exit B"
    assert interchange.to_data(loaded) == data
    assert "salutation" not in interchange.to_data(loaded)["visitors"][2]


def _broken(data: dict, mutate) -> str:
    mutate(data)
    return json.dumps(data)


@pytest.mark.parametrize(
    ("mutate", "path", "text"),
    [
        (
            lambda d: d["visitors"][1]["dietary"].__setitem__(0, "halall"),
            "visitors[1].dietary[0]",
            "unknown restriction 'halall'",
        ),
        (
            lambda d: d["visitors"][0]["allergies"].append("pollen"),
            "visitors[0].allergies[0]",
            "unknown allergen 'pollen'",
        ),
        (
            lambda d: d["visit"].__setitem__("timezone", "Asia/Xiamen"),
            "visit.timezone",
            "unknown time zone 'Asia/Xiamen'",
        ),
        (
            lambda d: d["visit"].__setitem__("end", "2026-12-02T17:00"),
            "visit.end",
            "the visit must end after it starts",
        ),
        (
            lambda d: d["pickups"][0]["passengers"].append("Nobody Known"),
            "pickups[0].passengers[3]",
            "'Nobody Known' is not a visitor of this visit",
        ),
        (
            lambda d: d["meals"][1]["attendees"].append("Stranger"),
            "meals[1].attendees[5]",
            "'Stranger' is not a visitor or host of this visit",
        ),
        (
            lambda d: d["meals"][0]["dishes"][0]["contains"].append("plutonium"),
            "meals[0].dishes[0].contains[2]",
            "unknown ingredient 'plutonium'",
        ),
        (lambda d: d["visitors"][0].__setitem__("dietery", []), "visitors[0]", "unknown field 'dietery'"),
        (
            lambda d: d["tour"].__setitem__("door_back", "Ghost"),
            "tour.door_back",
            "'Ghost' is not a host of this visit",
        ),
        (
            lambda d: d["visitors"][0].__setitem__("salutation", "sir"),
            "visitors[0].salutation",
            "unknown salutation 'sir'",
        ),
        (lambda d: d["agenda"][5]["topics"].append("weather"), "agenda[5].topics[4]", "unknown topic 'weather'"),
        (
            lambda d: d["hotel_stays"][0].__setitem__("check_out", "2026-12-01"),
            "hotel_stays[0].check_out",
            "check-out must be after check-in",
        ),
        (
            lambda d: d["pickups"][0].__setitem__("driver_due", "tomorrow"),
            "pickups[0].driver_due",
            "not a date and time: 'tomorrow'",
        ),
        (lambda d: d["company"].__setitem__("country", "XX"), "company.country", "unknown country code 'XX'"),
        (lambda d: d.__setitem__("format", "hospitality-visit/2"), "format", "expected 'hospitality-visit/1'"),
        (
            lambda d: d["visitors"][2].__setitem__("name", "Budi Santoso"),
            "visitors[2].name",
            "visitor 'Budi Santoso' is listed twice",
        ),
        (
            lambda d: d["pickups"][0]["vehicle"].__setitem__("seats", "seven"),
            "pickups[0].vehicle.seats",
            "expected a whole number, got text",
        ),
        (
            lambda d: d["pickups"][1]["vehicle"].__setitem__("seats", 5),
            "pickups[1].vehicle",
            "vehicle 'Buick GL8' differs from pickups[0].vehicle",
        ),
    ],
)
def test_errors_name_the_json_path(reference_data, mutate, path, text):
    with pytest.raises(ValidationError) as caught:
        interchange.loads(_broken(reference_data, mutate))
    assert caught.value.path == path
    assert text in caught.value.message


def test_invalid_json_names_line_and_column():
    with pytest.raises(ValidationError) as caught:
        interchange.loads('{"format": "hospitality-visit/1",\n "visit": }')
    assert caught.value.path == "line 2 column 11"


def test_offsets_in_the_file_are_respected(reference_data):
    reference_data["pickups"][0]["arrival"] = "2026-12-02T14:35+01:00"
    plan = interchange.loads(json.dumps(reference_data))
    assert plan.pickups[0].arrival == datetime(2026, 12, 2, 13, 35, tzinfo=UTC)
    assert interchange.to_data(plan)["pickups"][0]["arrival"] == "2026-12-02T21:35"


def test_local_text_keeps_the_offset_only_where_the_wall_time_is_ambiguous():
    berlin = ZoneInfo("Europe/Berlin")
    # 2026-10-25 02:30 happens twice in Berlin: 00:30Z (CEST) and 01:30Z (CET).
    first = datetime(2026, 10, 25, 0, 30, tzinfo=UTC)
    second = datetime(2026, 10, 25, 1, 30, tzinfo=UTC)
    assert interchange.local_text(first, berlin) == "2026-10-25T02:30"
    assert interchange.local_text(second, berlin) == "2026-10-25T02:30+01:00"
    spring = datetime(2026, 3, 29, 1, 30, tzinfo=UTC)  # just after the clocks jump to 03:00
    assert interchange.local_text(spring, berlin) == "2026-03-29T03:30"
