"""Saving and loading visit plans: identity, reuse, optimistic locking, double bookings."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from hospitality_app.errors import ConflictError, NotFoundError
from hospitality_app.models import Staff, Vehicle, Visit
from hospitality_app.services import plans, readiness, regions
from hospitality_app.services.visits import VisitFilter, count_visits, list_visits

NOW = datetime(2026, 11, 22, 1, tzinfo=UTC)


def save(db, plan):
    with db.unit_of_work() as session:
        return plans.save(session, plan, now=NOW).visit_id


def load(db, visit_id):
    with db.unit_of_work() as session:
        return plans.load_plan(session, visit_id)


def test_child_ids_survive_a_save_and_removed_children_go(db, reference_plan):
    visit_id = save(db, reference_plan)
    first = load(db, visit_id)
    moved = replace(
        first.meals[0], start=first.meals[0].start + timedelta(hours=1), end=first.meals[0].end + timedelta(hours=1)
    )
    save(db, replace(first, meals=(moved,)))
    second = load(db, visit_id)
    assert [m.id for m in second.meals] == [first.meals[0].id]
    assert second.meals[0].start == first.meals[0].start + timedelta(hours=1)
    assert second.version == first.version + 1


def test_stale_version_raises_conflict_and_changes_nothing(db, reference_plan):
    visit_id = save(db, reference_plan)
    mine = load(db, visit_id)
    theirs = load(db, visit_id)
    save(db, replace(theirs, purpose="Their change"))
    with pytest.raises(ConflictError, match="changed by someone else"):
        save(db, replace(mine, purpose="My change"))
    assert load(db, visit_id).purpose == "Their change"


def test_concurrent_write_detected_by_the_version_column(db, reference_plan):
    """Two sessions pass the early check together; the database's version check stops one."""
    visit_id = save(db, reference_plan)
    s1 = db._write()
    s2 = db._write()
    try:
        # Each reads in a transaction of its own (on SQLite writers queue up: they never
        # overlap), then both write what they read.
        v1 = s1.get(Visit, visit_id)
        s1.commit()
        v2 = s2.get(Visit, visit_id)
        s2.commit()
        v1.purpose, v2.purpose = "one", "two"
        s1.commit()
        from sqlalchemy.orm.exc import StaleDataError

        with pytest.raises(StaleDataError):
            s2.commit()
    finally:
        s1.close()
        s2.close()
    assert load(db, visit_id).purpose == "one"


def test_import_twice_reuses_people_places_and_vehicles(db, reference_plan):
    save(db, reference_plan)
    save(db, reference_plan)
    with db.unit_of_work() as session:
        assert session.scalar(select(func.count()).select_from(Staff)) == 4
        assert session.scalar(select(func.count()).select_from(Vehicle)) == 1
        assert session.scalar(select(func.count()).select_from(Visit)) == 2


def test_unknown_visit(db):
    with pytest.raises(NotFoundError), db.unit_of_work() as session:
        plans.load_plan(session, 404)


def test_double_booking_between_overlapping_visits(db, reference_plan):
    a = save(db, reference_plan)
    shifted = replace(
        reference_plan,
        title="Second visit",
        start=reference_plan.start + timedelta(hours=4),
        end=reference_plan.end + timedelta(hours=4),
    )
    b = save(db, shifted)
    far = replace(
        reference_plan,
        title="Next month",
        start=reference_plan.start + timedelta(days=30),
        end=reference_plan.end + timedelta(days=30),
    )
    save(db, far)
    with db.unit_of_work() as session:
        found = readiness.check_visit(session, a, now=NOW)
        pairs = readiness.all_double_bookings(session)
    clashes = sorted({(f.subject, f.message.split("#")[1][:1]) for f in found if f.code == "resource.double_booked"})
    assert clashes == [
        ("Buick GL8", str(b)),
        ("Chen Jie", str(b)),
        ("Li Wei", str(b)),
        ("Wang Fang", str(b)),
        ("Zhang Min", str(b)),
    ]
    assert {(p[0].visit_id, p[1].visit_id) for p in pairs} == {(a, b)}


def test_double_booking_across_roles_and_at_the_edges(db, reference_plan):
    """A host of one visit who only drives in another is booked twice; a visit that ends as this
    one begins, or that was called off, books no one; an overlapping visit with other people neither."""
    a = save(db, reference_plan)
    host = reference_plan.hosts[0].name
    pickup = replace(reference_plan.pickups[0], driver=host, vehicle=None)

    def other(title, start, end, **changes):
        drivers = (replace(reference_plan.hosts[0], roles=("driver",)),) if changes.get("pickups") else ()
        bare = replace(reference_plan, hosts=drivers, meals=(), agenda=(), tour=None, checklist=())
        return save(db, replace(bare, title=title, start=start, end=end, **changes))

    span = reference_plan.end - reference_plan.start
    driving = other("Driving", reference_plan.end - timedelta(hours=1), reference_plan.end + span, pickups=(pickup,))
    other("Before", reference_plan.start - span, reference_plan.start, pickups=(pickup,))
    other("Called off", reference_plan.start, reference_plan.end, pickups=(pickup,), status="cancelled")
    other("Strangers", reference_plan.start, reference_plan.end, pickups=())
    with db.unit_of_work() as session:
        found = readiness.check_visit(session, a, now=NOW)
        pairs = readiness.all_double_bookings(session)
    clashes = sorted({(f.subject, f.message.split("#")[1][:1]) for f in found if f.code == "resource.double_booked"})
    assert clashes == [(host, str(driving))]
    assert {(p[0].visit_id, p[1].visit_id, p[0].resource) for p in pairs} == {(a, driving, host)}


def test_list_filters_sorts_and_pages_in_sql(db, reference_plan):
    for i in range(5):
        save(db, replace(reference_plan, title=f"Visit {i}"))
    with db.unit_of_work() as session:
        rows = list_visits(session, VisitFilter(text="visit 3"))
        assert [r.title for r in rows] == ["Visit 3"]
        assert rows[0].sales_lead == "Li Wei"
        # The list's readiness is the readiness check's own answer, not a copy kept aside.
        ready = readiness.readiness_of(session, [rows[0].id], now=NOW)[rows[0].id]
        found = readiness.check_visit(session, rows[0].id, now=NOW)
        # 4 errors of its own, and 20 double bookings: five copies of one visit share its 5 people
        # and the vehicle with the other four (resource.double_booked).
        assert (ready.errors, ready.warnings) == (24, 2)
        assert ready.errors == sum(f.severity == "error" for f in found)
        page = list_visits(session, sort="title", descending=True, offset=1, limit=2)
        assert [r.title for r in page] == ["Visit 3", "Visit 2"]
        assert count_visits(session, VisitFilter(country="ID")) == 5
        assert count_visits(session, VisitFilter(sales_lead="Nobody")) == 0


def test_upcoming_filter_keeps_the_longest_visit_under_way(db, reference_plan):
    """'Not ended yet' reads only the weeks a visit can last: the longest visit still running is
    in, one that ended a moment before is out (the start bound must not cut either wrongly)."""
    from hospitality_app.limits import MAX_VISIT_DAYS

    now = reference_plan.start + timedelta(days=40)
    longest = timedelta(days=MAX_VISIT_DAYS)
    running = save(db, replace(reference_plan, title="Longest", start=now - longest, end=now))
    save(db, replace(reference_plan, title="Just over", start=now - longest, end=now - timedelta(seconds=1)))
    coming = save(
        db, replace(reference_plan, title="Coming", start=now + timedelta(days=13), end=now + timedelta(days=14))
    )
    save(db, replace(reference_plan, title="Later", start=now + timedelta(days=14), end=now + timedelta(days=15)))
    with db.unit_of_work() as session:
        rows = list_visits(session, VisitFilter(starts_after=now, starts_before=now + timedelta(days=14)), limit=None)
        assert [r.id for r in rows] == [running, coming]
        assert count_visits(session, VisitFilter(starts_after=now)) == 3


def test_team_edits_override_shipped_regional_notes(db):
    with db.unit_of_work() as session:
        shipped = regions.country(session, "RU")
        assert shipped.hotel_payment_is_bribe and not shipped.expect_delay
        regions.save_note(session, "RU", "language", "Bring a Russian interpreter.", "请带俄语翻译。")
    with db.unit_of_work() as session:
        ru = regions.country(session, "RU")
    language = next(n for n in ru.notes if n.topic == "language")
    assert (language.text("en"), language.text("zh_CN"), language.edited) == (
        "Bring a Russian interpreter.",
        "请带俄语翻译。",
        True,
    )
    assert len(ru.notes) == len(shipped.notes)


def test_shipped_regional_notes_cover_the_seed_countries():
    countries = regions.shipped()
    assert len(countries) >= 40
    for code in ("AU", "NZ", "RU", "NG", "ZA", "ID", "IN", "US", "BR", "SA", "AE", "TR", "VE", "IR", "DE"):
        assert code in countries, code
    assert {c for c, v in countries.items() if v.hotel_payment_is_bribe} == {"RU"}
    assert countries["IN"].expect_delay and countries["SA"].expect_delay
    assert not countries["ID"].expect_delay and not countries["DE"].expect_delay
    for country in countries.values():
        assert country.notes and all(n.text_en and n.text_zh for n in country.notes)


def test_demo_data_gives_a_realistic_mix(db):
    from hospitality_app.services import demo

    with db.unit_of_work() as session:
        ids = demo.create_demo_visits(session, now=NOW)
        codes = {f.code for i in ids for f in readiness.check_visit(session, i, now=NOW)}
        countries = {plans.load_plan(session, i).company.country for i in ids}
    assert len(ids) == 12 and countries >= {"ID", "IN", "RU", "DE", "US", "SA", "TR", "IL", "CL"}
    assert codes >= {
        "dietary.forbidden",
        "dietary.allergen",
        "dietary.uncertified",
        "meal.alcohol_before_negotiation",
        "pickup.vehicle_too_small",
        "region.hotel_payment",
        "region.expect_delay",
        "resource.double_booked",
        "gift.forbidden",
        "followup.letter_overdue",
        "checklist.overdue",
        "staffing.hosts_fewer_than_visitors",
    }


def test_a_country_the_shipped_set_lacks_gets_its_name_from_cldr(db):
    with db.unit_of_work() as session:
        regions.save_note(session, "UZ", "dining", "Mostly Muslim.", "多为穆斯林。")
        uz = regions.country(session, "UZ")
        codes = regions.country_codes(session)
    assert (uz.name("en"), uz.name("zh_CN")) == ("Uzbekistan", "乌兹别克斯坦")
    assert [n.topic for n in uz.notes] == ["dining"] and "UZ" in codes
