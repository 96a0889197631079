"""Golden calendars: for each case the calendar programs must get right, the exported file as it
is, byte for byte, with a frozen clock and a fixed database identity, and read alike by four
independent parsers.

A change to the export shows here as a diff of whole files. When the change is meant, rewrite
the files with HOSPITALITY_UPDATE_GOLDEN=1 and read the diff before committing it.
"""

from __future__ import annotations

import os
import re
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest
import vobject
from ical.calendar_stream import IcsCalendarStream
from sqlalchemy import text

from hospitality_app.models import AppSetting
from hospitality_app.services import calendar, plans
from hospitality_app.services.dto import (
    AgendaItemData,
    ChecklistItemData,
    CompanyData,
    HostData,
    MealData,
    RestaurantData,
    VisitorData,
    VisitPlan,
)

GOLDEN = Path(__file__).parent / "golden"
NOW = datetime(2026, 11, 22, 1, tzinfo=UTC)
LATER = datetime(2026, 11, 25, 8, 30, tzinfo=UTC)
SHANGHAI = ZoneInfo("Asia/Shanghai")
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
DATABASE = "0b6a4f1e-2c3d-4e5f-8a9b-0c1d2e3f4a5b"
COMPANY = "PT Sinar Jaya Abadi"


@pytest.fixture
def golden_db(tmp_path):
    """SQLite on its own: row ids, and so UIDs, start from 1 in every run."""
    from hospitality_app.db.session import open_database

    database = open_database(f"sqlite:///{tmp_path / 'golden.sqlite3'}")
    with database.unit_of_work() as session:
        session.merge(AppSetting(key="database_uuid", value=DATABASE))
    yield database
    database.dispose()


def store(db, plan, now=NOW) -> int:
    with db.unit_of_work() as session:
        return plans.save(session, plan, now=now).visit_id


def export(db, visit_id, now=NOW, **kw) -> bytes:
    with db.unit_of_work() as session:
        return calendar.export_visit(session, visit_id, now=now, **kw)


def edit(db, visit_id, change, now=LATER) -> None:
    with db.unit_of_work() as session:
        plans.save(session, change(plans.load_plan(session, visit_id)), now=now)


def same_as_golden(name: str, data: bytes) -> None:
    # The version in PRODID changes with every release; nothing else may change unnoticed.
    data = re.sub(rb"hospitality-app [^/]+//", b"hospitality-app VERSION//", data)
    path = GOLDEN / f"{name}.ics"
    if os.environ.get("HOSPITALITY_UPDATE_GOLDEN"):
        path.write_bytes(data)
    assert path.exists(), f"{path.name} is missing: run with HOSPITALITY_UPDATE_GOLDEN=1"
    expected = path.read_bytes()
    assert data.decode() == expected.decode(), f"{path.name} differs"
    assert read_alike(data)


def _moment(value) -> str:
    if isinstance(value, datetime):
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return value.isoformat() if isinstance(value, date) else ""


def read_alike(data: bytes) -> dict[str, tuple[str, str, str, str]]:
    """Every event and to-do as (status, start or due, end, sequence) by UID, the same for
    icalendar, vobject and the strict `ical` package; returns what they read."""
    by_icalendar = {
        str(c["uid"]): (
            str(c.get("status")),
            _moment(c.decoded("dtstart" if c.name == "VEVENT" else "due")),
            _moment(c.decoded("dtend")) if "dtend" in c else "",
            str(c.get("sequence")),
        )
        for c in icalendar.Calendar.from_ical(data).walk()
        if c.name in ("VEVENT", "VTODO")
    }
    by_vobject = {}
    for c in vobject.readOne(data.decode()).getChildren():
        if c.name in ("VEVENT", "VTODO"):
            start = c.dtstart.value if c.name == "VEVENT" else c.due.value
            end = _moment(c.dtend.value) if "dtend" in c.contents else ""
            by_vobject[c.uid.value] = (c.status.value, _moment(start), end, c.sequence.value)
    assert by_vobject == by_icalendar
    strict = IcsCalendarStream.calendar_from_ics(data.decode())
    by_strict = {
        e.uid: (e.status.value, _moment(e.dtstart), _moment(e.dtend) if e.dtend else "", str(e.sequence))
        for e in strict.events
    } | {t.uid: (t.status.value, _moment(t.due), "", str(t.sequence)) for t in strict.todos}
    assert by_strict == by_icalendar
    return by_icalendar


def test_the_reference_visit(golden_db, reference_plan):
    same_as_golden("reference", export(golden_db, store(golden_db, reference_plan)))


def test_the_reference_visit_in_chinese_without_reminders(golden_db, reference_plan):
    visit_id = store(golden_db, reference_plan)
    same_as_golden("reference-zh", export(golden_db, visit_id, lang="zh_CN", reminder_minutes=None))


def test_the_driver_s_calendar(golden_db, reference_plan):
    same_as_golden("driver", export(golden_db, store(golden_db, reference_plan), staff="Chen Jie"))


def test_a_publish_message_names_its_organizer_and_the_site_s_place(golden_db, reference_plan):
    lead = replace(reference_plan.hosts[0], email="li.wei@example.com", given=None)
    plan = replace(reference_plan, hosts=(lead, *reference_plan.hosts[1:]))
    with golden_db.unit_of_work() as session:
        session.merge(AppSetting(key="site.location", value="24.6078,118.0905"))
    same_as_golden("organizer", export(golden_db, store(golden_db, plan)))


def test_a_moved_lunch_raises_only_its_own_sequence(golden_db, reference_plan):
    visit_id = store(golden_db, reference_plan)
    export(golden_db, visit_id)

    def move(plan):
        lunch = plan.meals[0]
        moved = replace(lunch, start=lunch.start.replace(hour=13), end=lunch.end.replace(hour=14))
        return replace(plan, meals=(moved, *plan.meals[1:]))

    edit(golden_db, visit_id, move)
    data = export(golden_db, visit_id, now=LATER)
    same_as_golden("moved-lunch", data)
    raised = [c["summary"] for c in icalendar.Calendar.from_ical(data).walk("VEVENT") if c["sequence"] != 0]
    assert raised == [f"Lunch with {COMPANY}"]


def test_a_cancelled_visit_cancels_everything_without_alarms(golden_db, reference_plan):
    visit_id = store(golden_db, reference_plan)
    export(golden_db, visit_id)
    edit(golden_db, visit_id, lambda plan: replace(plan, status="cancelled"))
    data = export(golden_db, visit_id, now=LATER)
    same_as_golden("cancelled-visit", data)
    read = read_alike(data)
    assert {status for status, *_ in read.values()} == {"CANCELLED"} and b"VALARM" not in data


def test_a_deleted_visit_can_still_be_cancelled(golden_db, reference_plan, tmp_path):
    visit_id = store(golden_db, reference_plan)
    exported = read_alike(export(golden_db, visit_id))
    target = tmp_path / "cancel.ics"
    with golden_db.unit_of_work() as session:
        calendar.delete_visit(session, visit_id, now=LATER, cancellations_to=target)
    same_as_golden("deleted-visit", target.read_bytes())
    assert set(read_alike(target.read_bytes())) == set(exported)


def test_the_old_driver_s_calendar_withdraws_the_pickup(golden_db, reference_plan):
    visit_id = store(golden_db, reference_plan)
    export(golden_db, visit_id, staff="Chen Jie")
    edit(golden_db, visit_id, lambda plan: replace(plan, pickups=(replace(plan.pickups[0], driver="Li Wei"),)))
    same_as_golden("driver-replaced", export(golden_db, visit_id, now=LATER, staff="Chen Jie"))


def test_a_task_done_since_the_last_export_is_completed(golden_db, reference_plan):
    due = datetime(2026, 12, 2, 20, tzinfo=SHANGHAI)
    task = ChecklistItemData("day_of", "Clean the car", due=due, assignee="Chen Jie")
    visit_id = store(golden_db, replace(reference_plan, checklist=(task,)))
    export(golden_db, visit_id, staff="Chen Jie")
    done_at = datetime(2026, 12, 2, 19, 30, tzinfo=SHANGHAI)
    edit(golden_db, visit_id, lambda plan: replace(plan, checklist=(replace(plan.checklist[0], done_at=done_at),)))
    same_as_golden("task-done", export(golden_db, visit_id, now=LATER, staff="Chen Jie"))


def test_line_breaks_stored_by_an_older_version_stay_inside_their_lines(golden_db, reference_plan):
    visit_id = store(golden_db, reference_plan)
    with golden_db.unit_of_work() as session:
        session.execute(
            text("UPDATE staff SET email = 'li.wei@example.com\r\nBCC: x@y', name = 'Li\nWei' WHERE name = 'Li Wei'")
        )
        session.execute(text("UPDATE visit SET title = 'Visit\r\nof the year'"))
    same_as_golden("line-breaks", export(golden_db, visit_id))


def night_the_clocks_go_back() -> VisitPlan:
    """A visit in Amsterdam over 31 October 2027, when 02:00–03:00 happens twice."""

    def at(day, hour, minute=0, fold=0):
        return datetime(2027, 10, day, hour, minute, tzinfo=AMSTERDAM, fold=fold)

    return VisitPlan(
        title="Nachtschicht — Ночная смена — 夜班",
        timezone="Europe/Amsterdam",
        start=at(30, 9),
        end=at(31, 17),
        company=CompanyData("Yıldız Tekstil A.Ş.", "TR"),
        status="confirmed",
        visitors=(VisitorData("Ayşe Yılmaz"),),
        hosts=(HostData("Jan de Vries", ("sales_lead",), email="jan@example.nl"),),
        meals=(MealData(at(30, 19), at(30, 21), "dinner", RestaurantData("De Kas"), attendees=("Ayşe Yılmaz",)),),
        agenda=(
            AgendaItemData(at(31, 1, 30), 30, "Before the change", "other", "Jan de Vries"),
            AgendaItemData(at(31, 2, 30), 20, "The first 02:30 (summer time)", "other", "Jan de Vries"),
            AgendaItemData(at(31, 2, 30, fold=1), 20, "The second 02:30 (winter time)", "other", "Jan de Vries"),
            AgendaItemData(at(31, 9), 60, "After the change", "other", "Jan de Vries"),
        ),
    )


def test_the_night_the_clocks_go_back(golden_db):
    data = export(golden_db, store(golden_db, night_the_clocks_go_back()))
    same_as_golden("clocks-go-back", data)
    starts = sorted(start for _status, start, _end, _seq in read_alike(data).values())
    assert starts == [
        "2027-10-30T17:00:00Z",  # dinner at 19:00, summer time (+02:00)
        "2027-10-30T23:30:00Z",
        "2027-10-31T00:30:00Z",  # 02:30 CEST
        "2027-10-31T01:30:00Z",  # 02:30 CET, an hour later
        "2027-10-31T08:00:00Z",
    ]


@pytest.mark.parametrize("path", sorted(GOLDEN.glob("*.ics")), ids=lambda p: p.stem)
def test_ical_js_reads_every_golden_file_alike(path, icaljs):
    by_python = read_alike(path.read_bytes())
    by_js = {
        e["uid"]: (e["status"], e["start_utc"].replace(".000Z", "Z"), (e["end_utc"] or "").replace(".000Z", "Z"))
        for e in icaljs(path)
    }
    assert by_js == {uid: (status, start, end) for uid, (status, start, end, _seq) in by_python.items()}
