"""`hospitality-app dashboard`: the managers' dashboard on the command line."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from hospitality_app.services import demo
from tests.unit.cli_support import run


def demo_db(tmp_path):
    from hospitality_app.db.session import open_database

    path = tmp_path / "dash.sqlite3"
    db = open_database(f"sqlite:///{path}")
    with db.unit_of_work() as session:
        demo.create_demo_visits(session, now=datetime(2026, 12, 6, 9, tzinfo=UTC))
    db.dispose()
    return str(path)


def test_json_lists_the_upcoming_visits_with_readiness_and_what_is_overdue(capsys, tmp_path):
    db = demo_db(tmp_path)
    code, out, _ = run(capsys, "--db", db, "dashboard", "--json", "--now", "2026-12-06T09:00+08:00", "--days", "14")
    assert code == 0
    found = json.loads(out)
    assert set(found) >= {"upcoming", "pickups", "double_bookings", "overdue_tasks", "overdue_follow_ups"}
    sinar = next(v for v in found["upcoming"] if v["company"] == "PT Sinar Jaya Abadi")
    assert (sinar["errors"], sinar["warnings"], sinar["start"]) == (6, 2, "2026-12-17T09:00:00+08:00")
    assert "Kaufmann Logistik GmbH" not in {v["company"] for v in found["upcoming"]}  # in September
    assert {d["resource"] for d in found["double_bookings"]} == {"Chen Jie", "Zhang Min"}
    assert [t["title"] for t in found["overdue_tasks"]] == ["Send the audit documents in Russian"]


def test_a_wider_window_meets_the_golden_week_and_its_holidays(capsys, tmp_path):
    db = demo_db(tmp_path)
    _code, out, _ = run(capsys, "--db", db, "dashboard", "--json", "--now", "2027-09-25T09:00+08:00", "--days", "30")
    kaufmann = next(v for v in json.loads(out)["upcoming"] if v["company"] == "Kaufmann Logistik GmbH")
    # It ends on 3 October, a holiday at the site and at home; it begins on an ordinary 30 September.
    assert kaufmann["holidays"] == ["Sun 3 Oct: National Day (China)", "Sun 3 Oct: German Unity Day (Germany)"]


def test_text_and_bad_input(capsys, tmp_path):
    db = demo_db(tmp_path)
    code, out, _ = run(capsys, "--db", db, "dashboard", "--now", "2026-12-06T09:00+08:00")
    assert code == 0 and out.startswith("Upcoming visits (next 14 days): ")
    assert "Double bookings: 2" in out and "Overdue follow-ups: 1" in out
    code, out, err = run(capsys, "--db", db, "dashboard", "--now", "yesterday")
    assert (code, out) == (2, "") and err == (
        "hospitality-app: error: --now: not a date and time: 'yesterday' (like 2026-11-22T09:00)\n"
    )
