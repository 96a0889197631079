"""What a calendar says beyond times: a done task is COMPLETED, a pickup is where to meet, a
meal listing diets is private, and a file without an organizer is no PUBLISH message."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from hospitality_app.services import calendar, plans
from hospitality_app.services.dto import ChecklistItemData
from tests.unit.exports.test_ics import NOW, export, store
from tests.unit.exports.test_ics import events as items

SHANGHAI = ZoneInfo("Asia/Shanghai")


def test_a_task_done_after_it_was_sent_is_completed_not_withdrawn(db, reference_plan):
    due = datetime(2026, 12, 2, 20, tzinfo=SHANGHAI)
    plan = replace(
        reference_plan, checklist=(ChecklistItemData("day_of", "Clean the car", due=due, assignee="Chen Jie"),)
    )
    visit_id = store(db, plan)
    first = items(export(db, visit_id))["Clean the car — PT Sinar Jaya Abadi"]
    assert (first.status.value, int(first.sequence.value)) == ("NEEDS-ACTION", 0)
    with db.unit_of_work() as session:
        loaded = plans.load_plan(session, visit_id)
        done = replace(loaded.checklist[0], done_at=datetime(2026, 12, 2, 19, 30, tzinfo=SHANGHAI), done_by="Chen Jie")
        plans.save(session, replace(loaded, checklist=(done,)), now=NOW)
    data = export(db, visit_id)
    again = items(data)["Clean the car — PT Sinar Jaya Abadi"]
    assert (again.status.value, int(again.sequence.value)) == ("COMPLETED", 1)
    assert again.completed.value == datetime(2026, 12, 2, 11, 30, tzinfo=UTC)
    assert b"CANCELLED" not in data


def test_a_task_done_before_any_export_is_not_sent(db, reference_plan):
    due = datetime(2026, 12, 2, 20, tzinfo=SHANGHAI)
    done = ChecklistItemData("day_of", "Fuel the car", due=due, assignee="Chen Jie", done_at=due)
    assert "Fuel the car — PT Sinar Jaya Abadi" not in items(
        export(db, store(db, replace(reference_plan, checklist=(done,))))
    )


def test_the_pickup_is_where_the_driver_waits_and_the_route_is_described(db, reference_plan):
    arrival = replace(reference_plan.pickups[0], meeting_point="Terminal 3, exit B")
    visit_id = store(db, replace(reference_plan, pickups=(arrival, *reference_plan.pickups[1:])))
    found = items(export(db, visit_id))
    pickup = found["Airport pickup: GA 898 — PT Sinar Jaya Abadi"]
    assert pickup.location.value == "Terminal 3, exit B, Xiamen Gaoqi XMN"
    assert "Route: Jakarta CGK → Xiamen Gaoqi XMN" in pickup.description.value
    transfer = found["Transfer hotel → office — PT Sinar Jaya Abadi"]
    assert transfer.location.value == "Xiamen Marriott Hotel"  # where the transfer starts


def test_a_meal_that_lists_diets_and_allergies_is_private(db, reference_plan):
    found = items(export(db, store(db, reference_plan)))
    lunch = found["Lunch with PT Sinar Jaya Abadi"]
    assert lunch.getChildValue("class") == "PRIVATE" and "halal" in lunch.description.value.lower()
    no_needs = replace(
        reference_plan, visitors=tuple(replace(v, dietary=(), allergies=()) for v in reference_plan.visitors)
    )
    with_db = items(export(db, store(db, replace(no_needs, title="Another visit"))))
    assert with_db["Lunch with PT Sinar Jaya Abadi"].getChildValue("class") is None


def test_without_an_organizer_the_file_is_no_publish_message(db, reference_plan):
    data = export(db, store(db, reference_plan))  # the reference's sales lead has no e-mail
    assert b"METHOD:" not in data and b"ATTENDEE" not in data and b"ORGANIZER" not in data
    lead = replace(reference_plan.hosts[0], email="li.wei@example.com", given=None)  # typed, not from a file
    with_lead = replace(reference_plan, title="With e-mail", hosts=(lead, *reference_plan.hosts[1:]))
    data = export(db, store(db, with_lead))
    assert b"METHOD:PUBLISH" in data and b'ORGANIZER;CN="Li Wei":mailto:li.wei@example.com' in data
    assert b"ATTENDEE" not in data


def test_another_language_or_reminder_changes_no_sequence_but_a_moved_meal_does(db, reference_plan):
    visit_id = store(db, reference_plan)
    sequences = {e.uid.value: int(e.sequence.value) for e in items(export(db, visit_id)).values()}
    chinese = items(export(db, visit_id, lang="zh_CN", reminder_minutes=None))
    assert {e.uid.value: int(e.sequence.value) for e in chinese.values()} == sequences
    assert "午餐" in "".join(chinese)  # the texts are Chinese now, the events the same
    with db.unit_of_work() as session:
        plan = plans.load_plan(session, visit_id)
        lunch = plan.meals[0]
        moved = replace(lunch, start=lunch.start.replace(hour=13), end=lunch.end.replace(hour=14))
        plans.save(session, replace(plan, meals=(moved, *plan.meals[1:])), now=NOW)
    after = {e.uid.value: (k, int(e.sequence.value)) for k, e in items(export(db, visit_id)).items()}
    raised = [k for uid, (k, seq) in after.items() if seq != sequences[uid]]
    assert raised == ["Lunch with PT Sinar Jaya Abadi"]


def test_a_driver_replaced_withdraws_the_pickup_from_their_own_calendar(db, reference_plan):
    visit_id = store(db, reference_plan)
    assert "Airport pickup: GA 898 — PT Sinar Jaya Abadi" in items(export(db, visit_id, staff="Chen Jie"))
    with db.unit_of_work() as session:
        plan = plans.load_plan(session, visit_id)
        pickup = replace(plan.pickups[0], driver="Li Wei")  # Chen Jie is ill
        plans.save(session, replace(plan, pickups=(pickup, *plan.pickups[1:])), now=NOW)
    export(db, visit_id)  # everyone's calendar first: the state now names Li Wei
    old = items(export(db, visit_id, staff="Chen Jie"))["Airport pickup: GA 898 — PT Sinar Jaya Abadi"]
    new = items(export(db, visit_id, staff="Li Wei"))["Airport pickup: GA 898 — PT Sinar Jaya Abadi"]
    assert (old.status.value, new.status.value) == ("CANCELLED", "CONFIRMED")
    assert int(old.sequence.value) > 0 and old.uid.value == new.uid.value
    everyone = items(export(db, visit_id))["Airport pickup: GA 898 — PT Sinar Jaya Abadi"]
    assert everyone.status.value == "CONFIRMED"  # the old driver's withdrawal changed nothing else


def test_each_kind_has_its_colour(db, reference_plan):
    found = items(export(db, store(db, reference_plan)))
    colours = {summary: e.contents["color"][0].value for summary, e in found.items()}
    company = "PT Sinar Jaya Abadi"
    assert colours[f"Airport pickup: GA 898 — {company}"] == colours[f"Transfer hotel → office — {company}"]
    assert colours[f"Airport pickup: GA 898 — {company}"] == "steelblue"
    assert colours[f"Hotel check-in: Xiamen Marriott Hotel — {company}"] == "slateblue"
    assert colours[f"Hotel check-out: Xiamen Marriott Hotel — {company}"] == "slateblue"
    assert colours[f"Lunch with {company}"] == "darkorange"
    assert colours[f"Factory tour with {company}"] == "seagreen"
    assert colours[f"Order details and quotation — {company}"] == "royalblue"


def test_last_modified_is_when_the_item_last_changed_not_when_it_was_last_exported(db, reference_plan):
    visit_id = store(db, reference_plan)
    with db.unit_of_work() as session:
        calendar.export_visit(session, visit_id, now=NOW)
    later = datetime(2026, 11, 25, 8, tzinfo=UTC)
    with db.unit_of_work() as session:
        loaded = plans.load_plan(session, visit_id)
        lunch = replace(loaded.meals[0], notes="Table by the window")
        plans.save(session, replace(loaded, meals=(lunch, *loaded.meals[1:])), now=later)
    with db.unit_of_work() as session:
        data = calendar.export_visit(session, visit_id, now=later)
    found = items(data)
    modified = {s: e.last_modified.value for s, e in found.items()}
    assert modified["Lunch with PT Sinar Jaya Abadi"] == later
    assert modified["Dinner with PT Sinar Jaya Abadi"] == NOW  # unchanged since


def test_meetings_and_the_tour_carry_geo_once_the_team_has_set_the_site(db, reference_plan):
    from hospitality_app.services import settings

    visit_id = store(db, reference_plan)
    assert b"GEO:" not in export(db, visit_id)  # the zone's main city is no address
    with db.unit_of_work() as session:
        settings.set_setting(session, "site.location", "24.6078,118.0905")
    found = items(export(db, visit_id))
    geo = {s: e.contents["geo"][0].value for s, e in found.items() if "geo" in e.contents}
    company = "PT Sinar Jaya Abadi"
    assert geo[f"Factory tour with {company}"] == "24.607800;118.090500"
    assert f"Order details and quotation — {company}" in geo
    assert f"Lunch with {company}" not in geo and f"Airport pickup: GA 898 — {company}" not in geo
