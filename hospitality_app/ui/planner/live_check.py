"""The planner's live readiness check: after each edit, the plan on screen (or the one a drag
on the timeline would make) is checked off the GUI thread, and its findings, the hosting
calendars' notes of its days and its country's notes are shown when they arrive."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from hospitality_app.errors import ValidationError
from hospitality_app.i18n import _, current_language
from hospitality_app.services import hosting_days, readiness, regions
from hospitality_app.services.dto import VisitPlan
from hospitality_app.services.validation import validation_errors
from hospitality_app.ui.findings_list import show_findings
from hospitality_app.ui.region_notes import notes_html

if TYPE_CHECKING:
    from hospitality_app.ui.planner.window import PlannerWindow


class ChecksLive:
    """Mixed into PlannerWindow, which gives `collect`, `_say_live`, the editors, the timeline,
    the findings and notes panes and `_ops`."""

    def check(self: PlannerWindow, plan: VisitPlan | None = None):
        """The readiness check of the plan on screen (or of `plan`, the one a drag on the timeline
        would make) — the same check as everywhere, other visits' bookings included — run off
        the GUI thread. Returns the operation."""
        try:
            plan = plan or self.collect()
        except ValidationError as exc:
            self._say_live(exc)
            return None
        errors = validation_errors(plan)  # an end before the start is said now, not first at Save
        # A complaint beside a field goes once the field is corrected, the others' stay.
        self.editors["overview"].keep_errors({e.path for e in errors})
        if errors:
            self._say_live(errors[0])  # the readiness check still reads the plan, as it stands
        else:
            self.error.setText("")
        language = current_language()
        self._check_generation += 1
        generation = self._check_generation

        def work(session):
            now = datetime.now(UTC)
            found = readiness.check_plan(session, plan, now=now, locale=language)
            country = regions.country(session, plan.company.country) if plan.company.country else None
            days = hosting_days.day_notes(session, plan, language)
            coming = hosting_days.around_visit(plan, language)
            return found, country, days, coming

        return self._ops.query(self, work, lambda got: self._checked(generation, language, plan, *got))

    def _checked(
        self: PlannerWindow, generation: int, language: str, plan: VisitPlan, found, country, days, coming
    ) -> None:
        if generation != self._check_generation:
            return  # the plan changed again meanwhile: a newer check is on its way
        show_findings(self.findings, found)
        self.timeline.show_plan(plan, found, days)
        for editor in self.editors.values():
            editor.mark(found)
        halal = any("halal" in v.dietary for v in plan.visitors)
        title = _("Public holidays around the visit")
        self.notes.setHtml(notes_html(country, language, coming, halal, title) if country else "")
