"""The planner kept up to date with the database: a change made elsewhere (another view, another
program, a colleague) is shown at once when nothing is unsaved, merged into the edits when they do
not overlap, announced when they do; a save that conflicts asks which side to keep there."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from hospitality_app.db.changes import SHARED_TABLES, Changes
from hospitality_app.errors import ConflictError, NotFoundError
from hospitality_app.i18n import _
from hospitality_app.services import plans
from hospitality_app.services.dto import VisitPlan
from hospitality_app.services.rebase import rebase
from hospitality_app.ui.planner.describe import conflict_text


class StaysCurrent:
    """Mixed into PlannerWindow, which gives `_ops`, `plan`, `dirty`, `loaded`, `save_op`, the
    banner, `collect`, `save`, `load`, `_put`, `_show_in_editors` and `check`."""

    def _conflict(self, error: ConflictError) -> None:
        box = QMessageBox(
            QMessageBox.Warning,
            _("Changed by someone else"),
            _("Someone else saved this visit while you were editing it, and changed the same things you did:"),
            parent=self,
        )
        box.setInformativeText(conflict_text(error.parts))
        self.reload_theirs_button = box.addButton(_("Take theirs there"), QMessageBox.ActionRole)
        self.mine_on_top_button = box.addButton(_("Save mine on top"), QMessageBox.AcceptRole)
        # Esc and the title bar's ✕ decide nothing: the edits stay on screen, unsaved.
        keep = box.addButton(_("Keep editing"), QMessageBox.RejectRole)
        box.setEscapeButton(keep)
        box.setDefaultButton(keep)
        box.buttonClicked.connect(self._conflict_answered)
        self.conflict_box = box
        box.open()

    def _conflict_answered(self, button) -> None:
        if button not in (self.reload_theirs_button, self.mine_on_top_button):
            self.statusBar().showMessage(_("Not saved: your edits are still here."), 8000)
            return
        mine = self._collect_or_none()
        prefer = "theirs" if button is self.reload_theirs_button else "mine"
        visit_id = self.plan.id

        def arrived(fresh: VisitPlan) -> None:
            if mine is None:
                self._put(fresh)
                return
            merged, _clashes = rebase(mine, fresh, prefer=prefer)
            self._rebased(fresh, merged)
            if prefer == "mine":
                self.save()

        self._ops.query(self, lambda session: plans.load_plan(session, visit_id), arrived, self._fresh_failed)

    def _rebased(self, fresh: VisitPlan, merged: VisitPlan) -> None:
        """Show `merged` (the user's edits on top of `fresh`) with `fresh` as what was loaded."""
        self.plan = fresh
        self._show_in_editors(fresh)
        self._baseline = self._collect_or_none()
        self._show_in_editors(merged)
        self._shown = self._collect_or_none()
        self.undo_stack.clear()  # steps before the merge would take the colleague's changes back
        self.dirty = self._shown is None or self._shown != self._baseline
        self.banner.hide()
        self._update_title()
        self.check()

    # changes made elsewhere ----------------------------------------------------------
    def _database_changed(self, changes: Changes) -> None:
        """Someone (another view, another program, a colleague) changed the database: if it may
        concern this visit, read it again and bring the window up to date."""
        if not self.loaded or self.plan.id is None or changes.source is self:
            return
        if self.save_op is not None and not self.save_op.is_finished:
            return  # our own save reloads the visit when it is done
        if not (changes.concerns_visit(self.plan.id) or changes.tables & SHARED_TABLES):
            return
        visit_id = self.plan.id
        self._ops.query(self, lambda session: plans.load_plan(session, visit_id), self._fresh, self._fresh_failed)

    def _fresh(self, fresh: VisitPlan) -> None:
        if fresh == self.plan:
            return  # nothing this window shows has changed
        if not self.dirty:
            self._put(fresh)
            self.statusBar().showMessage(_("Updated with changes made elsewhere."), 6000)
            return
        mine = self._collect_or_none()
        merged, clashes = rebase(mine, fresh) if mine is not None else (None, ("?",))
        if merged is None or clashes:
            # Both changed the same thing: the user decides, when saving (or now, reloading).
            self.banner_text.setText(
                _("Someone else changed this visit, partly where you are editing. Saving will ask what to keep.")
            )
            self.banner.show()
            return
        self._rebased(fresh, merged)
        self.statusBar().showMessage(
            _("Changes made elsewhere were merged with your edits; undo starts again from here."), 8000
        )

    def _fresh_failed(self, failure) -> None:
        if isinstance(failure.error, NotFoundError):
            self.banner_text.setText(_("This visit was deleted elsewhere. Saving it is no longer possible."))
            self.reload_button.hide()
            self.banner.show()
            self.save_action.setEnabled(False)
        else:
            self.error.setText(failure.message)

    def reload_theirs(self) -> None:
        """Drop the edits on screen and show the visit as it is stored now."""
        if self.plan.id is not None:
            self.load(self.plan.id)
