"""The planner's tabs share this: each editor shows one part of a VisitPlan, gives it back changed
(`apply`), and can put the cursor on a JSON path that a finding or an error names (`focus`)."""

from __future__ import annotations

import re
from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from hospitality_app.errors import ValidationError
from hospitality_app.formats import short_moment_text
from hospitality_app.services.dto import VisitPlan
from hospitality_app.services.saved import SavedNames

PATH = re.compile(r"^(\w+)(?:\[(\d+)\])?(?:\.(\w+))?(?:\[(\d+)\])?")


def parse_path(path: str) -> tuple[str, int | None, str | None, int | None]:
    m = PATH.match(path or "")
    if not m:
        return ("", None, None, None)
    part, i, field, j = m.groups()
    return part, int(i) if i else None, field, int(j) if j else None


def local_text(moment: datetime | None, plan: VisitPlan) -> str:
    return short_moment_text(plan.local(moment)) if moment else ""


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

    def focus(self, path: str, message: str = "") -> bool:
        """Show the field `path` names, with `message` under it; False if it is not here."""
        return False

    def place(self, path: str) -> list[str]:
        """Where `path` is on this tab, as the user sees it (the row, the field's label)."""
        row = parse_path(path)[1]
        return [] if row is None else [str(row + 1)]

    def offer(self, saved: SavedNames) -> None:
        """Offer what earlier visits saved (companies, places, dishes) while the user types."""

    def mark(self, findings) -> None:
        """Show which items the readiness findings concern (the offending dish, the late pickup)."""
