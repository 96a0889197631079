"""The visit list's side panel: the selected visit's findings (the readiness check's own answer)
and its country's regional notes, read off the GUI thread."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidgetItem, QStyle

from hospitality_app.i18n import _, current_language
from hospitality_app.services import plans, readiness, regions
from hospitality_app.ui.region_notes import notes_html

SEVERITY_ICON = {
    "error": QStyle.SP_MessageBoxCritical,
    "warning": QStyle.SP_MessageBoxWarning,
    "info": QStyle.SP_MessageBoxInformation,
}


class VisitSidePanel:
    """Mixed into MainWindow, which gives `ops`, `model`, `findings`, `notes`, `checklist` and
    `_current_id`."""

    def _show_current(self, current, _previous) -> None:
        row = self.model.row_at(current.row())
        if row is not None:
            self._show_side(row.id)

    def _show_side(self, visit_id: int | None) -> None:
        """The side panel for `visit_id`: its findings and regional notes, read off the GUI thread."""
        self._current_id = visit_id
        self.checklist.show_visit(visit_id)
        if visit_id is None:
            return
        language = current_language()

        def work(session):
            plan = plans.load_plan(session, visit_id)
            found = readiness.check_plan(session, plan, now=datetime.now(UTC), locale=language)
            return found, regions.country(session, plan.company.country)

        def failed(failure) -> None:
            self.findings.clear()
            self.findings.addItem(failure.message)

        self.ops.query(self.findings, work, lambda got: self._side_arrived(visit_id, language, *got), failed)

    def _side_arrived(self, visit_id: int, language: str, found, country) -> None:
        if visit_id != self._current_id:
            return  # the user moved on meanwhile
        self.findings.clear()
        style = self.style()
        for f in found:
            item = QListWidgetItem(
                style.standardIcon(SEVERITY_ICON[f.severity]), f"{f.message}\n{f.subject or f.target}"
            )
            item.setToolTip(f"{f.code} — {f.target}")
            item.setData(Qt.UserRole, f.target)
            item.setData(Qt.UserRole + 1, f.code)
            self.findings.addItem(item)
        if not found:
            self.findings.addItem(
                QListWidgetItem(style.standardIcon(QStyle.SP_DialogApplyButton), _("Ready: no findings."))
            )
        self.notes.setHtml(notes_html(country, language))
