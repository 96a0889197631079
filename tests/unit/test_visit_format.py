"""The declared `hospitality-visit/1` format: the published JSON Schema says what the reader
reads and the writer writes, an integrator who validates against it meets the reader's own
verdicts, and documents drawn from the schema are refused in one line or work everywhere."""

from __future__ import annotations

import copy
import json
from datetime import UTC, datetime
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema
from jsonschema.exceptions import best_match

from hospitality_app.app import main
from hospitality_app.errors import ValidationError
from hospitality_app.services import calendar, interchange, plans, readiness
from hospitality_app.services.visit_format import json_schema
from tests.conftest import REFERENCE

PUBLISHED = Path(__file__).parents[2] / "docs" / "schema" / "hospitality-visit-1.json"
SCHEMA = json_schema()
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker())
REFERENCE_DATA = json.loads(REFERENCE.read_text(encoding="utf-8"))
NOW = datetime(2026, 11, 22, 1, tzinfo=UTC)


def schema_errors(data) -> list[str]:
    """Where the schema finds fault, as the reader names places (`visitors[1].dietary[0]`)."""
    return sorted(
        {best_match([error]).json_path.removeprefix("$").removeprefix(".") for error in VALIDATOR.iter_errors(data)}
    )


def test_the_schema_command_prints_the_published_schema(capsys):
    assert main(["schema"]) == 0
    out = capsys.readouterr().out
    assert out == PUBLISHED.read_text(encoding="utf-8"), (
        "run: hospitality-app schema -o docs/schema/hospitality-visit-1.json"
    )
    jsonschema.Draft202012Validator.check_schema(json.loads(out))


def test_the_schema_command_writes_a_file(capsys, tmp_path):
    target = tmp_path / "schema.json"
    assert main(["schema", "-o", str(target)]) == 0
    assert capsys.readouterr().out == f"Wrote {target}\n"
    assert json.loads(target.read_text(encoding="utf-8")) == SCHEMA


def test_the_schema_publishes_the_vocabularies_the_limits_and_the_defaults():
    defs = SCHEMA["$defs"]
    dietary = defs["Visitor"]["properties"]["dietary"]
    assert dietary["type"] == ["array", "null"]
    assert dietary["items"]["enum"] == ["halal", "kosher", "vegetarian", "vegan", "no_pork", "no_beef", "no_alcohol"]
    assert defs["TourStop"]["properties"]["minutes"] == {
        "maximum": 1440,
        "minimum": 1,
        "title": "Minutes",
        "type": "integer",
    }
    assert defs["Pickup"]["required"] == ["kind", "driver_due"]
    assert "from" in defs["Pickup"]["properties"] and "origin" not in defs["Pickup"]["properties"]
    assert defs["Meal"]["properties"]["kind"]["default"] == "lunch"
    assert defs["Pickup"]["additionalProperties"] is False
    assert SCHEMA["required"] == ["format", "visit", "company"]
    assert SCHEMA["properties"]["format"] == {"const": "hospitality-visit/1", "title": "Format"}


def test_what_the_app_writes_the_schema_accepts(capsys, tmp_path):
    assert schema_errors(REFERENCE_DATA) == []
    db = str(tmp_path / "demo.sqlite3")
    assert main(["--db", db, "demo"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "list", "--json"]) == 0
    ids = [row["id"] for row in json.loads(capsys.readouterr().out)]
    assert len(ids) >= 5
    for visit_id in ids:
        target = tmp_path / f"{visit_id}.json"
        assert main(["--db", db, "export", str(visit_id), "-o", str(target)]) == 0
        assert schema_errors(json.loads(target.read_text(encoding="utf-8"))) == [], visit_id


@pytest.mark.parametrize(
    ("path", "value", "where", "message"),
    [
        ("visitors.1.dietary.0", "halall", "visitors[1].dietary[0]", "unknown restriction 'halall'"),
        ("visitors.0.title", 5, "visitors[0].title", "expected text, got a number"),
        ("tour.stops.0.minutes", 0, "tour.stops[0].minutes", "must be between 1 and 1,440, got 0"),
        ("pickups.0.vehicle.seats", 1.5, "pickups[0].vehicle.seats", "expected a whole number, got 1.5"),
        ("hotel_stays.0.check_in", "20261202", "hotel_stays[0].check_in", "not a date: '20261202' (like 2026-12-03)"),
        ("meals.0.start", "2026-12-03 12:00", "meals[0].start", "not a date and time: '2026-12-03 12:00'"),
        ("visit.key_account", "yes", "visit.key_account", "expected true or false, got text"),
        ("gifts.0.value", -1, "gifts[0].value", "must not be negative"),
        ("company.gift_policy", "maybe", "company.gift_policy", "unknown gift policy 'maybe'"),
        ("visitors.0.dietery", [], "visitors[0]", "unknown field 'dietery'"),
        ("pickups.0.origin", "Jakarta", "pickups[0]", "unknown field 'origin'"),  # the plan's name, not the file's
        ("meals.1.dishes", {"name": "x"}, "meals[1].dishes", "expected a list, got an object"),
    ],
)
def test_an_integrator_validating_against_the_schema_meets_the_readers_verdict(path, value, where, message):
    data = copy.deepcopy(REFERENCE_DATA)
    *parents, last = (int(part) if part.isdigit() else part for part in path.split("."))
    target = data
    for part in parents:
        target = target[part]
    target[last] = value
    assert schema_errors(data) == [where]
    with pytest.raises(ValidationError) as refused:
        interchange.loads(json.dumps(data))
    assert (refused.value.path, message in refused.value.message) == (where, True), refused.value


def test_a_null_is_a_field_left_out_for_the_schema_and_the_reader():
    data = copy.deepcopy(REFERENCE_DATA)
    data["visitors"][0]["title"] = None
    data["pickups"][0]["notes"] = None
    data["meals"][0]["kind"] = None
    assert schema_errors(data) == []
    plan = interchange.loads(json.dumps(data))
    assert (plan.visitors[0].title, plan.pickups[0].notes, plan.meals[0].kind) == ("", "", "lunch")
    assert "title" not in plan.visitors[0].given  # a null replaces nothing that is stored


def test_a_required_field_left_out_is_named_by_both():
    data = copy.deepcopy(REFERENCE_DATA)
    del data["pickups"][1]["driver_due"]
    assert [e.message for e in VALIDATOR.iter_errors(data)] == ["'driver_due' is a required property"]
    with pytest.raises(ValidationError) as refused:
        interchange.loads(json.dumps(data))
    assert str(refused.value) == "pickups[1].driver_due: is required"


def test_a_whole_number_written_with_a_point_is_read_as_one():
    data = copy.deepcopy(REFERENCE_DATA)
    data["pickups"][0]["vehicle"]["seats"] = 7.0
    data["pickups"][1]["vehicle"]["seats"] = 7.0
    assert schema_errors(data) == []
    assert interchange.loads(json.dumps(data)).pickups[0].vehicle.seats == 7


# Parts of a visit as the schema allows them, put in the place of the reference visit's own.
PLACES = {
    "Visitor": ("visitors", 0),
    "Host": ("hosts", 1),
    "Pickup": ("pickups", 0),
    "HotelStay": ("hotel_stays", 0),
    "Meal": ("meals", 1),
    "TourStop": ("tour", "stops", 2),
    "AgendaItem": ("agenda", 3),
    "Gift": ("gifts", 0),
    "FollowUp": ("follow_up",),
    "ChecklistItem": ("checklist",),
    "Outcome": ("outcome",),
    "Company": ("company",),
}


def _within_the_reference(node):
    """The schema narrowed to the reference visit's people and days, so that most drawn parts
    are plans the app accepts and then must handle everywhere."""
    if isinstance(node, list):
        return [_within_the_reference(item) for item in node]
    if not isinstance(node, dict):
        return node
    if node.get("description") == "the name of a visitor or host of the visit":
        people = [p["name"] for p in REFERENCE_DATA["visitors"] + REFERENCE_DATA["hosts"]]
        return {"enum": people if node["type"] == "string" else [*people, None]}
    narrowed = {key: _within_the_reference(value) for key, value in node.items()}
    if "pattern" in node and "T" in node["pattern"]:
        narrowed["pattern"] = "^2026-12-0[3-4]T(0[89]|1[0-9]):[0-5]0$"
    elif "pattern" in node and node.get("format") == "date":
        narrowed["pattern"] = "^2026-12-0[2-5]$"
    return narrowed


NARROWED = _within_the_reference(SCHEMA)


def _drawn(name: str):
    schema = NARROWED if name not in ("FollowUp", "Outcome") else SCHEMA
    return from_schema({"$defs": schema["$defs"], "$ref": f"#/$defs/{name}"})


@st.composite
def documents(draw):
    data = copy.deepcopy(REFERENCE_DATA)
    name = draw(st.sampled_from(sorted(PLACES)))
    part = draw(_drawn(name))
    *parents, last = PLACES[name]
    target = data
    for key in parents:
        target = target[key]
    if name == "ChecklistItem":
        data["checklist"] = [part]
    else:
        target[last] = part
    return data


@pytest.fixture
def sqlite_db(tmp_path, migrated_template):
    """SQLite only: what is drawn is the file's shape, which the backends share; PostgreSQL's
    own limits are the corpus tests' (test_bad_files), and this many saves on it take minutes."""
    from hospitality_app.db.session import open_database
    from tests.conftest import fresh_database

    for url in fresh_database("sqlite", tmp_path, migrated_template):
        database = open_database(url)
        yield database
        database.dispose()


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(data=documents())
def test_every_document_the_schema_allows_is_refused_by_its_path_or_works_everywhere(sqlite_db, data):
    assert schema_errors(data) == []
    try:
        plan = interchange.loads(json.dumps(data))
    except ValidationError as refused:
        # The structure is right, so only a rule of the domain can refuse it: by its place.
        assert refused.path and "\n" not in str(refused), refused
        event("refused by a rule of the domain")
        return
    event("accepted")
    with sqlite_db.unit_of_work() as session:
        visit_id = plans.save(session, plan, now=NOW).visit_id
    with sqlite_db.unit_of_work() as session:
        again = plans.load_plan(session, visit_id)
        written = interchange.to_data(again)
        assert schema_errors(written) == []
        assert interchange.to_data(interchange.loads(json.dumps(written))) == written
        readiness.check_visit(session, visit_id, now=NOW, locale="zh_CN")
        assert b"BEGIN:VCALENDAR" in calendar.export_visit(session, visit_id, now=NOW, lang="en")
