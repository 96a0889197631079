"""The demo meets every hosting calendar, whatever today is."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from hospitality_app.rules.engine import ALL_CODES
from hospitality_app.services import demo, readiness, settings

CALENDAR_CODES = {code for code in ALL_CODES if code.startswith(("calendar.", "religion."))}


@pytest.mark.parametrize("today", ["2026-12-06", "2027-03-01", "2027-08-20", "2028-01-15"])
def test_the_demo_raises_each_calendar_code(db, today):
    assert len(CALENDAR_CODES) == 6
    now = datetime.fromisoformat(today).replace(hour=9, tzinfo=UTC)
    with db.unit_of_work() as session:
        ids = demo.create_demo_visits(session, now=now)
    with db.unit_of_work() as session:
        found = {f.code for visit_id in ids for f in readiness.check_visit(session, visit_id, now=now)}
        first, _last = settings.settings(session)["factory.closures"].split("/")
    assert found >= CALENDAR_CODES
    assert first > today  # the shutdown is to come


def test_the_demo_keeps_the_team_s_own_shutdowns(db):
    with db.unit_of_work() as session:
        settings.set_setting(session, "factory.closures", "2027-01-28/2027-02-12")
        demo.create_demo_visits(session, now=datetime(2026, 12, 6, tzinfo=UTC))
    with db.unit_of_work() as session:
        assert settings.settings(session)["factory.closures"] == "2027-01-28/2027-02-12"
