"""Add or edit one checklist item: what, when (in the visit's local time), which phase, who."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from hospitality_app import vocab
from hospitality_app.i18n import _, label
from hospitality_app.services.dto import ChecklistItemData, VisitPlan
from hospitality_app.ui.planner.widgets import LocalDateTime


class ChecklistItemDialog(QDialog):
    def __init__(self, plan: VisitPlan, item: ChecklistItemData | None = None, *, parent: QWidget | None = None):
        super().__init__(parent)
        self._plan = plan
        self.setWindowTitle(_("Edit task") if item else _("New task"))
        self.setMinimumWidth(520)
        self.title = QLineEdit(item.title if item else "", self)
        self.phase = QComboBox(self)
        for phase in vocab.CHECKLIST_PHASES:
            self.phase.addItem(label(phase), phase)
        self.phase.setCurrentIndex(vocab.CHECKLIST_PHASES.index(item.phase) if item else 0)
        self.has_due = QCheckBox(_("Due"), self)
        # The planner's date field: typed the same way, a time the clocks skip moved on and said.
        self.due = LocalDateTime(plan.timezone, parent=self)
        self.due.set_moment(item.due if item and item.due else plan.start)
        self.due.skipped_time.connect(lambda message: self.error.setText(message))
        self.has_due.setChecked(item is None or item.due is not None)
        self.due.setEnabled(self.has_due.isChecked())
        self.has_due.toggled.connect(self.due.setEnabled)
        self.owner = QComboBox(self)
        # Item data are strings ("person:Name", "role:driver"): Qt does not round-trip tuples.
        self.owner.addItem("—", "")
        for host in plan.hosts:
            self.owner.addItem(host.name, f"person:{host.name}")
        for role in vocab.HOST_ROLES:
            self.owner.addItem(f"{_('Role')}: {label(role)}", f"role:{role}")
        if item is not None:
            key = (
                f"person:{item.assignee}"
                if item.assignee
                else (f"role:{item.assignee_role}" if item.assignee_role else "")
            )
            self.owner.setCurrentIndex(max(self.owner.findData(key), 0))
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b00020;")
        form = QFormLayout(self)
        form.addRow(_("Task:"), self.title)
        form.addRow(_("Phase:"), self.phase)
        form.addRow(self.has_due, self.due)
        form.addRow(QLabel(_("Local time of the visit ({zone})").format(zone=plan.timezone), self))
        form.addRow(_("Owner:"), self.owner)
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def due_moment(self) -> datetime | None:
        if not self.has_due.isChecked():
            return None
        return self.due.moment(self._plan.zone)

    def result_item(self) -> ChecklistItemData:
        kind, _sep, value = (self.owner.currentData() or "").partition(":")
        person, role = (value, "") if kind == "person" else ("", value)
        return ChecklistItemData(
            phase=self.phase.currentData(),
            title=self.title.text().strip(),
            due=self.due_moment(),
            assignee=person or None,
            assignee_role=role,
        )

    def _accept(self) -> None:
        if not self.title.text().strip():
            self.error.setText(_("Say what has to be done."))
            self.title.setFocus()
            return
        self.accept()
