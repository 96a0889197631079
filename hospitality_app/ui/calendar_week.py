"""The calendar's week on an hour axis: a column a day, every visit's items placed at their hours
in the visit's own colour, items at the same time side by side; a click opens the planner on
the item."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QToolTip, QWidget

from hospitality_app.formats import short_day_text, time_text
from hospitality_app.i18n import _, list_text
from hospitality_app.services.calendar_week import WeekItem, side_by_side

HOURS_WIDTH, HEADER, HOUR = 54, 24, 48  # a quarter of an hour: one line of text


def visit_colour(visit_id: int) -> QColor:
    return QColor.fromHsv((visit_id * 137) % 360, 150, 200)


class WeekView(QWidget):
    """Signals:
    item_chosen(int, str): an item was clicked (its visit, its target in the plan).
    """

    item_chosen = Signal(int, str)

    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.days: list[date] = []
        self.items: list[WeekItem] = []
        self.first_hour, self.last_hour = 8, 18
        self._rects: list[tuple[QRectF, WeekItem]] = []
        self.setMouseTracking(True)
        self.setAccessibleName(_("Week"))

    def show_week(self, days: list[date], items: list[WeekItem]) -> None:
        self.days, self.items = days, items
        hours = [(i.start, i.end) for i in items]
        self.first_hour = min([8, *(s.hour for s, _e in hours)])
        self.last_hour = max(
            [18, *((e.hour + (1 if e.minute else 0)) if e.date() == s.date() else 24 for s, e in hours)]
        )
        self.setMinimumHeight(HEADER + HOUR * (self.last_hour - self.first_hour) + 4)
        self._layout()
        self.update()

    # geometry ------------------------------------------------------------------
    def _column_width(self) -> float:
        return max(self.width() - HOURS_WIDTH - 4, 70) / max(len(self.days), 1)

    def _y(self, moment: datetime) -> float:
        return HEADER + (moment.hour + moment.minute / 60 - self.first_hour) * HOUR

    def _y_end(self) -> float:
        return HEADER + (self.last_hour - self.first_hour) * HOUR

    def _layout(self) -> None:
        self._rects = []
        width = self._column_width()
        for index, day in enumerate(self.days):
            todays = [i for i in self.items if i.start.date() == day]
            spans = [
                (self._y(i.start), max(self._y(i.end) if i.end.date() == day else self._y_end(), self._y(i.start) + 12))
                for i in todays
            ]
            for item, (top, bottom), (column, columns) in zip(todays, spans, side_by_side(spans), strict=True):
                share = (width - 6) / max(columns, 1)
                left = HOURS_WIDTH + index * width + 3 + column * share
                self._rects.append((QRectF(left, top, share - 2, bottom - top), item))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._layout()

    def item_at(self, point: QPointF) -> WeekItem | None:
        return next((item for rect, item in reversed(self._rects) if rect.contains(point)), None)

    # painting ------------------------------------------------------------------
    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.base())
        metrics = QFontMetrics(self.font())
        width = self._column_width()
        grid = QColor(palette.mid().color())
        grid.setAlpha(90)
        for hour in range(self.first_hour, self.last_hour + 1):
            y = HEADER + (hour - self.first_hour) * HOUR
            painter.setPen(QPen(grid))
            painter.drawLine(QPointF(HOURS_WIDTH, y), QPointF(self.width(), y))
            if hour < self.last_hour:
                painter.setPen(palette.text().color())
                label = time_text(
                    datetime.combine(self.days[0] if self.days else date.today(), datetime.min.time()).replace(
                        hour=hour
                    )
                )
                painter.drawText(QRectF(2, y, HOURS_WIDTH - 6, 16), Qt.AlignRight | Qt.AlignTop, label)
        for index, day in enumerate(self.days):
            x = HOURS_WIDTH + index * width
            painter.setPen(QPen(grid))
            painter.drawLine(QPointF(x, 0), QPointF(x, self.height()))
            painter.setPen(palette.text().color())
            painter.drawText(QRectF(x, 0, width, HEADER), Qt.AlignCenter, short_day_text(day))
        for rect, item in self._rects:
            fill = visit_colour(item.visit_id)
            painter.setPen(QPen(fill.darker(140)))
            painter.setBrush(fill)
            painter.drawRoundedRect(rect, 3, 3)
            painter.setPen(Qt.black)
            text = f"{time_text(item.start)} {item.block.title or item.company}"
            lines = int(rect.height() // metrics.height()) or 1
            shown = metrics.elidedText(text, Qt.ElideRight, int(rect.width() - 6) * lines)
            painter.drawText(rect.adjusted(3, 1, -3, -1), Qt.TextWordWrap | Qt.AlignTop, shown)

    # the user ------------------------------------------------------------------
    def event(self, event) -> bool:
        if event.type() == QEvent.ToolTip:
            item = self.item_at(QPointF(event.pos()))
            if item is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), describe(item), self)
            return True
        return super().event(event)

    def mouseReleaseEvent(self, event) -> None:
        item = self.item_at(event.position())
        if item is not None:
            self.item_chosen.emit(item.visit_id, item.block.target)


def describe(item: WeekItem) -> str:
    block = item.block
    lines = [block.title or block.target, f"{time_text(item.start)}–{time_text(item.end)} · {item.company}"]
    if item.people:
        lines.append(list_text(item.people))
    return "\n".join(lines)
