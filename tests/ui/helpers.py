"""Driving widgets as a user would, where qtbot alone cannot: typing any script, answering
a modal question that a click opened."""

from __future__ import annotations

import time
from datetime import UTC, datetime

from PySide6.QtCore import QEvent, QEventLoop, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QMessageBox


def type_text(qtbot, widget, text):
    """Type any script: qtbot.keyClicks aborts on non-ASCII (QTest.keyClicks asserts on keys it cannot map)."""
    widget.setFocus()
    for ch in text:
        QApplication.sendEvent(widget, QKeyEvent(QEvent.KeyPress, Qt.Key_unknown, Qt.NoModifier, ch))


def answer(holder, attribute, button):
    def click():
        box = getattr(holder, attribute, None)
        if box is None or not box.isVisible():
            QTimer.singleShot(20, click)
            return
        box.button(button).click() if isinstance(button, QMessageBox.StandardButton) else next(
            b for b in box.buttons() if b.text() == button
        ).click()

    QTimer.singleShot(20, click)


def settle(window_or_ops):
    """Wait until every database operation asked for (and what its callbacks and the changes
    they made asked for) has run: the window reads and writes off the GUI thread."""
    ops = getattr(window_or_ops, "ops", window_or_ops)
    # Generous: the whole suite on two cores, with PostgreSQL beside it, once took over 20 s here.
    if not ops.wait_idle(60_000):
        pending = "\n  ".join(ops.describe_pending()) or "nothing named (became idle at the deadline?)"
        raise AssertionError(f"database operations still running after 60 s:\n  {pending}")


def save(planner) -> bool:
    """Press Save in a planner and wait for the outcome: True if it was saved."""
    op = planner.save()
    if op is None:
        return False  # refused before anything was written (the error names the field)
    saved = op.wait()
    settle(planner._ops)
    return saved


def open_main_window(db):
    """The main window on `db`, shown, with its first reads done."""
    from hospitality_app.ui.main_window import MainWindow

    win = MainWindow(db)
    win.show()
    settle(win)
    wait_first_paint(win)
    settle(win)
    return win


def wait_first_paint(win) -> None:
    """The list's rows are checked (their readiness) only once it has painted: wait for that."""
    deadline = time.monotonic() + 60
    while not win.painted and time.monotonic() < deadline:
        QApplication.processEvents(QEventLoop.AllEvents, 50)
    assert win.painted, "the visit list did not paint within 60 s"


def close_main_window(win) -> None:
    """Closed by the test rather than by qtbot, which would close it with a test's edits still
    unsaved and wait on the question; the test's database goes away next, so nothing may run on it."""
    for planner in win.planners:
        planner.dirty = False
    win.close()
    win.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.DeferredDelete)


def open_plan(window, db, plan, now=datetime(2026, 11, 22, 1, tzinfo=UTC)):
    """Save `plan` as a visit (saved at `now`), select it in the list and open it: (id, planner)."""
    from hospitality_app.services import plans

    with db.unit_of_work() as session:
        visit_id = plans.save(session, plan, now=now).visit_id
    window.model.reload()
    settle(window)
    window.table.selectRow(0)
    planner = window.open_selected()
    settle(window)
    return visit_id, planner


def stored(db, visit_id):
    """The visit as the database holds it now."""
    from hospitality_app.services import plans

    with db.unit_of_work() as session:
        return plans.load_plan(session, visit_id)
