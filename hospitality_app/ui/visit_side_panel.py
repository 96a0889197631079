"""The visit list's side panel: the selected visit's findings (the readiness check's own answer)
and its country's regional notes, read off the GUI thread. What they need is imported with the
first visit selected, after the window's first paint."""

from __future__ import annotations

from datetime import UTC, datetime

from hospitality_app.i18n import _, current_language


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
            self.findings.clear()
            self.notes.setHtml("")
            # An empty pane says what would be there.
            self.findings.addItem(_("Select a visit to see what its readiness check found."))
            return
        language = current_language()

        def work(session):
            # The rules and the calendars load here, on the database thread, when a visit is
            # first selected: the list's first paint does not wait for them.
            from hospitality_app.services import hosting_days, plans, readiness, regions

            plan = plans.load_plan(session, visit_id)
            now = datetime.now(UTC)
            found = readiness.check_plan(session, plan, now=now, locale=language)
            coming = hosting_days.around_visit(plan, language)
            halal = any("halal" in v.dietary for v in plan.visitors)
            return found, regions.country(session, plan.company.country), coming, halal

        def failed(failure) -> None:
            self.findings.clear()
            self.findings.addItem(failure.message)

        self.ops.query(self.findings, work, lambda got: self._side_arrived(visit_id, language, *got), failed)

    def _side_arrived(self, visit_id: int, language: str, found, country, coming, halal) -> None:
        from hospitality_app.ui.findings_list import show_findings
        from hospitality_app.ui.region_notes import notes_html

        if visit_id != self._current_id:
            return  # the user moved on meanwhile
        show_findings(self.findings, found)
        self.notes.setHtml(notes_html(country, language, coming, halal, _("Public holidays around the visit")))
