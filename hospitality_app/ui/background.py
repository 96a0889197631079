"""Long work that is not database work, off the GUI thread: rendering documents and writing
files (database work goes through ui.ops, on its single database thread), and opening the
database before any window exists. The window keeps painting; a progress dialog appears when the
work takes long enough to notice, and blocks only the window that asked (window-modal)."""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEventLoop, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from hospitality_app.errors import HospitalityError

log = logging.getLogger(__name__)
SHOW_AFTER_MS = 400  # quicker work finishes without a dialog flashing up

_running: set[Job] = set()  # jobs have no Qt parent (the window may close first): kept alive here


class Job(QObject):
    """One piece of work. Signals (delivered on the GUI thread):
    succeeded(object): the work's result.
    failed(str): what went wrong, for the user (a HospitalityError's or OSError's text).
    """

    succeeded = Signal(object)
    failed = Signal(str)

    def __init__(self, work: Callable[[], object]) -> None:
        super().__init__()
        self._work = work
        self.done = False

    def run(self) -> None:  # on a worker thread
        try:
            result = self._work()
        except (HospitalityError, OSError) as exc:
            self.failed.emit(str(exc))
        except Exception as exc:  # a bug: still reported to the user, and its traceback kept
            log.error("background work failed\n%s", "".join(traceback.format_exception(exc)))
            self.failed.emit(f"{type(exc).__name__}: {exc}")
        else:
            self.succeeded.emit(result)


class _Runnable(QRunnable):
    def __init__(self, job: Job) -> None:
        super().__init__()
        self.job = job

    def run(self) -> None:
        self.job.run()


def run_in_background(
    parent: QWidget | None,
    label: str,
    work: Callable[[], object],
    done: Callable[[object], None],
    failed: Callable[[str], None],
) -> Job:
    """Run `work()` on the thread pool; then `done(result)` or `failed(message)` on the GUI thread,
    unless `parent` was closed and deleted meanwhile. Returns the job (tests wait on it)."""
    job = Job(work)
    progress = QProgressDialog(label, None, 0, 0, parent)  # no range: a busy indicator
    progress.setWindowModality(Qt.WindowModal)
    progress.setMinimumDuration(SHOW_AFTER_MS)
    progress.setCancelButton(None)
    progress.setWindowTitle(label)

    def finish(callback: Callable, value) -> None:
        job.done = True
        _running.discard(job)
        if shiboken6.isValid(progress):
            progress.reset()
            progress.deleteLater()
        if parent is None or shiboken6.isValid(parent):
            callback(value)

    job.succeeded.connect(lambda result: finish(done, result), Qt.QueuedConnection)
    job.failed.connect(lambda message: finish(failed, message), Qt.QueuedConnection)
    _running.add(job)
    QThreadPool.globalInstance().start(_Runnable(job))
    return job


def run_and_wait(label: str, work: Callable[[], object]) -> object:
    """Run `work()` off the GUI thread while the event loop keeps turning (a progress dialog shows
    if it takes long), and return its result; for start-up work that comes before any window."""
    outcome: dict[str, object] = {}
    loop = QEventLoop()

    def done(result) -> None:
        outcome["result"] = result
        loop.quit()

    def failed(message: str) -> None:
        outcome["error"] = message
        loop.quit()

    job = run_in_background(None, label, _keep_error(work, outcome), done, failed)
    if not job.done:
        loop.exec()
    if "exception" in outcome:
        raise outcome["exception"]
    return outcome["result"]


def _keep_error(work: Callable[[], object], outcome: dict) -> Callable[[], object]:
    """The work, keeping its exception itself (the caller re-raises it on the GUI thread)."""

    def wrapped():
        try:
            return work()
        except BaseException as exc:
            outcome["exception"] = exc
            raise

    return wrapped


def wait_for_background_work(timeout_ms: int = 30_000) -> bool:
    """At exit: let running work finish (a half-written export must not be cut off)."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
