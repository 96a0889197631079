"""The planner's tabs. Each editor shows one part of a VisitPlan, gives it back changed
(`apply`), and can put the cursor on a JSON path that a finding or an error names (`focus`)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime, timedelta

from PySide6.QtCore import Qt, Signal
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
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from hospitality_app import vocab
from hospitality_app.errors import ValidationError
from hospitality_app.i18n import _, label
from hospitality_app.services.dto import (
    AgendaItemData,
    DishData,
    HostData,
    MealData,
    RestaurantData,
    TourData,
    TourStopData,
    VisitorData,
    VisitPlan,
)
from hospitality_app.services.saved import SavedNames
from hospitality_app.ui.planner.widgets import (
    ChoicesDialog,
    ItemTable,
    LocalDateTime,
    codes_text,
    completer,
    parse_codes,
)

PATH = re.compile(r"^(\w+)(?:\[(\d+)\])?(?:\.(\w+))?(?:\[(\d+)\])?")


def parse_path(path: str) -> tuple[str, int | None, str | None, int | None]:
    m = PATH.match(path or "")
    if not m:
        return ("", None, None, None)
    part, i, field, j = m.groups()
    return part, int(i) if i else None, field, int(j) if j else None


def local_text(moment: datetime | None, plan: VisitPlan) -> str:
    return plan.local(moment).strftime("%Y-%m-%d %H:%M") if moment else ""


def parse_local(text: str, plan: VisitPlan, path: str) -> datetime:
    try:
        return datetime.strptime(text.strip(), "%Y-%m-%d %H:%M").replace(tzinfo=plan.zone)
    except ValueError:
        raise ValidationError(path, f"not a date and time: {text!r} (like 2026-12-03 12:00)") from None


class Editor(QWidget):
    """Signals:
    changed: the user edited something.
    """

    changed = Signal()
    plan_source = None  # set by the window: the plan as all tabs now show it (for new rows' defaults)

    def current_plan(self, fallback: VisitPlan) -> VisitPlan:
        if self.plan_source is not None:
            try:
                return self.plan_source()
            except ValidationError:
                pass
        return fallback

    def load(self, plan: VisitPlan) -> None:
        raise NotImplementedError

    def apply(self, plan: VisitPlan) -> VisitPlan:
        raise NotImplementedError

    def focus(self, path: str) -> bool:
        return False

    def offer(self, saved: SavedNames) -> None:
        """Offer what earlier visits saved (companies, places, dishes) while the user types."""


class OverviewEditor(Editor):
    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLineEdit(self)
        self.company = QLineEdit(self)
        self.country = QLineEdit(self)
        self.country.setMaxLength(2)
        self.country.setPlaceholderText("ID, DE, SA…")
        self.city = QLineEdit(self)
        self.purpose = QLineEdit(self)
        self.status = QComboBox(self)
        for code in vocab.VISIT_STATUSES:
            self.status.addItem(label(code), code)
        self.timezone = QLineEdit(self)
        self.start = LocalDateTime("Asia/Shanghai", parent=self)
        self.end = LocalDateTime("Asia/Shanghai", parent=self)
        self.key_account = QCheckBox(_("Key account"), self)
        self.first_visit = QCheckBox(_("First visit"), self)
        self.locale = QLineEdit(self)
        self.gifts_forbidden = QCheckBox(_("The client's company forbids gifts"), self)
        form = QFormLayout(self)
        for text, widget in (
            (_("Visit:"), self.title),
            (_("Company:"), self.company),
            (_("Country:"), self.country),
            (_("City:"), self.city),
            (_("Purpose:"), self.purpose),
            (_("Status:"), self.status),
            (_("Time zone:"), self.timezone),
            (_("Start:"), self.start),
            (_("End:"), self.end),
            (_("Client's language:"), self.locale),
        ):
            form.addRow(text, widget)
        form.addRow(self.key_account)
        form.addRow(self.first_visit)
        form.addRow(self.gifts_forbidden)
        for w in (self.title, self.company, self.country, self.city, self.purpose, self.timezone, self.locale):
            w.textEdited.connect(self.changed)
        for w in (self.start, self.end):
            w.dateTimeChanged.connect(self.changed)
        for w in (self.key_account, self.first_visit, self.gifts_forbidden):
            w.toggled.connect(self.changed)
        self.status.currentIndexChanged.connect(self.changed)
        self.fields = {
            "visit.title": self.title,
            "company.name": self.company,
            "company.country": self.country,
            "visit.timezone": self.timezone,
            "visit.start": self.start,
            "visit.end": self.end,
            "visit.client_locale": self.locale,
            "visit.status": self.status,
        }

    def offer(self, saved: SavedNames) -> None:
        self._saved = saved
        self.company.setCompleter(completer(saved.companies, self.company))
        self.company.completer().activated.connect(self._company_chosen)

    def _company_chosen(self, name: str) -> None:
        known = self._saved.companies.get(name)
        if known is None:
            return
        for field, value in ((self.country, known.country), (self.city, known.city)):
            if not field.text():
                field.setText(value)
        self.changed.emit()

    def load(self, plan: VisitPlan) -> None:
        self.blockSignals(True)
        self.title.setText(plan.title)
        self.company.setText(plan.company.name)
        self.country.setText(plan.company.country)
        self.city.setText(plan.company.city)
        self.purpose.setText(plan.purpose)
        self.status.setCurrentIndex(vocab.VISIT_STATUSES.index(plan.status))
        self.timezone.setText(plan.timezone)
        for w, moment in ((self.start, plan.start), (self.end, plan.end)):
            w.set_zone(plan.timezone)
            w.set_moment(moment)
        self.key_account.setChecked(plan.key_account)
        self.first_visit.setChecked(plan.first_visit)
        self.gifts_forbidden.setChecked(plan.company.gift_policy == "forbids")
        self.locale.setText(plan.client_locale)
        self.blockSignals(False)

    def apply(self, plan: VisitPlan) -> VisitPlan:
        from hospitality_app.services.validation import check_timezone

        tz = self.timezone.text().strip()
        check_timezone("visit.timezone", tz)
        zoned = replace(plan, timezone=tz)
        company = replace(
            plan.company,
            name=self.company.text().strip(),
            country=self.country.text().strip().upper(),
            city=self.city.text().strip(),
            gift_policy="forbids" if self.gifts_forbidden.isChecked() else "accepts",
        )
        return replace(
            zoned,
            title=self.title.text().strip(),
            company=company,
            purpose=self.purpose.text().strip(),
            status=self.status.currentData(),
            start=self.start.moment(zoned.zone),
            end=self.end.moment(zoned.zone),
            key_account=self.key_account.isChecked(),
            first_visit=self.first_visit.isChecked(),
            client_locale=self.locale.text().strip() or "en",
        )

    def focus(self, path: str) -> bool:
        widget = self.fields.get(path)
        if widget is not None:
            widget.setFocus()
            return True
        return False


class VisitorsEditor(Editor):
    HEADERS = ("name", "title", "dietary", "allergies")

    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items = ItemTable([_("Name"), _("Title"), _("Diet"), _("Allergies")], parent=self)
        self.items.add_button.clicked.connect(lambda: self.items.append(["", "", "", ""]))
        self.items.changed.connect(self.changed)
        self.diet_button = QPushButton(_("Diet…"), self)
        self.diet_button.clicked.connect(lambda: self.pick(2, vocab.DIETARY, _("Diet")))
        self.allergy_button = QPushButton(_("Allergies…"), self)
        self.allergy_button.clicked.connect(lambda: self.pick(3, vocab.ALLERGENS, _("Allergies")))
        self.items.layout().itemAt(1).layout().insertWidget(2, self.diet_button)
        self.items.layout().itemAt(1).layout().insertWidget(3, self.allergy_button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_("Diet and allergies are picked from the lists, never typed."), self))
        layout.addWidget(self.items)

    def pick(self, column: int, codes, title: str) -> None:
        row = self.items.table.currentRow()
        if row < 0:
            return
        dialog = ChoicesDialog(title, codes, parse_codes(self.items.text(row, column)), parent=self)
        dialog.accepted.connect(lambda: self.set_codes(row, column, dialog.chosen()))
        self.choices = dialog
        dialog.open()

    def set_codes(self, row: int, column: int, codes) -> None:
        self.items.set_text(row, column, codes_text(codes))

    def load(self, plan: VisitPlan) -> None:
        self.items.set_rows(
            [[v.name, v.title, codes_text(v.dietary), codes_text(v.allergies)] for v in plan.visitors], plan.visitors
        )
        for row in range(self.items.rows()):
            for column in (2, 3):
                item = self.items.table.item(row, column)
                item.setFlags(item.flags() & ~Qt.ItemIsEditable)

    def apply(self, plan: VisitPlan) -> VisitPlan:
        visitors = []
        for row in range(self.items.rows()):
            base = self.items.payload(row) or VisitorData("")
            visitors.append(
                replace(
                    base,
                    name=self.items.text(row, 0),
                    title=self.items.text(row, 1),
                    dietary=parse_codes(self.items.text(row, 2)),
                    allergies=parse_codes(self.items.text(row, 3)),
                )
            )
        return replace(plan, visitors=tuple(visitors))

    def focus(self, path: str) -> bool:
        part, i, field, _j = parse_path(path)
        if part == "visitors" and i is not None:
            self.items.focus(i, {"dietary": 2, "allergies": 3, "title": 1}.get(field or "", 0))
            return True
        return False


class HostsEditor(Editor):
    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items = ItemTable([_("Name"), _("Roles"), _("Phone"), _("Email")], parent=self)
        self.items.add_button.clicked.connect(lambda: self.items.append(["", "", "", ""]))
        self.items.changed.connect(self.changed)
        self.roles_button = QPushButton(_("Roles…"), self)
        self.roles_button.clicked.connect(self.pick_roles)
        self.items.layout().itemAt(1).layout().insertWidget(2, self.roles_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.items)

    def pick_roles(self) -> None:
        row = self.items.table.currentRow()
        if row < 0:
            return
        dialog = ChoicesDialog(_("Roles"), vocab.HOST_ROLES, parse_codes(self.items.text(row, 1)), parent=self)
        dialog.accepted.connect(lambda: self.items.set_text(row, 1, codes_text(dialog.chosen())))
        self.choices = dialog
        dialog.open()

    def load(self, plan: VisitPlan) -> None:
        self.items.set_rows([[h.name, codes_text(h.roles), h.phone, h.email] for h in plan.hosts], plan.hosts)

    def apply(self, plan: VisitPlan) -> VisitPlan:
        hosts = []
        for row in range(self.items.rows()):
            base = self.items.payload(row) or HostData("")
            hosts.append(
                replace(
                    base,
                    name=self.items.text(row, 0),
                    roles=parse_codes(self.items.text(row, 1)),
                    phone=self.items.text(row, 2),
                    email=self.items.text(row, 3),
                )
            )
        return replace(plan, hosts=tuple(hosts))

    def focus(self, path: str) -> bool:
        part, i, _field, _j = parse_path(path)
        if part == "hosts":
            self.items.focus(i or 0)
            return True
        return False


class MealRow:
    """What a row of the meals table stands for: the saved meal (None when new) and its dishes
    as edited so far (a plain object, so Qt hands back this same instance)."""

    def __init__(self, original: MealData | None, dishes: list[DishData]) -> None:
        self.original = original
        self.dishes = dishes


class MealsEditor(Editor):
    """Meals, and the dishes of the selected meal (with what they contain)."""

    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.meals = ItemTable(
            [_("Start"), _("End"), _("Meal"), _("Restaurant"), _("Halal kitchen"), _("Alcohol"), _("Guests")],
            parent=self,
        )
        self.meals.set_choices(2, vocab.MEAL_KINDS)
        self.meals.add_button.clicked.connect(self.add_meal)
        self.meals.changed.connect(self.changed)
        self.dishes = ItemTable([_("Dish"), _("Contains")], parent=self)
        self.dishes.add_button.clicked.connect(lambda: self.dishes.append(["", ""]))
        self.dishes.changed.connect(self._dishes_edited)
        self.dishes.table.itemChanged.connect(self._dish_named)
        self._known_dishes: dict[str, tuple[str, ...]] = {}
        self.contains_button = QPushButton(_("Contains…"), self)
        self.contains_button.clicked.connect(self.pick_contents)
        self.dishes.layout().itemAt(1).layout().insertWidget(2, self.contains_button)
        self.meals.table.currentCellChanged.connect(self._meal_selected)
        split = QSplitter(Qt.Vertical, self)
        split.addWidget(self.meals)
        box = QWidget(split)
        inner = QVBoxLayout(box)
        inner.setContentsMargins(0, 0, 0, 0)
        self.dishes_label = QLabel(_("Dishes of the selected meal"), box)
        inner.addWidget(self.dishes_label)
        inner.addWidget(self.dishes)
        split.addWidget(box)
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        self._current = -1
        self._plan: VisitPlan | None = None

    def add_meal(self) -> None:
        plan = self.current_plan(self._plan)
        day = plan.local(plan.start).replace(hour=12, minute=0)
        names = ", ".join(v.name for v in plan.visitors)
        row = self.meals.append(
            [
                day.strftime("%Y-%m-%d %H:%M"),
                (day + timedelta(hours=1)).strftime("%Y-%m-%d %H:%M"),
                "lunch",
                "",
                "no",
                "no",
                names,
            ],
            payload=MealRow(None, []),
        )
        self.meals.focus(row)

    def pick_contents(self) -> None:
        row = self.dishes.table.currentRow()
        if row < 0:
            return
        dialog = ChoicesDialog(_("Contains"), vocab.DISH_CONTENTS, parse_codes(self.dishes.text(row, 1)), parent=self)
        dialog.accepted.connect(lambda: self.dishes.set_text(row, 1, codes_text(dialog.chosen())))
        self.choices = dialog
        dialog.open()

    def _store_dishes(self) -> None:
        if 0 <= self._current < self.meals.rows():
            self.meals.payload(self._current).dishes = [
                DishData(self.dishes.text(r, 0), parse_codes(self.dishes.text(r, 1))) for r in range(self.dishes.rows())
            ]

    def offer(self, saved: SavedNames) -> None:
        self.meals.set_completion(3, saved.restaurants)
        self.dishes.set_completion(0, saved.dishes)
        self._known_dishes = saved.dishes

    def _dish_named(self, item) -> None:
        # A dish served before brings what it contains, so the dietary check sees it at once.
        if item.column() != 0 or self.dishes.is_loading() or self.dishes.text(item.row(), 1):
            return
        known = self._known_dishes.get(item.text().strip())
        if known:
            self.dishes.set_text(item.row(), 1, codes_text(known))

    def _dishes_edited(self) -> None:
        self._store_dishes()
        self.changed.emit()

    def _meal_selected(self, row: int, *_args) -> None:
        self._store_dishes()
        self._current = row
        dishes = self.meals.payload(row).dishes if 0 <= row < self.meals.rows() else []
        self.dishes.set_rows([[d.name, codes_text(d.contains)] for d in dishes])
        self.dishes.setEnabled(row >= 0)

    def load(self, plan: VisitPlan) -> None:
        self._plan = plan
        self._current = -1
        self.meals.set_rows(
            [
                [
                    local_text(m.start, plan),
                    local_text(m.end, plan),
                    m.kind,
                    m.restaurant.name if m.restaurant else "",
                    "yes" if m.restaurant and m.restaurant.halal_certified else "no",
                    "yes" if m.alcohol_served else "no",
                    ", ".join(m.attendees),
                ]
                for m in plan.meals
            ],
            [MealRow(m, list(m.dishes)) for m in plan.meals],
        )
        self.dishes.set_rows([])

    def apply(self, plan: VisitPlan) -> VisitPlan:
        self._store_dishes()
        self._plan = plan
        meals = []
        for row in range(self.meals.rows()):
            base = self.meals.payload(row).original
            name = self.meals.text(row, 3)
            halal = self.meals.text(row, 4).lower() in ("yes", "y", "是", "1", "true")
            restaurant = None
            if name:
                restaurant = (
                    replace(base.restaurant, name=name, halal_certified=halal)
                    if base and base.restaurant
                    else RestaurantData(name, halal_certified=halal)
                )
            meal = MealData(
                start=parse_local(self.meals.text(row, 0), plan, f"meals[{row}].start"),
                end=parse_local(self.meals.text(row, 1), plan, f"meals[{row}].end"),
                kind=self.meals.text(row, 2) or "lunch",
                restaurant=restaurant,
                alcohol_served=self.meals.text(row, 5).lower() in ("yes", "y", "是", "1", "true"),
                attendees=tuple(n.strip() for n in self.meals.text(row, 6).split(",") if n.strip()),
                dishes=tuple(self.meals.payload(row).dishes),
                notes=base.notes if base else "",
                id=base.id if base else None,
            )
            meals.append(meal)
        return replace(plan, meals=tuple(meals))

    def focus(self, path: str) -> bool:
        part, i, field, j = parse_path(path)
        if part != "meals" or i is None:
            return False
        self.meals.focus(
            i,
            {"start": 0, "end": 1, "kind": 2, "restaurant": 3, "alcohol_served": 5, "attendees": 6}.get(field or "", 0),
        )
        if field == "dishes" and j is not None:
            self.dishes.focus(j)
        return True


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

    def focus(self, path: str) -> bool:
        part, _i, field, j = parse_path(path)
        if part != "tour":
            return False
        target = {"guide": self.guide, "door_front": self.door_front, "door_back": self.door_back}.get(field or "")
        if target is not None:
            target.setFocus()
        elif field == "stops" and j is not None:
            self.stops.setCurrentRow(j)
        return True


class AgendaEditor(Editor):
    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items = ItemTable([_("Start"), _("Minutes"), _("Title"), _("Kind"), _("Presenter")], parent=self)
        self.items.set_choices(3, vocab.AGENDA_KINDS)
        self.items.add_button.clicked.connect(self.add)
        self.items.changed.connect(self.changed)
        layout = QVBoxLayout(self)
        layout.addWidget(self.items)
        self._plan: VisitPlan | None = None

    def add(self) -> None:
        plan = self.current_plan(self._plan)
        self.items.append([local_text(plan.start, plan), "30", "", "other", ""])

    def load(self, plan: VisitPlan) -> None:
        self._plan = plan
        self.items.set_rows(
            [[local_text(a.start, plan), str(a.minutes), a.title, a.kind, a.presenter or ""] for a in plan.agenda],
            plan.agenda,
        )

    def apply(self, plan: VisitPlan) -> VisitPlan:
        self._plan = plan
        items = []
        for row in range(self.items.rows()):
            base = self.items.payload(row) or AgendaItemData(plan.start, 30, "")
            minutes_text = self.items.text(row, 1)
            if not minutes_text.isdigit():
                raise ValidationError(f"agenda[{row}].minutes", f"not a number of minutes: {minutes_text!r}")
            items.append(
                replace(
                    base,
                    start=parse_local(self.items.text(row, 0), plan, f"agenda[{row}].start"),
                    minutes=int(minutes_text),
                    title=self.items.text(row, 2),
                    kind=self.items.text(row, 3) or "other",
                    presenter=self.items.text(row, 4) or None,
                )
            )
        return replace(plan, agenda=tuple(items))

    def focus(self, path: str) -> bool:
        part, i, field, _j = parse_path(path)
        if part == "agenda" and i is not None:
            self.items.focus(i, {"minutes": 1, "title": 2, "kind": 3, "presenter": 4}.get(field or "", 0))
            return True
        return False
