"""Team mode on PostgreSQL (skipped without HOSPITALITY_TEST_PG_URL): database grants keep the
bottom lines for managers, a laptop's data copies in once, the command line takes a URL."""

from __future__ import annotations

import json
import uuid
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ProgrammingError

from hospitality_app.db.session import Database, open_database
from hospitality_app.errors import PermissionDenied
from hospitality_app.services import plans, team
from tests.conftest import PG_URL, fresh_database, pg_admin_url

pytestmark = pytest.mark.skipif(not PG_URL, reason="HOSPITALITY_TEST_PG_URL is not set")
NOW = datetime(2026, 11, 22, 1, tzinfo=UTC)


@pytest.fixture
def db_url(tmp_path):
    """PostgreSQL only here: a schema of its own."""
    yield from fresh_database("postgresql", tmp_path)


def as_user(url: str, user: str) -> str:
    return make_url(url).set(username=user, password=None).render_as_string(hide_password=False)


@pytest.fixture
def logins(db_url):
    """A staff login and a manager login in freshly made roles (removed afterwards)."""
    tag = uuid.uuid4().hex[:8]
    roles = team.Roles(staff=f"staff_{tag}", managers=f"managers_{tag}")
    alice, bob = f"alice_{tag}", f"bob_{tag}"
    admin = create_engine(db_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        for name in (alice, bob):
            conn.exec_driver_sql(f"CREATE ROLE {name} LOGIN")
    yield roles, alice, bob, admin
    with admin.connect() as conn:
        for name in (alice, bob, roles.staff, roles.managers):
            conn.exec_driver_sql(f"DROP OWNED BY {name}")
            conn.exec_driver_sql(f"DROP ROLE {name}")
    admin.dispose()


def test_only_managers_read_bottom_lines(db_url, logins, reference_plan):
    roles, alice, bob, admin = logins
    owner = open_database(db_url)
    with owner.unit_of_work() as session:
        visit_id = plans.save(session, reference_plan, now=NOW).visit_id
    team.init_team(owner.engine, roles)
    with admin.connect() as conn:
        conn.exec_driver_sql(f"GRANT {roles.staff} TO {alice}")
        conn.exec_driver_sql(f"GRANT {roles.managers} TO {bob}")

    staff = Database(create_engine(as_user(db_url, alice)))
    manager = Database(create_engine(as_user(db_url, bob)))
    try:
        for query in (
            "SELECT * FROM bottom_line",
            "SELECT text FROM bottom_line WHERE agenda_item_id > 0",
            "SELECT a.title, b.text FROM agenda_item a JOIN bottom_line b ON b.agenda_item_id = a.id",
            "SELECT agenda_item_id, text FROM bottom_line",
            "COPY bottom_line TO STDOUT",
        ):
            with pytest.raises(ProgrammingError, match="permission denied"), staff.engine.connect() as conn:
                conn.execute(text(query)).all()
        with pytest.raises(ProgrammingError, match="permission denied"), staff.engine.begin() as conn:
            conn.execute(text("UPDATE bottom_line SET text = 'x'"))

        with staff.unit_of_work() as session:
            plan = plans.load_plan(session, visit_id)
        negotiation = next(a for a in plan.agenda if a.kind == "negotiation")
        assert negotiation.bottom_lines is None  # "confidential", not an error
        # Staff see that the manager set limits on this item, and on no other.
        assert [a.bottom_lines_exist for a in plan.agenda] == [a.kind == "negotiation" for a in plan.agenda]
        with staff.engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM bottom_line")).scalar_one() == 1
        with staff.unit_of_work() as session:
            plans.save(session, replace(plan, purpose="Changed by the sales lead"), now=NOW)

        with manager.unit_of_work() as session:
            seen = plans.load_plan(session, visit_id)
        assert seen.purpose == "Changed by the sales lead"
        assert next(a for a in seen.agenda if a.kind == "negotiation").bottom_lines.startswith(
            "Unit price not below USD 0.42"
        )
    finally:
        staff.dispose()
        manager.dispose()
        owner.dispose()


def test_copy_to_the_team_database_is_idempotent(db_url, tmp_path, capsys):
    from hospitality_app.app import main
    from tests.conftest import REFERENCE

    laptop = str(tmp_path / "laptop.sqlite3")
    assert main(["--db", laptop, "demo"]) == 0
    assert main(["--db", laptop, "import", str(REFERENCE)]) == 0
    assert main(["--db", laptop, "settings", "company.name", "Xiamen Starlight"]) == 0
    capsys.readouterr()
    assert main(["--db", laptop, "copy", "--to", db_url]) == 0
    assert capsys.readouterr().out.strip() == "Copied 13 visits; 0 were already there."
    assert main(["--db", laptop, "copy", "--to", db_url]) == 0
    assert capsys.readouterr().out.strip() == "Copied 0 visits; 13 were already there."
    assert main(["--db", db_url, "list", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 13 and {r["country"] for r in rows} >= {"ID", "IN", "RU", "DE", "US", "SA", "TR"}
    assert main(["--db", db_url, "settings", "company.name"]) == 0
    assert capsys.readouterr().out.strip() == "company.name = Xiamen Starlight"
    sinar = next(
        r["id"]
        for r in rows
        if r["title"].startswith("PT Sinar Jaya Abadi — first factory visit") and r["start"].startswith("2026-12-03")
    )
    assert main(["--db", db_url, "check", str(sinar), "--json", "--now", "2026-11-22T09:00"]) == 0
    codes = sorted(f["code"] for f in json.loads(capsys.readouterr().out))
    assert "pickup.driver_late" in codes and "dietary.forbidden" in codes


def test_team_sql_lists_the_grants(db_url, capsys):
    from hospitality_app.app import main

    assert main(["--db", db_url, "team", "sql"]) == 0
    out = capsys.readouterr().out
    assert "REVOKE ALL ON" in out and "bottom_line FROM PUBLIC, hospitality_staff" in out


def test_open_list_refreshes_when_a_colleague_saves(db_url, qtbot, reference_plan):
    from hospitality_app.ui.main_window import MainWindow

    db = open_database(db_url)
    window = MainWindow(db)
    qtbot.add_widget(window)
    assert window.ops.listener is None  # nothing runs for a window nobody sees
    window.show()
    assert window.ops.listener is not None
    qtbot.wait_until(window.ops.listener.isRunning, timeout=3000)
    qtbot.wait(300)  # LISTEN is issued
    colleague = open_database(db_url)
    with colleague.unit_of_work() as session:
        plans.save(session, reference_plan, now=NOW)
    qtbot.wait_until(lambda: window.model.total() == 1, timeout=5000)
    assert window.model.row_at(0).company == "PT Sinar Jaya Abadi"
    listener = window.ops.listener
    window.close()
    assert not listener.isRunning()
    colleague.dispose()
    db.dispose()


def test_a_window_deleted_without_closing_stops_its_listener(db_url, qtbot):
    import shiboken6
    from PySide6.QtCore import Qt

    from hospitality_app.ui.main_window import MainWindow

    db = open_database(db_url)
    window = MainWindow(db)
    window.show()
    qtbot.wait_until(window.ops.listener.isRunning, timeout=3000)
    ended = []
    window.ops.listener.finished.connect(lambda: ended.append(True), Qt.DirectConnection)
    shiboken6.delete(window)  # Qt would abort the process if the thread were still running
    assert ended == [True]
    db.dispose()


@pytest.fixture
def team_db(db_url, logins, reference_data, tmp_path):
    """A team database holding the reference visit (bottom lines set by the owner), with alice
    in the staff role and bob a manager; plus a copy of the reference file without bottom lines."""
    roles, alice, bob, admin = logins
    from hospitality_app.app import main
    from tests.conftest import REFERENCE

    assert main(["--db", db_url, "import", str(REFERENCE)]) == 0
    team.init_team(open_database(db_url).engine, roles)
    with admin.connect() as conn:
        conn.execute(text(f"GRANT {roles.staff} TO {alice}"))
        conn.execute(text(f"GRANT {roles.managers} TO {bob}"))
    plain = json.loads(json.dumps(reference_data))
    plain["visit"]["title"] = "Second visit, planned by staff"
    for item in plain["agenda"]:
        item.pop("bottom_lines", None)
    without = tmp_path / "no-bottom-lines.json"
    without.write_text(json.dumps(plain))
    return as_user(db_url, alice), as_user(db_url, bob), without


def _bottom_line_count(manager_url: str) -> int:
    engine = create_engine(manager_url)
    try:
        with engine.connect() as conn:
            return conn.execute(text("SELECT count(*) FROM bottom_line")).scalar_one()
    finally:
        engine.dispose()


def test_staff_plan_a_whole_visit_from_the_command_line(team_db, tmp_path, capsys):
    from hospitality_app.app import main

    staff_url, manager_url, without = team_db
    capsys.readouterr()
    assert main(["--db", staff_url, "import", str(without)]) == 0
    visit = capsys.readouterr().out.strip().splitlines()[-1]
    for command in (
        ["check", visit, "--json", "--now", "2026-11-22T09:00"],
        ["export", visit, "-o", str(tmp_path / "v.json")],
        ["ics", visit, "-o", str(tmp_path / "v.ics")],
        ["brief", visit, "-o", str(tmp_path / "b.pdf")],
        ["checklist", visit, "--apply", "standard"],
        ["letter", visit, "-o", str(tmp_path / "l.pdf"), "--sent"],
    ):
        assert main(["--db", staff_url, *command]) == 0, command
    capsys.readouterr()
    exported = json.loads((tmp_path / "v.json").read_text())
    assert [a.get("bottom_lines") for a in exported["agenda"] if a["kind"] == "negotiation"] == [None]
    assert _bottom_line_count(manager_url) == 1  # the owner's, untouched


def test_staff_importing_bottom_lines_get_one_line_and_nothing_is_saved(team_db, capsys):
    from hospitality_app.app import main
    from tests.conftest import REFERENCE

    staff_url, manager_url, _ = team_db
    capsys.readouterr()
    assert main(["--db", staff_url, "list", "--json"]) == 0
    before = json.loads(capsys.readouterr().out)
    assert main(["--db", staff_url, "import", str(REFERENCE)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0
    assert err.startswith("hospitality-app: error: your team role does not allow this (permission denied for table")
    assert err.endswith("bottom_line); nothing was saved — ask a manager")
    assert main(["--db", staff_url, "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == before
    assert _bottom_line_count(manager_url) == 1


def test_staff_cannot_delete_a_managers_bottom_line_in_any_way(team_db):
    staff_url, manager_url, _ = team_db
    staff = Database(create_engine(staff_url))
    try:
        with staff.reading() as session:
            visit_id = session.execute(text("SELECT id FROM visit")).scalar_one()
        with staff.unit_of_work() as session:
            plan = plans.load_plan(session, visit_id)
        others = tuple(a for a in plan.agenda if a.kind != "negotiation")
        refused = "only a manager may remove a negotiation item that has bottom lines"
        with pytest.raises(PermissionDenied, match=refused), staff.unit_of_work() as session:
            plans.save(session, replace(plan, agenda=others), now=NOW)  # the planner's way
        with pytest.raises(PermissionDenied, match=refused), staff.unit_of_work() as session:
            plans.delete_visit(session, visit_id)
        for statement in (
            "DELETE FROM agenda_item WHERE kind = 'negotiation'",
            "DELETE FROM visit",
            "DELETE FROM bottom_line",
            "TRUNCATE bottom_line",
            "UPDATE bottom_line SET text = ''",
        ):
            with pytest.raises(ProgrammingError), staff.engine.begin() as conn:
                conn.execute(text(statement))
        assert _bottom_line_count(manager_url) == 1
        with staff.unit_of_work() as session:  # any other item is staff's to remove
            plans.save(session, replace(plan, agenda=tuple(a for a in plan.agenda if a.kind != "samples")), now=NOW)
        with staff.reading() as session:
            kinds = {k for (k,) in session.execute(text("SELECT kind FROM agenda_item"))}
        assert "samples" not in kinds and "negotiation" in kinds
    finally:
        staff.dispose()

    manager = Database(create_engine(manager_url))
    try:
        with manager.unit_of_work() as session:
            plan = plans.load_plan(session, visit_id)
            plans.save(session, replace(plan, agenda=tuple(a for a in plan.agenda if a.kind != "negotiation")), now=NOW)
        assert _bottom_line_count(manager_url) == 0
    finally:
        manager.dispose()


def test_diets_are_for_the_team_and_nobody_else(team_db, logins, capsys):
    """Who may read sensitive data: every staff member and manager reads the visitors' diets,
    religion and allergies (whoever books a meal or hosts it must know them); a login outside
    the team's roles reads nothing, neither personal data nor anything else."""
    from hospitality_app.app import main

    staff_url, manager_url, _ = team_db
    _, _, _, admin = logins
    outsider = f"outsider_{uuid.uuid4().hex[:8]}"
    with admin.connect() as conn:
        conn.execute(text(f"CREATE ROLE {outsider} LOGIN"))
    try:
        for url in (staff_url, manager_url):
            engine = create_engine(url)
            with engine.connect() as conn:
                allergens = conn.execute(
                    text("SELECT count(*) FROM visitor WHERE CAST(allergies AS TEXT) <> '[]'")
                ).scalar_one()
            engine.dispose()
            assert allergens >= 1
        outsider_url = as_user(staff_url, outsider)
        engine = create_engine(outsider_url)
        schema = make_url(staff_url).query["options"].removeprefix("-csearch_path=")
        for table in ("visitor", "visit", "company", "meal", "staff"):
            with pytest.raises(ProgrammingError, match="permission denied for schema"), engine.connect() as conn:
                conn.execute(text(f'SELECT * FROM "{schema}".{table}')).all()
        engine.dispose()
        capsys.readouterr()
        assert main(["--db", outsider_url, "list"]) == 2
        err = capsys.readouterr().err.strip()
        assert err == (
            "hospitality-app: error: your team role does not allow this (this login may not use the team "
            "database's schema; the owner runs 'hospitality-app team init' once, then grants you "
            "hospitality_staff or hospitality_managers); nothing was saved — ask a manager"
        )
    finally:
        with admin.connect() as conn:
            conn.execute(text(f"DROP OWNED BY {outsider}"))
            conn.execute(text(f"DROP ROLE {outsider}"))


def test_the_live_list_listens_again_after_its_connection_is_killed(db_url, qtbot, reference_plan):
    from hospitality_app.ui.main_window import MainWindow

    db = open_database(db_url)
    window = MainWindow(db)
    qtbot.add_widget(window)
    window.show()
    listener = window.ops.listener
    qtbot.wait_until(lambda: listener.backend_pid is not None, timeout=5000)
    first = listener.backend_pid
    admin = create_engine(pg_admin_url(), isolation_level="AUTOCOMMIT")
    failures, again = [], []
    listener.failed.connect(failures.append)
    listener.reconnected.connect(lambda: again.append(True))
    with admin.connect() as conn:
        assert conn.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": first}).scalar_one()
    qtbot.wait_until(lambda: again == [True], timeout=10000)
    assert failures and listener.backend_pid not in (None, first)
    colleague = open_database(db_url)
    with colleague.unit_of_work() as session:
        plans.save(session, reference_plan, now=NOW)
    qtbot.wait_until(lambda: window.model.total() == 1, timeout=5000)
    window.close()
    colleague.dispose()
    admin.dispose()
    db.dispose()
