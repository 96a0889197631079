"""A visit called off in the planner offers the calendar that withdraws its events, once they
went to people's calendars; one never exported offers nothing."""

from __future__ import annotations

from datetime import UTC, datetime

from hospitality_app.services import calendar
from tests.ui.helpers import open_plan, save, settle


def _call_off(planner, qtbot) -> None:
    status = planner.editors["overview"].status
    status.setCurrentIndex(status.findData("cancelled"))
    assert save(planner)
    settle(planner._ops)


def test_calling_off_an_exported_visit_offers_its_cancellations(window, qtbot, db, reference_plan, tmp_path):
    visit_id, planner = open_plan(window, db, reference_plan)
    with db.unit_of_work() as session:
        sent = calendar.export_visit(session, visit_id, now=datetime(2026, 11, 23, tzinfo=UTC))
    _call_off(planner, qtbot)
    qtbot.wait_until(lambda: getattr(planner, "cancellations_box", None) is not None, timeout=3000)
    box = planner.cancellations_box
    events = sent.count(b"BEGIN:VEVENT") + sent.count(b"BEGIN:VTODO")
    assert box.text().startswith(f"“{reference_plan.title}” is cancelled. {events} of its events are in people's")
    target = tmp_path / "cancel.ics"
    op = planner._save_cancellations(visit_id, target)
    assert op.wait()
    settle(planner._ops)
    data = target.read_bytes()
    assert data.count(b"STATUS:CANCELLED") == events and b"STATUS:CONFIRMED" not in data
    assert planner.statusBar().currentMessage() == "Send cancel.ics to everyone who had the visit's calendar."


def test_calling_off_a_visit_never_exported_offers_nothing(window, qtbot, db, reference_plan):
    _visit_id, planner = open_plan(window, db, reference_plan)
    _call_off(planner, qtbot)
    settle(planner._ops)  # the question whether anything was sent has been answered
    assert getattr(planner, "cancellations_box", None) is None
