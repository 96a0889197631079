"""Small building blocks of the planner: a completer over names saved before, and local
date-time fields in the visit's zone."""

from __future__ import annotations

import logging
from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import QDateTime, QEvent, Qt, QTimer, QTimeZone, Signal
from PySide6.QtWidgets import QCompleter, QDateTimeEdit, QMainWindow, QWidget

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
        if not getattr(self, "_clicks_watched", False):
            # A click lands on the line edit inside the field, never on the field itself.
            self.lineEdit().installEventFilter(self)  # type: ignore[attr-defined]
            self._clicks_watched = True
        if event.reason() in (Qt.TabFocusReason, Qt.BacktabFocusReason):
            self.setSelectedSection(self.sectionAt(0))  # type: ignore[attr-defined]

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.MouseButtonRelease and watched is self.lineEdit():  # type: ignore[attr-defined]
            QTimer.singleShot(0, self, self._select_clicked_section)  # type: ignore[call-overload]
        return super().eventFilter(watched, event)  # type: ignore[misc]

    def _select_clicked_section(self) -> None:
        """The part clicked selected, once the line edit has placed its cursor."""
        section = self.currentSection()  # type: ignore[attr-defined]
        if section != QDateTimeEdit.NoSection and not self.lineEdit().hasSelectedText():  # type: ignore[attr-defined]
            self.setSelectedSection(section)  # type: ignore[attr-defined]


class LocalDateTime(DateTyping, QDateTimeEdit):
    """A date and time shown and entered as the visit's wall clock reads, in its time zone.

    The field holds the wall-clock time itself, in Qt's UTC (where no clock change falls); the
    zone makes a moment of it when it is read. With Qt's own zone handling a time that the
    zone's clocks skip (02:30 on the night they go from 02:00 to 03:00) was refused, half-typed
    or typed, and a changed zone was read in the computer's own. Such a time is now moved past
    the gap (03:30) when the field is left, and said: `skipped_time`, shown in the window's
    status bar, and the log.

    Signals:
    skipped_time(str): a time the clocks skip was moved on; what happened, in words.
    """

    skipped_time = Signal(str)

    def __init__(self, zone_name: str, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTimeZone(QTimeZone.utc())
        self.setCalendarPopup(True)
        self.setDisplayFormat(entry_format())
        self._set: tuple[datetime, datetime] | None = None  # the wall time last set and its moment
        self.set_zone(zone_name)

    def set_zone(self, zone_name: str) -> None:
        """The zone the wall-clock time shown is in (it stays as it is). A name no zone has
        (half typed, or from an old file) leaves the zone as it was."""
        try:
            self._zone = ZoneInfo(zone_name)
        except (ZoneInfoNotFoundError, ValueError):
            if not hasattr(self, "_zone"):
                self._zone, self._zone_name = ZoneInfo("UTC"), "UTC"
            return
        self._zone_name = zone_name

    def set_moment(self, moment: datetime) -> None:
        # To the millisecond, as Qt holds it: the moment set is recognised when read back.
        wall = moment.astimezone(self._zone).replace(tzinfo=None, microsecond=moment.microsecond // 1000 * 1000)
        self.setDateTime(QDateTime(wall.date(), wall.time(), QTimeZone.utc()))
        self._set = (wall, moment)

    def wall(self) -> datetime:
        """The wall-clock time shown (naive)."""
        shown = self.dateTime()
        return datetime.combine(shown.date().toPython(), shown.time().toPython())

    def moment(self, zone) -> datetime:
        """The moment the wall-clock time shown is in `zone`: past the gap for a time the clocks
        skip; the moment set, if unchanged (the second 02:30 of a night clocks go back stays it)."""
        wall = self.wall()
        if self._set is not None:
            wall_set, moment_set = self._set
            local = moment_set.astimezone(zone)
            if wall_set == wall == local.replace(tzinfo=None, microsecond=local.microsecond // 1000 * 1000):
                return local
        return skipped(wall, zone) or wall.replace(tzinfo=zone)

    def focusOutEvent(self, event) -> None:
        self._move_past_a_skipped_time()
        super().focusOutEvent(event)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key_Return, Qt.Key_Enter):
            self._move_past_a_skipped_time()
        super().keyPressEvent(event)

    def _move_past_a_skipped_time(self) -> None:
        self.interpretText()  # what was typed, before it is read
        typed = self.text()
        moved = skipped(self.wall(), self._zone)
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
        self.skipped_time.emit(message)
