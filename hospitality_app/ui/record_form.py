"""A form for one record of the Clients, Staff or Places pages, built from the kind's fields
(services.directory): each field gets the widget its kind calls for and a line for its error."""

from __future__ import annotations

from collections.abc import Mapping

from babel import Locale
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from hospitality_app.i18n import _, current_language, label
from hospitality_app.services.directory import Field, Kind
from hospitality_app.ui.typed_text import typed_text


def field_labels(kind: str) -> dict[str, str]:
    """The fields' labels for records of `kind`; the name says what is named (in Chinese a
    person's name and a thing's name are different words)."""
    names = {
        "companies": _("Company name"),
        "vehicles": _("Vehicle"),
        "hotels": _("Hotel"),
        "restaurants": _("Restaurant"),
        "dishes": _("Dish"),
        "tour_stops": _("Stop"),
    }
    return {
        "name": names.get(kind) or _("Name"),
        "country": _("Country"),
        "city": _("City"),
        "website": _("Website"),
        "gift_policy": _("Gifts"),
        "research": _("What we know"),
        "company_id": _("Company"),
        "title": _("Title"),
        "languages": _("Languages"),
        "dietary": _("Diet"),
        "allergies": _("Allergies"),
        "preferences": _("Food preferences"),
        "interests": _("Interests"),
        "notes": _("Notes"),
        "department": _("Department"),
        "job_title": _("Job title"),
        "phone": _("Phone"),
        "email": _("E-mail"),
        "drives": _("Drives guests"),
        "manages": _("Manager"),
        "seats": _("Seats"),
        "address": _("Address"),
        "drive_minutes": _("Minutes to the office"),
        "private_room": _("Private room"),
        "halal_certified": _("Halal certified"),
        "kosher_certified": _("Kosher certified"),
        "restaurant_id": _("Restaurant"),
        "contains": _("Contains"),
        "hygiene": _("Hygiene rules"),
    }


def countries(language: str) -> list[tuple[str, str]]:
    """(code, name) of every country, by name in `language` (Babel's CLDR names)."""
    territories = Locale.parse(language).territories
    pairs = [(code, name) for code, name in territories.items() if len(code) == 2 and code.isalpha()]
    return sorted(pairs, key=lambda pair: pair[1])


def error_label(parent: QWidget) -> QLabel:
    """The red line under a field that says what is wrong with it (hidden until then)."""
    error = QLabel(parent)
    error.setStyleSheet("color: #b00020;")
    error.setWordWrap(True)
    error.setTextFormat(Qt.PlainText)
    error.hide()
    return error


class CodesBox(QWidget):
    """Any number of a vocabulary's codes, as check boxes in columns — picked, never typed."""

    changed = Signal()

    def __init__(self, codes, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[str, QCheckBox] = {}
        for i, code in enumerate(codes):
            box = QCheckBox(label(code), self)
            box.toggled.connect(self.changed)
            grid.addWidget(box, i // 3, i % 3)
            self.boxes[code] = box

    def value(self) -> tuple[str, ...]:
        return tuple(code for code, box in self.boxes.items() if box.isChecked())

    def set_value(self, codes) -> None:
        for code, box in self.boxes.items():
            box.setChecked(code in codes)


class RecordForm(QWidget):
    """Signals:
    changed: the user edited a field.
    """

    changed = Signal()

    def __init__(self, kind: Kind, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.widgets: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        labels = field_labels(kind.key)
        outer = QVBoxLayout(self)
        form = QFormLayout()
        outer.addLayout(form)
        outer.addStretch(1)  # the fields stay at the top of a tall page
        form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        for f in kind.fields:
            widget = self._widget(f)
            error = error_label(self)
            cell = QWidget(self)
            column = QVBoxLayout(cell)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            column.addWidget(widget)
            column.addWidget(error)
            text = labels[f.key] + (" *" if f.required else "")
            form.addRow(text + ":", cell)
            self.widgets[f.key], self.errors[f.key] = widget, error

    def _widget(self, f: Field) -> QWidget:
        if f.kind == "note":
            box = QPlainTextEdit(self)
            box.setMaximumHeight(96)
            box.textChanged.connect(self.changed)
            return box
        if f.kind == "int":
            spin = QSpinBox(self)
            spin.setRange(-1 if f.optional_number else 0, 100_000)
            if f.optional_number:
                spin.setSpecialValueText(_("not known"))  # -1; the planner says it so too
            spin.valueChanged.connect(self.changed)
            return spin
        if f.kind == "bool":
            check = QCheckBox(self)
            check.toggled.connect(self.changed)
            return check
        if f.kind == "codes":
            codes = CodesBox(f.vocab, parent=self)
            codes.changed.connect(self.changed)
            return codes
        if f.kind in ("country", "choice", "ref"):
            combo = QComboBox(self)
            combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)  # long names elide
            combo.setMinimumContentsLength(16)
            if f.kind == "country":
                combo.addItem("", "")
                for code, name in countries(current_language()):
                    combo.addItem(f"{name} ({code})", code)
            elif f.kind == "choice":
                for code in f.vocab:
                    combo.addItem(label(code), code)
            combo.currentIndexChanged.connect(self.changed)
            return combo
        if f.kind == "list":  # languages: ticked by name, as in the planner, never typed as codes
            from hospitality_app.ui.planner.pickers import LanguagesBox

            spoken = LanguagesBox(parent=self)
            spoken.changed.connect(self.changed)
            return spoken
        line = QLineEdit(self)
        line.textChanged.connect(self.changed)
        return line

    def set_ref_choices(self, key: str, choices: list[tuple[int, str]], *, required: bool) -> None:
        combo = self.widgets[key]
        chosen = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        if not required:
            combo.addItem(_("— none —"), None)
        for record_id, text in choices:
            combo.addItem(text, record_id)
        combo.setCurrentIndex(max(combo.findData(chosen), 0))
        combo.blockSignals(False)

    def set_values(self, values: Mapping[str, object]) -> None:
        self.blockSignals(True)
        for f in self.kind.fields:
            widget, value = self.widgets[f.key], values.get(f.key)
            if f.kind == "note":
                widget.setPlainText(value or "")
            elif f.kind == "int":
                widget.setValue(widget.minimum() if value is None else int(value))
            elif f.kind == "bool":
                widget.setChecked(bool(value))
            elif f.kind == "codes":
                widget.set_value(value or ())
            elif f.kind in ("country", "choice", "ref"):
                index = widget.findData(value if value is not None else (None if f.kind == "ref" else ""))
                widget.setCurrentIndex(index if index >= 0 else 0)
            elif f.kind == "list":
                widget.set_value(tuple(value or ()))
            else:
                widget.setText(value or "")
        self.blockSignals(False)
        self.show_error(None, "")

    def values(self) -> dict[str, object]:
        values: dict[str, object] = {}
        for f in self.kind.fields:
            widget = self.widgets[f.key]
            if f.kind == "note":
                values[f.key] = typed_text(widget)
            elif f.kind == "int":
                values[f.key] = None if f.optional_number and widget.value() < 0 else widget.value()
            elif f.kind == "bool":
                values[f.key] = widget.isChecked()
            elif f.kind == "codes":
                values[f.key] = widget.value()
            elif f.kind in ("country", "choice", "ref"):
                values[f.key] = widget.currentData()
            elif f.kind == "list":
                values[f.key] = widget.value()
            else:
                values[f.key] = widget.text()
        return values

    def show_error(self, path: str | None, message: str) -> None:
        """The message under the field it concerns (`path` like "contains[1]"), the field focused."""
        key = (path or "").split("[")[0]
        for name, error in self.errors.items():
            error.setVisible(name == key and bool(message))
            error.setText(message if name == key else "")
        if key in self.widgets and message:
            self.widgets[key].setFocus()
