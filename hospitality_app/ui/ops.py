"""The one way the window reaches the database (after Anki's CollectionOp and QueryOp): each
operation runs on a single database worker thread, in the order it was asked for; its callback
runs on the GUI thread; after every operation that wrote, every view hears what changed.
Changes made by another program on the same SQLite file (PRAGMA data_version) or by a colleague
(PostgreSQL NOTIFY) are heard the same way, so no open view shows stale data for long."""

from __future__ import annotations

import logging
import queue
import threading
import traceback
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QEventLoop, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from hospitality_app.db.changes import Changes, ChangeTracker
from hospitality_app.db.session import Database
from hospitality_app.errors import HospitalityError

log = logging.getLogger(__name__)

SHOW_BUSY_AFTER_MS = 400  # quicker work finishes without a dialog flashing up
POLL_MS = 500  # how often the file is asked whether another program changed it


@dataclass(frozen=True)
class Failure:
    """Why an operation failed. `unexpected`: a bug, not the user's input or the database's
    state; `details` then holds the traceback (it is in the log too)."""

    message: str
    error: BaseException
    details: str = ""
    unexpected: bool = False

    @classmethod
    def of(cls, exc: BaseException) -> Failure:
        if isinstance(exc, HospitalityError):
            return cls(str(exc), exc)
        details = "".join(traceback.format_exception(exc))
        return cls(f"{type(exc).__name__}: {exc}", exc, details, True)


class Op(QObject):
    """One operation. Signals:
    finished: the callback has run (or was skipped because its owner is gone).
    """

    finished = Signal()

    def __init__(self, work: Callable, *, write: bool, owner: QObject | None, done, failed, source) -> None:
        super().__init__()
        self.work, self.write, self.owner = work, write, owner
        self.done_callback, self.failed_callback, self.source = done, failed, source
        self.result: Any = None
        self.failure: Failure | None = None
        self.changes: Changes | None = None
        self.is_finished = False
        self.dropped = False  # a read the closing window no longer needed: not run

    def describe(self) -> str:
        """Which work this is, for whom: for a test's failure message."""
        work = getattr(self.work, "__qualname__", repr(self.work))
        owner = type(self.owner).__name__ if self.owner is not None and shiboken6.isValid(self.owner) else self.owner
        state = "failed" if self.failure is not None else "done, not delivered" if self.result is not None else "queued"
        return f"{'write' if self.write else 'read'} {work} (owner {owner}; {state})"

    @property
    def succeeded(self) -> bool:
        return self.is_finished and self.failure is None

    def wait(self, timeout_ms: int = 20_000) -> bool:
        """Turn the event loop until the callback has run (tests, and a save before closing);
        True if the operation succeeded."""
        if not self.is_finished:
            loop = QEventLoop()
            self.finished.connect(loop.quit)
            QTimer.singleShot(timeout_ms, loop.quit)
            if not self.is_finished:
                loop.exec()
        return self.succeeded


class Ops(QObject):
    """Signals:
    changed(Changes): something changed in the database (after our write, or outside).
    problem(Failure): a failure no caller handled, or a bug: the window shows it.
    """

    changed = Signal(object)
    problem = Signal(object)
    _delivered = Signal(object)
    _outside = Signal()

    def __init__(self, db: Database, *, parent: QObject | None = None, poll_ms: int = POLL_MS) -> None:
        super().__init__(parent)
        self.db = db
        self._queue: queue.Queue = queue.Queue()
        self._pending = 0
        self._in_flight: dict[int, Op] = {}  # asked for, callback not run yet (what a stuck test names)
        self._polling = False
        self._seen_version: int | None = None
        self._poll_connection = None
        self._ours: set[int] = set()  # PostgreSQL backends of our own pool: their NOTIFY is no news
        self._delivered.connect(self._deliver, Qt.QueuedConnection)
        self._outside.connect(self._changed_outside, Qt.QueuedConnection)
        self._thread = threading.Thread(target=self._run, name="database", daemon=True)
        self._thread.start()
        self._polling = True
        self._queue.put("poll")  # the file's state now: what others change from here on is heard
        self._stopped = False
        self._poll = QTimer(self)
        self._poll.setInterval(poll_ms)
        self._poll.timeout.connect(self._ask_poll)
        if db.engine.dialect.name == "sqlite" and poll_ms > 0:
            self._poll.start()
        self.listener = None
        self._feeds: weakref.WeakSet[ChangeFeed] = weakref.WeakSet()
        if parent is not None:
            parent.destroyed.connect(self.shutdown)

    # asking -----------------------------------------------------------------------------
    def query(self, owner: QObject | None, work: Callable, done=None, failed=None, *, busy: str | None = None) -> Op:
        """Read: `work(session)` on the database thread, then `done(result)` on the GUI thread."""
        return self._submit(Op(work, write=False, owner=owner, done=done, failed=failed, source=owner), busy)

    def write(
        self, owner: QObject | None, work: Callable, done=None, failed=None, *, busy: str | None = None, source=None
    ) -> Op:
        """Write in one unit of work (started again if it lost a race with another writer);
        afterwards every view hears `changed`, with `source` (default: the owner) as who asked."""
        op = Op(work, write=True, owner=owner, done=done, failed=failed, source=source or owner)
        return self._submit(op, busy)

    def idle(self) -> bool:
        """No operation is waiting or running, and no view is about to hear of a change."""
        return self._pending == 0 and not any(feed.waiting() for feed in list(self._feeds))

    def describe_pending(self) -> list[str]:
        """What keeps this from being idle, one line each: for a test's failure message."""
        lines = [f"operation: {op.describe()}" for op in list(self._in_flight.values())]
        if self._pending != len(self._in_flight):
            lines.append(f"{self._pending} operation(s) counted as pending, {len(self._in_flight)} known")
        lines += [f"change feed waiting: {feed.describe()}" for feed in list(self._feeds) if feed.waiting()]
        return lines

    def wait_idle(self, timeout_ms: int = 20_000) -> bool:
        """Turn the event loop until every operation asked for so far (and any its callbacks
        and the changes they made asked for) has run: for tests."""
        loop = QEventLoop()
        deadline = QTimer()
        deadline.setSingleShot(True)
        deadline.timeout.connect(loop.quit)
        deadline.start(timeout_ms)
        while not self.idle() and deadline.isActive():
            QTimer.singleShot(5, loop.quit)
            loop.exec()
        return self.idle()

    def _submit(self, op: Op, busy: str | None) -> Op:
        if self._stopped:
            op.failure = Failure.of(HospitalityError("the window is closing; nothing was done"))
            op.is_finished = True
            return op
        self._pending += 1
        self._in_flight[id(op)] = op
        if busy and isinstance(op.owner, QWidget):
            self._busy_dialog(op, busy)
        self._queue.put(op)
        return op

    def _busy_dialog(self, op: Op, label: str) -> None:
        progress = QProgressDialog(label, None, 0, 0, op.owner)  # no range: a busy indicator
        progress.setWindowModality(Qt.WindowModal)
        progress.setMinimumDuration(SHOW_BUSY_AFTER_MS)
        progress.setCancelButton(None)
        progress.setWindowTitle(label)

        def close() -> None:
            if shiboken6.isValid(progress):
                progress.reset()
                progress.deleteLater()

        op.finished.connect(close)

    # the database thread ------------------------------------------------------------------
    def _run(self) -> None:
        while True:
            op = self._queue.get()
            if op is None:
                break
            if op == "poll":
                self._check_outside()
                continue
            if self._stopped and not op.write:
                # Closing: a read nobody will see is not run, but it is delivered (without its
                # callbacks), or it would count as pending for ever. Writes still run to the end.
                op.dropped = True
                self._delivered.emit(op)
                continue
            tracker = ChangeTracker()

            def work(session, op=op, tracker=tracker):
                tracker.attach(session)
                return op.work(session)

            try:
                if op.write:
                    op.result = self.db.write(work)
                    op.changes = tracker.changes(op.source)
                else:
                    op.result = self.db.run(work, write=False)
            except BaseException as exc:  # reported on the GUI thread, never lost on this one
                op.failure = Failure.of(exc)
                if op.failure.unexpected:
                    log.error("database operation failed\n%s", op.failure.details)
                else:
                    log.info("database operation refused: %s", op.failure.message)
            if op.write:
                self._seen_version = self._data_version()
            self._delivered.emit(op)

    def _data_version(self) -> int | None:
        """SQLite's count of commits by other connections (ours included: each is its own)."""
        from hospitality_app.db.engine import sqlite_file

        path = sqlite_file(self.db.url)
        if path is None:
            return None
        import sqlite3

        try:
            if self._poll_connection is None:
                # Its own connection in autocommit mode: data_version moves only outside a transaction.
                self._poll_connection = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
            return self._poll_connection.execute("PRAGMA data_version").fetchone()[0]
        except sqlite3.Error as exc:
            log.warning("cannot ask the database whether it changed: %s", exc)
            return None

    def _check_outside(self) -> None:
        version = self._data_version()
        seen, self._seen_version = self._seen_version, version
        self._polling = False
        if seen is not None and version is not None and version != seen:
            log.info("the database was changed by another program")
            self._outside.emit()

    def _changed_outside(self) -> None:
        self.changed.emit(Changes.anything())

    # back on the GUI thread ------------------------------------------------------------
    def _deliver(self, op: Op) -> None:
        self._pending -= 1
        self._in_flight.pop(id(op), None)
        alive = (op.owner is None or shiboken6.isValid(op.owner)) and not op.dropped
        try:
            if op.failure is None:
                if alive and op.done_callback is not None:
                    op.done_callback(op.result)
            elif op.failure.unexpected:
                self.problem.emit(op.failure)
                if alive and op.failed_callback is not None:
                    op.failed_callback(op.failure)
            elif alive and op.failed_callback is not None:
                op.failed_callback(op.failure)
            elif alive:
                self.problem.emit(op.failure)  # nobody asked to hear it: never silent
        finally:
            op.is_finished = True
            if op.changes is not None and (op.changes.tables or op.changes.visits):
                self.changed.emit(op.changes)
            op.finished.emit()

    def _ask_poll(self) -> None:
        if not self._polling and self._pending == 0 and not self._stopped:
            self._polling = True
            self._queue.put("poll")

    # team mode ---------------------------------------------------------------------------
    def listen(self) -> None:
        """PostgreSQL: hear colleagues' saves (NOTIFY) as changes."""
        from hospitality_app.ui.live import ChangeListener, conninfo

        info = conninfo(self.db.engine)
        if info is None or self.listener is not None:
            return
        self.listener = ChangeListener(info, parent=self)
        self.listener.changed.connect(self._colleague_changed)
        self.listener.reconnected.connect(self._changed_outside)  # what was missed meanwhile
        self.listener.start()

    def _colleague_changed(self, table: str) -> None:
        self.changed.emit(Changes.anything(tables=frozenset({table}) if table else None))

    # closing -----------------------------------------------------------------------------
    def shutdown(self, *_args) -> None:
        """Let the operations asked for finish (a save under way is not cut off), then stop."""
        if self._stopped:
            return
        self._stopped = True
        if shiboken6.isValid(self._poll):
            self._poll.stop()
        if self.listener is not None and shiboken6.isValid(self.listener):
            self.listener.stop()
        self._queue.put(None)
        self._thread.join(timeout=60)
        if self._poll_connection is not None:
            self._poll_connection.close()


class ChangeFeed(QObject):
    """Hands a view the changes it hears, a burst of them merged into one call, once the events
    that caused them have run (a save's own callback first)."""

    def __init__(self, ops: Ops, callback: Callable[[Changes], None], *, delay_ms: int = 60, parent: QObject) -> None:
        super().__init__(parent)
        self._callback = callback
        self._pending: Changes | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._fire)
        ops.changed.connect(self._heard)
        ops._feeds.add(self)

    def waiting(self) -> bool:
        return shiboken6.isValid(self) and self._timer.isActive()

    def describe(self) -> str:
        callback = getattr(self._callback, "__qualname__", repr(self._callback))
        return f"{callback}, to hear {self._pending!r}"

    def _heard(self, changes: Changes) -> None:
        self._pending = changes if self._pending is None else self._pending.merged(changes)
        self._timer.start()

    def _fire(self) -> None:
        changes, self._pending = self._pending, None
        if changes is not None:
            self._callback(changes)
