"""The timeline's place in the planner window: its tab, the items chosen on either side, and a
dragged block turned into an edit of the plan (one undo step) or, while it is dragged, into a
check of the plan as the drop would make it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from hospitality_app.exports.timeline import moved, stretched
from hospitality_app.i18n import _
from hospitality_app.ui.planner.timeline import TimelineTab

if TYPE_CHECKING:
    from hospitality_app.ui.planner.window import PlannerWindow


class TimelineHost:
    """Mixed into PlannerWindow, which gives `tabs`, `editors`, `go_to`, `check` and the edit
    machinery (`_collect_or_none`, `_show_in_editors`, `_edited`)."""

    def _add_timeline(self: PlannerWindow) -> TimelineTab:
        timeline = TimelineTab(parent=self)  # the plan as the last check saw it
        self.tabs.insertTab(1, timeline, _("Timeline"))
        view = timeline.view
        view.chosen.connect(self.go_to)
        view.move_asked.connect(lambda target, minutes: self._change_item(moved, target, minutes))
        view.stretch_asked.connect(lambda target, minutes: self._change_item(stretched, target, minutes))
        view.drag_preview.connect(self._drag_preview)
        for key in ("pickups", "meals", "agenda"):  # an item chosen in its tab is the one chosen on the timeline
            items = self.editors[key].items
            items.current_changed.connect(
                lambda part=self.editors[key].part, items=items: timeline.select(f"{part}[{items.current_row()}]")
            )
        self.editors["tour"].stops.current_changed.connect(lambda: timeline.select("tour"))
        return timeline

    def _drag_preview(self: PlannerWindow, target: str, minutes: int, stretching: bool) -> None:
        plan = self._collect_or_none()
        if plan is not None:
            self.check((stretched if stretching else moved)(plan, target, minutes))

    def _change_item(self: PlannerWindow, change, target: str, minutes: int) -> None:
        """A block dragged on the timeline: the item moves (or lasts longer) in the plan, one
        undo step."""
        plan = self._collect_or_none()
        if plan is None:
            return  # a field half typed: the timeline waits, as the check does
        self._show_in_editors(change(plan, target, minutes))
        self._edited()
