"""The planner's Factory tour tab: when it starts, who guides and who opens the front and back
doors (offered from the hosts in those roles), and the route — stops edited in place, reordered by
drag and drop or Ctrl+Up/Down, their minutes adding up to the tour's length."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from hospitality_app.i18n import _, label
from hospitality_app.services.dto import TourData, TourStopData, VisitPlan
from hospitality_app.services.programme import tour_slot
from hospitality_app.services.saved import SavedNames
from hospitality_app.ui.planner.editors import Editor, parse_path
from hospitality_app.ui.planner.form_fields import NameBox
from hospitality_app.ui.planner.item_form import ItemForm, Spec, renamed
from hospitality_app.ui.planner.item_list import ItemList
from hospitality_app.ui.planner.widgets import LocalDateTime

ROLES = ("guide", "door_front", "door_back")


class GlassWindowBox(QCheckBox):
    """A stop seen through the glass window (ticked) or walked into: two ways, one tick box.

    Signals:
        changed: ticked or unticked.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_("Through the glass window, without going in"), parent)
        self.setToolTip(_("For a line the client need not enter: a product they do not buy, a clean room"))
        self.toggled.connect(self.changed)

    def set_value(self, view: str) -> None:
        self.setChecked(view == "glass_window")

    def value(self) -> str:
        return "glass_window" if self.isChecked() else "walk_in"


class TourEditor(Editor):
    """The tour: start, guide and door keepers, and the route's stops."""

    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._plan: VisitPlan | None = None
        self._tour_id: int | None = None
        self.enabled = QCheckBox(_("This visit includes a factory tour"), self)
        self.start = LocalDateTime("Asia/Shanghai", parent=self)
        self.guide, self.door_front, self.door_back = (NameBox(editable=False, parent=self) for _i in range(3))
        self.people = dict(zip(ROLES, (self.guide, self.door_front, self.door_back), strict=True))
        self.form = ItemForm(
            [
                Spec("name", _("Stop")),
                Spec("minutes", _("Minutes"), "minutes", minimum=1, maximum=240),
                Spec("view", _("Seen"), "custom", factory=GlassWindowBox),
                Spec("hygiene", _("Hygiene"), "note", hint=_("Shoe covers, hair nets, no photos…")),
            ],
            parent=self,
        )
        self.stops = ItemList(
            [
                (_("Stop"), lambda s: s.name),
                (_("Minutes"), lambda s: s.minutes),
                (_("Seen"), lambda s: label(s.view)),
            ],
            self.form,
            lambda: TourStopData("", 15),  # walk-in: a glass-window stop is chosen each time
            empty=_("No stops yet. Add the showroom, the lines, the lab: the route in the order walked."),
            nouns=(_("Add stop"), ""),
            adjust=lambda before, after: after if after.name == before.name else renamed(after),
            parent=self,
        )
        self.total = QLabel(self)
        form = QFormLayout()
        form.addRow(_("Start:"), self.start)
        form.addRow(_("Guide:"), self.guide)
        form.addRow(_("Front door:"), self.door_front)
        form.addRow(_("Back door:"), self.door_back)
        self.details = QWidget(self)
        inner = QVBoxLayout(self.details)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addLayout(form)
        inner.addWidget(QLabel(_("Route (drag or Ctrl+Up/Down to reorder):"), self.details))
        inner.addWidget(self.stops, 1)
        inner.addWidget(self.total)
        layout = QVBoxLayout(self)
        layout.addWidget(self.enabled)
        layout.addWidget(self.details, 1)
        for combo in self.people.values():
            combo.currentIndexChanged.connect(self.changed)
        self.start.dateTimeChanged.connect(self.changed)
        self.enabled.toggled.connect(self._toggled)
        self.stops.changed.connect(self._stops_changed)
        self.details.setEnabled(False)

    def offer(self, saved: SavedNames) -> None:
        self.form.set_completions("name", saved.tour_stops)

    def route(self) -> tuple[TourStopData, ...]:
        return tuple(self.stops.items())

    def _stops_changed(self) -> None:
        self._show_total()
        self.changed.emit()

    def _show_total(self) -> None:
        self.total.setText(_("Total: {minutes} min").format(minutes=sum(s.minutes for s in self.route())))

    def _toggled(self, on: bool) -> None:
        self.details.setEnabled(on)
        if on:
            self._preset_people()
            if self._tour_id is None and self._plan is not None:
                # Where the agenda has its slot, or where the usual day has it: never on top of
                # the welcome, as the visit's first minute would be.
                plan = self.current_plan(self._plan)
                slot = next((a.start for a in plan.agenda if a.kind == "factory_tour"), None)
                self.start.set_moment(slot or tour_slot(plan))
        self.changed.emit()

    def _preset_people(self) -> None:
        """Whoever has the guide's or a door's role on the Hosts tab, where nobody is chosen yet."""
        if self._plan is None:
            return
        hosts = self.current_plan(self._plan).hosts
        for role, combo in self.people.items():
            if combo.value() is None:
                holder = next((h.name for h in hosts if role in h.roles), None)
                if holder:
                    combo.set_value([h.name for h in hosts if h.name], holder)

    def load(self, plan: VisitPlan) -> None:
        self._plan = plan
        self.blockSignals(True)
        try:
            tour = plan.tour
            names = [h.name for h in plan.hosts if h.name]
            for role, combo in self.people.items():
                combo.set_value(names, getattr(tour, role) if tour else None)
            self.enabled.setChecked(tour is not None)
            self.details.setEnabled(tour is not None)
            self.start.set_zone(plan.timezone)
            self.start.set_moment(tour.start if tour else plan.start)
            self.stops.set_items(tour.stops if tour else (), plan.zone)
            self._tour_id = tour.id if tour else None
            self._show_total()
        finally:
            self.blockSignals(False)

    def apply(self, plan: VisitPlan) -> VisitPlan:
        if self._plan is not None and [h.name for h in plan.hosts] != [h.name for h in self._plan.hosts]:
            names = [h.name for h in plan.hosts if h.name]  # a host added or renamed: offered at once
            for combo in self.people.values():
                combo.blockSignals(True)
                combo.set_value(names, combo.value())
                combo.blockSignals(False)
        self._plan = plan
        if not self.enabled.isChecked():
            return replace(plan, tour=None)
        return replace(
            plan,
            tour=TourData(
                self.start.moment(plan.zone),
                self.guide.value(),
                self.door_front.value(),
                self.door_back.value(),
                self.route(),
                id=self._tour_id,
            ),
        )

    def mark(self, findings) -> None:
        marks: dict[int, str] = {}
        for f in findings:
            part, _i, field, j = parse_path(f.target or "")
            if part == "tour" and field == "stops" and j is not None:
                marks[j] = f.message
        self.stops.mark(marks)

    def focus(self, path: str, message: str = "") -> bool:
        part, _i, field, j = parse_path(path)
        if part != "tour":
            return False
        if field in self.people:
            self.people[field].setFocus()
        elif field == "stops" and j is not None:
            key = path.rsplit(".", 1)[1] if path.count(".") > 1 else None
            self.stops.focus(j, key if key in self.form.widgets else None, message)
        else:
            self.start.setFocus()
        return True
