"""The form that edits one item of a plan (a visitor, an agenda item, a gift): one typed widget per
field — check lists for vocabularies and people, spin boxes, date-time editors in the visit's
zone, pickers for hosts — and a line under each field for its error, in the interface language."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, tzinfo
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from hospitality_app.i18n import _
from hospitality_app.ui.planner.widgets import LocalDateTime
from hospitality_app.ui.record_form import CodesBox, error_label


@dataclass(frozen=True)
class Spec:
    """One field of an item. `kind`: text, note (several lines), lines (a list, one per line),
    codes (a vocabulary, ticked), languages (language codes), choice (one code), names (people
    ticked from `source`), name (one person from `source`, blank for none), minutes, count,
    moment (a date and time in the visit's zone), flag, secret (a note this user may not be
    allowed to read: None), money (an amount, with its currency code in the field `currency`)."""

    key: str
    label: str
    kind: str = "text"
    vocab: Sequence[str] = ()
    labels: Callable[[str], str] | None = None  # code → text shown, for codes and choice
    source: Callable[[], Sequence[str]] | None = None
    minimum: int = 0
    maximum: int = 100_000
    hint: str = ""
    currency: str = "currency"
    editable: bool = False  # a name not offered may be typed


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
    """One person from a list, blank for none."""

    def __init__(self, *, editable: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(editable)
        if editable:
            self.setInsertPolicy(QComboBox.NoInsert)

    def set_value(self, offered: Sequence[str], chosen: str | None) -> None:
        self.blockSignals(True)
        self.clear()
        names = list(dict.fromkeys(["", *offered, *([chosen] if chosen else [])]))
        self.addItems(names)
        self.setCurrentIndex(names.index(chosen or ""))
        self.blockSignals(False)

    def value(self) -> str | None:
        return self.currentText().strip() or None


class ItemForm(QWidget):
    """Shows one item and gives it back changed (`read`); each field's widget fits its kind.

    Signals:
        changed: the user edited a field.
    """

    changed = Signal()

    def __init__(self, specs: Sequence[Spec], *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.specs = {s.key: s for s in specs}
        self.widgets: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.rows: dict[str, QLabel] = {}
        outer = QVBoxLayout(self)
        self.layout_ = QFormLayout()
        self.layout_.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        outer.addLayout(self.layout_)
        outer.addStretch(1)  # the fields stay together at the top, each hint under its field
        self._zone: tzinfo | None = None
        for spec in specs:
            widget = self._widget(spec)
            widget.setAccessibleName(spec.label)
            error = error_label(self)
            cell = QWidget(self)
            column = QVBoxLayout(cell)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            column.addWidget(widget)
            if spec.hint:
                hint = QLabel(spec.hint, cell)
                hint.setWordWrap(True)
                hint.setStyleSheet("color: palette(mid);")
                column.addWidget(hint)
            column.addWidget(error)
            caption = QLabel(spec.label + ":", self)
            caption.setBuddy(widget)
            self.layout_.addRow(caption, cell)
            self.widgets[spec.key], self.errors[spec.key], self.rows[spec.key] = widget, error, caption

    def _widget(self, spec: Spec) -> QWidget:
        kind = spec.kind
        if kind in ("note", "lines", "secret"):
            box = QPlainTextEdit(self)
            box.setTabChangesFocus(True)
            box.setMaximumHeight(90)
            if kind == "lines":
                box.setPlaceholderText(_("One per line"))
            box.textChanged.connect(self.changed)
            return box
        if kind in ("minutes", "count"):
            spin = QSpinBox(self)
            spin.setRange(spec.minimum, spec.maximum)
            if kind == "minutes":
                spin.setSuffix(" " + _("min"))
                spin.setSingleStep(5)
            spin.valueChanged.connect(self.changed)
            return spin
        if kind == "flag":
            check = QCheckBox(self)
            check.toggled.connect(self.changed)
            return check
        if kind == "codes":
            codes = CodesBox(spec.vocab, parent=self)
            if spec.labels is not None:
                for code, box in codes.boxes.items():
                    box.setText(spec.labels(code))
            codes.changed.connect(self.changed)
            return codes
        if kind == "choice":
            combo = QComboBox(self)
            for code in spec.vocab:
                combo.addItem(spec.labels(code) if spec.labels else code, code)
            combo.currentIndexChanged.connect(self.changed)
            return combo
        if kind == "languages":
            from hospitality_app.ui.planner.pickers import LanguagesBox

            spoken = LanguagesBox(parent=self)
            spoken.changed.connect(self.changed)
            return spoken
        if kind == "names":
            names = NamesBox(parent=self)
            names.changed.connect(self.changed)
            return names
        if kind == "name":
            name = NameBox(editable=spec.editable, parent=self)
            name.currentTextChanged.connect(lambda _text: self.changed.emit())
            return name
        if kind == "moment":
            moment = LocalDateTime("UTC", parent=self)
            moment.dateTimeChanged.connect(self.changed)
            return moment
        if kind == "money":
            row = QWidget(self)
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            amount = QDoubleSpinBox(row)
            amount.setRange(-1, 10_000_000)
            amount.setDecimals(2)
            amount.setSpecialValueText(_("no value given"))
            amount.valueChanged.connect(self.changed)
            from hospitality_app.ui.planner.pickers import CurrencyBox

            currency = CurrencyBox(parent=row)
            currency.currentIndexChanged.connect(self.changed)
            line.addWidget(amount, 1)
            line.addWidget(currency, 2)
            row.amount, row.currency = amount, currency  # type: ignore[attr-defined]
            return row
        text = QLineEdit(self)
        text.textChanged.connect(self.changed)
        return text

    # showing and reading ---------------------------------------------------------
    def show_item(self, item, zone: tzinfo) -> None:
        self._zone = zone
        self.blockSignals(True)
        try:
            for key, spec in self.specs.items():
                self._put(spec, self.widgets[key], getattr(item, key))
                if spec.kind == "money":
                    self.widgets[key].currency.set_code(getattr(item, spec.currency) or "")
        finally:
            self.blockSignals(False)
        self.show_error(None, "")

    def _put(self, spec: Spec, widget, value) -> None:
        kind = spec.kind
        if kind == "secret":
            # None: the database does not let this user read them (team mode, not a manager).
            widget.setReadOnly(value is None)
            widget.setPlaceholderText(_("Only managers can read and change the bottom lines.") if value is None else "")
            if widget.toPlainText() != (value or ""):
                widget.setPlainText(value or "")
        elif kind == "note":
            if widget.toPlainText() != (value or ""):  # keeps the cursor where the user types
                widget.setPlainText(value or "")
        elif kind == "lines":
            if tuple(_lines(widget.toPlainText())) != tuple(value or ()):
                widget.setPlainText("\n".join(value or ()))
        elif kind in ("minutes", "count"):
            widget.setValue(int(value or 0))
        elif kind == "flag":
            widget.setChecked(bool(value))
        elif kind in ("codes", "languages"):
            widget.set_value(value or ())
        elif kind == "choice":
            widget.setCurrentIndex(max(widget.findData(value), 0))
        elif kind == "names":
            widget.set_value(spec.source() if spec.source else (), value or ())
        elif kind == "name":
            widget.set_value(spec.source() if spec.source else (), value)
        elif kind == "moment":
            widget.set_zone(getattr(self._zone, "key", "UTC"))
            if value is not None:
                widget.set_moment(value)
        elif kind == "money":
            widget.amount.setValue(-1 if value is None else float(value))
        else:
            if widget.text() != (value or ""):
                widget.setText(value or "")
                widget.setCursorPosition(0)  # a long title shows its beginning

    def read(self, item):
        """`item` with the values on the form."""
        changes: dict[str, object] = {}
        for key, spec in self.specs.items():
            widget, kind = self.widgets[key], spec.kind
            if kind == "secret" and getattr(item, key) is None:
                continue  # unread, so left as it is stored
            if kind in ("note", "secret"):
                changes[key] = widget.toPlainText().strip()
            elif kind == "lines":
                changes[key] = tuple(_lines(widget.toPlainText()))
            elif kind in ("minutes", "count"):
                changes[key] = widget.value()
            elif kind == "flag":
                changes[key] = widget.isChecked()
            elif kind in ("codes", "languages", "names", "name"):
                changes[key] = widget.value()
            elif kind == "choice":
                changes[key] = widget.currentData()
            elif kind == "moment":
                changes[key] = widget.moment(self._zone) if self._zone else getattr(item, key)
            elif kind == "money":
                changes[key] = _amount(widget.amount.value())
                changes[spec.currency] = widget.currency.code() if changes[key] is not None else ""
            else:
                changes[key] = widget.text().strip()
        return replace(item, **changes)

    def show_error(self, key: str | None, message: str) -> None:
        """The message under the field it concerns, and the cursor in that field."""
        for name, error in self.errors.items():
            error.setText(message if name == key else "")
            error.setVisible(name == key and bool(message))
        if key in self.widgets and message:
            self.widgets[key].setFocus()

    def set_hidden(self, key: str, hidden: bool) -> None:
        self.layout_.setRowVisible(self.rows[key], not hidden)


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _amount(value: float) -> Decimal | None:
    if value < 0:
        return None
    try:
        return Decimal(f"{value:.2f}").normalize() if value != int(value) else Decimal(int(value))
    except InvalidOperation:
        return None


def rezone(item, keys: Sequence[str], old: tzinfo, new: tzinfo):
    """`item` with its times at the same wall-clock time in the `new` zone: the user who corrects
    the visit's zone meant the times as typed."""
    changes = {}
    for key in keys:
        value: datetime | None = getattr(item, key)
        if value is not None:
            changes[key] = value.astimezone(old).replace(tzinfo=new)
    return replace(item, **changes) if changes else item
