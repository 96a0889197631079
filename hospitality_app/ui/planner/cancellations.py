"""A visit called off in the planner: once the cancelled status is saved, and the visit's
events went to people's calendars, the planner offers the calendar that withdraws them."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from hospitality_app.fileio import atomic_write
from hospitality_app.i18n import _, ngettext
from hospitality_app.services import calendar
from hospitality_app.ui.file_dialogs import cancellations_file

if TYPE_CHECKING:
    from hospitality_app.ui.planner.window import PlannerWindow


class OffersCancellations:
    """Mixed into PlannerWindow, which gives `_ops`, `statusBar()` and the visit's title."""

    def _offer_cancellations(self: PlannerWindow, visit_id: int, title: str) -> None:
        def offer(sent: int) -> None:
            if not sent:
                return  # nothing reached a calendar: nothing to withdraw
            text = ngettext(
                "“{title}” is cancelled. {n} of its events is in people's calendars: save a calendar that "
                "withdraws it, and send it to everyone who had the visit's calendar.",
                "“{title}” is cancelled. {n} of its events are in people's calendars: save a calendar that "
                "withdraws them, and send it to everyone who had the visit's calendar.",
                sent,
            ).format(title=title, n=sent)
            box = QMessageBox(QMessageBox.Information, _("Withdraw the calendar events"), text, parent=self)
            save = box.addButton(_("Save cancellations…"), QMessageBox.AcceptRole)
            box.addButton(_("Not now"), QMessageBox.RejectRole)
            box.setDefaultButton(save)
            box.buttonClicked.connect(lambda button: self._save_cancellations(visit_id) if button is save else None)
            self.cancellations_box = box
            box.open()

        self._ops.query(self, lambda session: calendar.exported_count(session, visit_id), offer)

    def _save_cancellations(self: PlannerWindow, visit_id: int, target: Path | None = None):
        target = target or cancellations_file(self, visit_id)
        if target is None:
            return None

        def work(session) -> None:
            # The export of a cancelled visit is its cancellations; written inside the unit of work,
            # so a file that cannot be written leaves the calendars' state as it was.
            atomic_write(target, calendar.export_visit(session, visit_id, now=datetime.now(UTC)))

        def done(_result) -> None:
            self.statusBar().showMessage(
                _("Send {file} to everyone who had the visit's calendar.").format(file=target.name), 15000
            )

        def failed(failure) -> None:
            self.statusBar().showMessage(_("The cancellations were not saved: {why}").format(why=failure.message))

        return self._ops.write(self, work, done, failed)
