"""The planner's Meals tab: meals, and the dishes of the selected meal with what they contain."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from hospitality_app import vocab
from hospitality_app.i18n import _
from hospitality_app.services.dto import DishData, MealData, RestaurantData, VisitPlan
from hospitality_app.services.saved import SavedNames
from hospitality_app.ui.planner.editors import Editor, local_text, parse_local, parse_path
from hospitality_app.ui.planner.widgets import ChoicesDialog, ItemTable, codes_text, parse_codes


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

    def focus(self, path: str, message: str = "") -> bool:
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
