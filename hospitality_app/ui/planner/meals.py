"""The planner's Meals tab: each meal in a form — when, where (the restaurant's certificates and
private room), who attends, whether alcohol is served — with its dishes and what they contain in
a list of their own, the dish that breaks someone's diet marked."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from hospitality_app import vocab
from hospitality_app.i18n import _, label, list_text
from hospitality_app.services.dish_words import contents_named
from hospitality_app.services.dto import DishData, MealData, RestaurantData, VisitPlan
from hospitality_app.services.plan_defaults import meal_guests
from hospitality_app.services.saved import SavedNames
from hospitality_app.ui.planner.editors import local_text, parse_path
from hospitality_app.ui.planner.item_form import ItemForm, Spec, renamed
from hospitality_app.ui.planner.item_list import ItemList
from hospitality_app.ui.planner.list_editor import ListEditor
from hospitality_app.ui.planner.logistics import people, shifted


def contents(dish: DishData) -> str:
    return list_text(label(code) for code in dish.contains)


class DishesBox(QWidget):
    """The dishes of one meal: a list over a form (name, what it contains).

    Signals:
        changed: a dish was added, removed, moved or edited.
    """

    changed = Signal()

    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.known: dict[str, tuple[str, ...]] = {}
        self.form = ItemForm(
            [
                Spec("name", _("Dish")),
                Spec("contains", _("Contains"), "codes", vocab.DISH_CONTENTS, labels=label),
            ],
            parent=self,
        )
        self.list = ItemList(
            [(_("Dish"), lambda d: d.name), (_("Contains"), contents)],
            self.form,
            lambda: DishData(""),
            empty=_(
                "No dishes yet. Add each dish and check what it contains (ticked from its name): "
                "the check warns about diets at once."
            ),
            nouns=(_("Add dish"), ""),
            adjust=self._adjust,
            parent=self,
        )
        self.list.changed.connect(self.changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)

    def _adjust(self, before: DishData, after: DishData) -> DishData:
        if after.name == before.name:
            return after
        after = renamed(after)
        # Contents the user has not touched follow the name: a dish served before brings what it
        # contained, another what its name says ("… prawns": shellfish), for the user to confirm;
        # the dietary check sees them at once.
        untouched = set(after.contains) == set(self.known.get(before.name, contents_named(before.name)))
        if untouched or not after.contains:
            return replace(after, contains=self.known.get(after.name, contents_named(after.name)))
        return after

    def set_value(self, dishes) -> None:
        if tuple(dishes or ()) != tuple(self.list.items()):
            self.list.set_items(tuple(dishes or ()), ZoneInfo("UTC"))

    def value(self) -> tuple[DishData, ...]:
        return tuple(self.list.items())


class MealsEditor(ListEditor):
    """Meals, each with its restaurant, guests and dishes."""

    part = "meals"
    blanks = {"restaurant": lambda: RestaurantData("")}  # noqa: RUF012

    def __init__(self, *, parent=None) -> None:
        self._restaurants: dict[str, RestaurantData] = {}
        self._marks: dict[str, str] = {}
        super().__init__(
            [
                (_("Start"), lambda m: self.when(m.start)),
                (_("Meal"), lambda m: label(m.kind)),
                (_("Restaurant"), lambda m: m.restaurant.name if m.restaurant else ""),
                (_("Guests"), lambda m: people(m.attendees)),
            ],
            [
                Spec("kind", _("Meal"), "choice", vocab.MEAL_KINDS, labels=label),
                Spec("start", _("Start"), "moment"),
                Spec("end", _("End"), "moment"),
                Spec("restaurant.name", _("Restaurant"), hint=_("Blank: at the office or the hotel")),
                Spec("restaurant.address", _("Address")),
                Spec("restaurant.private_room", _("Private room"), "flag"),
                Spec("restaurant.halal_certified", _("Halal-certified kitchen"), "flag"),
                Spec("restaurant.kosher_certified", _("Kosher-certified kitchen"), "flag"),
                Spec("restaurant.drive_minutes", _("Drive from the office"), "minutes", maximum=600, optional=True),
                Spec("alcohol_served", _("Alcohol served"), "flag"),
                Spec("attendees", _("Guests"), "names", source=self.people_names),
                Spec("notes", _("Notes"), "note"),
            ],
            empty=_("No meals yet. Add lunch and dinner: the check reads every dish against the visitors' diets."),
            add=_("Add meal"),
            parent=parent,
        )
        self.items.first_key = "restaurant.name"  # lunch or dinner at a sensible time is offered
        # The dishes of the selected meal below the meals, as wide as the tab: a menu is long.
        self.dishes = DishesBox(parent=self)
        self.dishes.list.model.marked = self._dish_mark
        self.dishes.changed.connect(self._dishes_edited)
        self.items.current_changed.connect(self._meal_selected)
        below = QWidget(self)
        column = QVBoxLayout(below)
        column.setContentsMargins(0, 0, 0, 0)
        self.dishes_label = QLabel(_("Dishes of the selected meal"), below)
        column.addWidget(self.dishes_label)
        column.addWidget(self.dishes)
        split = QSplitter(Qt.Vertical, self)
        self.layout().removeWidget(self.items)
        split.addWidget(self.items)
        split.addWidget(below)
        split.setChildrenCollapsible(False)
        split.setSizes([620, 300])  # the meal's form needs the height; a menu is a short list
        self.layout().addWidget(split)
        self._meal_selected()

    def _meal_selected(self) -> None:
        meal = self.items.current()
        self.dishes.set_value(meal.dishes if meal is not None else ())
        self.dishes.setEnabled(meal is not None)
        self.dishes_label.setText(
            _("Dishes of {meal}").format(meal=f"{label(meal.kind)} {self.when(meal.start)}")
            if meal is not None
            else _("Dishes of the selected meal")
        )

    def _dishes_edited(self) -> None:
        row = self.items.current_row()
        if row >= 0:
            self.items.model.replace(row, replace(self.items.model.items[row], dishes=self.dishes.value()))
            self.changed.emit()

    def _dish_mark(self, row: int) -> str:
        return self._marks.get(f"meals[{self.items.current_row()}].dishes[{row}]", "")

    def when(self, moment) -> str:
        return local_text(moment, self._plan) if self._plan else ""

    def offer(self, saved: SavedNames) -> None:
        self._restaurants = saved.restaurants
        self.form.set_completions("restaurant.name", list(saved.restaurants))
        self.dishes.known = saved.dishes
        self.dishes.form.set_completions("name", list(saved.dishes))

    def people_names(self) -> list[str]:
        plan = self.plan_now()
        return [v.name for v in plan.visitors if v.name] + [h.name for h in plan.hosts if h.name]

    def new_item(self, plan: VisitPlan) -> MealData:
        """Lunch on the first day (dinner when lunch is planned), for the visitors and the hosts
        who eat with them."""
        meals = self.items.items()
        lunch = plan.local(plan.start).replace(hour=12, minute=0, second=0, microsecond=0)
        day = lunch.date()
        taken = {(plan.local(m.start).date(), m.kind) for m in meals}
        kind, start = "lunch", lunch
        while (day, kind) in taken:
            if kind == "lunch":
                kind, start = "dinner", start.replace(hour=18, minute=30)
            else:
                day += timedelta(days=1)
                kind, start = "lunch", (start + timedelta(days=1)).replace(hour=12, minute=0)
        start = start.astimezone(plan.zone)
        return MealData(start, start + timedelta(minutes=90), kind, attendees=meal_guests(plan))

    def adjust(self, before: MealData, after: MealData) -> MealData:
        after = shifted(before, after, "start", "end")  # moving a meal keeps its length
        restaurant = after.restaurant
        if restaurant is not None and not restaurant.name:
            return replace(after, restaurant=None)
        picked = restaurant is not None and restaurant.name != (before.restaurant.name if before.restaurant else None)
        if picked and restaurant.name in self._restaurants:
            return replace(after, restaurant=self._restaurants[restaurant.name])
        return after

    def mark(self, findings) -> None:
        super().mark(findings)
        self._marks = {}
        for f in findings:
            if f.target and ".dishes[" in f.target:
                self._marks[f.target] = "\n".join(filter(None, [self._marks.get(f.target, ""), f.message]))
        self.dishes.list.mark({})  # repaint; the marks come from _dish_mark
        self.dishes.list.model.marked = self._dish_mark

    def focus(self, path: str, message: str = "") -> bool:
        part, i, field, j = parse_path(path)
        if part != "meals" or i is None:
            return False
        if field == "dishes" and j is not None:
            self.items.focus(i)
            key = path.rsplit(".", 1)[1] if path.count(".") > 1 else None
            self.dishes.list.focus(j, key if key in self.dishes.form.widgets else None, message)
            return True
        return super().focus(path, message)
