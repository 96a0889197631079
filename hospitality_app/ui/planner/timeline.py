"""The planner's timeline: one day of the visit on an hour axis, a lane for the visitors, each
host and each car, every item a block in its kind's colour with its findings marked. A click
opens the item in its tab; dragging a block (or the arrow keys) moves it in five-minute steps,
one undo step each."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QScrollArea, QToolTip, QVBoxLayout, QWidget

from hospitality_app.exports import timeline
from hospitality_app.exports.timeline import SNAP_MINUTES, VISITORS, Block, Day
from hospitality_app.formats import short_day_text, time_text
from hospitality_app.i18n import _
from hospitality_app.services.dto import VisitPlan

NAMES_WIDTH, HEADER, ROW = 140, 26, 30
EDGE = 5  # pixels at a block's end that change its length instead of moving it
MARK = QColor("#b00020")
# Hosting-calendar windows shaded behind the blocks: the fast, the Friday prayer, Shabbat, a shutdown.
SHADES = {"fast": QColor(240, 180, 40, 45), "prayer": QColor(40, 160, 90, 60), "shabbat": QColor(60, 90, 200, 45)}
SHADES["closed"] = QColor(120, 120, 120, 50)


def lane_name(lane: str) -> str:
    if lane == VISITORS:
        return _("Visitors")
    if lane.startswith("vehicle:"):
        return _("Car: {name}").format(name=lane.removeprefix("vehicle:"))
    return lane


class DayView(QWidget):
    """One day painted: hours across, lanes down.

    Signals:
        chosen(str): a block was clicked (its target).
        move_asked(str, int): a block was dragged or moved with the keyboard (target, minutes).
        stretch_asked(str, int): a block's end was dragged (target, minutes longer).
    """

    chosen = Signal(str)
    move_asked = Signal(str, int)
    stretch_asked = Signal(str, int)
    drag_preview = Signal(str, int, bool)

    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.day: Day | None = None
        self.plan: VisitPlan | None = None
        self.windows: tuple = ()  # the day's hosting-calendar windows (hosting_calendars.day_notes)
        self.marks: dict[str, list[str]] = {}
        self.selected: str | None = None
        self._press: tuple[str, float] | None = None
        self._drag_minutes = 0
        self._stretching = False  # the press was on a block's end: the drag changes its length
        self.setFocusPolicy(Qt.StrongFocus)
        self.setMouseTracking(True)
        self.setAccessibleName(_("Timeline of the day"))

    def show_day(self, plan: VisitPlan, day: Day | None, findings, windows=()) -> None:
        self.plan, self.day, self.windows = plan, day, tuple(windows)
        self.setMinimumHeight(HEADER + ROW * (len(day.lanes) if day else 1) + 8)
        self.set_findings(findings)

    def set_findings(self, findings) -> None:
        """Mark the blocks the findings concern (while a block is dragged: the plan as it would be)."""
        self.marks = {}
        for block in self.day.blocks if self.day else ():
            for f in findings:
                if any(block.concerned_by(t) for t in (f.target, *f.related)):
                    self.marks.setdefault(block.target, []).append(f.message)
        self.update()

    @property
    def dragging(self) -> bool:
        return self._press is not None

    # geometry ------------------------------------------------------------------
    def _minutes_wide(self) -> int:
        return (self.day.last_hour - self.day.first_hour) * 60 if self.day else 60

    def _per_minute(self) -> float:
        return max(self.width() - NAMES_WIDTH - 12, 60) / self._minutes_wide()

    def _x(self, moment: datetime) -> float:
        assert self.day is not None and self.plan is not None
        local = self.plan.local(moment)
        start = datetime.combine(self.day.day, datetime.min.time(), local.tzinfo)
        minutes = (local - start).total_seconds() / 60 - self.day.first_hour * 60
        return NAMES_WIDTH + minutes * self._per_minute()

    def block_rects(self, block: Block) -> list[QRectF]:
        assert self.day is not None
        dragged = self._press is not None and self._press[0] == block.target
        shift = timedelta(minutes=self._drag_minutes) if dragged else timedelta()
        left = self._x(block.start + (timedelta() if self._stretching else shift))
        right = self._x(block.end + shift)
        return [
            QRectF(left, HEADER + ROW * self.day.lanes.index(lane) + 3, max(right - left, 4), ROW - 6)
            for lane in block.lanes
            if lane in self.day.lanes
        ]

    def block_at(self, point: QPointF) -> Block | None:
        if self.day is None:
            return None
        for block in reversed(self.day.blocks):  # the one drawn last is on top
            if any(r.contains(point) for r in self.block_rects(block)):
                return block
        return None

    # painting ------------------------------------------------------------------
    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.Antialiasing)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.base())
        if self.day is None or self.plan is None:
            hint = _("Pickups, meals, the tour and the agenda appear here by the hour once they are added.")
            painter.drawText(self.rect(), Qt.AlignCenter, _("Nothing is planned at a time yet.") + "\n" + hint)
            return
        day, metrics = self.day, QFontMetrics(self.font())
        grid = QColor(palette.mid().color())
        grid.setAlpha(90)
        for hour in range(day.first_hour, day.last_hour + 1):
            x = NAMES_WIDTH + (hour - day.first_hour) * 60 * self._per_minute()
            painter.setPen(QPen(grid))
            painter.drawLine(QPointF(x, HEADER - 4), QPointF(x, HEADER + ROW * len(day.lanes)))
            if hour < day.last_hour:
                painter.setPen(palette.text().color())
                painter.drawText(QRectF(x + 3, 0, 60, HEADER - 4), Qt.AlignVCenter, time_text(hour_of(day, hour)))
        for row, lane in enumerate(day.lanes):
            y = HEADER + ROW * row
            if row % 2:
                painter.fillRect(QRectF(0, y, self.width(), ROW), palette.alternateBase())
            painter.setPen(palette.text().color())
            name = metrics.elidedText(lane_name(lane), Qt.ElideRight, NAMES_WIDTH - 12)
            painter.drawText(QRectF(6, y, NAMES_WIDTH - 10, ROW), Qt.AlignVCenter, name)
        right = float(NAMES_WIDTH + self._minutes_wide() * self._per_minute())
        for window in self.windows:
            left, end = max(self._x(window.start), float(NAMES_WIDTH)), min(self._x(window.end), right)
            if end > left:
                painter.fillRect(QRectF(left, HEADER - 4, end - left, ROW * len(day.lanes) + 4), SHADES[window.kind])
                band = QColor(SHADES[window.kind])
                band.setAlpha(200)  # a strip under the hours says where the window runs, even under blocks
                painter.fillRect(QRectF(left, HEADER - 4, end - left, 4), band)
        for block in day.blocks:
            self._paint_block(painter, metrics, block)

    def _paint_block(self, painter: QPainter, metrics: QFontMetrics, block: Block) -> None:
        fill = QColor(block.color)
        fill.setAlpha(200)
        marked = block.target in self.marks
        chosen = block.target == self.selected
        pen = QPen(MARK if marked else fill.darker(150), 3 if chosen else (2 if marked else 1))
        for rect in self.block_rects(block):
            painter.setPen(pen)
            painter.setBrush(fill)
            painter.drawRoundedRect(rect, 4, 4)
            painter.setPen(QPen(QColor(255, 255, 255, 160)))
            for stop in block.stops[1:]:  # where the tour moves on to its next stop
                x = self._x(stop.start) + (rect.left() - self._x(block.start))
                painter.drawLine(QPointF(x, rect.top() + 3), QPointF(x, rect.bottom() - 3))
            painter.setPen(Qt.white)
            text = metrics.elidedText(block.title, Qt.ElideRight, int(rect.width()) - 8)
            painter.drawText(rect.adjusted(4, 0, -4, 0), Qt.AlignVCenter, text)

    # the user --------------------------------------------------------------------
    def event(self, event) -> bool:
        if event.type() == QEvent.ToolTip:
            block = self.block_at(QPointF(event.pos()))
            shaded = self.windows_at(QPointF(event.pos()).x())
            if block is not None:
                QToolTip.showText(event.globalPos(), self.describe(block), self)
            elif shaded:
                QToolTip.showText(event.globalPos(), "\n".join(shaded), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def windows_at(self, x: float) -> list[str]:
        """What the shaded windows under `x` are, with their times."""
        if self.plan is None:
            return []
        names = {
            "fast": _("Ramadan fast"),
            "prayer": _("Friday prayer"),
            "shabbat": _("Shabbat"),
            "closed": _("Factory shut down"),
        }
        return [f"{names[w.kind]} {self._span(w)}" for w in self.windows if self._x(w.start) <= x < self._x(w.end)]

    def _span(self, window) -> str:
        """A window's times on this day: "12:14–13:14", "from 17:19", "until 17:59", "all day"."""
        assert self.plan is not None
        start, end = self.plan.local(window.start), self.plan.local(window.end)
        from_midnight, to_midnight = start.time() == time() and start.date() == self.day.day, end.date() > self.day.day
        if from_midnight and to_midnight:
            return _("all day")
        if to_midnight:
            return _("from {time}").format(time=time_text(start))
        if from_midnight:
            return _("until {time}").format(time=time_text(end))
        return f"{time_text(start)}–{time_text(end)}"

    def describe(self, block: Block) -> str:
        assert self.plan is not None
        start, end = self.plan.local(block.start), self.plan.local(block.end)
        lines = [block.title or block.target, f"{time_text(start)}–{time_text(end)}"]
        lines += [f"• {s.name} {time_text(self.plan.local(s.start))}" for s in block.stops]
        lines += self.marks.get(block.target, [])
        return "\n".join(lines)

    def on_end(self, point: QPointF) -> Block | None:
        """The block whose end (the last few pixels) is at `point`, when its length can change."""
        block = self.block_at(point)
        if block is None or block.target.partition("[")[0] not in timeline.RESIZABLE:
            return None
        return block if any(abs(r.right() - point.x()) <= EDGE for r in self.block_rects(block)) else None

    def mousePressEvent(self, event) -> None:
        block = self.block_at(event.position())
        self._press = (block.target, event.position().x()) if block is not None else None
        self._stretching = self.on_end(event.position()) is not None
        self._drag_minutes = 0
        if block is not None:
            self.selected = block.target
            self.update()

    def mouseMoveEvent(self, event) -> None:
        if self._press is not None and event.buttons() & Qt.LeftButton:
            minutes = timeline.snapped((event.position().x() - self._press[1]) / self._per_minute())
            if minutes != self._drag_minutes:  # the check reads the plan as the drop would make it
                self._drag_minutes = minutes
                self.drag_preview.emit(self._press[0], minutes, self._stretching)
            self.update()
        elif self._press is None:
            near_end = self.on_end(event.position()) is not None
            self.setCursor(Qt.SizeHorCursor if near_end else Qt.ArrowCursor)

    def mouseReleaseEvent(self, event) -> None:
        press, minutes, stretching = self._press, self._drag_minutes, self._stretching
        self._press, self._drag_minutes, self._stretching = None, 0, False
        self.update()
        if press is None:
            return
        if minutes:
            (self.stretch_asked if stretching else self.move_asked).emit(press[0], minutes)
        else:
            self.chosen.emit(press[0])

    def keyPressEvent(self, event) -> None:
        if self.selected is None or self.day is None:
            super().keyPressEvent(event)
            return
        step = 6 * SNAP_MINUTES if event.modifiers() & Qt.ShiftModifier else SNAP_MINUTES
        if event.key() in (Qt.Key_Left, Qt.Key_Right):
            self.move_asked.emit(self.selected, step if event.key() == Qt.Key_Right else -step)
        elif event.key() in (Qt.Key_Return, Qt.Key_Enter):
            self.chosen.emit(self.selected)
        elif event.key() in (Qt.Key_Up, Qt.Key_Down, Qt.Key_Tab):
            targets = [b.target for b in self.day.blocks]
            here = targets.index(self.selected) if self.selected in targets else -1
            self.selected = targets[(here + (-1 if event.key() == Qt.Key_Up else 1)) % len(targets)]
            self.update()
        else:
            super().keyPressEvent(event)


def hour_of(day: Day, hour: int) -> datetime:
    return datetime.combine(day.day, datetime.min.time()) + timedelta(hours=hour)


class TimelineTab(QWidget):
    """The day picker over the day's view (whose signals say what the user did)."""

    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.days: list[Day] = []
        self._plan: VisitPlan | None = None
        self._findings: tuple = ()
        self._notes: dict = {}
        self.day_box = QComboBox(self)
        self.day_box.currentIndexChanged.connect(self._day_chosen)
        self.notes = QLabel(self)  # the chosen day's holidays, fast, prayer, Shabbat
        self.notes.setWordWrap(True)
        self.notes.setVisible(False)
        hint = QLabel(
            _(
                "Drag a block to move it, its end to change its length; or select it and press ← →, "
                "Shift for half an hour. A click opens it."
            ),
            self,
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(mid);")
        self.view = DayView(parent=self)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.view)
        top = QHBoxLayout()
        top.addWidget(QLabel(_("Day:"), self))
        top.addWidget(self.day_box)
        top.addWidget(hint, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.notes)
        layout.addWidget(scroll, 1)

    def show_plan(self, plan: VisitPlan, findings, notes=None) -> None:
        """Show `plan` (after each check), on the day shown before when it still has items;
        during a drag, only what the check found of the plan as the drop would make it.
        `notes`: the hosting calendars' notes by day (a day with notes and no items is shown too)."""
        if self.view.dragging:
            self.view.set_findings(findings)
            return
        shown = (
            self.days[self.day_box.currentIndex()].day if 0 <= self.day_box.currentIndex() < len(self.days) else None
        )
        self._plan, self._findings, self._notes = plan, tuple(findings), dict(notes or {})
        planned = {d.day: d for d in timeline.days(plan)}
        for day in self._notes.keys() - planned.keys():
            planned[day] = Day(day, (VISITORS,), (), 8, 18)  # a holiday with nothing planned yet
        self.days = [planned[day] for day in sorted(planned)]
        self.day_box.blockSignals(True)
        self.day_box.clear()
        for d in self.days:
            marked = " ◆" if d.day in self._notes else ""  # the day has calendar notes
            self.day_box.addItem(short_day_text(d.day) + marked, d.day)
        keep = next((i for i, d in enumerate(self.days) if d.day == shown), 0)
        self.day_box.setCurrentIndex(keep if self.days else -1)
        self.day_box.blockSignals(False)
        self._day_chosen()

    def _day_chosen(self, *_args) -> None:
        if self._plan is None:
            return
        index = self.day_box.currentIndex()
        day = self.days[index] if 0 <= index < len(self.days) else None
        notes = self._notes.get(day.day) if day is not None else None
        self.notes.setText("\n".join(f"◆ {line}" for line in notes.lines) if notes else "")
        self.notes.setVisible(notes is not None)
        windows = notes.windows if notes else ()
        if day is not None and windows:
            day = self._with_window_edges(day, windows)
        self.view.show_day(self._plan, day, self._findings, windows)

    def _with_window_edges(self, day: Day, windows) -> Day:
        """The day's hours widened to show where the sunset, the prayer or Shabbat falls (not the
        dawn of a fast, which would squeeze the working day into a corner)."""
        assert self._plan is not None
        edges = []
        for w in windows:
            start, end = self._plan.local(w.start), self._plan.local(w.end)
            if w.kind in ("prayer", "shabbat") and start.date() == day.day and start.time() != time():
                edges.append(start.hour)
            if w.kind in ("fast", "prayer", "shabbat") and end.date() == day.day:
                edges.append(end.hour + 1)
        if not edges:
            return day
        return replace(day, first_hour=min(day.first_hour, *edges), last_hour=min(24, max(day.last_hour, *edges)))

    def show_day(self, iso_day: str) -> bool:
        """Show the day `iso_day` ("2027-10-01") names, as a finding about a whole day asks."""
        try:
            wanted = date.fromisoformat(iso_day)
        except ValueError:
            return False
        index = next((i for i, d in enumerate(self.days) if d.day == wanted), None)
        if index is None:
            return False
        self.day_box.setCurrentIndex(index)
        return True

    def select(self, target: str) -> None:
        """Show the day of the item at `target` with its block selected (an item chosen in its tab)."""
        index = next((i for i, d in enumerate(self.days) if any(b.target == target for b in d.blocks)), None)
        if index is None:
            return
        if index != self.day_box.currentIndex():
            self.day_box.setCurrentIndex(index)
        self.view.selected = target
        self.view.update()
