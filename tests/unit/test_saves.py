"""A save writes what its user changed, nothing else: another person's tick, allergy, letter or
hotel edit made meanwhile survives, and edits of the same thing on both sides are a conflict."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from hospitality_app.errors import ConflictError, NotFoundError, ValidationError
from hospitality_app.models import Company, Hotel, Staff, Visit, Visitor
from hospitality_app.rules.engine import counts
from hospitality_app.services import checklists, dashboard, directory, documents, interchange, plans, readiness
from hospitality_app.services.directory import KINDS
from hospitality_app.services.shared_records import SharedChange

NOW = datetime(2026, 11, 22, 1, tzinfo=UTC)


@pytest.fixture
def visit(db, reference_plan) -> int:
    with db.unit_of_work() as session:
        visit_id = plans.save(session, reference_plan, now=NOW).visit_id
        checklists.apply_templates(session, visit_id, ["standard"], now=NOW)
    return visit_id


def load(db, visit_id):
    with db.unit_of_work() as session:
        return plans.load_plan(session, visit_id)


def save(db, plan):
    with db.unit_of_work() as session:
        return plans.save(session, plan, now=NOW)


def edit_record(db, kind, record_name, **values):
    with db.unit_of_work() as session:
        record = next(
            r for r in directory.list_records(session, KINDS[kind], record_name)[0] if r.values["name"] == record_name
        )
        directory.save_record(session, KINDS[kind], replace(record, values={**record.values, **values}))


def visitor(plan, name):
    return next(v for v in plan.visitors if v.name == name)


def test_a_tick_made_while_a_planner_is_open_survives_its_save(db, visit):
    planner = load(db, visit)
    item = planner.checklist[0]
    with db.unit_of_work() as session:
        checklists.tick(session, item.id, done=True, by="Li Wei", now=NOW)
    save(db, replace(planner, title="Saved after the tick"))
    after = load(db, visit)
    assert after.title == "Saved after the tick"
    assert next(c for c in after.checklist if c.id == item.id).done_by == "Li Wei"


def test_the_letter_recorded_as_sent_survives_a_planner_save(db, visit):
    planner = load(db, visit)
    with db.unit_of_work() as session:
        documents.record_letter_sent(session, visit, date(2026, 12, 9))
    save(db, replace(planner, purpose="Saved after the letter"))
    assert load(db, visit).follow_up.letter_sent == date(2026, 12, 9)


def test_an_allergy_added_on_the_clients_page_survives_and_the_check_still_warns(db, visit):
    planner = load(db, visit)
    edit_record(db, "visitors", "Hendra Wijaya", allergies=("peanuts",))
    saved = save(db, replace(planner, purpose="Saved after the allergy"))
    after = load(db, visit)
    assert visitor(after, "Hendra Wijaya").allergies == ("peanuts",)
    assert saved.changes == ()  # the planner changed no shared record
    with db.unit_of_work() as session:
        codes = {f.code for f in readiness.check_visit(session, visit, now=NOW)}
    assert {"dietary.forbidden", "dietary.allergen"} <= codes


def test_a_hotel_edited_on_the_places_page_keeps_its_minutes(db, visit):
    planner = load(db, visit)
    name = planner.hotel_stays[0].hotel.name
    edit_record(db, "hotels", name, drive_minutes=25)
    moved = replace(planner.hotel_stays[0], notes="Late check-out asked")
    save(db, replace(planner, hotel_stays=(moved,)))
    after = load(db, visit)
    assert after.hotel_stays[0].hotel.drive_minutes == 25 and after.hotel_stays[0].notes == "Late check-out asked"


def test_an_outcome_recorded_meanwhile_is_kept_and_the_planners_edit_lands(db, visit):
    planner = load(db, visit)
    with db.unit_of_work() as session:
        dashboard.record_outcome(session, visit, status="lost", notes="cheaper supplier")
    save(db, replace(planner, purpose="after the outcome"))
    after = load(db, visit)
    assert (after.outcome.status, after.purpose) == ("lost", "after the outcome")


def test_two_planners_changing_the_same_field_conflict_and_the_first_stays(db, visit):
    a, b = load(db, visit), load(db, visit)
    save(db, replace(a, title="Edited by A"))
    with pytest.raises(ConflictError) as caught:
        save(db, replace(b, title="Edited by B"))
    assert caught.value.parts == ("visit.title",)
    assert load(db, visit).title == "Edited by A"


def test_two_planners_changing_different_parts_both_land(db, visit):
    a, b = load(db, visit), load(db, visit)
    save(db, replace(a, title="Edited by A"))
    save(db, replace(b, purpose="Edited by B"))
    after = load(db, visit)
    assert (after.title, after.purpose) == ("Edited by A", "Edited by B")


def test_the_same_change_on_both_sides_is_no_conflict(db, visit):
    a, b = load(db, visit), load(db, visit)
    save(db, replace(a, title="Same"))
    assert save(db, replace(b, title="Same")).written == ()


def test_a_diet_changed_in_the_planner_is_written_once_and_reported(db, visit):
    planner = load(db, visit)
    budi = visitor(planner, "Budi Santoso")
    changed = replace(
        planner, visitors=tuple(replace(v, allergies=("sesame",)) if v is budi else v for v in planner.visitors)
    )
    saved = save(db, changed)
    assert saved.changes == (SharedChange("visitor", "Budi Santoso", ("allergies",)),)
    assert saved.written == ()  # the visit's own parts did not change
    assert visitor(load(db, visit), "Budi Santoso").allergies == ("sesame",)


def test_an_allergy_changed_on_both_sides_is_a_conflict_naming_the_person(db, visit):
    planner = load(db, visit)
    edit_record(db, "visitors", "Budi Santoso", allergies=("peanuts",))
    mine = replace(
        planner,
        visitors=tuple(replace(v, allergies=("sesame",)) if v.name == "Budi Santoso" else v for v in planner.visitors),
    )
    with pytest.raises(ConflictError, match="Visitor 'Budi Santoso' \\(allergies\\)"):
        save(db, mine)
    assert visitor(load(db, visit), "Budi Santoso").allergies == ("peanuts",)


def test_renaming_the_company_of_a_saved_visit_renames_it(db, visit):
    planner = load(db, visit)
    saved = save(db, replace(planner, company=replace(planner.company, name="PT Sinar Jaya", country="MY")))
    after = load(db, visit)
    assert (after.company.name, after.company.country, after.company.id) == ("PT Sinar Jaya", "MY", planner.company.id)
    assert saved.changes == (SharedChange("company", "PT Sinar Jaya", ("name", "country")),)
    with db.unit_of_work() as session:
        assert session.scalar(select(func.count()).select_from(Company)) == 1


def test_renaming_onto_another_company_is_refused_with_the_field(db, visit, reference_plan):
    save(db, replace(reference_plan, company=replace(reference_plan.company, name="Other Co")))
    planner = load(db, visit)
    with pytest.raises(ValidationError) as caught:
        save(db, replace(planner, company=replace(planner.company, name="Other Co")))
    assert caught.value.path == "company.name"


def test_choosing_another_saved_company_moves_the_visit_to_it(db, visit, reference_plan):
    other = save(db, replace(reference_plan, company=replace(reference_plan.company, name="Other Co"))).visit_id
    target = load(db, other).company
    planner = load(db, visit)
    save(db, replace(planner, company=target))
    after = load(db, visit)
    assert after.company == target
    assert load(db, other).company.name == "Other Co" and planner.company.name == "PT Sinar Jaya Abadi"


def test_a_hotel_renamed_elsewhere_is_not_created_again_by_a_planner(db, visit):
    planner = load(db, visit)
    edit_record(db, "hotels", planner.hotel_stays[0].hotel.name, name="Renamed Hotel")
    stay = replace(planner.hotel_stays[0], notes="moved")
    save(db, replace(planner, hotel_stays=(stay,)))
    with db.unit_of_work() as session:
        assert list(session.scalars(select(Hotel.name))) == ["Renamed Hotel"]


def test_a_deleted_visit_is_not_created_again_by_a_planner(db, visit):
    planner = load(db, visit)
    with db.unit_of_work() as session:
        plans.delete_visit(session, visit)
    with pytest.raises(NotFoundError):
        save(db, replace(planner, purpose="after delete"))


def test_moving_the_arrival_moves_open_items_without_rewriting_ticks(db, visit):
    planner = load(db, visit)
    ticked = planner.checklist[0]
    with db.unit_of_work() as session:
        checklists.tick(session, ticked.id, done=True, by="Li Wei", now=NOW)
    pickup = replace(planner.pickups[0], arrival=planner.pickups[0].arrival + timedelta(hours=2))
    save(db, replace(planner, pickups=(pickup, *planner.pickups[1:])))
    after = {c.id: c for c in load(db, visit).checklist}
    assert after[ticked.id].done
    moved = next(c for c in planner.checklist if c.due_anchor == "arrival" and c.id != ticked.id)
    assert after[moved.id].due == moved.due + timedelta(hours=2)


# import -------------------------------------------------------------------------------------


def a_later_visit(reference_data) -> dict:
    """The same people, two months later (so that nobody is booked twice)."""
    later = json.loads(json.dumps(reference_data))
    later["visit"].update(title="A later visit", start="2027-02-02T09:00", end="2027-02-03T17:00")
    for key in ("pickups", "hotel_stays", "meals", "agenda"):
        later[key] = []
    later.pop("tour", None)
    return later


def test_importing_a_file_that_omits_diets_keeps_them_in_every_visit(db, visit, reference_data):
    with db.unit_of_work() as session:
        before = counts(readiness.check_visit(session, visit, now=NOW))
    later = a_later_visit(reference_data)
    for v in later["visitors"]:
        v.pop("dietary", None)
        v.pop("allergies", None)
    saved = save(db, interchange.loads(json.dumps(later)))
    assert saved.changes == ()
    with db.unit_of_work() as session:
        assert counts(readiness.check_visit(session, visit, now=NOW)) == before
    assert visitor(load(db, visit), "Budi Santoso").dietary == ("halal",)


def test_a_file_that_gives_a_value_replaces_it_and_says_so(db, visit, reference_data):
    later = a_later_visit(reference_data)
    for v in later["visitors"]:
        if v["name"] == "Siti Rahmawati":
            v["dietary"], v["allergies"] = [], []
    saved = save(db, interchange.loads(json.dumps(later)))
    assert [c.describe() for c in saved.changes] == ["visitor 'Siti Rahmawati': dietary, allergies"]
    assert visitor(load(db, visit), "Siti Rahmawati").allergies == ()


def test_demo_data_does_not_overwrite_what_a_visit_knows(db, visit):
    from hospitality_app.services import demo

    research = load(db, visit).company.research
    with db.unit_of_work() as session:
        demo.create_demo_visits(session, now=NOW)
    assert load(db, visit).company.research == research


def test_two_imports_creating_the_same_people_at_once_both_succeed(tmp_path, reference_text):
    """Two processes import a file naming new staff and a new company at the same moment: on
    SQLite the second waits for the first and finds its rows; no duplicate, no traceback."""
    import subprocess
    import sys

    db_file = tmp_path / "race.sqlite3"
    data = json.loads(reference_text)
    data["company"]["name"] = "Race Co"
    text = json.dumps(data).replace("Li Wei", "Li Wei R")
    (tmp_path / "race.json").write_text(text)
    command = [sys.executable, "-m", "hospitality_app", "--db", str(db_file)]
    subprocess.run([*command, "list"], check=True, capture_output=True)
    for _round in range(3):
        runs = [
            subprocess.Popen([*command, "import", str(tmp_path / "race.json")], stderr=subprocess.PIPE) for _ in "ab"
        ]
        results = [(p.wait(), p.stderr.read().decode()) for p in runs]
        assert results == [(0, ""), (0, "")]
    from hospitality_app.db.session import open_database

    check = open_database(f"sqlite:///{db_file}")
    with check.unit_of_work() as session:
        assert session.scalar(select(func.count()).select_from(Visit)) == 6
        assert session.scalar(select(func.count()).select_from(Company)) == 1
        assert session.scalar(select(func.count()).select_from(Visitor)) == 3
        assert session.scalar(select(func.count()).select_from(Staff)) == 4
    check.dispose()
