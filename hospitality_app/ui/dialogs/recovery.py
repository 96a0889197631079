"""When the database cannot be opened (damaged, half-upgraded, made by a newer version), or when
the user asks to go back to a backup: say what happened, list the backups, and let the user
restore one or open another file. Never a bare traceback, never a window that does not appear."""

from __future__ import annotations

from pathlib import Path

from babel.dates import format_datetime
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hospitality_app.db.backups import Backup, BackupFolder, visits_in
from hospitality_app.formats import format_locale
from hospitality_app.i18n import _, ngettext
from hospitality_app.ui.file_dialogs import open_file


def reason_text(reason: str) -> str:
    if reason == "daily":
        return _("daily backup")
    if reason == "manual":
        return _("backed up by hand")
    if reason.startswith("before-"):
        return _("before the upgrade to schema {revision}").format(revision=reason.removeprefix("before-"))
    if reason == "replaced":
        return _("the file an earlier restore replaced")
    return _("copy made by an earlier version")


class RecoveryDialog(QDialog):
    """Signals:
    chosen(object): the backup (a Path) the user chose to restore.
    other_file(object): another database file (a Path) the user chose to open instead.
    """

    chosen = Signal(object)
    other_file = Signal(object)

    def __init__(self, folder: BackupFolder | None, *, problem: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder = folder
        self.setWindowTitle(_("The database cannot be opened") if problem else _("Restore from a backup"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        if problem:
            what = QLabel(problem[:1].upper() + problem[1:], self)
            what.setTextFormat(Qt.PlainText)  # the message may quote a path or a name
            what.setWordWrap(True)
            what.setStyleSheet("color: #b00020;")
            layout.addWidget(what)
        explanation = QLabel(
            _(
                "Restoring puts the chosen backup in the place of the database. The file it replaces is "
                "kept beside it, renamed, so nothing is deleted."
            ),
            self,
        )
        explanation.setWordWrap(True)
        layout.addWidget(explanation)
        self.list = QListWidget(self)
        backups = folder.list() if folder is not None else []
        for backup in backups:
            item = QListWidgetItem(self._describe(backup), self.list)
            item.setData(Qt.UserRole, backup.path)
        if backups:
            self.list.setCurrentRow(0)
        else:
            self.list.addItem(_("No backups of this database yet."))
            self.list.setEnabled(False)
        layout.addWidget(self.list)
        if folder is not None:
            where = QLabel(_("Backups are kept in {folder}").format(folder=folder.folder), self)
            where.setTextFormat(Qt.PlainText)
            where.setWordWrap(True)
            layout.addWidget(where)
        self.buttons = QDialogButtonBox(self)
        self.restore_button = QPushButton(_("Restore the selected backup"), self)
        self.restore_button.setEnabled(bool(backups))
        self.restore_button.clicked.connect(self._restore)
        self.other_button = QPushButton(_("Open another file…"), self)
        self.other_button.clicked.connect(self._other)
        self.buttons.addButton(self.restore_button, QDialogButtonBox.AcceptRole)
        self.buttons.addButton(self.other_button, QDialogButtonBox.ActionRole)
        self.buttons.addButton(QDialogButtonBox.Close if problem else QDialogButtonBox.Cancel)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.list.itemDoubleClicked.connect(self._restore)

    def _describe(self, backup: Backup) -> str:
        locale = format_locale()
        when = format_datetime(backup.taken.astimezone(), "medium", locale=locale)
        count = visits_in(backup.path)
        held = _("cannot be read") if count is None else ngettext("{n} visit", "{n} visits", count).format(n=count)
        return f"{when} — {reason_text(backup.reason)} — {held}"

    def selected(self) -> Path | None:
        item = self.list.currentItem()
        return item.data(Qt.UserRole) if item is not None else None

    def _restore(self, *_args) -> None:
        item = self.list.currentItem()
        backup = self.selected()
        if backup is None or item is None:
            return
        box = QMessageBox(
            QMessageBox.Question,
            _("Restore from a backup"),
            _("Put this backup in the place of the database?\n\n{backup}").format(backup=item.text()),
            QMessageBox.Yes | QMessageBox.Cancel,
            self,
        )
        box.setInformativeText(_("The file in use now is kept beside it, renamed; you can restore it later."))
        box.setDefaultButton(QMessageBox.Cancel)
        self.confirm_box = box
        if box.exec() == QMessageBox.Yes:
            self.chosen.emit(backup)
            self.accept()

    def _other(self) -> None:
        start = self.folder.database.parent if self.folder is not None else Path.home()
        path = open_file(self, _("Open a database"), start, _("Hospitality databases (*.sqlite3 *.db);;All files (*)"))
        if path is not None:
            self.other_file.emit(path)
            self.accept()
