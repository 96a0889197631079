"""The Clients, Staff and Places records on their own: list, save, conflicts, delete when unused."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from hospitality_app.errors import ConflictError, InUseError, ValidationError
from hospitality_app.services import plans
from hospitality_app.services.directory import (
    KINDS,
    Record,
    delete_record,
    get_record,
    list_records,
    ref_choices,
    save_record,
    uses,
)

NOW = datetime(2026, 11, 22, 1, tzinfo=UTC)


def save(db, kind, record):
    with db.unit_of_work() as session:
        return save_record(session, KINDS[kind], record)


def get(db, kind, record_id):
    with db.unit_of_work() as session:
        return get_record(session, KINDS[kind], record_id)


def names(db, kind, text=""):
    with db.unit_of_work() as session:
        rows, total = list_records(session, KINDS[kind], text)
    return [r.values["name"] for r in rows], total


def test_a_company_and_its_visitor_are_created_edited_and_listed(db):
    company = save(db, "companies", Record(None, None, {"name": "  Kaşıkçı Makina ", "country": "tr"}))
    stored = get(db, "companies", company)
    assert dict(stored.values) == {
        "name": "Kaşıkçı Makina",
        "country": "TR",
        "city": "",
        "website": "",
        "gift_policy": "accepts",
        "research": "",
    }
    visitor = save(
        db,
        "visitors",
        Record(
            None,
            None,
            {"name": "Ayşe Yılmaz", "company_id": company, "dietary": ["halal", "halal"], "allergies": ["peanuts"]},
        ),
    )
    assert get(db, "visitors", visitor).values["dietary"] == ("halal",)
    edited = get(db, "companies", company)
    save(db, "companies", replace(edited, values={**edited.values, "city": "İzmir"}))
    again = get(db, "companies", company)
    assert (again.values["city"], again.version) == ("İzmir", edited.version + 1)
    with db.unit_of_work() as session:
        assert ref_choices(session, "companies") == [(company, "Kaşıkçı Makina (TR)")]


def test_search_filters_by_name_in_sql_and_counts_all(db):
    for name in ("Hotel Jianguo", "Shangri-La", "Jinjiang Inn"):
        save(db, "hotels", Record(None, None, {"name": name, "drive_minutes": 10}))
    assert names(db, "hotels") == (["Hotel Jianguo", "Jinjiang Inn", "Shangri-La"], 3)
    assert names(db, "hotels", "ji") == (["Hotel Jianguo", "Jinjiang Inn"], 2)


@pytest.mark.parametrize(
    ("kind", "values", "path", "message"),
    [
        ("companies", {"name": "", "country": "ID"}, "name", "must not be empty"),
        ("companies", {"name": "PT Maju", "country": "XX"}, "country", "unknown country code 'XX'"),
        ("companies", {"name": "PT Maju", "country": "ID", "gift_policy": "maybe"}, "gift_policy", "unknown"),
        ("visitors", {"name": "Budi"}, "company_id", "must not be empty"),
        ("vehicles", {"name": "Van", "seats": 0}, "seats", "at least 1 seat"),
        ("vehicles", {"name": "Van", "seats": -2}, "seats", "not a whole number"),
        ("dishes", {"name": "Soup", "contains": ["pork", "gravel"]}, "contains[1]", "unknown contains 'gravel'"),
        ("hotels", {"name": "x" * 201}, "name", "too long: 201 characters, at most 200"),
    ],
)
def test_bad_input_names_the_field_and_saves_nothing(db, kind, values, path, message):
    with pytest.raises(ValidationError, match=message) as caught:
        save(db, kind, Record(None, None, values))
    assert caught.value.path == path
    assert names(db, kind) == ([], 0)


def test_a_second_record_of_the_same_name_is_refused(db):
    save(db, "staff", Record(None, None, {"name": "张伟"}))
    with pytest.raises(ValidationError, match="'张伟' exists already"):
        save(db, "staff", Record(None, None, {"name": " 张伟 "}))
    # the same dish name may exist at two restaurants, but not twice at one (or twice at none)
    r1 = save(db, "restaurants", Record(None, None, {"name": "Lotus"}))
    r2 = save(db, "restaurants", Record(None, None, {"name": "Jade"}))
    save(db, "dishes", Record(None, None, {"name": "Fried rice", "restaurant_id": r1}))
    save(db, "dishes", Record(None, None, {"name": "Fried rice", "restaurant_id": r2}))
    save(db, "dishes", Record(None, None, {"name": "Fried rice", "restaurant_id": None}))
    with pytest.raises(ValidationError, match="exists already"):
        save(db, "dishes", Record(None, None, {"name": "Fried rice", "restaurant_id": None}))
    assert names(db, "dishes")[1] == 3


def test_editing_a_record_someone_else_saved_is_a_conflict(db):
    vid = save(db, "vehicles", Record(None, None, {"name": "Buick GL8", "seats": 7}))
    mine = get(db, "vehicles", vid)
    theirs = get(db, "vehicles", vid)
    save(db, "vehicles", replace(theirs, values={**theirs.values, "seats": 6}))
    with pytest.raises(ConflictError, match="you loaded version 1, the database has version 2"):
        save(db, "vehicles", replace(mine, values={**mine.values, "seats": 8}))
    assert get(db, "vehicles", vid).values["seats"] == 6


def test_records_a_visit_uses_are_not_deleted_and_unused_ones_are(db, reference_plan):
    with db.unit_of_work() as session:
        plans.save(session, reference_plan, now=NOW)
    with db.unit_of_work() as session:
        hotel = list_records(session, KINDS["hotels"])[0][0]
        company = list_records(session, KINDS["companies"])[0][0]
        assert uses(session, KINDS["hotels"], hotel.id) == {"hotel_stay": 1}
        assert uses(session, KINDS["companies"], company.id)["visit"] == 1
    with pytest.raises(InUseError, match="hotel stay × 1") as caught, db.unit_of_work() as session:
        delete_record(session, KINDS["hotels"], hotel.id, hotel.version)
    assert caught.value.uses == {"hotel_stay": 1}
    assert names(db, "hotels")[1] == 1
    spare = save(db, "hotels", Record(None, None, {"name": "Spare"}))
    with db.unit_of_work() as session:
        delete_record(session, KINDS["hotels"], spare, 1)
    assert "Spare" not in names(db, "hotels")[0]


def test_deleting_a_restaurant_takes_its_unused_dishes_but_not_served_ones(db):
    lotus = save(db, "restaurants", Record(None, None, {"name": "Lotus"}))
    save(db, "dishes", Record(None, None, {"name": "Dumplings", "restaurant_id": lotus, "contains": ["pork"]}))
    with db.unit_of_work() as session:
        assert uses(session, KINDS["restaurants"], lotus) == {}
        delete_record(session, KINDS["restaurants"], lotus, 1)
    assert names(db, "dishes") == ([], 0)


def test_a_served_dish_keeps_its_restaurant(db, reference_plan):
    with db.unit_of_work() as session:
        plans.save(session, reference_plan, now=NOW)
        restaurants, _ = list_records(session, KINDS["restaurants"])
    with pytest.raises(InUseError) as caught, db.unit_of_work() as session:
        delete_record(session, KINDS["restaurants"], restaurants[0].id, restaurants[0].version)
    assert set(caught.value.uses) >= {"meal"}
    assert names(db, "restaurants")[1] == len(restaurants)


def test_percent_and_underscore_in_a_search_are_just_characters(db, reference_plan):
    from dataclasses import replace

    from hospitality_app.services.visits import VisitFilter, list_visits

    with db.unit_of_work() as session:
        plans.save(session, reference_plan, now=NOW)
        plans.save(session, replace(reference_plan, title="Discount 10% _trial_ order"), now=NOW)
        assert [r.title for r in list_visits(session, VisitFilter(text="10%"))] == ["Discount 10% _trial_ order"]
        assert [r.title for r in list_visits(session, VisitFilter(text="_trial_"))] == ["Discount 10% _trial_ order"]
        assert list_visits(session, VisitFilter(text="%")) != list_visits(session, VisitFilter())
        assert list_records(session, KINDS["companies"], "_")[1] == 0  # no company has an underscore
