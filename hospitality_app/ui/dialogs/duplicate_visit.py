"""Asks the first day of a returning client's next visit: the plan is copied to it."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget

from hospitality_app.i18n import _
from hospitality_app.ui.date_format import entry_format


class DuplicateVisitDialog(QDialog):
    def __init__(self, title: str, first_day: date, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Duplicate visit"))
        explain = QLabel(
            _(
                "A copy of “{title}” for the client's next visit: the same people, hotel, meals, tour "
                "and agenda, every time moved to the new dates. The outcome, the follow-up and the "
                "ticked tasks are not copied."
            ).format(title=title),
            self,
        )
        explain.setWordWrap(True)
        self.first_day = QDateEdit(QDate(first_day.year, first_day.month, first_day.day), self)
        self.first_day.setCalendarPopup(True)
        self.first_day.setDisplayFormat(entry_format(with_time=False))
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        buttons.button(QDialogButtonBox.Ok).setText(_("Duplicate"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(explain)
        form.addRow(_("First day of the new visit:"), self.first_day)
        form.addRow(buttons)
        self.resize(460, self.sizeHint().height())

    def chosen(self) -> date:
        return self.first_day.date().toPython()
