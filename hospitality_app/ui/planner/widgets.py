"""Small building blocks of the planner: a table editor for a list of items, a multi-choice
picker for vocabularies, local date-time fields in the visit's zone."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import QDateTime, Qt, QTimeZone, Signal
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hospitality_app.i18n import _, label


class ItemTable(QWidget):
    """A table of items (one row each) with Add and Remove buttons.

    Signals:
        changed: a cell was edited or a row added/removed.
    """

    changed = Signal()

    def __init__(self, headers: Sequence[str], *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, len(headers), self)
        self.table.setHorizontalHeaderLabels(list(headers))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QTableWidget.SelectRows)
        self.table.itemChanged.connect(self._edited)
        self.add_button = QPushButton(_("Add"), self)
        self.remove_button = QPushButton(_("Remove"), self)
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self._loading = False

    def set_rows(self, rows: list[list[str]]) -> None:
        self._loading = True
        self.table.setRowCount(0)
        for values in rows:
            self.append(values, emit=False)
        self._loading = False

    def append(self, values: list[str], *, emit: bool = True) -> int:
        self._loading = True
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, value in enumerate(values):
            self.table.setItem(row, column, QTableWidgetItem(value))
        self._loading = False
        if emit:
            self.changed.emit()
        return row

    def text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item else ""

    def set_text(self, row: int, column: int, value: str) -> None:
        self.table.item(row, column).setText(value)

    def rows(self) -> int:
        return self.table.rowCount()

    def remove_selected(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self.changed.emit()

    def focus(self, row: int, column: int = 0) -> None:
        if 0 <= row < self.table.rowCount():
            self.table.setCurrentCell(row, column)
            self.table.setFocus()

    def _edited(self, _item) -> None:
        if not self._loading:
            self.changed.emit()


class ChoicesDialog(QDialog):
    """Pick codes from a vocabulary (dietary restrictions, allergens, roles) — never typed."""

    def __init__(self, title: str, codes: Sequence[str], chosen: Sequence[str], *, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.list = QListWidget(self)
        for code in codes:
            item = QListWidgetItem(label(code), self.list)
            item.setData(Qt.UserRole, code)
            item.setCheckState(Qt.Checked if code in chosen else Qt.Unchecked)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addWidget(buttons)

    def chosen(self) -> tuple[str, ...]:
        return tuple(
            self.list.item(i).data(Qt.UserRole)
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.Checked
        )


def codes_text(codes: Sequence[str]) -> str:
    return ", ".join(codes)


def parse_codes(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(",") if part.strip())


class LocalDateTime(QDateTimeEdit):
    """A date and time shown and entered in the visit's time zone."""

    def __init__(self, zone_name: str, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.set_zone(zone_name)

    def set_zone(self, zone_name: str) -> None:
        self._zone = QTimeZone(zone_name.encode())
        self.setTimeZone(self._zone)

    def set_moment(self, moment: datetime) -> None:
        self.setDateTime(QDateTime.fromSecsSinceEpoch(int(moment.timestamp()), self._zone))

    def moment(self, zone) -> datetime:
        return datetime.fromtimestamp(self.dateTime().toSecsSinceEpoch(), tz=zone)
