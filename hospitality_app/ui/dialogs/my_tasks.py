"""What one person has to do across visits in the coming days (overdue first)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from hospitality_app.db.session import Database
from hospitality_app.errors import HospitalityError
from hospitality_app.i18n import _, current_language, label
from hospitality_app.models import Staff
from hospitality_app.services import checklists


class MyTasksDialog(QDialog):
    def __init__(self, db: Database, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.setWindowTitle(_("My tasks"))
        self.resize(820, 460)
        self.person = QComboBox(self)
        with db.unit_of_work() as session:
            names = list(session.scalars(select(Staff.name).order_by(Staff.name)))
        self.person.addItems(names)
        me = QSettings().value("user/name")
        if me in names:
            self.person.setCurrentText(me)
        self.days = QSpinBox(self)
        self.days.setRange(1, 90)
        self.days.setValue(7)
        self.days.setSuffix(" " + _("days"))
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels([_("Due"), _("Visit"), _("Phase"), _("Task")])
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.itemChanged.connect(self._ticked)
        self.summary = QLabel(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(_("Tasks of"), self))
        top.addWidget(self.person, 1)
        top.addWidget(QLabel(_("for the next"), self))
        top.addWidget(self.days)
        buttons = QDialogButtonBox(QDialogButtonBox.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)
        self.person.currentTextChanged.connect(self.reload)
        self.days.valueChanged.connect(self.reload)
        self.reload()

    def reload(self) -> None:
        person = self.person.currentText()
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        if not person:
            self.table.blockSignals(False)
            return
        QSettings().setValue("user/name", person)  # the last person chosen is "me" when ticking
        now = datetime.now(UTC)
        with self._db.unit_of_work() as session:
            tasks = checklists.my_tasks(session, person, now=now, until=now + timedelta(days=self.days.value()))
        zh = current_language().startswith("zh")
        for task in tasks:
            row = self.table.rowCount()
            self.table.insertRow(row)
            due = task.due.astimezone(ZoneInfo(task.timezone)).strftime("%Y-%m-%d %H:%M")
            title = QTableWidgetItem(task.title_zh if zh and task.title_zh else task.title)
            title.setFlags(Qt.ItemIsEnabled | Qt.ItemIsUserCheckable)
            title.setCheckState(Qt.Unchecked)
            title.setData(Qt.UserRole, task.item_id)
            cells = [
                QTableWidgetItem(due),
                QTableWidgetItem(task.company or task.visit_title),
                QTableWidgetItem(label(task.phase)),
                title,
            ]
            for column, cell in enumerate(cells):
                if task.overdue:
                    cell.setForeground(QBrush(QColor("#b00020")))
                self.table.setItem(row, column, cell)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.Stretch)
        overdue = sum(t.overdue for t in tasks)
        self.summary.setText(_("{n} open tasks, {overdue} overdue").format(n=len(tasks), overdue=overdue))
        self.table.blockSignals(False)

    def _ticked(self, item: QTableWidgetItem) -> None:
        item_id = item.data(Qt.UserRole)
        if item_id is None or item.checkState() != Qt.Checked:
            return
        try:
            with self._db.unit_of_work() as session:
                checklists.tick(session, item_id, done=True, by=self.person.currentText(), now=datetime.now(UTC))
        except HospitalityError as exc:
            self.summary.setText(str(exc))
            return
        QTimer.singleShot(0, self.reload)  # not inside the changed item's own signal: reload deletes it
