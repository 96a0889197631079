"""Export a visit's itinerary to an .ics file, for everyone or for one person."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from hospitality_app.i18n import _, label, list_text
from hospitality_app.services.dto import VisitPlan
from hospitality_app.ui.file_dialogs import save_file

# (staff name or None, reminder minutes, the file, done(bytes), failed(Failure)) -> the operation
Exporter = Callable[..., object]


class CalendarExportDialog(QDialog):
    def __init__(self, plan: VisitPlan, export: Exporter, folder: Path, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._export = export
        self.setWindowTitle(_("Export to calendar"))
        self.setMinimumWidth(640)

        self.person = QComboBox(self)
        self.person.addItem(_("Everyone (the whole itinerary)"), None)
        for host in plan.hosts:
            roles = list_text(label(r) for r in host.roles)
            self.person.addItem(f"{host.name} — {roles}" if roles else host.name, host.name)
        self.reminder = QSpinBox(self)
        self.reminder.setRange(0, 24 * 60)
        self.reminder.setValue(30)
        self.reminder.setSuffix(" " + _("min"))
        self.reminder.setSpecialValueText(_("no reminder"))
        safe = "".join(c if c.isalnum() or c in " -_" else "_" for c in plan.company.name).strip() or "visit"
        self.path = QLineEdit(str(folder / f"{safe}.ics"), self)
        browse = QPushButton(_("Browse…"), self)
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path)
        row.addWidget(browse)
        self.person.currentIndexChanged.connect(self._suggest_name)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        form.addRow(_("Calendar for:"), self.person)
        form.addRow(_("Reminder before meals and meetings:"), self.reminder)
        form.addRow(_("File:"), row)
        self.result_label = QLabel(self)
        self.result_label.setWordWrap(True)
        self.open_folder = QPushButton(_("Open folder"), self)
        self.open_folder.setEnabled(False)
        self.open_folder.clicked.connect(self._open_folder)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Close, self)
        self.buttons.addButton(self.open_folder, QDialogButtonBox.ActionRole)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.result_label)
        layout.addWidget(self.buttons)
        self._base = safe
        self.job = None

    def _suggest_name(self) -> None:
        name = self.person.currentData()
        folder = Path(self.path.text()).parent
        suffix = f" - {name}" if name else ""
        self.path.setText(str(folder / f"{self._base}{suffix}.ics"))

    def _browse(self) -> None:
        chosen = save_file(self, _("Save calendar"), Path(self.path.text()), _("Calendar files (*.ics)"), suffix=".ics")
        if chosen:
            self.path.setText(str(chosen))

    def save(self) -> None:
        """Export and write the file off the GUI thread; the dialog says how it went."""
        target = Path(self.path.text().strip())
        if not target.name:
            self._show_error(_("Choose a file name."))
            return
        self.buttons.setEnabled(False)
        self.job = self._export(
            self.person.currentData(),
            self.reminder.value(),
            target,
            lambda data: self._saved(target, data),
            lambda failure: self._show_error(failure.message),
        )

    def idle(self) -> bool:
        return self.job is None or self.job.is_finished

    def _saved(self, target: Path, data: bytes) -> None:
        self.buttons.setEnabled(True)
        events, todos = data.count(b"BEGIN:VEVENT"), data.count(b"BEGIN:VTODO")
        self.result_label.setStyleSheet("")
        self.result_label.setText(
            _("Saved {events} events and {todos} to-dos to {path}.").format(events=events, todos=todos, path=target)
        )
        self.open_folder.setEnabled(True)
        self.saved_path = target

    def _show_error(self, message: str) -> None:
        self.buttons.setEnabled(True)
        self.result_label.setStyleSheet("color: #b00020;")
        self.result_label.setText(message)

    def _open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(self.path.text()).parent)))
