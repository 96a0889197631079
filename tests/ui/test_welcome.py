"""The first start: an empty database shows what the app is for and the first steps, not an
empty table; each step does what it says; a search that finds nothing is not a first start."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtCore import Qt

from hospitality_app.services import plans
from tests.ui.helpers import settle


def test_an_empty_database_welcomes_and_the_demo_visits_replace_the_welcome(window, qtbot):
    assert window.list_stack.currentWidget() is window.welcome
    assert window.welcome.isVisible() and not window.table.isVisible() and not window.search.isVisible()
    assert window.welcome.buttons["demo"].text() == "Load the demo visits"
    qtbot.mouseClick(window.welcome.buttons["demo"], Qt.LeftButton)
    settle(window)
    qtbot.wait_until(lambda: window.model.total() == 12, timeout=5000)
    assert window.list_stack.currentWidget() is window.table and window.search.isVisible()
    assert window.statusBar().currentMessage() == "Added 12 demo visits."


def test_the_first_visit_is_planned_from_the_welcome(window, qtbot, db, reference_plan):
    qtbot.mouseClick(window.welcome.buttons["new_visit"], Qt.LeftButton)
    settle(window)
    assert len(window.planners) == 1 and window.planners[0].isVisible()
    window.planners[0].close()
    settle(window)
    with db.unit_of_work() as session:  # saved elsewhere (the command line, a colleague)
        plans.save(session, reference_plan)
    window.refresh()
    settle(window)
    qtbot.wait_until(lambda: window.list_stack.currentWidget() is window.table, timeout=5000)


def test_a_search_that_finds_nothing_keeps_the_list(window, qtbot, db, reference_plan):
    with db.unit_of_work() as session:
        plans.save(session, reference_plan)
    window.refresh()
    settle(window)
    window.search.setText("nothing is called this")
    window.apply_search()
    settle(window)
    assert window.model.total() == 0
    assert window.list_stack.currentWidget() is window.table and window.search.isVisible()


def test_the_letterhead_step_opens_the_preferences(window, qtbot):
    qtbot.mouseClick(window.welcome.buttons["letterhead"], Qt.LeftButton)
    settle(window)
    qtbot.wait_until(lambda: getattr(window, "preferences_dialog", None) is not None, timeout=5000)
    dialog = window.preferences_dialog
    assert dialog.isVisible()
    dialog.reject()


@pytest.mark.slow
def test_start_up_on_an_empty_database_ends_when_the_welcome_is_painted(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "hospitality_app", "--db", str(tmp_path / "new.sqlite3"), "--quit-after-startup"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
