"""The first main window, driven as a user would."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt

from hospitality_app.i18n import set_language
from hospitality_app.services import demo, demo_bulk
from tests.ui.helpers import settle

NOW = datetime(2026, 11, 22, 1, tzinfo=UTC)


@pytest.fixture
def demo_db(db):
    with db.unit_of_work() as session:
        demo.create_demo_visits(session, now=NOW)
    return db


@pytest.fixture(params=["en", "zh_CN"])
def window(request, qtbot, demo_db):
    from hospitality_app.ui.main_window import MainWindow

    set_language(request.param)
    win = MainWindow(demo_db)
    qtbot.add_widget(win)
    win.show()
    qtbot.wait_exposed(win)
    settle(win)
    yield win
    set_language("en")


def _select(window, qtbot, text):
    model = window.model
    row = next(i for i in range(model.rowCount()) if text in model.row_at(i).title)
    window.table.selectRow(row)
    settle(window)
    assert window.findings.count() > 0


def test_list_shows_demo_visits_and_findings_for_the_selected_one(window, qtbot, tmp_path):
    assert window.model.rowCount() == 12
    _select(window, qtbot, "Sinar Jaya")
    texts = [window.findings.item(i).text() for i in range(window.findings.count())]
    targets = [window.findings.item(i).data(Qt.UserRole) for i in range(window.findings.count())]
    assert "meals[0].dishes[2]" in targets
    if window.windowTitle() == "Hospitality — visits":
        assert texts[0].startswith('"Sweet and sour pork" contains pork, which Budi Santoso')
        assert "Indonesia" in window.notes.toPlainText()
        assert "Prayer room: Muslim visitors pray five times a day" in window.notes.toPlainText()  # halal guests
    else:
        assert texts[0].startswith("“Sweet and sour pork”含有猪肉，Budi Santoso 不能吃（清真）。")
        assert "印度尼西亚" in window.notes.toPlainText() and "祈祷室" in window.notes.toPlainText()
        assert window.menuBar().actions()[0].text() == "文件(&F)"
    window.grab().save(str(tmp_path / "main-window.png"))
    assert (tmp_path / "main-window.png").stat().st_size > 10_000


def test_search_filters_in_the_database(window, qtbot):
    qtbot.keyClicks(window.search, "Brightline")
    qtbot.keyClick(window.search, Qt.Key_Return)
    settle(window)
    assert window.model.rowCount() == 1
    assert window.model.row_at(0).company == "Brightline Events Inc."
    window.search.clear()  # the clear button: the whole list again, no Enter needed
    settle(window)
    assert window.model.rowCount() == 12


def test_sorting_happens_in_sql(window):
    window.table.sortByColumn(3, Qt.AscendingOrder)
    settle(window)
    countries = [window.model.row_at(i).country for i in range(window.model.rowCount())]
    assert countries == sorted(countries)


def test_rows_arrive_lazily(qtbot, db):
    from hospitality_app.ui.main_window import MainWindow
    from hospitality_app.ui.visit_model import PAGE

    demo_bulk.bulk_visits(db.engine, PAGE * 3, now=NOW)
    win = MainWindow(db)
    qtbot.add_widget(win)
    settle(win)
    assert win.model.total() == PAGE * 3
    assert win.model.rowCount() == PAGE
    win.model.fetchMore(win.model.index(-1, -1))
    settle(win)
    assert win.model.rowCount() == PAGE * 2


def test_quit_after_startup(tmp_path):
    """In a process of its own: quitting the QApplication would stop the tests' event loop."""
    import os
    import subprocess
    import sys
    import time

    db = tmp_path / "s.sqlite3"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    subprocess.run(
        [sys.executable, "-m", "hospitality_app", "--db", str(db), "demo"],
        env=env,
        check=True,
        capture_output=True,
        timeout=120,
    )
    launched = time.time()
    result = subprocess.run(
        [sys.executable, "-m", "hospitality_app", "--db", str(db), "--quit-after-startup"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    # When the list painted, for the start-up benchmark: after the launch, before the exit.
    painted = [line for line in result.stdout.splitlines() if line.startswith("first rows painted at ")]
    assert len(painted) == 1
    when, peak = painted[0].removeprefix("first rows painted at ").split(", peak ")
    assert launched < float(when) < time.time()
    assert 20_000 < int(peak.removesuffix(" KiB")) < 2_000_000  # Qt and Python alone are some 50 MiB


@pytest.fixture
def ops(qapp, demo_db):
    from hospitality_app.ui.ops import Ops

    runner = Ops(demo_db)
    yield runner
    runner.shutdown()


def test_visit_model_passes_qt_modeltester(qtmodeltester, ops):
    from hospitality_app.ui.visit_model import VisitTableModel

    model = VisitTableModel(ops)
    settle(ops)
    qtmodeltester.check(model)


def test_status_and_readiness_read_as_words(ops):
    from hospitality_app.ui.visit_model import VisitTableModel

    model = VisitTableModel(ops)
    settle(ops)
    import re

    readiness = [model.data(model.index(r, 6)) for r in range(model.rowCount())]
    # The readiness check's own counts, in words with their plurals ("1 error", "2 warnings"),
    # and no count of nothing ("0 errors").
    errors, warnings = r"(1 error|(?!1 )[1-9]\d* errors)", r"(1 warning|(?!1 )[1-9]\d* warnings)"
    shape = rf"ready|incomplete|{errors}|{warnings}|{errors}, {warnings}"
    assert all(re.fullmatch(shape, text) for text in readiness), readiness
    assert any(", " in text for text in readiness) and any(text == "ready" for text in readiness)
    statuses = {model.data(model.index(r, 4)) for r in range(model.rowCount())}
    assert statuses == {"Draft", "Confirmed", "In progress", "Completed"}


def test_the_list_model_needs_neither_the_models_nor_the_plans_for_its_first_rows():
    from tests.unit.test_visit_list_tables import imported_by

    heavy = ("hospitality_app.models", "hospitality_app.services.dto", "hospitality_app.rules")
    assert imported_by("hospitality_app.ui.visit_model", heavy) == []


def test_held_readiness_is_checked_only_once_released_and_only_for_the_rows_shown(ops):
    """The window holds the rows' readiness until the list's first paint: the checks (and the
    rules they import) would otherwise share the processor with it."""
    from hospitality_app.services.visits import VisitFilter
    from hospitality_app.ui.visit_model import COLUMNS, VisitTableModel

    column = COLUMNS.index("errors")
    model = VisitTableModel(ops, hold_readiness=True)
    settle(ops)
    everything = model.rowCount()
    assert everything > 2
    assert {model.data(model.index(r, column)) for r in range(everything)} == {"…"}
    ids = [model.row_at(r).id for r in range(everything)]
    model.reload(VisitFilter(text="Sinar Jaya"))  # rows replaced while held: only these are checked
    settle(ops)
    assert model.rowCount() == 1
    model.release_readiness()
    settle(ops)
    assert model.data(model.index(0, column)) != "…"
    assert [i for i in ids if model.readiness(i) is not None] == [model.row_at(0).id]
    model.reload(VisitFilter())  # released for good: new rows are checked as they arrive
    settle(ops)
    assert "…" not in {model.data(model.index(r, column)) for r in range(model.rowCount())}


def test_export_calendar_for_the_driver(window, qtbot, tmp_path):
    from PySide6.QtWidgets import QDialogButtonBox

    _select(window, qtbot, "Sinar Jaya")
    window.export_calendar()
    settle(window)
    dialog = window.calendar_dialog
    qtbot.wait_exposed(dialog)
    index = dialog.person.findData("Chen Jie")
    assert index > 0
    dialog.person.setCurrentIndex(index)
    target = tmp_path / "driver.ics"
    dialog.path.setText(str(target))
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.Save), Qt.LeftButton)
    assert not dialog.buttons.isEnabled()  # written off the GUI thread
    qtbot.wait_until(dialog.idle)
    data = target.read_bytes()
    assert data.count(b"BEGIN:VEVENT") == 2 and b"GA 898" in data
    assert dialog.open_folder.isEnabled()
    assert str(target) in dialog.result_label.text()
    dialog.grab().save(str(tmp_path / "export-dialog.png"))


def test_export_error_is_shown_in_the_dialog_not_raised(window, qtbot, tmp_path):
    from PySide6.QtWidgets import QDialogButtonBox

    _select(window, qtbot, "Sinar Jaya")
    window.export_calendar()
    settle(window)
    dialog = window.calendar_dialog
    dialog.path.setText(str(tmp_path / "no" / "such" / "folder" / "x.ics"))
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.Save), Qt.LeftButton)
    qtbot.wait_until(dialog.idle)
    assert "does not exist" in dialog.result_label.text() and dialog.buttons.isEnabled()
    assert not dialog.open_folder.isEnabled()


def test_dropping_a_flight_confirmation_adds_a_pickup(window, qtbot, tmp_path, demo_db):
    from tests.unit.test_ics_import import FLIGHT

    _select(window, qtbot, "Sinar Jaya")
    path = tmp_path / "booking.ics"
    path.write_bytes(FLIGHT)
    window.import_calendar_file(path)  # read off the GUI thread
    settle(window)
    dialog = window.import_dialog
    assert dialog.list.count() == 2
    dialog.list.item(1).setCheckState(Qt.Unchecked)  # only the flight
    dialog.accept()
    settle(window)
    visit_id = window.selected_visit_id()
    from hospitality_app.services import plans

    with demo_db.unit_of_work() as session:
        plan = plans.load_plan(session, visit_id)
    assert [p.carrier_number for p in plan.pickups] == ["GA 898", "", "MU 5634"]
    assert len(plan.hotel_stays) == 1


def test_an_unreadable_calendar_file_is_reported_and_changes_nothing(window, qtbot, tmp_path):
    _select(window, qtbot, "Sinar Jaya")
    path = tmp_path / "broken.ics"
    path.write_bytes(b"BEGIN:VCALENDAR\nthis is not a calendar")
    window.import_calendar_file(path)
    settle(window)
    box = window.import_error_box
    assert box.isVisible() and box.text().startswith("broken.ics: ")
    assert not hasattr(window, "import_dialog")
    box.close()


@pytest.mark.parametrize(
    ("errors", "warnings", "missing", "shown"),
    [
        (0, 0, 0, "ready"),
        (0, 0, 3, "incomplete"),
        (1, 0, 3, "1 error"),
        (0, 1, 0, "1 warning"),
        (2, 0, 0, "2 errors"),
        (1, 2, 0, "1 error, 2 warnings"),
    ],
)
def test_readiness_counts_say_only_what_there_is(errors, warnings, missing, shown):
    from hospitality_app.services.rows import Readiness
    from hospitality_app.ui.visit_model import readiness_text

    assert readiness_text(Readiness(errors, warnings, missing)) == shown


def test_enter_on_a_row_opens_its_visit(window, qtbot):
    _select(window, qtbot, "Sinar Jaya")
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key_Return)
    qtbot.wait_until(lambda: len(window.planners) == 1, timeout=3000)
    assert window.planners[0].visit_id == window.selected_visit_id()
    for planner in list(window.planners):
        planner.close()


def test_the_window_has_the_bundled_thai_font(qapp):
    """A system without a Thai font showed a Thai client's names and letter as empty boxes."""
    from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics

    from hospitality_app.ui.main import add_bundled_fonts

    add_bundled_fonts()
    assert "Waree" in QFontDatabase.families()
    assert QFontMetrics(QFont("Waree")).inFontUcs4(ord("ข"))


def test_a_called_off_visit_has_nothing_to_get_ready(qapp, demo_db):
    from dataclasses import replace

    from hospitality_app.services import plans
    from hospitality_app.services.visits import list_visits
    from hospitality_app.ui.ops import Ops
    from hospitality_app.ui.visit_model import COLUMNS, VisitTableModel

    with demo_db.unit_of_work() as session:
        visit_id = list_visits(session)[0].id
        plans.save(session, replace(plans.load_plan(session, visit_id), status="cancelled"), now=NOW)
    ops = Ops(demo_db)
    model = VisitTableModel(ops)
    settle(ops)
    column = COLUMNS.index("errors")
    shown = {model.row_at(r).id: model.data(model.index(r, column)) for r in range(model.rowCount())}
    assert shown[visit_id] == "—"
    assert all(text not in ("—", "…") for vid, text in shown.items() if vid != visit_id)
    ops.shutdown()
