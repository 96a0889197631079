"""A planner tab over one list of the plan (visitors, hosts, pickups, hotel stays, meals, agenda
items, gifts): the list beside a form for the selected item; findings and errors land on the item
and its field."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from hospitality_app.services.dto import VisitPlan
from hospitality_app.ui.planner.editors import Editor, parse_path
from hospitality_app.ui.planner.item_form import ItemForm, Spec, rezone
from hospitality_app.ui.planner.item_list import ItemList

INDEX = re.compile(r"\[\d+\]")


def field_key(path: str, keys: Sequence[str], aliases: dict[str, str]) -> str | None:
    """The form's field that a path names: `pickups[0].vehicle.seats` → "vehicle.seats" when the
    form has it, else "vehicle…" fields' first, else what `aliases` calls it."""
    rest = path.split(".", 1)[1] if "." in path else ""
    dotted = INDEX.split(rest)[0].rstrip(".") if rest else ""
    dotted = aliases.get(dotted, dotted)
    while dotted:
        if dotted in keys:
            return dotted
        nested = [k for k in keys if k.startswith(dotted + ".")]
        if nested:
            return nested[0]
        dotted = dotted.rsplit(".", 1)[0] if "." in dotted else ""
    return None


class ListEditor(Editor):
    """`part`: the plan's attribute; `fields`: the file's field names where they differ from the
    item's (`for` → `recipient`), so that a path such as `gifts[0].for` finds its field;
    `blanks`: how to make a record the item refers to when the user fills in its first field."""

    part = ""
    fields: dict[str, str] = {}  # noqa: RUF012 - a class-level table, never mutated
    blanks: dict[str, Callable[[], object]] = {}  # noqa: RUF012

    def __init__(
        self,
        columns: Sequence[tuple[str, Callable]],
        specs: Sequence[Spec],
        *,
        empty: str,
        add: str,
        hint: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._plan: VisitPlan | None = None
        self.form = ItemForm(specs, blanks=self.blanks, parent=self)
        self.moments = [s.key for s in specs if s.kind == "moment"]
        self.items = ItemList(
            columns, self.form, self._new, empty=empty, nouns=(add, ""), adjust=self.adjust, parent=self
        )
        self.items.changed.connect(self.changed)
        layout = QVBoxLayout(self)
        if hint:
            note = QLabel(hint, self)
            note.setWordWrap(True)
            layout.addWidget(note)
        layout.addWidget(self.items)

    def plan_now(self) -> VisitPlan:
        assert self._plan is not None
        return self.current_plan(self._plan)

    def new_item(self, plan: VisitPlan):
        raise NotImplementedError

    def adjust(self, before, after):
        """The item as the user's edit leaves it; editors fill in what a picked name implies."""
        return after

    def _new(self):
        return self.new_item(self.plan_now())

    def load(self, plan: VisitPlan) -> None:
        self._plan = plan
        self.items.set_items(getattr(plan, self.part), plan.zone)

    def apply(self, plan: VisitPlan) -> VisitPlan:
        items = self.items.items()
        if self.moments and plan.zone != self.items.zone:
            # The visit's zone was corrected on the Overview: the times keep their wall-clock time.
            items = [rezone(item, self.moments, self.items.zone, plan.zone) for item in items]
            self.items.set_items(items, plan.zone)
        self._plan = plan
        return replace(plan, **{self.part: tuple(items)})

    def mark(self, findings) -> None:
        marks: dict[int, str] = {}
        for finding in findings:
            for target in (finding.target, *finding.related):
                part, i, _field, _j = parse_path(target or "")
                if part == self.part and i is not None:
                    marks[i] = "\n".join(filter(None, [marks.get(i, ""), finding.message]))
        self.items.mark(marks)

    def field_of(self, path: str) -> str | None:
        return field_key(path, list(self.form.specs), self.fields)

    def place(self, path: str) -> list[str]:
        i = parse_path(path)[1]
        spec = self.form.specs.get(self.field_of(path) or "")
        return [str(i + 1) if i is not None else "", spec.label if spec else ""]

    def focus(self, path: str, message: str = "") -> bool:
        part, i, _field, _j = parse_path(path)
        if part != self.part or i is None:
            return False
        self.items.focus(i, self.field_of(path), message)
        return True
