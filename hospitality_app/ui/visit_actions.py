"""The visit list's own actions: duplicate a visit for a returning client, delete one, and move a
visit in and out as a `hospitality-visit/1` file. Each asks first, works off the GUI thread, and
says in the window what it did or why it could not."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtWidgets import QMenu, QMessageBox

from hospitality_app.i18n import _, ngettext

JSON_FILES = "JSON (*.json)"


# The file format (pydantic), the calendars, the plans and the file dialogs are imported when
# first used: the window's first paint does not wait for them.
def _calendar():
    from hospitality_app.services import calendar

    return calendar


def _visit_files():
    from hospitality_app.services import visit_files

    return visit_files


def _duplicate():
    from hospitality_app.services import duplicate

    return duplicate


class VisitActions:
    """Mixed into MainWindow, which gives `ops`, `selected_visit_id()`, `open_visit()`, the table
    and the status bar."""

    def _selected_or_say(self) -> int | None:
        visit_id = self.selected_visit_id()
        if visit_id is None:
            self.statusBar().showMessage(_("Select a visit first."), 5000)
        return visit_id

    def _failed(self, title: str):
        def show(failure) -> None:
            self.failure_box = QMessageBox(QMessageBox.Warning, title, failure.message, QMessageBox.Ok, self)
            self.failure_box.open()

        return show

    # duplicate -------------------------------------------------------------------
    def duplicate_visit(self):
        from hospitality_app.services import plans
        from hospitality_app.ui.dialogs.duplicate_visit import DuplicateVisitDialog

        visit_id = self._selected_or_say()
        if visit_id is None:
            return None

        def ask(plan) -> None:
            # The same weekday, far enough ahead that the copy is not mistaken for the original.
            start = plan.local(plan.start).date()
            today = datetime.now(UTC).astimezone(plan.zone).date()
            weeks = max(4, (today - start).days // 7 + 4)
            self.duplicate_dialog = DuplicateVisitDialog(plan.title, start + timedelta(weeks=weeks), parent=self)
            self.duplicate_dialog.accepted.connect(lambda: self._duplicate(visit_id, self.duplicate_dialog.chosen()))
            self.duplicate_dialog.open()

        return self.ops.query(self, lambda session: plans.load_plan(session, visit_id), ask)

    def _duplicate(self, visit_id: int, first_day):
        def done(saved) -> None:
            self.statusBar().showMessage(_("Copied: the new visit is open."), 8000)
            self.open_visit(saved.visit_id)

        return self.ops.write(
            self,
            lambda session: _duplicate().duplicate(session, visit_id, first_day, now=datetime.now(UTC)),
            done,
            self._failed(_("The visit was not copied")),
            busy=_("Copying the visit…"),
        )

    # delete ------------------------------------------------------------------------
    def delete_visit(self):
        """Ask (saying whether the visit's events are in calendars), then delete. Returns the
        read that precedes the question, or None when there is nothing to ask."""
        visit_id = self._selected_or_say()
        if visit_id is None:
            return None
        if any(p.visit_id == visit_id and p.isVisible() for p in self.planners):
            self.statusBar().showMessage(_("Close the visit's planner first."), 6000)
            return None
        row = self.model.row_at(self.table.currentIndex().row())
        title = row.title if row is not None and row.id == visit_id else str(visit_id)
        return self.ops.query(
            self,
            lambda session: _calendar().exported_count(session, visit_id),
            lambda exported: self._ask_delete(visit_id, title, exported),
            self._failed(_("The visit was not deleted")),
        )

    def _ask_delete(self, visit_id: int, title: str, exported: int):
        text = _(
            "Delete “{title}” with its whole plan, checklist and outcome? This cannot be undone "
            "(a backup made before now still has it). The people, hotels and restaurants stay."
        ).format(title=title)
        if exported:
            text += "\n\n" + ngettext(
                "{n} event of this visit was sent to calendars: save a calendar that withdraws it, "
                "and send it to everyone who had the visit's calendar.",
                "{n} events of this visit were sent to calendars: save a calendar that withdraws them, "
                "and send it to everyone who had the visit's calendar.",
                exported,
            ).format(n=exported)
        box = QMessageBox(QMessageBox.Warning, _("Delete visit"), text, QMessageBox.Cancel, self)
        withdraw = box.addButton(_("Save cancellations and delete…"), QMessageBox.DestructiveRole) if exported else None
        delete = box.addButton(_("Delete"), QMessageBox.DestructiveRole)
        box.setDefaultButton(QMessageBox.Cancel)
        self.delete_box = box
        box.exec()
        target = None
        if withdraw is not None and box.clickedButton() is withdraw:
            from hospitality_app.ui.file_dialogs import cancellations_file

            target = cancellations_file(self, visit_id)
            if target is None:
                return None
        elif box.clickedButton() is not delete:
            return None
        url, chosen = self.ops.db.url, target
        if self._current_id == visit_id:
            # The side panel must not read the visit again when the deletion is announced.
            self._show_side(None)

        def done(count: int) -> None:
            message = _("Deleted “{title}”.").format(title=title)
            if chosen is not None:
                message += " " + _("Send {file} to everyone who had its calendar.").format(file=chosen.name)
            self.statusBar().showMessage(message, 15000)

        return self.ops.write(
            self,
            lambda session: _calendar().delete_visit(
                session, visit_id, now=datetime.now(UTC), cancellations_to=chosen, database_url=url
            ),
            done,
            self._failed(_("The visit was not deleted")),
        )

    # files ---------------------------------------------------------------------------
    def export_visit_file(self, target: Path | None = None):
        visit_id = self._selected_or_say()
        if visit_id is None:
            return None
        if target is None:
            from hospitality_app.ui.file_dialogs import save_file

            target = save_file(
                self, _("Export visit"), Path.home() / f"visit-{visit_id}.json", JSON_FILES, suffix="json"
            )
            if target is None:
                return None
        chosen = target
        url = self.ops.db.url
        return self.ops.query(
            self,
            lambda session: _visit_files().export_file(session, visit_id, chosen, database_url=url),
            lambda _done: self.statusBar().showMessage(_("Exported to {path}").format(path=chosen), 8000),
            self._failed(_("The visit was not exported")),
        )

    def import_visit_file(self, source: Path | None = None):
        if source is None:
            from hospitality_app.ui.file_dialogs import open_file

            source = open_file(self, _("Import visit"), Path.home(), JSON_FILES)
            if source is None:
                return None
        chosen = source

        def done(saved) -> None:
            self.statusBar().showMessage(_("Imported from {path}").format(path=chosen.name), 8000)
            self.open_visit(saved.visit_id)

        return self.ops.write(
            self,
            lambda session: _visit_files().import_file(session, chosen, now=datetime.now(UTC)),
            done,
            self._failed(_("The visit was not imported")),
            busy=_("Importing the visit…"),
        )

    # the list's context menu -------------------------------------------------------------
    def _visit_menu(self, point) -> None:
        index = self.table.indexAt(point)
        if index.isValid():
            self.table.selectRow(index.row())
        menu = QMenu(self)
        for action in (self.open_action, self.duplicate_action, self.export_file_action, None, self.documents_action,
                       self.export_action, self.outcome_action, None, self.delete_action):  # fmt: skip
            if action is None:
                menu.addSeparator()
            else:
                action.setEnabled(index.isValid() or action is self.open_action)
                menu.addAction(action)
        menu.aboutToHide.connect(lambda: [a.setEnabled(True) for a in menu.actions()])
        self.visit_menu = menu
        menu.popup(self.table.viewport().mapToGlobal(point))
