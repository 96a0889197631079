"""Nothing fails silently: an exception in a slot is logged with its traceback and shown with
the log's place; an operation's failure that nobody handled is shown too."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QMessageBox

from hospitality_app import logs
from hospitality_app.errors import HospitalityError
from hospitality_app.ui.error_report import ErrorReporter
from hospitality_app.ui.ops import Ops
from tests.ui.helpers import settle


def test_an_exception_in_a_slot_is_logged_and_shown_with_the_logs_place(qtbot, tmp_path):
    path = logs.setup(tmp_path / "log")
    reporter = ErrorReporter(path)

    def broken() -> None:
        raise ValueError("the dish list is empty")

    # PySide6 hands an exception raised in a slot to sys.excepthook, which pytest-qt replaces while
    # a test runs: call ours as PySide6 would.
    try:
        broken()
    except ValueError as exc:
        reporter.excepthook(type(exc), exc, exc.__traceback__)
    box = reporter.box
    assert box is not None and box.icon() == QMessageBox.Critical
    assert box.text() == "Something went wrong: ValueError: the dish list is empty"
    assert str(path) in box.informativeText() and "raise ValueError" in box.detailedText()
    for handler in logging.getLogger("hospitality_app").handlers:
        handler.flush()
    written = path.read_text(encoding="utf-8")
    assert "unexpected error" in written and 'raise ValueError("the dish list is empty")' in written
    box.close()


def test_a_failure_nobody_handles_is_shown_not_dropped(qtbot, db):
    ops = Ops(db)
    reporter = ErrorReporter(None)
    ops.problem.connect(reporter.report)

    def refused(_session):
        raise HospitalityError("the disk is full; nothing was saved — free some space and try again")

    assert not ops.write(None, refused).wait()
    settle(ops)
    assert reporter.box is not None and reporter.box.text().startswith("the disk is full")
    reporter.box.close()
    ops.shutdown()


def test_every_operation_runs_on_one_database_thread(qtbot, db):
    import threading

    ops = Ops(db)
    seen = [ops.query(None, lambda _s: threading.get_ident()) for _ in range(5)]
    seen.append(ops.write(None, lambda _s: threading.get_ident()))
    settle(ops)
    threads = {op.result for op in seen}
    assert len(threads) == 1 and threading.get_ident() not in threads
    ops.shutdown()
