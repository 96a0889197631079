"""Checklist use cases against a database: apply, tick, reassign, my tasks, progress in the
visit list, and open items following the plan when it is saved."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from hospitality_app.errors import ConflictError, NotFoundError
from hospitality_app.services import checklists, plans
from hospitality_app.services.dto import ChecklistItemData
from hospitality_app.services.visits import list_visits

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


def test_tick_records_who_and_when_and_untick_clears(db, visit):
    item = load(db, visit).checklist[0]
    with db.unit_of_work() as session:
        checklists.tick(session, item.id, done=True, by="Li Wei", now=NOW, version=1)
    ticked = load(db, visit).checklist[0]
    assert (ticked.done_at, ticked.done_by) == (NOW, "Li Wei")
    with pytest.raises(ConflictError), db.unit_of_work() as session:
        checklists.tick(session, item.id, done=False, by=None, now=NOW, version=1)  # stale version
    with db.unit_of_work() as session:
        checklists.tick(session, item.id, done=False, by=None, now=NOW)
    assert load(db, visit).checklist[0].done_at is None


def test_reassign_to_a_person_or_a_role(db, visit):
    item = load(db, visit).checklist[0]
    with db.unit_of_work() as session:
        checklists.reassign(session, item.id, person="Wang Fang")
    assert (load(db, visit).checklist[0].assignee, load(db, visit).checklist[0].assignee_role) == ("Wang Fang", "")
    with db.unit_of_work() as session:
        checklists.reassign(session, item.id, role="manager")
    again = load(db, visit).checklist[0]
    assert (again.assignee, again.assignee_role) == (None, "manager")


def test_saving_a_moved_plan_moves_open_items_and_keeps_done_ones(db, visit):
    plan = load(db, visit)
    confirm = next(c for c in plan.checklist if c.template == "standard:confirm_pickup")
    offer = next(c for c in plan.checklist if c.template == "standard:offer_hotel")
    with db.unit_of_work() as session:
        checklists.tick(session, offer.id, done=True, by="Li Wei", now=NOW)
    plan = load(db, visit)
    pickup = replace(plan.pickups[0], arrival=plan.pickups[0].arrival + timedelta(hours=3))
    with db.unit_of_work() as session:
        plans.save(session, replace(plan, pickups=(pickup, *plan.pickups[1:])), now=NOW)
    after = {c.id: c for c in load(db, visit).checklist}
    assert after[confirm.id].due == confirm.due + timedelta(hours=3)
    assert after[offer.id].due == offer.due and after[offer.id].done_by == "Li Wei"


def test_my_tasks_by_name_and_by_role(db, visit):
    with db.unit_of_work() as session:
        checklists.add_item(
            session,
            visit,
            ChecklistItemData("before", "Buy tea", due=NOW + timedelta(days=1), assignee="Chen Jie"),
            now=NOW,
        )
        tasks = checklists.my_tasks(session, "Chen Jie", now=NOW, until=NOW + timedelta(days=14))
    assert [t.title for t in tasks] == ["Buy tea", "Call the client half an hour before leaving to pick them up"]
    assert [t.overdue for t in tasks] == [False, False]
    with db.unit_of_work() as session:
        late = checklists.my_tasks(session, "Li Wei", now=NOW, until=NOW + timedelta(days=3))
    assert late[0].title.startswith("Offer to book the hotel") and late[0].overdue
    with pytest.raises(NotFoundError), db.unit_of_work() as session:
        checklists.my_tasks(session, "Nobody", now=NOW, until=NOW)


def test_remove_item_and_list_progress(db, visit):
    plan = load(db, visit)
    with db.unit_of_work() as session:
        checklists.tick(session, plan.checklist[0].id, done=True, by=None, now=NOW)
        checklists.remove_item(session, visit, plan.checklist[1].id, now=NOW)
        row = list_visits(session)[0]
    assert (row.checklist_done, row.checklist_total) == (1, len(plan.checklist) - 1)
