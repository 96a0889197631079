"""Nothing a user enters is lost, driven as a user would: the company of a saved visit changed,
a colleague's allergy kept, another program's visits shown at once, the database file safe from
our own file dialogs, a damaged file met with a recovery dialog, and no database work on the
GUI thread."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import event

from hospitality_app.services import directory, plans
from hospitality_app.services.directory import KINDS
from tests.ui.helpers import answer, close_main_window, open_main_window, save, settle, type_text

NOW = datetime(2026, 11, 22, 1, tzinfo=UTC)


@pytest.fixture
def window(qtbot, db, reference_plan):
    with db.unit_of_work() as session:
        plans.save(session, reference_plan, now=NOW)
    win = open_main_window(db)
    qtbot.wait_exposed(win)
    yield win
    close_main_window(win)


def open_first(window):
    window.table.selectRow(0)
    planner = window.open_selected()
    settle(window)
    return planner


def stored(db, visit_id=1):
    with db.unit_of_work() as session:
        return plans.load_plan(session, visit_id)


def test_changing_the_company_of_a_saved_visit_saves_it(window, qtbot, db):
    planner = open_first(window)
    overview = planner.editors["overview"]
    overview.country.lineEdit().selectAll()
    qtbot.keyClicks(overview.country, "Malaysia")
    overview.company.selectAll()
    type_text(qtbot, overview.company, "PT Sinar Jaya (Malaysia) Sdn Bhd")
    assert planner.dirty
    qtbot.keyClick(planner, Qt.Key_S, Qt.ControlModifier)
    settle(window)
    assert planner.error.text() == "" and not planner.dirty
    assert not planner.windowTitle().startswith("* ")
    company = stored(db).company
    assert (company.name, company.country) == ("PT Sinar Jaya (Malaysia) Sdn Bhd", "MY")
    assert "Changed for every visit: Company “PT Sinar Jaya (Malaysia) Sdn Bhd”" in planner.statusBar().currentMessage()
    assert window.model.row_at(0).company == "PT Sinar Jaya (Malaysia) Sdn Bhd"  # the list heard it


def test_save_on_close_saves_before_the_window_goes(window, qtbot, db):
    planner = open_first(window)
    overview = planner.editors["overview"]
    overview.country.lineEdit().selectAll()
    qtbot.keyClicks(overview.country, "SG")  # the code finds the country too
    answer(planner, "close_box", QMessageBox.Save)
    planner.close()
    settle(window)
    assert not planner_alive(window, planner)
    assert stored(db).company.country == "SG"


def planner_alive(window, planner) -> bool:
    import shiboken6

    return shiboken6.isValid(planner) and planner.isVisible()


def test_a_failed_save_on_close_keeps_the_window_and_the_edits(window, qtbot, db):
    planner = open_first(window)
    with db.unit_of_work() as session:
        plans.delete_visit(session, 1)  # a colleague deleted the visit meanwhile
    overview = planner.editors["overview"]
    overview.purpose.selectAll()
    qtbot.keyClicks(overview.purpose, "Price talks")
    answer(planner, "close_box", QMessageBox.Save)
    planner.close()
    settle(window)
    assert planner.isVisible() and overview.purpose.text() == "Price talks"
    assert "does not exist" in planner.error.text() or planner.banner.isVisible()
    planner.dirty = False


def test_an_allergy_added_on_the_clients_page_survives_an_open_planner(window, qtbot, db):
    planner = open_first(window)
    overview = planner.editors["overview"]
    overview.purpose.selectAll()
    qtbot.keyClicks(overview.purpose, "Price talks")  # unsaved edits in the planner
    with db.unit_of_work() as session:
        record = next(r for r in directory.list_records(session, KINDS["visitors"], "Hendra")[0])
        directory.save_record(
            session, KINDS["visitors"], replace(record, values={**record.values, "allergies": ("peanuts",)})
        )

    # Heard like any change to the file (its data_version moved), and merged into the open planner:
    # its check sees the allergy before anything is saved.
    def hendra():
        return next(v for v in planner.collect().visitors if v.name == "Hendra Wijaya")

    qtbot.wait_until(lambda: hendra().allergies == ("peanuts",), timeout=3000)
    settle(window)
    assert planner.dirty and planner.collect().purpose == "Price talks"
    assert save(planner)
    after = stored(db)
    assert next(v for v in after.visitors if v.name == "Hendra Wijaya").allergies == ("peanuts",)
    assert after.purpose == "Price talks"


def test_visits_added_by_another_program_appear_within_a_second(window, qtbot, db, tmp_path):
    from hospitality_app.db.engine import sqlite_file

    path = sqlite_file(db.url)
    if path is None:
        pytest.skip("another program on the same file: SQLite")
    before = window.model.total()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    subprocess.run(
        [sys.executable, "-m", "hospitality_app", "--db", str(path), "demo"], env=env, check=True, capture_output=True
    )
    qtbot.wait_until(lambda: window.model.total() == before + 12, timeout=1000)
    window.show_page("dashboard")
    settle(window)
    assert window.dashboard.upcoming.rowCount() > 0


def test_nothing_touches_the_database_on_the_gui_thread(window, qtbot, db):
    """Selecting a visit, opening it, checking it and saving a one-dish change: every SQL
    statement runs on the database thread."""
    gui = threading.get_ident()
    on_gui: list[str] = []

    def seen(_conn, _cursor, statement, *_rest):
        if threading.get_ident() == gui:
            on_gui.append(statement)

    event.listen(db.engine, "before_cursor_execute", seen)
    try:
        planner = open_first(window)
        meals = planner.editors["meals"]
        meals.items.focus(0)
        meals.dishes.list.focus(0, "name")
        meals.dishes.form.widgets["name"].setText("Steamed grouper with ginger and spring onion")
        assert save(planner)
        window.table.selectRow(0)
        settle(window)
    finally:
        event.remove(db.engine, "before_cursor_execute", seen)
    assert on_gui == []
    assert stored(db).meals[0].dishes[0].name == "Steamed grouper with ginger and spring onion"


# the database file and our own file dialogs ------------------------------------------------


def another_program_opens_and_closes(path: Path) -> None:
    code = (
        f"import sqlite3; c = sqlite3.connect({str(path)!r}); "
        "c.execute('select count(*) from visit').fetchall(); c.close()"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def wal_files(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir() if p.name.startswith(path.name + "-"))


@pytest.fixture
def open_database_file(qtbot, tmp_path, reference_plan):
    """A window on `h.db` (a name that says nothing of SQLite: Qt then sniffs its -wal and -shm,
    as it did for the user who lost a database this way)."""
    from hospitality_app.db.session import open_database
    from hospitality_app.ui.main_window import MainWindow

    path = tmp_path / "h.db"
    db = open_database(f"sqlite:///{path}")
    with db.unit_of_work() as session:
        plans.save(session, reference_plan, now=NOW)
    win = MainWindow(db)
    win.show()
    settle(win)  # the window's database thread holds its connections (and locks) now
    assert wal_files(path) == ["h.db-shm", "h.db-wal"]
    yield path
    win.close()
    win.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    db.dispose()


def show_for_a_moment(qtbot, dialog) -> None:
    dialog.show()
    qtbot.wait(1200)  # the dialog's model has listed (and, for the plain one, sniffed) the folder


def test_our_file_dialog_on_the_databases_folder_leaves_its_locks_alone(qtbot, open_database_file):
    from hospitality_app.ui.file_dialogs import _dialog

    dialog = _dialog(None, "Save PDF", open_database_file.parent, "PDF files (*.pdf)")
    qtbot.add_widget(dialog)
    show_for_a_moment(qtbot, dialog)
    another_program_opens_and_closes(open_database_file)
    assert wal_files(open_database_file) == ["h.db-shm", "h.db-wal"]
    dialog.close()


def test_why_the_helper_exists_qts_plain_dialog_drops_the_locks(qtbot, open_database_file):
    """The control: Qt's own dialog sniffs the -wal and -shm, closing descriptors of them, which
    releases this process's POSIX locks; the other program then believes it is the last user and
    deletes the WAL that this window still uses."""
    from PySide6.QtWidgets import QFileDialog

    dialog = QFileDialog(None, "Save PDF", str(open_database_file.parent))
    dialog.setOption(QFileDialog.DontUseNativeDialog, True)
    qtbot.add_widget(dialog)
    show_for_a_moment(qtbot, dialog)
    another_program_opens_and_closes(open_database_file)
    assert wal_files(open_database_file) == []
    dialog.close()


def test_every_file_dialog_goes_through_the_helper():
    root = Path(__file__).resolve().parents[2] / "hospitality_app"
    offenders = [
        str(p.relative_to(root))
        for p in root.rglob("*.py")
        if "QFileDialog." in p.read_text(encoding="utf-8") and p.name != "file_dialogs.py"
    ]
    assert offenders == []


# a damaged database -------------------------------------------------------------------------


def test_a_damaged_database_opens_a_recovery_dialog_that_restores_a_backup(qtbot, tmp_path):
    from hospitality_app.db.migrate import default_backups, upgrade
    from hospitality_app.ui.main import open_or_recover

    path = tmp_path / "h.sqlite3"
    upgrade(f"sqlite:///{path}")
    default_backups(path).take("daily")
    damaged = b"SQLite format 3\x00" + b"\x00\x10" + os.urandom(8000)
    path.write_bytes(damaged)
    seen = {}

    def restore_when_shown():
        from hospitality_app.ui.dialogs.recovery import RecoveryDialog

        dialog = next(
            (w for w in QApplication.topLevelWidgets() if isinstance(w, RecoveryDialog) and w.isVisible()), None
        )
        if dialog is None:
            QTimer.singleShot(20, restore_when_shown)
            return
        seen["title"], seen["backups"] = dialog.windowTitle(), dialog.list.count()
        seen["listed"] = dialog.list.item(0).text()
        QTimer.singleShot(50, confirm)
        dialog.restore_button.click()

    def confirm():
        box = getattr(next(w for w in QApplication.topLevelWidgets() if hasattr(w, "confirm_box")), "confirm_box", None)
        if box is None or not box.isVisible():
            QTimer.singleShot(20, confirm)
            return
        box.button(QMessageBox.Yes).click()
        QTimer.singleShot(50, close_message)

    def close_message():
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen["message"] = box.text()
            box.accept()
        else:
            QTimer.singleShot(20, close_message)

    QTimer.singleShot(20, restore_when_shown)
    db = open_or_recover(f"sqlite:///{path}", interactive=True)
    assert db is not None
    db.dispose()
    assert seen["title"] == "The database cannot be opened" and seen["backups"] == 1
    assert seen["listed"].endswith("— daily backup — 0 visits")  # what each backup holds
    assert seen["message"].startswith("The backup is in place.")
    kept = [p for p in tmp_path.iterdir() if ".damaged-" in p.name and not p.name.endswith(("-wal", "-shm"))]
    assert len(kept) == 1 and kept[0].read_bytes() == damaged


def test_a_damaged_database_at_start_up_is_a_message_not_a_traceback(tmp_path):
    path = tmp_path / "h.sqlite3"
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "hospitality_app", "--db", str(path), "--quit-after-startup"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.startswith("hospitality-app: error: cannot open the database")
    assert "damaged" in result.stderr
    sqlite3.connect(":memory:").close()


def test_the_planner_shows_the_same_readiness_as_everywhere_double_bookings_included(window, qtbot, db):
    from hospitality_app.services import readiness

    with db.unit_of_work() as session:  # the same people an hour later: every host is booked twice
        first = plans.load_plan(session, 1)
        other = replace(
            plans.load_plan(session, 1),
            id=None,
            version=None,
            base=None,
            title="Overlapping visit",
            pickups=(),
            hotel_stays=(),
            meals=(),
            tour=None,
            agenda=(),
            checklist=(),
        )
        plans.save(session, other, now=NOW)
        expected = sorted(f.code for f in readiness.check_visit(session, 1, now=datetime.now(UTC)))
    planner = open_first(window)
    shown = sorted(planner.findings.item(i).data(Qt.UserRole + 1) for i in range(planner.findings.count()))
    assert "resource.double_booked" in shown and shown == expected
    assert first.title != "Overlapping visit"


def test_the_follow_up_tab_is_saved_and_leaves_the_checklist_alone(window, qtbot, db):
    from hospitality_app.services import checklists

    with db.unit_of_work() as session:
        checklists.apply_templates(session, 1, ["standard"], now=NOW)
    planner = open_first(window)
    item = stored(db).checklist[0]
    with db.unit_of_work() as session:  # ticked in the side panel while the planner is open
        checklists.tick(session, item.id, done=True, by="Li Wei", now=NOW)
    follow = planner.editors["follow_up"]
    planner.tabs.setCurrentWidget(follow)
    follow.next_steps.setPlainText("Quotation by Friday\nSamples in two weeks")
    follow.letter_sent.check.setChecked(True)
    assert planner.dirty and save(planner)
    after = stored(db)
    assert after.follow_up.next_steps == ("Quotation by Friday", "Samples in two weeks")
    assert after.follow_up.letter_sent == follow.letter_sent.value()
    assert next(c for c in after.checklist if c.id == item.id).done_by == "Li Wei"


def test_a_restore_waits_for_an_open_planner_to_save_then_closes_the_window(window, qtbot, db):
    planner = open_first(window)
    overview = planner.editors["overview"]
    overview.purpose.selectAll()
    qtbot.keyClicks(overview.purpose, "Kept before the restore")
    answer(planner, "close_box", QMessageBox.Save)
    window._restore_chosen(Path("/backups/some.sqlite3"))
    settle(window)
    qtbot.wait_until(lambda: not window.isVisible(), timeout=3000)  # closed once the planner saved
    assert window.next_start == ("restore", Path("/backups/some.sqlite3"))
    assert stored(db).purpose == "Kept before the restore"


def test_a_restore_the_user_cancels_is_forgotten(window, qtbot):
    planner = open_first(window)
    overview = planner.editors["overview"]
    overview.purpose.selectAll()
    qtbot.keyClicks(overview.purpose, "Still editing")
    answer(planner, "close_box", QMessageBox.Cancel)
    window._restore_chosen(Path("/backups/some.sqlite3"))
    assert window.isVisible() and planner.isVisible() and window.next_start is None
    assert window.statusBar().currentMessage() == "Nothing was restored: the window stayed open."


def test_quit_with_a_planner_answered_save_quits_once_saved(window, qtbot, db):
    planner = open_first(window)
    overview = planner.editors["overview"]
    overview.purpose.selectAll()
    qtbot.keyClicks(overview.purpose, "Saved on the way out")
    answer(planner, "close_box", QMessageBox.Save)
    window.close()
    settle(window)
    qtbot.wait_until(lambda: not window.isVisible(), timeout=10000)
    assert stored(db).purpose == "Saved on the way out"


def test_escape_in_the_conflict_dialog_decides_nothing(window, qtbot, db):
    planner = open_first(window)
    overview = planner.editors["overview"]
    overview.title.selectAll()
    qtbot.keyClicks(overview.title, "Mine")
    with db.unit_of_work() as session:  # a colleague saves another title meanwhile
        plans.save(session, replace(plans.load_plan(session, 1), title="Theirs"), now=NOW)
    assert not save(planner)
    box = planner.conflict_box
    assert "• the visit's title" in box.informativeText()
    box.reject()  # Esc
    settle(window)
    assert overview.title.text() == "Mine" and planner.dirty
    assert stored(db).title == "Theirs"
    planner.dirty = False
