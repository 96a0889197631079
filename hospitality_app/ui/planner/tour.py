"""The planner's Factory tour tab: the route (reordered by drag and drop), its total minutes,
the guide and the two door keepers."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from hospitality_app.i18n import _
from hospitality_app.services.dto import TourData, TourStopData, VisitPlan
from hospitality_app.services.saved import SavedNames
from hospitality_app.ui.planner.editors import Editor, parse_path
from hospitality_app.ui.planner.widgets import LocalDateTime, completer


class TourEditor(Editor):
    """The route: stops reordered by drag and drop, total minutes, guide and door keepers."""

    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.enabled = QCheckBox(_("This visit includes a factory tour"), self)
        self.start = LocalDateTime("Asia/Shanghai", parent=self)
        self.guide, self.door_front, self.door_back = (QComboBox(self) for _i in range(3))
        self.stops = QListWidget(self)
        self.stops.setDragDropMode(QAbstractItemView.InternalMove)
        self.stops.setDefaultDropAction(Qt.MoveAction)
        self.stops.model().rowsMoved.connect(self._moved)
        self.stop_name = QLineEdit(self)
        self.stop_name.setPlaceholderText(_("Stop (showroom, line, lab…)"))
        self.stop_minutes = QSpinBox(self)
        self.stop_minutes.setRange(1, 240)
        self.stop_minutes.setValue(15)
        self.stop_minutes.setSuffix(" " + _("min"))
        self.glass = QCheckBox(_("through the glass window"), self)
        add = QPushButton(_("Add stop"), self)
        add.clicked.connect(self.add_stop)
        remove = QPushButton(_("Remove stop"), self)
        remove.clicked.connect(self.remove_stop)
        self.total = QLabel(self)
        row = QHBoxLayout()
        for w in (self.stop_name, self.stop_minutes, self.glass, add, remove):
            row.addWidget(w)
        form = QFormLayout()
        form.addRow(self.enabled)
        form.addRow(_("Start:"), self.start)
        form.addRow(_("Guide:"), self.guide)
        form.addRow(_("Front door:"), self.door_front)
        form.addRow(_("Back door:"), self.door_back)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(_("Route (drag to reorder):"), self))
        layout.addWidget(self.stops)
        layout.addLayout(row)
        layout.addWidget(self.total)
        for w in (self.guide, self.door_front, self.door_back):
            w.currentIndexChanged.connect(self.changed)
        self.start.dateTimeChanged.connect(self.changed)
        self.enabled.toggled.connect(self.changed)

    def offer(self, saved: SavedNames) -> None:
        self.stop_name.setCompleter(completer(saved.tour_stops, self.stop_name))

    def _item(self, stop: TourStopData) -> QListWidgetItem:
        glass = f" · {_('through the glass window')}" if stop.view == "glass_window" else ""
        item = QListWidgetItem(f"{stop.name} — {stop.minutes} {_('min')}{glass}")
        item.setData(Qt.UserRole, stop)
        return item

    def add_stop(self) -> None:
        name = self.stop_name.text().strip()
        if not name:
            self.stop_name.setFocus()
            return
        view = "glass_window" if self.glass.isChecked() else "walk_in"
        self.stops.addItem(self._item(TourStopData(name, self.stop_minutes.value(), view)))
        self.stop_name.clear()
        self._moved()

    def remove_stop(self) -> None:
        row = self.stops.currentRow()
        if row >= 0:
            self.stops.takeItem(row)
            self._moved()

    def route(self) -> tuple[TourStopData, ...]:
        return tuple(self.stops.item(i).data(Qt.UserRole) for i in range(self.stops.count()))

    def _moved(self, *_args) -> None:
        self.total.setText(_("Total: {minutes} min").format(minutes=sum(s.minutes for s in self.route())))
        self.changed.emit()

    def load(self, plan: VisitPlan) -> None:
        self.blockSignals(True)
        names = ["—", *(h.name for h in plan.hosts)]
        for combo in (self.guide, self.door_front, self.door_back):
            combo.clear()
            combo.addItems(names)
        tour = plan.tour
        self.enabled.setChecked(tour is not None)
        self.start.set_zone(plan.timezone)
        self.start.set_moment(tour.start if tour else plan.start)
        self.stops.clear()
        for stop in tour.stops if tour else ():
            self.stops.addItem(self._item(stop))
        for combo, name in (
            (self.guide, tour.guide if tour else None),
            (self.door_front, tour.door_front if tour else None),
            (self.door_back, tour.door_back if tour else None),
        ):
            combo.setCurrentIndex(max(combo.findText(name), 0) if name else 0)
        self.total.setText(_("Total: {minutes} min").format(minutes=sum(s.minutes for s in self.route())))
        self._tour_id = tour.id if tour else None
        self.blockSignals(False)

    def apply(self, plan: VisitPlan) -> VisitPlan:
        if not self.enabled.isChecked():
            return replace(plan, tour=None)

        def person(combo: QComboBox) -> str | None:
            return None if combo.currentIndex() <= 0 else combo.currentText()

        return replace(
            plan,
            tour=TourData(
                self.start.moment(plan.zone),
                person(self.guide),
                person(self.door_front),
                person(self.door_back),
                self.route(),
                id=self._tour_id,
            ),
        )

    def focus(self, path: str, message: str = "") -> bool:
        part, _i, field, j = parse_path(path)
        if part != "tour":
            return False
        target = {"guide": self.guide, "door_front": self.door_front, "door_back": self.door_back}.get(field or "")
        if target is not None:
            target.setFocus()
        elif field == "stops" and j is not None:
            self.stops.setCurrentRow(j)
        return True
