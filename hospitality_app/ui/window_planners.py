"""The main window's planners: one per visit (opening a visit already open brings its window
forward), opened on an item when a calendar asked for one; the list follows what they save, and
closing the main window waits for a planner still saving."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer

from hospitality_app.i18n import _


class OpensPlanners:
    """Mixed into MainWindow, which gives `ops`, `planners`, `show_visit`, `selected_visit_id`,
    `load_filter_choices`, `_close_refused` and the flags `_wanted` and `_close_when_saved`."""

    def open_visit(self, visit_id: int):
        """Select the visit in the list and open its planner."""
        self.show_visit(visit_id)
        return self._planner(visit_id)

    def open_item(self, visit_id: int, target: str):
        """Open the visit's planner on one item (a calendar's block): its tab, its row."""
        planner = self.open_visit(visit_id)
        planner.show_item(target)
        return planner

    def new_visit(self):
        return self._planner(None)

    def open_selected(self, *_args):
        visit_id = self.selected_visit_id()
        if visit_id is None:
            self.statusBar().showMessage(_("Select a visit first."), 5000)
            return None
        return self._planner(visit_id)

    def _planner(self, visit_id: int | None):
        from hospitality_app.ui.planner.window import PlannerWindow

        if visit_id is not None:  # one planner per visit: a second would only conflict with the first
            for open_one in self.planners:
                if open_one.visit_id == visit_id and open_one.isVisible():
                    open_one.raise_()
                    open_one.activateWindow()
                    return open_one
        planner = PlannerWindow(self.ops, visit_id, parent=self)
        planner.setWindowFlag(Qt.Window)
        planner.setAttribute(Qt.WA_DeleteOnClose)  # a closed planner is freed, with its plan
        planner.saved.connect(self._planner_saved)
        planner.closed.connect(self._planner_closed)
        planner.close_abandoned.connect(self._planner_stayed)
        self.planners.append(planner)
        planner.show()
        return planner

    def _planner_saved(self, visit_id: int) -> None:
        self._wanted = visit_id  # selected once the list, reloading after the save, has it
        self.load_filter_choices()

    def _planner_closed(self, planner) -> None:
        if planner in self.planners:
            self.planners.remove(planner)
        if self._close_when_saved and not any(p.isVisible() for p in self.planners):
            self._close_when_saved = False
            QTimer.singleShot(0, self.close)  # the close (or restore) asked for while it saved

    def _planner_stayed(self) -> None:
        if self._close_when_saved:
            self._close_when_saved = False
            self._close_refused()
