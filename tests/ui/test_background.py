"""Long work off the GUI thread: results and errors come back to the GUI thread, the event loop
keeps turning meanwhile, and a closed window is not called back."""

from __future__ import annotations

import os
import subprocess
import sys
import threading

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from hospitality_app.errors import DatabaseError
from hospitality_app.ui.background import run_and_wait, run_in_background


def test_the_work_runs_on_another_thread_and_the_result_comes_back_on_this_one(qtbot):
    gui = threading.get_ident()
    seen = {}
    parent = QWidget()
    qtbot.add_widget(parent)
    job = run_in_background(
        parent,
        "Working…",
        lambda: threading.get_ident(),
        lambda r: seen.update(worker=r, done_on=threading.get_ident()),
        seen.update,
    )
    qtbot.wait_until(lambda: job.done)
    assert seen["worker"] != gui and seen["done_on"] == gui


def test_errors_are_reported_as_messages(qtbot):
    messages = []
    parent = QWidget()
    qtbot.add_widget(parent)

    def work():
        raise DatabaseError("the database cannot be reached")

    job = run_in_background(parent, "Working…", work, lambda _r: None, messages.append)
    qtbot.wait_until(lambda: job.done)
    assert messages == ["the database cannot be reached"]


def test_the_event_loop_turns_while_waiting_and_errors_are_raised_again(qapp):
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    release = threading.Event()
    QTimer.singleShot(120, release.set)  # only the GUI thread's event loop can let the work finish
    assert run_and_wait("Opening…", lambda: release.wait(5) and "opened") == "opened"
    timer.stop()
    assert len(ticks) >= 5
    with pytest.raises(DatabaseError, match="no such folder"):
        run_and_wait("Opening…", lambda: (_ for _ in ()).throw(DatabaseError("no such folder")))


def test_a_closed_window_is_not_called_back(qtbot):
    called = []
    parent = QWidget()
    release = threading.Event()
    job = run_in_background(parent, "Working…", lambda: release.wait(5), called.append, called.append)
    parent.deleteLater()
    qtbot.wait_until(lambda: not _alive(parent))
    release.set()
    qtbot.wait_until(lambda: job.done)
    assert called == []


def _alive(widget) -> bool:
    import shiboken6

    return shiboken6.isValid(widget)


def test_a_database_that_cannot_be_opened_is_a_message_not_a_traceback(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "hospitality_app", "--db", str(tmp_path / "no" / "x.sqlite3"), "--quit-after-startup"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
    assert result.stderr.strip().endswith("does not exist")
    assert "Traceback" not in result.stderr
