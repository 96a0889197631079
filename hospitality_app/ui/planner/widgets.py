"""Small building blocks of the planner: a table editor for a list of items, a multi-choice
picker for vocabularies, local date-time fields in the visit's zone."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from PySide6.QtCore import QDateTime, Qt, QTimeZone, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyledItemDelegate,
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

    def set_rows(self, rows: list[list[str]], payloads: Sequence[object] | None = None) -> None:
        self._loading = True
        self.table.setRowCount(0)
        for i, values in enumerate(rows):
            self.append(values, emit=False, payload=payloads[i] if payloads else None)
        self._loading = False

    def append(self, values: list[str], *, emit: bool = True, payload: object = None) -> int:
        """Add a row; `payload` (the saved item the row stands for) travels with the row, so
        removing or reordering rows never pairs a row with another item's id."""
        self._loading = True
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, value in enumerate(values):
            self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.item(row, 0).setData(Qt.UserRole, payload)
        self._loading = False
        if emit:
            self.changed.emit()
        return row

    def payload(self, row: int):
        item = self.table.item(row, 0)
        return item.data(Qt.UserRole) if item else None

    def set_completion(self, column: int, names) -> None:
        delegate = CompletingDelegate(names, self.table)
        self._delegates = [*getattr(self, "_delegates", []), delegate]
        self.table.setItemDelegateForColumn(column, delegate)

    def set_picker(self, column: int, source: Callable[[], Sequence[str]], *, editable: bool = False) -> None:
        """Cells of `column` are picked from the names `source` gives when the cell is edited."""
        delegate = PickDelegate(source, editable=editable, parent=self.table)
        self._delegates = [*getattr(self, "_delegates", []), delegate]
        self.table.setItemDelegateForColumn(column, delegate)

    def is_loading(self) -> bool:
        return self._loading

    def set_choices(self, column: int, codes: Sequence[str], labels: dict[str, str] | None = None) -> None:
        """Cells of `column` are edited with a list of the vocabulary's codes, not typed."""
        delegate = ChoiceDelegate(codes, labels, self.table)
        self._delegates = [*getattr(self, "_delegates", []), delegate]  # a view does not own its delegates
        self.table.setItemDelegateForColumn(column, delegate)

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


def completer(names, parent: QWidget) -> QCompleter:
    """Offers saved names as the user types: any part of the name matches, in any case."""
    completer = QCompleter(list(names), parent)
    completer.setCaseSensitivity(Qt.CaseInsensitive)
    completer.setFilterMode(Qt.MatchContains)
    return completer


class CompletingDelegate(QStyledItemDelegate):
    """Edits a cell as free text, offering the names saved before."""

    def __init__(self, names, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.names = list(names)

    def createEditor(self, parent, _option, _index):
        editor = QLineEdit(parent)
        editor.setCompleter(completer(self.names, editor))
        return editor


class ChoiceDelegate(QStyledItemDelegate):
    """Edits a cell with a drop-down of codes, shown by their translated labels."""

    def __init__(
        self, codes: Sequence[str], labels: dict[str, str] | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.labels = {code: (labels or {}).get(code) or label(code) for code in codes}

    def createEditor(self, parent, _option, _index):
        combo = QComboBox(parent)
        for code, text in self.labels.items():
            combo.addItem(text, code)
        return combo

    def displayText(self, value, _locale) -> str:
        return self.labels.get(value, str(value))

    def setEditorData(self, editor, index) -> None:
        editor.setCurrentIndex(max(editor.findData(index.data()), 0))

    def setModelData(self, editor, model, index) -> None:
        model.setData(index, editor.currentData())


class PickDelegate(QStyledItemDelegate):
    """Edits a cell with a drop-down of names that `source` gives as the editor opens (the hosts as
    the plan stands now, say); blank means none. `editable`: a new name may be typed too."""

    def __init__(self, source: Callable[[], Sequence[str]], *, editable: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.source, self.editable = source, editable

    def createEditor(self, parent, _option, _index):
        combo = QComboBox(parent)
        combo.setEditable(self.editable)
        if self.editable:
            combo.setInsertPolicy(QComboBox.NoInsert)
            combo.completer().setCaseSensitivity(Qt.CaseInsensitive)
            combo.completer().setFilterMode(Qt.MatchContains)
        return combo

    def setEditorData(self, editor, index) -> None:
        current = (index.data() or "").strip()
        names = list(dict.fromkeys(["", *self.source()]))
        if current not in names:
            names.append(current)  # a name no longer offered stays until the user picks another
        editor.clear()
        editor.addItems(names)
        editor.setCurrentIndex(names.index(current))

    def setModelData(self, editor, model, index) -> None:
        model.setData(index, editor.currentText().strip())


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
