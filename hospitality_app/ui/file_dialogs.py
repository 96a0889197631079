"""The file dialogs of the whole application: Qt's own dialog, with icons that never look inside
a file.

Why: to pick an icon or a "kind", Qt's file model asks QMimeDatabase about every file it lists,
which opens and closes files whose name says nothing (the database's -wal and -shm). Closing any
descriptor of a file drops every POSIX lock the process holds on it, so another program that
opened the database next believed nobody had it open and removed its WAL while this window still
used it — and the following writes corrupted the file (SQLite's "How To Corrupt Your Database
Files", section 2.2). Native dialogs may run in-process and sniff files too, so none is used."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDir, QFileInfo
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QFileDialog, QFileIconProvider, QStyle, QWidget

from hospitality_app.i18n import _


class PlainIcons(QFileIconProvider):
    """A folder icon for folders and a file icon for files: decided from the name's kind alone."""

    def __init__(self) -> None:
        super().__init__()
        style = QApplication.style()
        self._folder = style.standardIcon(QStyle.SP_DirIcon)
        self._file = style.standardIcon(QStyle.SP_FileIcon)
        self._drive = style.standardIcon(QStyle.SP_DriveHDIcon)

    def icon(self, what) -> QIcon:  # Qt calls it with a QFileInfo or an IconType
        if isinstance(what, QFileInfo):
            if what.isRoot():
                return self._drive
            return self._folder if what.isDir() else self._file
        if what in (QFileIconProvider.IconType.Folder, QFileIconProvider.IconType.Desktop):
            return self._folder
        if what == QFileIconProvider.IconType.Drive:
            return self._drive
        return self._file

    def type(self, info: QFileInfo) -> str:
        if info.isDir():
            return _("Folder")
        suffix = info.suffix()
        return _("{suffix} file").format(suffix=suffix.upper()) if suffix else _("File")


def _dialog(parent: QWidget | None, title: str, folder: Path, filters: str) -> QFileDialog:
    # The folder is set only once the icons are plain: the model starts reading its folder at once
    # (with no folder given, the working directory, which may well hold the database).
    dialog = QFileDialog(parent, title, QDir.rootPath(), filters)
    dialog.setOption(QFileDialog.DontUseNativeDialog, True)
    dialog.setOption(QFileDialog.DontUseCustomDirectoryIcons, True)
    provider = PlainIcons()
    dialog.setIconProvider(provider)
    dialog._plain_icons = provider  # the dialog does not own its provider: keep it alive with it
    dialog.setDirectory(str(folder))
    return dialog


def save_file(parent: QWidget | None, title: str, suggested: Path, filters: str, *, suffix: str = "") -> Path | None:
    """Ask where to save; None if the user cancelled. `suffix` is added when the name has none."""
    dialog = _dialog(parent, title, suggested.parent, filters)
    dialog.setAcceptMode(QFileDialog.AcceptSave)
    dialog.selectFile(suggested.name)
    if suffix:
        dialog.setDefaultSuffix(suffix.lstrip("."))
    return Path(dialog.selectedFiles()[0]) if dialog.exec() and dialog.selectedFiles() else None


def open_file(parent: QWidget | None, title: str, folder: Path, filters: str) -> Path | None:
    dialog = _dialog(parent, title, folder, filters)
    dialog.setFileMode(QFileDialog.ExistingFile)
    return Path(dialog.selectedFiles()[0]) if dialog.exec() and dialog.selectedFiles() else None


def choose_folder(parent: QWidget | None, title: str, folder: Path) -> Path | None:
    dialog = _dialog(parent, title, folder, "")
    dialog.setFileMode(QFileDialog.Directory)
    dialog.setOption(QFileDialog.ShowDirsOnly, True)
    return Path(dialog.selectedFiles()[0]) if dialog.exec() and dialog.selectedFiles() else None


def cancellations_file(parent: QWidget | None, visit_id: int) -> Path | None:
    """Where to save the calendar that withdraws a visit's events (deleted or called off)."""
    suggested = Path.home() / f"cancel-visit-{visit_id}.ics"
    return save_file(parent, _("Save the cancellations"), suggested, "iCalendar (*.ics)", suffix="ics")
