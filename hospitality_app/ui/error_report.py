"""Nothing fails silently: an exception anywhere in the window (PySide6 hands the ones raised in
slots to sys.excepthook) is logged with its traceback and shown in a dialog that says where the
log is; so is a failed operation that no caller handled."""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from hospitality_app.i18n import _

log = logging.getLogger(__name__)


class ErrorReporter(QObject):
    """Signals:
    reported(str): a problem was shown to the user (its message).
    """

    reported = Signal(str)
    _from_thread = Signal(str, str)

    def __init__(self, log_path: Path | None, *, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.log_path = log_path
        self.box: QMessageBox | None = None
        self._from_thread.connect(self._show_bug, Qt.QueuedConnection)

    def install(self) -> None:
        sys.excepthook = self.excepthook
        threading.excepthook = self._thread_excepthook

    def excepthook(self, kind, value, tb) -> None:
        details = "".join(traceback.format_exception(kind, value, tb))
        log.error("unexpected error\n%s", details)
        if threading.current_thread() is threading.main_thread():
            self._show_bug(f"{kind.__name__}: {value}", details)
        else:
            self._from_thread.emit(f"{kind.__name__}: {value}", details)

    def _thread_excepthook(self, args) -> None:
        self.excepthook(args.exc_type, args.exc_value, args.exc_traceback)

    def report(self, failure, parent: QWidget | None = None, restore=None) -> None:
        """Show an operation's failure (ui.ops.Failure): a bug with its details, damage with the
        offer of a backup (`restore`), else the message."""
        from hospitality_app.errors import DatabaseDamaged

        if isinstance(failure.error, DatabaseDamaged):
            self.report_damage(failure.message, parent, restore)
        elif failure.unexpected:
            self._show_bug(failure.message, failure.details, parent)
        else:
            self._show(QMessageBox.Warning, _("Not done"), failure.message, "", parent)

    def report_damage(self, problem: str, parent: QWidget | None = None, restore=None) -> None:
        """The database file is damaged: say so, and offer to go back to a backup (`restore`)."""
        log.error("the database looks damaged: %s", problem)
        self._show(
            QMessageBox.Critical,
            _("The database looks damaged"),
            _("SQLite found a problem in the database file: {problem}").format(problem=problem),
            "",
            parent,
            _("Your backups were kept as they are. Use File → Restore from a backup… to go back to one."),
            action=(_("Restore from a backup…"), restore) if restore is not None else None,
        )

    def _show_bug(self, message: str, details: str, parent: QWidget | None = None) -> None:
        where = _("The details are in the log: {path}").format(path=self.log_path) if self.log_path else ""
        text = _("Something went wrong: {message}").format(message=message)
        info = _("What you saved before is kept. {where}").format(where=where).strip()
        self._show(QMessageBox.Critical, _("Something went wrong"), text, details, parent, info)

    def _show(
        self, icon, title: str, text: str, details: str, parent: QWidget | None, info: str = "", action=None
    ) -> None:
        self.reported.emit(text)
        if self.box is not None:  # one dialog at a time: a failure while one is open is in the log
            log.warning("not shown, a dialog is open already: %s", text)
            return
        app = QApplication.instance()
        if app is None:
            print(text, file=sys.stderr)
            return
        box = QMessageBox(icon, title, text, QMessageBox.Ok, parent or app.activeWindow())
        box.setTextFormat(Qt.PlainText)  # the message may quote what a user typed
        if info:
            box.setInformativeText(info)
        if details:
            box.setDetailedText(details)
        if action is not None:
            text_, callback = action
            box.addButton(text_, QMessageBox.ActionRole).clicked.connect(callback)
        box.setAttribute(Qt.WA_DeleteOnClose)
        box.finished.connect(self._closed)
        self.box = box
        box.open()  # not exec(): a failure must not stop the event loop where it happened

    def _closed(self, _result: int) -> None:
        self.box = None
