"""What one person has to do across visits in the coming days (overdue first)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QSettings, Qt
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

from hospitality_app.formats import moment_text
from hospitality_app.i18n import _, current_language, label
from hospitality_app.services import checklists, directory
from hospitality_app.ui.ops import ChangeFeed, Ops


class MyTasksDialog(QDialog):
    def __init__(self, ops: Ops, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops = ops
        self.setWindowTitle(_("My tasks"))
        self.resize(820, 460)
        self.person = QComboBox(self)
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
        self.days.valueChanged.connect(self.reload)
        self.names_op = ops.query(
            self, lambda session: [name for _id, name in directory.ref_choices(session, "staff")], self._names
        )
        self._feed = ChangeFeed(ops, lambda _changes: self.reload(), parent=self)

    def _names(self, names: list[str]) -> None:
        self.person.addItems(names)
        me = QSettings().value("user/name")
        if me in names:
            self.person.setCurrentText(me)
        self.person.currentTextChanged.connect(self.reload)
        self.reload()

    def reload(self):
        """Read the person's open tasks off the GUI thread; returns the operation."""
        person = self.person.currentText()
        if not person:
            self.table.setRowCount(0)
            return None
        QSettings().setValue("user/name", person)  # the last person chosen is "me" when ticking
        now, days = datetime.now(UTC), self.days.value()
        return self._ops.query(
            self,
            lambda session: checklists.my_tasks(session, person, now=now, until=now + timedelta(days=days)),
            lambda tasks: self._show(person, tasks),
        )

    def _show(self, person: str, tasks) -> None:
        if person != self.person.currentText():
            return
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        zh = current_language().startswith("zh")
        for task in tasks:
            row = self.table.rowCount()
            self.table.insertRow(row)
            due = moment_text(task.due.astimezone(ZoneInfo(task.timezone)))
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
        by = self.person.currentText()
        # The list is read again when the change is heard, after this signal: reloading now would
        # delete the item Qt still uses here.
        self._ops.write(
            self,
            lambda session: checklists.tick(session, item_id, done=True, by=by, now=datetime.now(UTC)),
            failed=self._tick_failed,
        )

    def _tick_failed(self, failure) -> None:
        self.summary.setText(failure.message)
        self.reload()
