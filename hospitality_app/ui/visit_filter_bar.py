"""The filters above the visit list: status, country, sales lead and a date range. The database
does the filtering (services.visits); this bar only says what the user chose."""

from __future__ import annotations

from datetime import date, datetime, time

from babel import Locale
from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from hospitality_app import vocab
from hospitality_app.i18n import _, current_language, label
from hospitality_app.services.visits import VisitFilter
from hospitality_app.ui.date_format import entry_format

ANY_DATE = QDate(2000, 1, 1)  # the minimum of the date fields, shown as "Any"


def country_name(code: str, language: str) -> str:
    territories = Locale.parse(language).territories
    return f"{territories.get(code, code)} ({code})"


class VisitFilterBar(QWidget):
    """Signals:
    changed: the user changed a filter.
    """

    changed = Signal()

    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status = QComboBox(self)
        self.status.addItem(_("All statuses"), None)
        for code in vocab.VISIT_STATUSES:
            self.status.addItem(label(code), code)
        self.country = QComboBox(self)
        self.country.addItem(_("All countries"), None)
        self.lead = QComboBox(self)
        self.lead.addItem(_("All sales leads"), None)
        self.starts_from, self.starts_to = (self._date_field() for _i in range(2))
        self.clear_button = QToolButton(self)
        self.clear_button.setText(_("Clear filters"))
        self.clear_button.clicked.connect(self.clear)
        # Two rows, so that the filters never make the window wider than a laptop screen.
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        choices, dates = QHBoxLayout(), QHBoxLayout()
        layout.addLayout(choices)
        layout.addLayout(dates)
        for widget in (self.status, self.country, self.lead):
            # Long country or staff names must not make the whole window wider.
            widget.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
            widget.setMinimumContentsLength(9)
            choices.addWidget(widget, 1)
            widget.currentIndexChanged.connect(self.changed)
        for widget in (QLabel(_("Dates from"), self), self.starts_from, QLabel(_("to"), self), self.starts_to):
            dates.addWidget(widget)
        dates.addStretch(1)
        dates.addWidget(self.clear_button)

    def _date_field(self) -> QDateEdit:
        field = QDateEdit(self)
        field.setCalendarPopup(True)
        field.setDisplayFormat(entry_format(with_time=False))
        field.setMinimumDate(ANY_DATE)
        field.setSpecialValueText(_("Any"))
        field.setDate(ANY_DATE)
        field.dateChanged.connect(self.changed)
        return field

    def set_choices(self, countries: list[str], leads: list[str]) -> None:
        """Fill the country and sales-lead lists with what the database holds, keeping the choice."""
        language = current_language()
        for combo, values, text in (
            (self.country, countries, lambda code: country_name(code, language)),
            (self.lead, leads, str),
        ):
            chosen = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for value in values:
                combo.addItem(text(value), value)
            combo.setCurrentIndex(max(combo.findData(chosen), 0))
            combo.blockSignals(False)

    def clear(self) -> None:
        for widget in (self, self.status, self.country, self.lead, self.starts_from, self.starts_to):
            widget.blockSignals(True)
        for combo in (self.status, self.country, self.lead):
            combo.setCurrentIndex(0)
        for field in (self.starts_from, self.starts_to):
            field.setDate(ANY_DATE)
        for widget in (self, self.status, self.country, self.lead, self.starts_from, self.starts_to):
            widget.blockSignals(False)
        self.changed.emit()

    def visit_filter(self, text: str = "") -> VisitFilter:
        """Dates are days on this computer's calendar: 'from' includes visits still running that
        day, 'to' includes visits starting that day."""

        def day(field: QDateEdit) -> date | None:
            return None if field.date() == ANY_DATE else field.date().toPython()

        first, last = day(self.starts_from), day(self.starts_to)
        return VisitFilter(
            text=text,
            status=self.status.currentData(),
            country=self.country.currentData(),
            sales_lead=self.lead.currentData(),
            starts_after=datetime.combine(first, time.min).astimezone() if first else None,
            starts_before=datetime.combine(last, time.max).astimezone() if last else None,
        )
