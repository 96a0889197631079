"""Small building blocks of the planner: a completer over names saved before, and local
date-time fields in the visit's zone."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime, QEvent, Qt, QTimeZone
from PySide6.QtWidgets import QCompleter, QDateTimeEdit, QWidget

from hospitality_app.ui.date_format import entry_format


def completer(names, parent: QWidget) -> QCompleter:
    """Offers saved names as the user types: any part of the name matches, in any case."""
    completer = QCompleter(list(names), parent)
    completer.setCaseSensitivity(Qt.CaseInsensitive)
    completer.setFilterMode(Qt.MatchContains)
    return completer


class DateTyping:
    """How a date field takes the keyboard, like the other fields of a form:
    - Tab and Shift+Tab go to the next or previous field (Qt's own steps through day, month,
      year, hour and minute first: five Tabs to leave a field);
    - a date is typed with or without its separators ("03/12/2026 09:00", "031220260900"): a
      separator moves on to the next part, never out of the field;
    - coming in with Tab or Shift+Tab selects the first part, a click the part clicked, so that
      what is typed replaces it (Qt puts the cursor in a full part, where typing does nothing).
    """

    def event(self, event) -> bool:
        tab = event.type() == QEvent.KeyPress and event.key() in (Qt.Key_Tab, Qt.Key_Backtab)
        if tab and not event.modifiers() & (Qt.ControlModifier | Qt.AltModifier):
            forward = event.key() == Qt.Key_Tab and not event.modifiers() & Qt.ShiftModifier
            return QWidget.focusNextPrevChild(self, forward)  # type: ignore[arg-type]
        return super().event(event)  # type: ignore[misc]

    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)  # type: ignore[misc]
        if event.reason() in (Qt.TabFocusReason, Qt.BacktabFocusReason):
            self.setSelectedSection(self.sectionAt(0))  # type: ignore[attr-defined]

    def mouseReleaseEvent(self, event) -> None:
        super().mouseReleaseEvent(event)  # type: ignore[misc]
        section = self.currentSection()  # type: ignore[attr-defined]
        if section != QDateTimeEdit.NoSection and not self.lineEdit().hasSelectedText():  # type: ignore[attr-defined]
            self.setSelectedSection(section)  # type: ignore[attr-defined]


class LocalDateTime(DateTyping, QDateTimeEdit):
    """A date and time shown and entered in the visit's time zone."""

    def __init__(self, zone_name: str, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat(entry_format())
        self.set_zone(zone_name)

    def set_zone(self, zone_name: str) -> None:
        self._zone = QTimeZone(zone_name.encode())
        self.setTimeZone(self._zone)

    def set_moment(self, moment: datetime) -> None:
        self.setDateTime(QDateTime.fromSecsSinceEpoch(int(moment.timestamp()), self._zone))

    def moment(self, zone) -> datetime:
        return datetime.fromtimestamp(self.dateTime().toSecsSinceEpoch(), tz=zone)
