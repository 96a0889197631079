"""Field widgets of the planner's item forms that Qt has no single widget for: people ticked from
the visit, one person picked, a number that may be unknown, a day, a time that may not be known
yet, and a hotel's rooms by type and count. Each has `set_value`/`value` and a `changed` signal."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from hospitality_app.i18n import N_, _, label
from hospitality_app.services.dto import RoomData
from hospitality_app.ui.date_format import entry_format
from hospitality_app.ui.planner.widgets import DateTyping, LocalDateTime

ROOM_TYPES = (N_("single"), N_("double"), N_("twin"), N_("king"), N_("suite"))


class NamesBox(QListWidget):
    """People ticked from a list (attendees, passengers, guests, the gift's recipients)."""

    changed = Signal()

    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMaximumHeight(120)
        self.itemChanged.connect(lambda _item: self.changed.emit())

    def set_value(self, offered: Sequence[str], chosen: Sequence[str]) -> None:
        self.blockSignals(True)
        self.clear()
        # A name no longer offered (a visitor renamed) stays ticked until the user unticks it.
        for name in dict.fromkeys([*offered, *chosen]):
            item = QListWidgetItem(name, self)
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Checked if name in chosen else Qt.Unchecked)
        self.blockSignals(False)

    def value(self) -> tuple[str, ...]:
        return tuple(self.item(i).text() for i in range(self.count()) if self.item(i).checkState() == Qt.Checked)


class NameBox(QComboBox):
    """One person (or vehicle) from a list, blank for none; `editable`: a name not offered may be typed."""

    def __init__(self, *, editable: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(editable)
        if editable:
            self.setInsertPolicy(QComboBox.NoInsert)

    def set_value(self, offered: Sequence[str], chosen: str | None) -> None:
        names = list(dict.fromkeys(["", *offered, *([chosen] if chosen else [])]))
        if [self.itemText(i) for i in range(self.count())] == names and self.value() == chosen:
            return  # unchanged: rebuilding would move the cursor of someone typing here
        self.blockSignals(True)
        self.clear()
        self.addItems(names)
        self.setCurrentIndex(names.index(chosen or ""))
        self.blockSignals(False)

    def value(self) -> str | None:
        return self.currentText().strip() or None


class OptionalNumber(QSpinBox):
    """A whole number, or "not known" (None) at the bottom of the range."""

    def focusInEvent(self, event) -> None:
        # "not known" is a word: typed digits would land beside it. Selected, they replace it.
        super().focusInEvent(event)
        QTimer.singleShot(0, self.selectAll)

    def __init__(self, minimum: int, maximum: int, unknown: str, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(minimum - 1, maximum)
        self.setSpecialValueText(unknown)

    def set_value(self, value: int | None) -> None:
        self.setValue(self.minimum() if value is None else value)

    def value_or_none(self) -> int | None:
        return None if self.value() == self.minimum() else self.value()


class OptionalAmount(QDoubleSpinBox):
    """An amount of money, or "no value given" (None) below zero."""

    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)
        QTimer.singleShot(0, self.selectAll)


class DayEdit(DateTyping, QDateEdit):
    """A day, picked from a calendar or typed."""

    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat(entry_format(with_time=False))

    def set_value(self, value: date | None) -> None:
        if value is not None:
            self.setDate(QDate(value.year, value.month, value.day))

    def value(self) -> date:
        return self.date().toPython()


class OptionalMoment(QWidget):
    """A date and time in the visit's zone, or none yet (a flight not booked).

    Signals:
        changed: ticked, unticked, or another time chosen.
    """

    changed = Signal()

    def __init__(self, text: str, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = QCheckBox(text, self)
        self.when = LocalDateTime("UTC", parent=self)
        self.when.setEnabled(False)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.check)
        row.addWidget(self.when, 1)
        self.check.toggled.connect(self.when.setEnabled)
        self.check.toggled.connect(self.changed)
        self.when.dateTimeChanged.connect(self.changed)
        self.setFocusProxy(self.check)

    def set_zone(self, zone_name: str) -> None:
        self.when.set_zone(zone_name)

    def set_moment(self, moment: datetime | None, default: datetime) -> None:
        self.check.setChecked(moment is not None)
        self.when.set_moment(moment or default)

    def moment(self, zone) -> datetime | None:
        return self.when.moment(zone) if self.check.isChecked() else None


class RoomsBox(QWidget):
    """Rooms by type and count: one line a type, its count in a spin box, added and removed with
    buttons.

    Signals:
        changed: a type or count was changed, a line added or removed.
    """

    changed = Signal()

    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lines: list[tuple[QComboBox, QSpinBox, QWidget]] = []
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.add_button = QPushButton(_("Add rooms"), self)
        self.add_button.clicked.connect(self._add_clicked)
        bottom = QHBoxLayout()
        bottom.addWidget(self.add_button)
        bottom.addStretch(1)
        self.column.addLayout(bottom)

    def _line(self, room: RoomData) -> None:
        line = QWidget(self)
        row = QHBoxLayout(line)
        row.setContentsMargins(0, 0, 0, 0)
        kind = QComboBox(line)
        kind.setEditable(True)  # a hotel's own names ("deluxe king") are welcome
        kind.setInsertPolicy(QComboBox.NoInsert)
        for code in ROOM_TYPES:
            kind.addItem(label(code), code)
        known = kind.findData(room.type)
        if known >= 0:
            kind.setCurrentIndex(known)
        else:
            kind.setEditText(room.type)
        kind.setAccessibleName(_("Room type"))
        count = QSpinBox(line)
        count.setRange(1, 200)
        count.setValue(room.count)
        count.setPrefix("× ")
        count.setAccessibleName(_("Rooms"))
        remove = QToolButton(line)
        remove.setText("✕")
        remove.setToolTip(_("Remove these rooms"))
        remove.clicked.connect(lambda: self._remove(line))
        row.addWidget(kind, 2)
        row.addWidget(count, 1)
        row.addWidget(remove)
        kind.currentTextChanged.connect(lambda _text: self.changed.emit())
        count.valueChanged.connect(self.changed)
        self.column.insertWidget(len(self.lines), line)
        self.lines.append((kind, count, line))

    def _add_clicked(self) -> None:
        self._line(RoomData("twin" if not self.lines else "single"))
        self.lines[-1][0].setFocus()
        self.changed.emit()

    def _remove(self, line: QWidget) -> None:
        self.lines = [entry for entry in self.lines if entry[2] is not line]
        line.hide()
        line.deleteLater()
        self.changed.emit()

    def set_value(self, rooms: Sequence[RoomData]) -> None:
        if tuple(rooms) == self.value():
            return
        self.blockSignals(True)
        for _kind, _count, line in self.lines:
            line.hide()
            line.deleteLater()
        self.lines = []
        for room in rooms:
            self._line(room)
        self.blockSignals(False)

    def value(self) -> tuple[RoomData, ...]:
        rooms = []
        for kind, count, _line in self.lines:
            text = kind.currentText().strip()
            index = kind.findText(text)  # a type offered (shown translated) or one typed
            code = kind.itemData(index) if index >= 0 else None
            if code or text:
                rooms.append(RoomData(code or text, count.value()))
        return tuple(rooms)
