"""The form that edits one item of a plan (a visitor, a pickup, a meal, an agenda item…): one typed
widget per field — check lists for vocabularies and people, spin boxes, date-time editors in the
visit's zone, pickers for hosts — and a line under each field for its error, in the interface
language. A field of a record the item refers to is named by a dotted key ("hotel.address")."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, tzinfo
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from hospitality_app.i18n import _
from hospitality_app.ui.planner.form_fields import (
    DayEdit,
    NameBox,
    NamesBox,
    OptionalAmount,
    OptionalMoment,
    OptionalNumber,
    RoomsBox,
)
from hospitality_app.ui.planner.widgets import LocalDateTime, completer
from hospitality_app.ui.record_form import CodesBox, error_label
from hospitality_app.ui.typed_text import typed_text


@dataclass(frozen=True)
class Spec:
    """One field of an item. `kind`: text, note (several lines), lines (a list, one per line),
    codes (a vocabulary, ticked), languages (language codes), choice (one code), names (people
    ticked from `source`), name (one person from `source`, blank for none), minutes, count,
    moment (a date and time in the visit's zone), flag, secret (a note this user may not be
    allowed to read: None), money (an amount, with its currency code in the field `currency`),
    day, rooms, maybe (yes, no or not said: True, False, None), custom (a widget made by
    `factory`, with set_value/value/changed).
    `optional`: minutes, count and moment may be None ("not known", `unknown` says so)."""

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
    optional: bool = False
    unknown: str = ""
    factory: Callable[[QWidget], QWidget] | None = None


def get_value(item, key: str):
    """The value a dotted key names ("vehicle.seats"); None where a record on the way is None."""
    for part in key.split("."):
        if item is None:
            return None
        item = getattr(item, part)
    return item


def with_values(item, values: dict[str, object], blanks: dict[str, Callable[[], object]]):
    """`item` with `values` (by dotted key); a referred record that is None is made from `blanks`."""
    direct = {k: v for k, v in values.items() if "." not in k}
    nested: dict[str, dict[str, object]] = {}
    for key, value in values.items():
        if "." in key:
            head, rest = key.split(".", 1)
            nested.setdefault(head, {})[rest] = value
    for head, inner in nested.items():
        record = getattr(item, head)
        if record is None:
            record = blanks[head]()
        changed = with_values(record, inner, blanks)
        if getattr(changed, "name", None) != getattr(record, "name", None) and getattr(changed, "id", None):
            # Another name is another place (a hotel, a car): the record itself is renamed on its
            # own page, never by the plan that names it.
            changed = replace(changed, id=None)
        direct[head] = changed
    return replace(item, **direct) if direct else item


class ItemForm(QWidget):
    """Shows one item and gives it back changed (`read`); each field's widget fits its kind.

    Signals:
        changed: the user edited a field.
    """

    changed = Signal()

    def __init__(
        self,
        specs: Sequence[Spec],
        *,
        blanks: dict[str, Callable[[], object]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.specs = {s.key: s for s in specs}
        self.blanks = blanks or {}
        self.widgets: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.rows: dict[str, QLabel] = {}
        outer = QVBoxLayout(self)
        self.layout_ = QFormLayout()
        self.layout_.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        outer.addLayout(self.layout_)
        outer.addStretch(1)  # the fields stay together at the top, each hint under its field
        self._zone: tzinfo | None = None
        self._item = None  # the item shown
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
            caption = QLabel("" if spec.kind == "flag" else spec.label + ":", self)
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
            spin = (
                OptionalNumber(spec.minimum, spec.maximum, spec.unknown or _("not known"), parent=self)
                if spec.optional
                else QSpinBox(self)
            )
            if not spec.optional:
                spin.setRange(spec.minimum, spec.maximum)
            if kind == "minutes":
                spin.setSuffix(" " + _("min"))
                spin.setSingleStep(5)
            spin.valueChanged.connect(self.changed)
            return spin
        if kind == "flag":
            check = QCheckBox(spec.label, self)  # the text beside the box: the caption stays empty
            check.toggled.connect(self.changed)
            return check
        if kind == "codes":
            codes = CodesBox(spec.vocab, parent=self)
            if spec.labels is not None:
                for code, box in codes.boxes.items():
                    box.setText(spec.labels(code))
            codes.changed.connect(self.changed)
            return codes
        if kind == "maybe":  # yes, no, or not said (None)
            maybe = QComboBox(self)
            for text, value in ((_("Not said"), ""), (_("Yes"), "yes"), (_("No"), "no")):
                maybe.addItem(text, value)
            maybe.currentIndexChanged.connect(self.changed)
            return maybe
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
            if spec.optional:
                maybe = OptionalMoment(spec.unknown, parent=self)
                maybe.changed.connect(self.changed)
                return maybe
            moment = LocalDateTime("UTC", parent=self)
            moment.dateTimeChanged.connect(self.changed)
            return moment
        if kind in ("day", "rooms", "custom"):
            made = DayEdit(parent=self) if kind == "day" else RoomsBox(parent=self) if kind == "rooms" else None
            if made is None:
                assert spec.factory is not None
                made = spec.factory(self)
            if kind == "day":
                made.dateChanged.connect(self.changed)
            else:
                made.changed.connect(self.changed)
            return made
        if kind == "money":
            row = QWidget(self)
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            amount = OptionalAmount(row)
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
        self._item = item
        self.blockSignals(True)
        try:
            for key, spec in self.specs.items():
                self._put(spec, self.widgets[key], get_value(item, key))
                if spec.kind == "money":
                    self.widgets[key].currency.set_code(getattr(item, spec.currency) or "")
        finally:
            self.blockSignals(False)
        self.show_error(None, "")

    def show_fields(self, item, was) -> None:
        """Show the fields of `item` that differ from `was` (a saved hotel's drive time filled in
        while the user types its name): the other fields keep their cursor and selection."""
        self.blockSignals(True)
        try:
            for key, spec in self.specs.items():
                if get_value(item, key) != get_value(was, key):
                    self._put(spec, self.widgets[key], get_value(item, key))
        finally:
            self.blockSignals(False)

    def set_completions(self, key: str, names) -> None:
        """Offer `names` (saved before) while the user types in the text field `key`."""
        widget = self.widgets[key]
        widget.setCompleter(completer(names, widget))

    def _put(self, spec: Spec, widget, value) -> None:
        kind = spec.kind
        if kind == "secret":
            # None: the database does not let this user read them (team mode, not a manager).
            widget.setReadOnly(value is None)
            if value is None and getattr(self._item, "bottom_lines_exist", False):
                hidden = _("The manager has set bottom lines here; only managers can read and change them.")
            else:
                hidden = _("Only managers can read and change the bottom lines.")
            widget.setPlaceholderText(hidden if value is None else "")
            if typed_text(widget) != (value or ""):
                widget.setPlainText(value or "")
        elif kind == "note":
            if typed_text(widget) != (value or ""):  # keeps the cursor where the user types
                widget.setPlainText(value or "")
        elif kind == "lines":
            if tuple(_lines(typed_text(widget))) != tuple(value or ()):
                widget.setPlainText("\n".join(value or ()))
        elif kind in ("minutes", "count"):
            if spec.optional:
                widget.set_value(value)
            else:
                widget.setValue(int(value or 0))
        elif kind == "flag":
            widget.setChecked(bool(value))
        elif kind in ("codes", "languages"):
            widget.set_value(value or ())
        elif kind == "choice":
            widget.setCurrentIndex(max(widget.findData(value), 0))
        elif kind == "maybe":
            widget.setCurrentIndex(widget.findData("" if value is None else "yes" if value else "no"))
        elif kind == "names":
            widget.set_value(spec.source() if spec.source else (), value or ())
        elif kind == "name":
            widget.set_value(spec.source() if spec.source else (), value)
        elif kind == "moment":
            widget.set_zone(getattr(self._zone, "key", "UTC"))
            if spec.optional:
                widget.set_moment(value, self.default_moment())
            elif value is not None:
                widget.set_moment(value)
        elif kind in ("day", "rooms", "custom"):
            widget.set_value(value)
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
            if kind == "secret" and get_value(item, key) is None:
                continue  # unread, so left as it is stored
            if kind in ("note", "secret"):
                changes[key] = typed_text(widget).strip()
            elif kind == "lines":
                changes[key] = tuple(_lines(typed_text(widget)))
            elif kind in ("minutes", "count"):
                changes[key] = widget.value_or_none() if spec.optional else widget.value()
            elif kind == "flag":
                changes[key] = widget.isChecked()
            elif kind in ("codes", "languages", "names", "name", "day", "rooms", "custom"):
                changes[key] = widget.value()
            elif kind == "choice":
                changes[key] = widget.currentData()
            elif kind == "maybe":
                changes[key] = {"yes": True, "no": False}.get(widget.currentData())
            elif kind == "moment":
                changes[key] = widget.moment(self._zone) if self._zone else get_value(item, key)
            elif kind == "money":
                changes[key] = _amount(widget.amount.value())
                changes[spec.currency] = widget.currency.code() if changes[key] is not None else ""
            else:
                changes[key] = widget.text().strip()
        return with_values(item, changes, self.blanks)

    def default_moment(self) -> datetime:
        """Where an optional time starts when the user ticks it: the form's `default_at`."""
        at = getattr(self, "default_at", None)
        return at() if at is not None else datetime.now(self._zone)

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


def renamed(place):
    """A dish or tour stop the user gave another name: another one, not the old one renamed."""
    return replace(place, id=None, given=None) if place.id is not None else place


def rezone(item, keys: Sequence[str], old: tzinfo, new: tzinfo):
    """`item` with its times at the same wall-clock time in the `new` zone: the user who corrects
    the visit's zone meant the times as typed."""
    changes = {}
    for key in keys:
        value: datetime | None = getattr(item, key)
        if value is not None:
            changes[key] = value.astimezone(old).replace(tzinfo=new)
    return replace(item, **changes) if changes else item
