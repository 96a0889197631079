"""Small building blocks of the planner: a completer over names saved before, and local
date-time fields in the visit's zone."""

from __future__ import annotations

import logging
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDateTime, QEvent, Qt, QTimeZone
from PySide6.QtWidgets import QCompleter, QDateTimeEdit, QMainWindow, QToolTip, QWidget

from hospitality_app.i18n import _
from hospitality_app.ui.date_format import entry_format
from hospitality_app.wall_clock import skipped

log = logging.getLogger(__name__)


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
    """A date and time shown and entered in the visit's time zone.

    A local time that the zone's clocks skip (02:30 on the night they go from 02:00 to 03:00)
    was dropped without a word: Qt put back the field's previous value. It is now moved past
    the gap (03:30), and the window's status bar (a dialog's tooltip) and the log say so."""

    def __init__(self, zone_name: str, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat(entry_format())
        self.set_zone(zone_name)

    def set_zone(self, zone_name: str) -> None:
        self._zone_name = zone_name
        self._zone = QTimeZone(zone_name.encode())
        self.setTimeZone(self._zone)

    def focusOutEvent(self, event) -> None:
        self._move_past_a_skipped_time()
        super().focusOutEvent(event)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key_Return, Qt.Key_Enter):
            self._move_past_a_skipped_time()
        super().keyPressEvent(event)

    def _move_past_a_skipped_time(self) -> None:
        typed = self.text()
        shown = QDateTime.fromString(typed, self.displayFormat())
        if not shown.isValid():
            return
        wall = datetime.combine(shown.date().toPython(), shown.time().toPython())
        moved = skipped(wall, ZoneInfo(self._zone_name))
        if moved is None:
            return
        self.set_moment(moved)
        message = _("{typed} does not exist in {zone}: the clocks go forward then. It is now {moved}.").format(
            typed=typed, zone=self._zone_name, moved=self.text()
        )
        log.info("a skipped local time moved on: %s", message)
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(message, 15_000)
        else:  # a dialog has no status bar: said under the field
            QToolTip.showText(self.mapToGlobal(self.rect().bottomLeft()), message, self)

    def set_moment(self, moment: datetime) -> None:
        self.setDateTime(QDateTime.fromSecsSinceEpoch(int(moment.timestamp()), self._zone))

    def moment(self, zone) -> datetime:
        return datetime.fromtimestamp(self.dateTime().toSecsSinceEpoch(), tz=zone)
