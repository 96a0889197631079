"""Week and month views of every visit's items (pickups, meals, tours, meetings), each visit in
its own colour, everyone's or one person's; clicking an item opens its visit on it."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from babel.dates import format_date, format_skeleton
from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QStyledItemDelegate,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hospitality_app.formats import format_locale, time_text
from hospitality_app.i18n import _
from hospitality_app.services.calendar_week import people_of, week_items
from hospitality_app.ui.calendar_week import WeekView, visit_colour
from hospitality_app.ui.ops import Ops

LINE = 17  # pixels per entry line in a day cell


def fitting(height: int, count: int) -> int:
    """How many entries a day cell this high shows in full: all when they fit, else as many as
    leave a line for "+N more"."""
    lines = max((height - LINE - 4) // LINE, 0)
    return count if count <= lines else max(lines - 1, 0)


class DayDelegate(QStyledItemDelegate):
    """Paints a day cell: its date, then one coloured line per entry."""

    def paint(self, painter: QPainter, option, index) -> None:
        painter.save()
        if not index.data(Qt.UserRole + 1):  # a day outside the month
            painter.fillRect(option.rect, QColor("#f3f4f6"))
        painter.setPen(QColor("#616e7c"))
        painter.drawText(option.rect.adjusted(4, 2, -4, 0), Qt.AlignLeft | Qt.AlignTop, index.data(Qt.DisplayRole))
        entries = index.data(Qt.UserRole) or []
        room = fitting(option.rect.height(), len(entries))
        y = option.rect.top() + LINE + 2
        for shown, (text, visit_id, _target) in enumerate(entries):
            if shown == room:  # the rest are counted, listed in the tooltip and on a click
                painter.setPen(QColor("#1f5fa8"))
                more = _("+{n} more").format(n=len(entries) - room)
                painter.drawText(QRect(option.rect.left() + 10, y, option.rect.width() - 12, LINE), Qt.AlignLeft, more)
                break
            painter.fillRect(QRect(option.rect.left() + 3, y + 2, 4, LINE - 4), visit_colour(visit_id))
            painter.setPen(QColor("#1f2933"))
            painter.drawText(
                QRect(option.rect.left() + 10, y, option.rect.width() - 12, LINE), Qt.AlignLeft | Qt.AlignVCenter, text
            )
            y += LINE
        painter.restore()


class CalendarPage(QWidget):
    """Signals:
    item_chosen(int, str): an item was clicked: its visit should open on it (visit, target).
    """

    item_chosen = Signal(int, str)

    def __init__(self, ops: Ops, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops = ops
        self.anchor = date.today()
        self.mode = QComboBox(self)
        self.mode.addItem(_("Week"), "week")
        self.mode.addItem(_("Month"), "month")
        self.mode.setCurrentIndex(1)
        self.mode.currentIndexChanged.connect(self.reload)
        previous, following, today = (QPushButton(text, self) for text in ("◀", "▶", _("Today")))
        previous.clicked.connect(lambda: self.move(-1))
        following.clicked.connect(lambda: self.move(1))
        today.clicked.connect(self.go_today)
        self.heading = QLabel(self)
        self.grid = QTableWidget(self)
        self.grid.setItemDelegate(DayDelegate(self.grid))
        self.grid.setEditTriggers(QTableWidget.NoEditTriggers)
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        self.grid.verticalHeader().setSectionResizeMode(QHeaderView.Stretch)
        self.grid.verticalHeader().setVisible(False)
        self.grid.cellClicked.connect(self._clicked)
        self.week = WeekView(parent=self)
        self.week.item_chosen.connect(self.item_chosen)
        week_scroll = QScrollArea(self)
        week_scroll.setWidgetResizable(True)
        week_scroll.setWidget(self.week)
        self.views = QStackedWidget(self)
        self.views.addWidget(self.grid)
        self.views.addWidget(week_scroll)
        self.person = QComboBox(self)  # the week as one person lives it: the driver's week
        self.person.setAccessibleName(_("Whose week"))
        self.person.addItem(_("Everyone"), None)
        self.person.currentIndexChanged.connect(self._show_items)
        self.week_items: list = []
        top = QHBoxLayout()
        for w in (previous, today, following, self.heading):
            top.addWidget(w)
        top.addStretch(1)
        top.addWidget(self.person)
        top.addWidget(self.mode)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.views, 1)

    def days(self) -> list[date]:
        if self.mode.currentData() == "week":
            first = self.anchor - timedelta(days=self.anchor.weekday())
            return [first + timedelta(days=i) for i in range(7)]
        first = self.anchor.replace(day=1)
        first -= timedelta(days=first.weekday())
        return [first + timedelta(days=i) for i in range(42)]

    def move(self, step: int) -> None:
        if self.mode.currentData() == "week":
            self.anchor += timedelta(days=7 * step)
        else:
            month = self.anchor.month - 1 + step
            self.anchor = date(self.anchor.year + month // 12, month % 12 + 1, 1)
        self.reload()

    def go_today(self) -> None:
        self.anchor = date.today()
        self.reload()

    def reload(self):
        """Read the items of the days shown off the GUI thread; returns the operation."""
        days = self.days()
        start = datetime.combine(days[0], time(), tzinfo=UTC) - timedelta(days=1)
        end = datetime.combine(days[-1], time(), tzinfo=UTC) + timedelta(days=2)
        self.views.setCurrentIndex(1 if self.mode.currentData() == "week" else 0)
        return self._ops.query(
            self, lambda session: week_items(session, start, end), lambda got: self._got_items(days, got)
        )

    def _got_items(self, days: list[date], items) -> None:
        if days != self.days():
            return  # the user moved on to other days meanwhile
        self.week_items = [i for i in items if i.start.date() in days]
        chosen = self.person.currentData()
        self.person.blockSignals(True)
        self.person.clear()
        self.person.addItem(_("Everyone"), None)
        for name in people_of(self.week_items):
            self.person.addItem(name, name)
        self.person.setCurrentIndex(max(self.person.findData(chosen), 0))
        self.person.blockSignals(False)
        self._show_items()

    def _show_items(self, *_args) -> None:
        """The items of the person chosen (everyone's by default), as a week or a month."""
        who = self.person.currentData()
        shown = [i for i in self.week_items if who is None or who in i.people]
        days, locale = self.days(), format_locale()
        if self.mode.currentData() == "week":
            self.week.show_week(days, shown)
            first, last = (format_date(d, "medium", locale=locale) for d in (days[0], days[-1]))
            self.heading.setText(f"<b>{first} – {last}</b>")
            return
        by_day: dict[date, list] = {}
        for i in shown:
            what = {"pickup": f"{_('Pickup')} {i.block.title}", "tour": i.block.title or _("Factory tour")}.get(
                i.block.kind, i.block.title
            )
            text = f"{time_text(i.start)} {what} · {i.company}"
            by_day.setdefault(i.start.date(), []).append((text, i.visit_id, i.block.target))
        self.grid.clear()
        self.grid.setRowCount(len(days) // 7)
        self.grid.setColumnCount(7)
        self.grid.setHorizontalHeaderLabels([format_date(d, "EEE", locale=locale) for d in days[:7]])
        for i, day in enumerate(days):
            item = QTableWidgetItem(format_skeleton("MMMd", day, locale=locale))  # 12月1日, Dec 1
            item.setData(Qt.UserRole, by_day.get(day, []))
            item.setToolTip("\n".join(entry[0] for entry in by_day.get(day, [])))
            item.setData(Qt.UserRole + 1, day.month == self.anchor.month)
            self.grid.setItem(i // 7, i % 7, item)
        self.heading.setText(f"<b>{format_skeleton('yMMMM', self.anchor, locale=locale)}</b>")  # 2026年12月
        self.entries_by_day = by_day

    def _clicked(self, row: int, column: int) -> None:
        rect = self.grid.visualItemRect(self.grid.item(row, column))
        cursor = self.grid.viewport().mapFromGlobal(self.grid.cursor().pos())
        self.open_line(row, column, (cursor.y() - rect.top() - LINE - 2) // LINE)

    def open_line(self, row: int, column: int, line: int) -> None:
        """The entry on `line` of a day cell opens its visit; the "+N more" line lists them all."""
        item = self.grid.item(row, column)
        entries = item.data(Qt.UserRole) or []
        if not entries:
            return
        rect = self.grid.visualItemRect(item)
        if line >= fitting(rect.height(), len(entries)):
            self.day_menu = QMenu(self.grid)
            for text, visit_id, target in entries:
                self.day_menu.addAction(text, lambda v=visit_id, t=target: self.item_chosen.emit(v, t))
            self.day_menu.popup(self.grid.viewport().mapToGlobal(rect.bottomLeft()))
            return
        _text, visit_id, target = entries[max(0, line)]
        self.item_chosen.emit(visit_id, target)
