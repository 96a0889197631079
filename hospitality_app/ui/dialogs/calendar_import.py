"""Confirm what a dropped flight or hotel confirmation (.ics) adds to a visit."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from hospitality_app.formats import day_text, moment_text, time_text
from hospitality_app.i18n import _
from hospitality_app.services.ics_import import Proposal


def describe(p: Proposal, zone) -> str:
    if p.pickup is not None:
        arrival = moment_text(p.pickup.arrival.astimezone(zone)) if p.pickup.arrival else "—"
        return _("Pickup {number}: arrives {time}, driver due {due}").format(
            number=p.pickup.carrier_number, time=arrival, due=time_text(p.pickup.driver_due.astimezone(zone))
        )
    s = p.stay
    return _("Hotel stay at {hotel}: {check_in} to {check_out}").format(
        hotel=s.hotel.name, check_in=day_text(s.check_in), check_out=day_text(s.check_out)
    )


class CalendarImportDialog(QDialog):
    def __init__(self, proposals: list[Proposal], zone, title: str, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._proposals = proposals
        self.setWindowTitle(_("Add from calendar file"))
        self.setMinimumWidth(520)
        self.list = QListWidget(self)
        for p in proposals:
            text = describe(p, zone)
            item = QListWidgetItem(text + (f"  ({_('already in the plan')})" if p.duplicate else ""))
            item.setToolTip(escape(p.summary))  # a tooltip would render the file's markup
            if p.duplicate:
                item.setFlags(item.flags() & ~Qt.ItemIsEnabled & ~Qt.ItemIsUserCheckable)
                item.setCheckState(Qt.Unchecked)
            else:
                item.setCheckState(Qt.Checked)
            self.list.addItem(item)
        heading = QLabel(_("Add these to “{visit}”?").format(visit=title), self)
        heading.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.list)
        layout.addWidget(buttons)

    def chosen(self) -> list[Proposal]:
        return [
            p for i, p in enumerate(self._proposals) if self.list.item(i).checkState() == Qt.Checked and not p.duplicate
        ]
