"""The main window's part in calendar files: export a visit's itinerary to .ics, and add a flight
or hotel booking from an .ics file (chosen, or dropped on the window) to the selected visit."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox

from hospitality_app.errors import HospitalityError
from hospitality_app.i18n import _, current_language
from hospitality_app.services import plans, readiness
from hospitality_app.ui.background import run_in_background

if TYPE_CHECKING:
    from hospitality_app.ui.background import Job
    from hospitality_app.ui.dialogs.calendar_export import CalendarExportDialog


class CalendarFiles:
    """Mixed into MainWindow, which gives `_db`, `selected_visit_id()`, the status bar and the table."""

    def export_calendar(self) -> CalendarExportDialog | None:
        from hospitality_app.services import calendar
        from hospitality_app.ui.dialogs.calendar_export import CalendarExportDialog

        visit_id = self.selected_visit_id()
        if visit_id is None:
            self.statusBar().showMessage(_("Select a visit first."), 5000)
            return None
        with self._db.unit_of_work() as session:
            plan = plans.load_plan(session, visit_id)

        def export(staff: str | None, reminder: int) -> bytes:
            with self._db.unit_of_work() as session:
                return calendar.export_visit(
                    session,
                    visit_id,
                    now=datetime.now(UTC),
                    staff=staff,
                    lang=current_language(),
                    reminder_minutes=reminder or None,
                )

        self.calendar_dialog = CalendarExportDialog(plan, export, Path.home(), parent=self)
        self.calendar_dialog.open()
        return self.calendar_dialog

    def _choose_calendar_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, _("Flight or hotel confirmation"), str(Path.home()), _("Calendar files (*.ics)")
        )
        if path:
            self.import_calendar_file(Path(path))

    def import_calendar_file(self, path: Path) -> Job | None:
        """Read the bookings in `path` off the GUI thread, then ask which to add to the selected
        visit (the dialog is `self.import_dialog`). Returns the reading job."""
        from hospitality_app.services import ics_import

        visit_id = self.selected_visit_id()
        if visit_id is None:
            self.statusBar().showMessage(_("Select the visit to add the booking to, then drop the file again."), 8000)
            return None
        db = self._db

        def read():
            data = path.read_bytes()
            with db.unit_of_work() as session:
                plan = plans.load_plan(session, visit_id)
            return plan, ics_import.read_proposals(data, plan)

        def failed(message: str) -> None:
            box = QMessageBox(QMessageBox.Warning, _("Add from calendar file"), f"{path.name}: {message}", parent=self)
            self.import_error_box = box
            box.open()

        return run_in_background(
            self, _("Reading {name}…").format(name=path.name), read, lambda got: self._propose(path, *got), failed
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

    def _apply_calendar_import(self, plan, chosen) -> None:
        from hospitality_app.services import ics_import

        if not chosen:
            return
        try:
            with self._db.unit_of_work() as session:
                readiness.store_plan(session, ics_import.apply(plan, chosen), now=datetime.now(UTC))
        except HospitalityError as exc:
            QMessageBox.warning(self, _("Add from calendar file"), str(exc))
            return
        self.statusBar().showMessage(_("Added {n} bookings to the visit.").format(n=len(chosen)), 8000)
        current = self.table.currentIndex()
        self._show_current(current, current)

    def dragEnterEvent(self, event) -> None:
        if any(url.toLocalFile().lower().endswith(".ics") for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        for url in event.mimeData().urls():
            if url.toLocalFile().lower().endswith(".ics"):
                event.acceptProposedAction()
                self.import_calendar_file(Path(url.toLocalFile()))
                return
