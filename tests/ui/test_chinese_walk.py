"""A walk through the whole interface in Simplified Chinese: every page, tab, menu and dialog a
user can reach, with the reference visit in the database. Every text on screen is read (labels,
buttons, tabs, placeholders, list items, table cells and headers, menus, tooltips, charts) and
none may show a vocabulary code (`sales_lead`, `halal`) or English, apart from the user's own
data (the reference visit's names, titles and notes) and a short list of brands, formats and key
caps (tests/ui/walk_helpers.py says why each is there).

Not opened, and why: "Test connection" in the preferences (it connects to a database server and
shows the driver's own message), "Load the demo visits" on the welcome and the "Apply template"
items (they write; their menus and buttons are read), the error reporter's boxes (a failure opens
them, no menu does), the busy dialog of a long operation (it shows only after 400 ms of work),
and the print dialog's printer details and its Options and Properties pages (Qt's own, about
this computer's printers)."""

from __future__ import annotations

import json
import os
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from hospitality_app.errors import ConflictError
from hospitality_app.i18n import set_language
from hospitality_app.services import checklists, dashboard, plans
from hospitality_app.ui.planner.item_list import ItemList
from hospitality_app.ui.qt_translation import install_qt_translator
from tests.conftest import at
from tests.ui.helpers import settle
from tests.ui.walk_helpers import (
    Checker,
    Seen,
    click_role,
    click_standard,
    data_phrases,
    name_words,
    report,
    vocabulary_codes,
)

NOW = datetime(2026, 11, 22, 1, tzinfo=UTC)  # ten days before the reference visit
# A flight and a hotel booking to drop on the window, named as the reference visit names them.
BOOKINGS = b"""BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//Hospitality tests//ZH\r
BEGIN:VEVENT\r
UID:ga-899@example.invalid\r
DTSTAMP:20261101T000000Z\r
SUMMARY:GA 899\r
LOCATION:Jakarta CGK \xe2\x86\x92 Xiamen Gaoqi XMN\r
DTSTART:20261202T100000Z\r
DTEND:20261202T153000Z\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:stay@example.invalid\r
DTSTAMP:20261101T000000Z\r
SUMMARY:Xiamen Marriott Hotel\r
LOCATION:Xiamen Marriott Hotel\\, 8 Jiahe Road\\, Siming District\\, Xiamen\r
DTSTART;VALUE=DATE:20261205\r
DTEND;VALUE=DATE:20261206\r
END:VEVENT\r
END:VCALENDAR\r
"""


@pytest.fixture
def chinese(qapp, monkeypatch, tmp_path):
    """The interface in Chinese, Qt's own strings too, as the app starts it with --lang zh_CN;
    English again afterwards, whatever happened. HOME is an empty folder: the file dialogs list
    nothing of the machine's."""
    home = tmp_path / "user-home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    set_language("zh_CN")
    install_qt_translator(qapp, "zh_CN")
    try:
        yield
    finally:
        set_language("en")
        install_qt_translator(qapp, "en")


@pytest.fixture
def window(chinese, qtbot, db):
    from hospitality_app.ui.main_window import MainWindow

    win = MainWindow(db)
    win.resize(1400, 900)
    win.show()
    qtbot.wait_exposed(win)
    settle(win)
    try:
        yield win
    finally:
        close_everything(win)


def close_everything(win) -> None:
    """Close every window and dialog the walk opened (a modal one left open would hang the suite)."""
    for planner in list(win.planners):
        planner.dirty = False
    for key in ("clients", "staff", "places"):
        page = win.lazy[key].content
        for editor in page.editors.values() if page is not None else ():
            editor.dirty = False
    documents = getattr(win, "documents_dialog", None)
    if documents is not None:
        documents.text_dirty = False
        documents.mark_sent.setChecked(False)
    for widget in QApplication.topLevelWidgets():
        if widget.isVisible() and widget is not win:
            widget.close()
    win.close()
    settle(win)
    win.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.DeferredDelete)


def store_reference(db, plan) -> int:
    """The reference visit, its checklist from every shipped template and a won order."""
    with db.unit_of_work() as session:
        visit_id = plans.save(session, plan, now=NOW).visit_id
    with db.unit_of_work() as session:
        checklists.apply_templates(session, visit_id, ["standard", "key_account", "first_visit", "trade_fair"], now=NOW)
    with db.unit_of_work() as session:
        dashboard.record_outcome(
            session, visit_id, status="won", amount=Decimal("9000"), currency="USD", order_date=at("2026-12-10T12:00")
        )
    return visit_id


def test_every_text_of_the_chinese_interface_is_chinese(window, qtbot, db, reference_plan, reference_data, tmp_path):
    seen = Seen()
    codes = vocabulary_codes()
    checker = Checker(codes, data_phrases(reference_data, codes), name_words(reference_data))

    # First start: the welcome in place of the empty list.
    assert window.list_stack.currentWidget() is window.welcome
    assert seen.window(window, "welcome (empty database)")

    visit_id = store_reference(db, reference_plan)
    window.refresh()
    settle(window)
    qtbot.wait_until(lambda: window.model.rowCount() == 1, timeout=10_000)
    window.load_filter_choices()
    window.show_visit(visit_id)
    settle(window)
    qtbot.wait_until(lambda: window.findings.count() > 0, timeout=10_000)

    walk_visit_list(window, qtbot, seen)
    walk_pages(window, qtbot, seen)
    walk_visit_dialogs(window, qtbot, seen, db, visit_id, tmp_path)
    walk_team_dialogs(window, qtbot, seen)
    walk_planner(window, qtbot, seen, visit_id)
    walk_new_planner(window, seen)

    left_open = [type(w).__name__ for w in QApplication.topLevelWidgets() if w.isVisible() and w is not window]
    assert not left_open, f"the walk left windows open: {left_open}"
    assert len(seen.texts) > 500, "the walk read too little: a step shows nothing"
    if os.environ.get("HOSPITALITY_WALK_DUMP"):  # every text read, with where: to review the walk itself
        dump = {text: places for text, places in sorted(seen.texts.items())}
        Path(os.environ["HOSPITALITY_WALK_DUMP"]).write_text(json.dumps(dump, ensure_ascii=False, indent=1))
    problems = checker.problems(seen)
    if problems:
        pytest.fail("Codes and English in the Chinese interface:" + report(problems), pytrace=False)


# --------------------------------------------------------------------------- the main window


def walk_visit_list(window, qtbot, seen: Seen) -> None:
    window.pages.setCurrentIndex(0)
    window.tabs.setCurrentWidget(window.findings)
    assert seen.window(window, "visit list, readiness")
    window.tabs.setCurrentWidget(window.checklist)
    qtbot.wait_until(lambda: window.checklist.tree.topLevelItemCount() > 0, timeout=10_000)
    window.checklist._fill_templates()  # the "Apply template" menu, filled as it opens
    assert seen.window(window, "visit list, checklist")
    # The list's context menu.
    row = window.table.visualRect(window.model.index(0, 0)).center()
    window._visit_menu(row)
    assert seen.window(window, "visit list, context menu")
    window.visit_menu.close()


def walk_pages(window, qtbot, seen: Seen) -> None:
    board = window.show_page("dashboard")
    settle(window)
    # The visit is in the future, then over: the days the dashboard has something to say.
    for when, what in (("2026-12-02T08:00", "before the visit"), ("2026-12-09T09:00", "after the visit")):
        board.reload(now=at(when))
        settle(window)
        assert seen.window(window, f"dashboard, {what}")
    seen.dialog("dashboard, CSV folder dialog", board._choose_csv_folder)
    seen.dialog("dashboard, monthly report file dialog", board._choose_report_file)

    page = window.show_page("calendar")
    settle(window)
    page.anchor = date(2026, 12, 3)
    for mode in ("month", "week"):
        page.mode.setCurrentIndex(page.mode.findData(mode))
        page.reload()
        settle(window)
        assert page.entries_by_day, "the visit's items are in the calendar"
        assert seen.window(window, f"calendar, {mode}")

    window.pages.setCurrentWidget(window.lazy["outcomes"])
    settle(window)
    window.outcomes.reload(now=at("2026-12-20T12:00"))
    settle(window)
    assert window.outcomes.stats.conversion_by_region
    assert seen.window(window, "outcomes")

    for key in ("clients", "staff", "places"):
        window.pages.setCurrentWidget(window.lazy[key])
        settle(window)
        directory = window.lazy[key].content
        for index in range(directory.count()):
            directory.setCurrentIndex(index)
            settle(window)
            editor = directory.currentWidget()
            kind = directory.tabText(index)
            assert editor.model.rowCount() > 0, kind
            editor.table.selectRow(0)
            editor._row_clicked(editor.model.index(0, 0))
            settle(window)
            assert seen.window(window, f"{key} page, {kind}, first record")
            editor.new_record()
            editor.save()  # nothing typed: the name's error shows under the field
            settle(window)
            assert seen.window(window, f"{key} page, {kind}, new record refused")
            editor._row_clicked(editor.model.index(0, 0))
            settle(window)
    companies = window.lazy["clients"].content.editors["companies"]
    window.pages.setCurrentWidget(window.lazy["clients"])
    window.lazy["clients"].content.setCurrentWidget(companies)
    settle(window)
    companies.table.selectRow(0)
    companies._row_clicked(companies.model.index(0, 0))
    settle(window)
    seen.dialog("clients page, delete?", companies.ask_delete, answer=click_standard(QMessageBox.No))
    companies.delete()  # refused: the visit uses it (the message names the tables)
    settle(window)
    assert seen.window(window, "clients page, company in use")
    companies.dirty = True
    seen.dialog("clients page, unsaved record", companies.leave, answer=click_standard(QMessageBox.Cancel))
    companies.dirty = False

    page = window.show_page("regions")
    settle(window)
    assert page.current_code() == "ID"
    page.new_code.setText("1")
    page.add_country()  # refused: a country code has two letters
    assert seen.window(window, "regional notes")
    window.pages.setCurrentIndex(0)
    settle(window)


def walk_visit_dialogs(window, qtbot, seen: Seen, db, visit_id: int, tmp_path) -> None:
    """What the File and Visit menus and the toolbar open for the selected visit."""
    window.show_visit(visit_id)
    settle(window)
    assert window.selected_visit_id() == visit_id

    seen.dialog("File › Import visit (file dialog)", window.import_visit_file)
    seen.dialog("File › Export visit (file dialog)", window.export_visit_file)

    window.duplicate_visit()
    settle(window)
    assert seen.window(window.duplicate_dialog, "Visit › Duplicate")
    window.duplicate_dialog.reject()
    # The question comes once the visit's calendars are counted (a read): it opens within settle().
    seen.dialog(
        "Visit › Delete",
        lambda: (window.delete_visit(), settle(window)),
        answer=click_standard(QMessageBox.Cancel),
    )

    window.export_calendar()
    settle(window)
    export = window.calendar_dialog
    assert seen.window(export, "Visit › Export to calendar")
    seen.dialog("Export to calendar › Browse (file dialog)", export._browse)
    export.reject()

    seen.dialog("Visit › Add from calendar file (file dialog)", window._choose_calendar_file)
    bookings = tmp_path / "2026-12.ics"
    bookings.write_bytes(BOOKINGS)
    window.import_calendar_file(bookings)
    settle(window)
    assert seen.window(window.import_dialog, "Visit › Add from calendar file")
    window.import_dialog.reject()
    broken = tmp_path / "行程.ics"
    broken.write_bytes(b"BEGIN:VCALENDAR\nnot a calendar")
    window.import_calendar_file(broken)
    settle(window)
    assert seen.window(window.import_error_box, "Visit › Add from calendar file, unreadable file")
    window.import_error_box.close()

    window.open_documents()
    settle(window)
    documents = window.documents_dialog
    qtbot.wait_until(documents.idle, timeout=20_000)
    for index in range(documents.kind.count()):
        documents.kind.setCurrentIndex(index)
        qtbot.wait_until(documents.idle, timeout=20_000)
        assert seen.window(documents, f"Visit › Documents, {documents.kind.currentData()}")
    documents.kind.setCurrentIndex(0)
    qtbot.wait_until(documents.idle, timeout=20_000)
    seen.dialog("Documents › Print", documents.print_dialog)
    seen.dialog("Documents › Save PDF (file dialog)", documents._choose_file)
    documents.text_dirty = True
    seen.dialog("Documents, unsaved letter", documents.reject, answer=click_standard(QMessageBox.Cancel))
    documents.text_dirty = False
    qtbot.wait_until(documents.idle, timeout=20_000)
    documents.reject()

    window.record_outcome()
    settle(window)
    outcome = window.outcome_dialog
    assert seen.window(outcome, "Visit › Record outcome")
    calendar = outcome.order_date.calendarWidget().window()  # the date field's drop-down calendar
    calendar.show()
    assert seen.window(calendar, "Record outcome, order date's calendar")
    calendar.hide()
    outcome.amount.setText("一百")
    outcome.save()  # refused: not a number
    assert seen.window(outcome, "Record outcome, amount refused")
    with db.unit_of_work() as session:
        theirs = plans.load_plan(session, visit_id)
    seen.dialog(
        "Record outcome, changed by someone else",
        lambda: outcome.resolve_conflict(theirs),
        answer=click_role(QMessageBox.RejectRole),  # "Reload theirs"
    )
    assert seen.window(outcome, "Record outcome, reloaded theirs")
    outcome.reject()

    panel = window.checklist
    window.tabs.setCurrentWidget(panel)
    qtbot.wait_until(lambda: panel.tree.topLevelItemCount() > 0, timeout=10_000)
    panel.add_item()
    assert seen.window(panel.item_dialog, "Checklist › Add")
    panel.item_dialog.reject()
    panel.tree.setCurrentItem(panel.tree.topLevelItem(0).child(0))
    panel.edit_selected()
    assert seen.window(panel.item_dialog, "Checklist › Edit")
    panel.item_dialog.reject()
    seen.dialog("Checklist › Assign", panel.assign_selected)
    settle(window)


def walk_team_dialogs(window, qtbot, seen: Seen) -> None:
    """The File and Checklists menus' dialogs that are not about one visit."""
    window.open_preferences()
    settle(window)
    preferences = window.preferences_dialog
    assert seen.window(preferences, "File › Preferences")
    seen.dialog("Preferences › Browse logo (file dialog)", preferences._choose_logo)
    preferences.reject()

    window.back_up_now()
    settle(window)
    assert seen.window(window, "File › Back up now")
    if window._db.engine.dialect.name == "sqlite":  # a team database is backed up by its server
        window.restore_backup()
        recovery = window.recovery
        assert recovery.list.isEnabled(), "the backup just taken is listed"
        assert seen.window(recovery, "File › Restore from a backup")
        seen.dialog("Restore, confirm", recovery._restore, answer=click_standard(QMessageBox.Cancel))
        seen.dialog("Restore › Open another file (file dialog)", recovery._other)
        recovery.reject()

    QSettings().setValue("user/name", "Li Wei")
    tasks = window.show_my_tasks()
    settle(window)
    tasks.days.setValue(90)
    settle(window)
    assert seen.window(tasks, "Checklists › My tasks")
    tasks.reject()

    templates = window.edit_templates()
    assert seen.window(templates, "Checklists › Templates")
    templates.reject()
    settle(window)


# --------------------------------------------------------------------------- the planner


def walk_planner(window, qtbot, seen: Seen, visit_id: int) -> None:
    planner = window.open_visit(visit_id)
    settle(window)
    qtbot.wait_until(lambda: planner.loaded, timeout=10_000)
    qtbot.wait_exposed(planner)
    for key, editor in planner.editors.items():
        planner.tabs.setCurrentWidget(editor)
        lists = editor.findChildren(ItemList)  # the tab's lists: meals have their dishes, the tour its stops
        for items in lists:
            assert items.model.rowCount() > 0, key
            items.select(0)  # the first item in the form (the first meal's dishes listed, then its first dish)
        settle(window)
        assert seen.window(planner, f"planner, {key}")
        for items in lists:
            items._menu(QPoint(5, 5))
            assert seen.window(planner, f"planner, {key}, context menu")
            items.context_menu.close()

    agenda = planner.editors["agenda"]
    planner.tabs.setCurrentWidget(agenda)
    agenda.items.select(1)
    agenda.form.widgets["title"].setText("字" * 300)
    planner.save()  # refused: too long; the error names the tab, the item and the field
    settle(window)
    assert seen.window(planner, "planner, save refused")

    planner._conflict(ConflictError("visit", parts=("visit.title", "meals", "visitor:Budi Santoso:allergies")))
    assert seen.window(planner.conflict_box, "planner, changed by someone else")
    click_role(QMessageBox.RejectRole)(planner.conflict_box)
    assert seen.window(planner, "planner, kept editing")

    planner.dirty = True
    seen.dialog("planner, unsaved changes", planner.close, answer=click_standard(QMessageBox.Cancel))
    assert planner.isVisible()
    planner.dirty = False
    planner.close()
    settle(window)


def walk_new_planner(window, seen: Seen) -> None:
    """A new visit: each list empty, saying what to add."""
    planner = window.new_visit()
    settle(window)
    for key, editor in planner.editors.items():
        planner.tabs.setCurrentWidget(editor)
        settle(window)
        assert seen.window(planner, f"new visit, {key}")
    planner.dirty = False
    planner.close()
    settle(window)
