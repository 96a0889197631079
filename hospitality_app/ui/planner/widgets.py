"""Small building blocks of the planner: a completer over names saved before, and local
date-time fields in the visit's zone."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime, Qt, QTimeZone
from PySide6.QtWidgets import QCompleter, QDateTimeEdit, QWidget

from hospitality_app.ui.date_format import entry_format


def completer(names, parent: QWidget) -> QCompleter:
    """Offers saved names as the user types: any part of the name matches, in any case."""
    completer = QCompleter(list(names), parent)
    completer.setCaseSensitivity(Qt.CaseInsensitive)
    completer.setFilterMode(Qt.MatchContains)
    return completer


def tab_leaves(edit: QWidget, forward: bool) -> bool:
    """Tab goes to the next field, as everywhere else in a form: a date field's own handling
    steps through its day, month, year, hour and minute first (five Tabs to leave it). Typing
    moves on between the parts, and the arrow keys step through them."""
    return QWidget.focusNextPrevChild(edit, forward)


class LocalDateTime(QDateTimeEdit):
    """A date and time shown and entered in the visit's time zone."""

    def __init__(self, zone_name: str, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat(entry_format())
        self.set_zone(zone_name)

    def focusNextPrevChild(self, next: bool) -> bool:
        return tab_leaves(self, next)

    def set_zone(self, zone_name: str) -> None:
        self._zone = QTimeZone(zone_name.encode())
        self.setTimeZone(self._zone)

    def set_moment(self, moment: datetime) -> None:
        self.setDateTime(QDateTime.fromSecsSinceEpoch(int(moment.timestamp()), self._zone))

    def moment(self, zone) -> datetime:
        return datetime.fromtimestamp(self.dateTime().toSecsSinceEpoch(), tz=zone)
