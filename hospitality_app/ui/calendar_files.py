"""The main window's part in calendar files: export a visit's itinerary to .ics, and add a flight
or hotel booking from an .ics file (chosen, or dropped on the window) to the selected visit.

What these actions need is imported when they are first used: the window imports this module
before its first paint, which needs none of it."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from hospitality_app.i18n import _, current_language

if TYPE_CHECKING:
    from hospitality_app.ui.ops import Op


class CalendarFiles:
    """Mixed into MainWindow, which gives `ops`, `selected_visit_id()`, the status bar and the table."""

    def export_calendar(self) -> Op | None:
        """Read the visit, then open the export dialog (`self.calendar_dialog`)."""
        from hospitality_app.fileio import atomic_write
        from hospitality_app.services import calendar, plans
        from hospitality_app.ui.dialogs.calendar_export import CalendarExportDialog

        visit_id = self.selected_visit_id()
        if visit_id is None:
            self.statusBar().showMessage(_("Select a visit first."), 5000)
            return None
        language = current_language()

        def export(staff: str | None, reminder: int, target: Path, done, failed):
            def work(session) -> bytes:
                data = calendar.export_visit(
                    session,
                    visit_id,
                    now=datetime.now(UTC),
                    staff=staff,
                    lang=language,
                    reminder_minutes=reminder or None,
                )
                # Written inside the unit of work: if the file cannot be written, what the
                # export remembers (sequences, cancellations) is rolled back with it.
                atomic_write(target, data)
                return data

            return self.ops.write(self.calendar_dialog, work, done, failed, busy=_("Exporting the calendar…"))

        def show(plan) -> None:
            self.calendar_dialog = CalendarExportDialog(plan, export, Path.home(), parent=self)
            self.calendar_dialog.open()

        return self.ops.query(self, lambda session: plans.load_plan(session, visit_id), show)

    def _choose_calendar_file(self) -> None:
        from hospitality_app.ui.file_dialogs import open_file

        path = open_file(self, _("Flight or hotel confirmation"), Path.home(), _("Calendar files (*.ics)"))
        if path:
            self.import_calendar_file(path)

    def import_calendar_file(self, path: Path) -> Op | None:
        """Read the bookings in `path` off the GUI thread, then ask which to add to the selected
        visit (the dialog is `self.import_dialog`). Returns the reading operation."""
        from hospitality_app.errors import ValidationError
        from hospitality_app.services import ics_import, plans
        from hospitality_app.ui.error_text import error_text

        visit_id = self.selected_visit_id()
        if visit_id is None:
            self.statusBar().showMessage(_("Select the visit to add the booking to, then drop the file again."), 8000)
            return None

        def read(session):
            data = path.read_bytes()
            plan = plans.load_plan(session, visit_id)
            return plan, ics_import.read_proposals(data, plan)

        def failed(failure) -> None:
            error = failure.error
            why = error_text(error) if isinstance(error, ValidationError) else failure.message
            box = QMessageBox(QMessageBox.Warning, _("Add from calendar file"), f"{path.name}: {why}", parent=self)
            self.import_error_box = box
            box.open()

        return self.ops.query(
            self, read, lambda got: self._propose(path, *got), failed, busy=_("Reading {name}…").format(name=path.name)
        )

    def _propose(self, path: Path, plan, proposals) -> None:
        from hospitality_app.ui.dialogs.calendar_import import CalendarImportDialog

        if not proposals:
            self.statusBar().showMessage(
                _("No flight, train or hotel booking found in {name}.").format(name=path.name), 8000
            )
            return
        dialog = CalendarImportDialog(proposals, plan.zone, plan.title, parent=self)
        dialog.accepted.connect(lambda: self._apply_calendar_import(plan, dialog.chosen()))
        self.import_dialog = dialog
        dialog.open()

    def _apply_calendar_import(self, plan, chosen):
        """Add the chosen bookings: only those are written (the plan read with the file is the
        base), so an edit made meanwhile elsewhere stays. Returns the operation."""
        from hospitality_app.services import ics_import, plans

        if not chosen:
            return None
        updated = ics_import.apply(plan, chosen)

        def failed(failure) -> None:
            self.import_error_box = QMessageBox(
                QMessageBox.Warning, _("Add from calendar file"), failure.message, parent=self
            )
            self.import_error_box.open()

        return self.ops.write(
            self,
            lambda session: plans.save(session, updated, now=datetime.now(UTC)),
            lambda _saved: self.statusBar().showMessage(
                _("Added {n} bookings to the visit.").format(n=len(chosen)), 8000
            ),
            failed,
        )

    def dragEnterEvent(self, event) -> None:
        if any(url.toLocalFile().lower().endswith(".ics") for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        for url in event.mimeData().urls():
            if url.toLocalFile().lower().endswith(".ics"):
                event.acceptProposedAction()
                self.import_calendar_file(Path(url.toLocalFile()))
                return
