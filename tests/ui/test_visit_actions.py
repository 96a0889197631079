"""The visit list's own actions, as a user reaches them: the context menu, the Delete key, the
File menu's import and export, and a returning client's visit duplicated to new dates."""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import QDate, QPoint, Qt, QTimer
from PySide6.QtWidgets import QMessageBox

from hospitality_app.services import plans
from tests.ui.helpers import answer, close_main_window, open_main_window, settle

NOW = datetime(2026, 11, 22, 1, tzinfo=UTC)


@pytest.fixture
def window(qtbot, db, reference_plan):
    with db.unit_of_work() as session:
        plans.save(session, reference_plan, now=NOW)
    win = open_main_window(db)
    win.table.selectRow(0)
    yield win
    close_main_window(win)


def visit_ids(db) -> list[int]:
    from hospitality_app.services.visits import VisitFilter, list_visits

    with db.reading() as session:
        return sorted(row.id for row in list_visits(session, VisitFilter(), limit=None))


def test_the_context_menu_offers_the_visit_s_actions(window, qtbot):
    row = window.table.visualRect(window.model.index(0, 0)).center()
    window._visit_menu(row)
    texts = [a.text() for a in window.visit_menu.actions() if not a.isSeparator()]
    assert texts[:3] == ["&Open visit", "D&uplicate visit…", "E&xport visit to file…"]
    assert texts[-1] == "De&lete visit…"
    window.visit_menu.close()
    window._visit_menu(QPoint(5, window.table.viewport().height() - 3))  # below the rows
    enabled = {a.text(): a.isEnabled() for a in window.visit_menu.actions() if not a.isSeparator()}
    assert enabled["&Open visit"] and not enabled["De&lete visit…"]
    window.visit_menu.close()
    assert window.delete_action.isEnabled()  # the menu gone, the actions are back for the keys


def test_the_delete_key_asks_and_cancel_keeps_the_visit(window, qtbot, db):
    before = visit_ids(db)
    window.table.setFocus()
    answer(window, "delete_box", QMessageBox.Cancel)
    window.delete_action.trigger()  # what Delete does in the list
    settle(window)
    assert visit_ids(db) == before
    answer(window, "delete_box", "Delete")
    window.delete_visit()
    settle(window)
    assert visit_ids(db) == []
    assert window.statusBar().currentMessage().startswith("Deleted “")
    assert window.model.total() == 0


def test_the_delete_key_only_works_in_the_list(window, qtbot):
    assert window.delete_action.shortcutContext() == Qt.WidgetShortcut
    assert window.delete_action in window.table.actions()


def test_a_visit_open_in_a_planner_is_not_deleted_under_it(window, qtbot, db):
    window.open_selected()
    settle(window)
    assert window.delete_visit() is None
    assert window.statusBar().currentMessage() == "Close the visit's planner first."
    assert len(visit_ids(db)) == 1


def test_export_and_import_a_visit_file(window, qtbot, db, tmp_path, reference_data):
    target = tmp_path / "visit.json"
    window.export_visit_file(target)
    settle(window)
    exported = json.loads(target.read_text(encoding="utf-8"))
    assert exported["visit"]["title"] == reference_data["visit"]["title"]
    assert window.statusBar().currentMessage() == f"Exported to {target}"
    window.import_visit_file(target)
    settle(window)
    assert len(visit_ids(db)) == 2
    imported = window.planners[-1]
    assert imported.plan.title == reference_data["visit"]["title"] and imported.visit_id == max(visit_ids(db))


def test_a_bad_file_says_where_and_imports_nothing(window, qtbot, db, tmp_path, reference_data):
    bad = tmp_path / "bad.json"
    reference_data["visitors"][0]["dietary"] = ["halal", "maybe"]
    bad.write_text(json.dumps(reference_data), encoding="utf-8")
    window.import_visit_file(bad)
    settle(window)
    assert "visitors[0].dietary[1]" in window.failure_box.text() and "'maybe'" in window.failure_box.text()
    assert window.failure_box.windowTitle() == "The visit was not imported"
    assert len(visit_ids(db)) == 1


def test_exporting_onto_the_database_file_is_refused(window, qtbot, db):
    from hospitality_app.db.engine import sqlite_file

    path = sqlite_file(db.url)
    if path is None:
        pytest.skip("the database is not a file here")
    size = path.stat().st_size
    window.export_visit_file(path)
    settle(window)
    assert "that is the database file itself" in window.failure_box.text()
    assert path.stat().st_size == size and len(visit_ids(db)) == 1


def test_duplicate_a_visit_to_new_dates(window, qtbot, db, reference_plan):
    window.duplicate_visit()
    settle(window)
    dialog = window.duplicate_dialog
    first = reference_plan.local(reference_plan.start).date()
    suggested = dialog.chosen()
    assert suggested > first and suggested.weekday() == first.weekday()
    dialog.first_day.setDate(QDate(2027, 5, 3))
    dialog.accept()
    settle(window)
    ids = visit_ids(db)
    assert len(ids) == 2
    with db.reading() as session:
        copy = plans.load_plan(session, max(ids))
    assert copy.local(copy.start).date() == date(2027, 5, 3)
    assert copy.local(copy.start).time() == reference_plan.local(reference_plan.start).time()
    assert window.planners[-1].visit_id == max(ids)  # the copy is open to be adjusted


def test_deleting_a_visit_whose_calendar_went_out_offers_the_cancellations(window, qtbot, db, tmp_path, monkeypatch):
    from hospitality_app.services import calendar

    with db.unit_of_work() as session:
        sent = calendar.export_visit(session, visit_ids(db)[0], now=NOW)
    events = sent.count(b"BEGIN:VEVENT")
    assert events > 0
    target = tmp_path / "withdraw.ics"
    monkeypatch.setattr("hospitality_app.ui.file_dialogs.cancellations_file", lambda *_args, **_kw: target)
    seen = {}

    def read_and_choose():
        box = getattr(window, "delete_box", None)
        if box is None or not box.isVisible():
            QTimer.singleShot(20, read_and_choose)
            return
        seen["text"] = box.text()
        next(b for b in box.buttons() if b.text() == "Save cancellations and delete…").click()

    reported = []
    monkeypatch.setattr(window.reporter, "report", lambda failure, *_a, **_k: reported.append(failure.message))
    QTimer.singleShot(20, read_and_choose)
    window.delete_visit()
    settle(window)
    assert reported == []  # nothing read the deleted visit again (it said "visit 1 does not exist")
    assert f"{events} events of this visit were sent to calendars" in seen["text"]
    assert visit_ids(db) == []
    withdrawn = target.read_bytes()
    assert withdrawn.count(b"BEGIN:VEVENT") == events and withdrawn.count(b"STATUS:CANCELLED") == events
    assert all(uid in withdrawn for uid in re.findall(rb"UID:(\S+)", sent))  # the same events, withdrawn
    assert window.statusBar().currentMessage().endswith("Send withdraw.ics to everyone who had its calendar.")
    assert window.findings.item(0).text() == "Select a visit to see what its readiness check found."
