"""The planner's undo history: whole-plan snapshots, one step per edit (typing on one tab
within a second is one step); and the plan a new visit starts from."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from time import monotonic
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from hospitality_app.i18n import _
from hospitality_app.services.dto import CompanyData, VisitPlan

if TYPE_CHECKING:
    from hospitality_app.ui.planner.window import PlannerWindow


# Where the product comes from; a team elsewhere sets its zone once, on its first visit.
HOME_ZONE = "Asia/Shanghai"


def new_plan(now: datetime, zone: str | None = None) -> VisitPlan:
    """A week from now (the Monday after, when that is a weekend), 09:00 to 17:00 in `zone` (the
    zone of the team's last visit)."""
    day = (now + timedelta(days=7)).date()
    if day.weekday() >= 5:
        day += timedelta(days=7 - day.weekday())
    zone = zone or HOME_ZONE
    from zoneinfo import ZoneInfo

    start = datetime.combine(day, time(9), tzinfo=ZoneInfo(zone))
    return VisitPlan(title="", timezone=zone, start=start, end=start + timedelta(hours=8), company=CompanyData("", ""))


class PlanEdit(QUndoCommand):
    """One step of the planner's undo history: the plan before and after an edit. Edits on the
    same tab within a second (typing a name) are one step."""

    MERGE_SECONDS = 1.0

    def __init__(self, window: PlannerWindow, before: VisitPlan, after: VisitPlan, tab: int) -> None:
        super().__init__(_("Edit"))
        self.window, self.before, self.after, self.tab = window, before, after, tab
        self.at = monotonic()
        self._done = True  # push() calls redo(): the edit is on screen already

    def id(self) -> int:
        return 1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if other.tab != self.tab or other.at - self.at > self.MERGE_SECONDS:
            return False
        self.after, self.at = other.after, other.at
        return True

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self.window.show_plan(self.after, self.tab)

    def undo(self) -> None:
        self.window.show_plan(self.before, self.tab)
