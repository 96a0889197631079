"""A kill at any statement of a first creation or an upgrade leaves a database that opens; a
database we cannot read (damaged, newer, another program's) is refused without being touched."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from hospitality_app.db.backups import BackupFolder
from hospitality_app.db.engine import create_app_engine
from hospitality_app.db.migrate import current_revision, upgrade
from hospitality_app.db.migrations import HEAD
from hospitality_app.db.session import open_database
from hospitality_app.errors import DatabaseDamaged, DatabaseError, NewerDatabase

# Runs db.migrate.upgrade in a child process that kills itself (SIGKILL: no rollback, no cleanup,
# as a crash or a power-off button would) just before its N-th SQL statement; N=0 counts them.
CHILD = """
import os, sys
from sqlalchemy import event
from hospitality_app.db import migrate

url, target, kill_at = sys.argv[1], sys.argv[2], int(sys.argv[3])
seen = 0
real = migrate.create_app_engine


def counting(*args, **kwargs):
    engine = real(*args, **kwargs)

    @event.listens_for(engine, "before_cursor_execute")
    def before(conn, cursor, statement, *rest):
        global seen
        seen += 1
        if seen == kill_at:
            os.kill(os.getpid(), 9)

    return engine


migrate.create_app_engine = counting
migrate.upgrade(url, target)
print(seen)
"""


def run_child(url: str, target: str, kill_at: int) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", CHILD, url, target, str(kill_at)], capture_output=True, text=True)


def digest(path: Path) -> str:
    con = sqlite3.connect(path)
    try:
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        rows = [f"{t}:{sorted(con.execute(f'SELECT * FROM {t}').fetchall())}" for t in tables]
    finally:
        con.close()
    return hashlib.sha256("\n".join(rows).encode()).hexdigest()


@pytest.mark.slow
def test_a_kill_during_the_first_creation_never_bricks_the_file(tmp_path):
    total = int(run_child(f"sqlite:///{tmp_path / 'count.sqlite3'}", "head", 0).stdout)
    assert total > 100
    for n in (1, 2, 10, total // 3, total // 2, total - 5, total - 1, total):
        path = tmp_path / f"kill-{n}.sqlite3"
        url = f"sqlite:///{path}"
        assert run_child(url, "head", n).returncode == -9, n
        db = open_database(url)  # opens, creating what the killed run did not finish
        assert current_revision(db.engine) == HEAD
        db.dispose()


@pytest.mark.slow
def test_a_kill_during_an_upgrade_leaves_the_old_schema_and_its_data(tmp_path):
    old = tmp_path / "old.sqlite3"
    upgrade(f"sqlite:///{old}", "0001")
    con = sqlite3.connect(old)
    con.execute(
        "INSERT INTO company (id, name, country, city, website, gift_policy, research, version) "
        "VALUES (1, 'Yıldız Tekstil', 'TR', 'İstanbul', '', 'accepts', '', 1)"
    )
    con.commit()
    con.close()
    before = digest(old)
    total = int(run_child(f"sqlite:///{tmp_path / 'count.sqlite3'}", "head", 0).stdout)
    upgrade_statements = total  # an upper bound for the upgrade's own statements
    for n in (3, 8, 15, 25, 40, upgrade_statements // 2):
        path = tmp_path / f"kill-{n}.sqlite3"
        path.write_bytes(old.read_bytes())
        url = f"sqlite:///{path}"
        result = run_child(url, "head", n)
        engine = create_app_engine(url)
        revision = current_revision(engine)
        engine.dispose()
        if result.returncode == -9:
            assert revision == "0001" and digest(path) == before, n
        db = open_database(url)
        assert current_revision(db.engine) == HEAD
        db.dispose()


def test_a_half_created_database_from_an_older_version_is_cleared_and_created(tmp_path):
    path = tmp_path / "half.sqlite3"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE company (id INTEGER PRIMARY KEY, name VARCHAR(200))")  # what a killed run left
    con.commit()
    con.close()
    db = open_database(f"sqlite:///{path}")
    assert current_revision(db.engine) == HEAD
    db.dispose()


def test_a_half_created_database_with_rows_is_not_touched(tmp_path):
    path = tmp_path / "half.sqlite3"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE company (id INTEGER PRIMARY KEY, name VARCHAR(200))")
    con.execute("INSERT INTO company VALUES (1, 'kept')")
    con.commit()
    con.close()
    with pytest.raises(DatabaseDamaged, match="half-created"):
        open_database(f"sqlite:///{path}")
    assert sqlite3.connect(path).execute("SELECT name FROM company").fetchall() == [("kept",)]


def test_another_programs_database_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "theirs.sqlite3"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY)")
    con.commit()
    con.close()
    before = digest(path)
    with pytest.raises(DatabaseError, match="not a Hospitality database"):
        open_database(f"sqlite:///{path}")
    assert digest(path) == before


def test_a_newer_schema_is_refused_without_a_backup(tmp_path, isolated_home):
    path = tmp_path / "newer.sqlite3"
    upgrade(f"sqlite:///{path}")
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = '0099'")
    con.commit()
    con.close()
    with pytest.raises(NewerDatabase, match="made by a newer version of Hospitality"):
        open_database(f"sqlite:///{path}")
    assert list(isolated_home.rglob("*.sqlite3")) == []


@pytest.mark.parametrize("content", [b"just some text\n", b"SQLite format 3\x00" + b"\xff" * 4000])
def test_a_file_that_is_not_a_database_gives_a_message_not_a_traceback(tmp_path, content):
    path = tmp_path / "garbage.sqlite3"
    path.write_bytes(content)
    with pytest.raises(DatabaseDamaged, match="damaged"):
        open_database(f"sqlite:///{path}")
    assert path.read_bytes() == content


# backups --------------------------------------------------------------------------------------


def test_backups_roll_and_keep_the_newest(tmp_path):
    from datetime import UTC, datetime, timedelta

    db_path = tmp_path / "db.sqlite3"
    upgrade(f"sqlite:///{db_path}")
    folder = BackupFolder(tmp_path / "backups", db_path, keep=3)
    start = datetime(2026, 12, 1, tzinfo=UTC)
    assert folder.due(start)
    for day in range(5):
        folder.take("daily", now=start + timedelta(days=day))
    kept = folder.list()
    assert [b.taken.day for b in kept] == [5, 4, 3]
    assert not folder.due(start + timedelta(days=4, hours=23)) and folder.due(start + timedelta(days=5))
    con = sqlite3.connect(kept[0].path)
    assert con.execute("PRAGMA journal_mode").fetchone() == ("delete",)  # one file, no -wal beside it
    assert con.execute("SELECT version_num FROM alembic_version").fetchone() == (HEAD,)


def test_a_backup_that_fills_the_disk_leaves_no_partial_file(tmp_path, monkeypatch):
    import hospitality_app.db.backups as backups

    db_path = tmp_path / "db.sqlite3"
    upgrade(f"sqlite:///{db_path}")
    real_connect = sqlite3.connect

    class FullDisk:
        def __init__(self, con):
            self.con = con

        def backup(self, target):
            raise sqlite3.OperationalError("database or disk is full")

        def __getattr__(self, name):
            return getattr(self.con, name)

    def connect(target, *args, **kwargs):
        con = real_connect(target, *args, **kwargs)
        return FullDisk(con) if str(target).startswith("file:") else con

    monkeypatch.setattr(backups.sqlite3, "connect", connect)
    folder = BackupFolder(tmp_path / "backups", db_path)
    with pytest.raises(DatabaseError, match="not enough disk space"):
        folder.take("daily")
    assert list((tmp_path / "backups").iterdir()) == []


def test_an_upgrade_backs_up_first_into_the_backup_folder(tmp_path, isolated_home):
    db_path = tmp_path / "old.sqlite3"
    upgrade(f"sqlite:///{db_path}", "0004")
    made = upgrade(f"sqlite:///{db_path}")
    assert made is not None and made.parent.name == "backups" and f"before-{HEAD}" in made.name
    assert sqlite3.connect(made).execute("SELECT version_num FROM alembic_version").fetchone() == ("0004",)
    assert list(tmp_path.glob("*.bak")) == []


def test_restore_puts_the_backup_in_place_and_keeps_the_damaged_file(tmp_path):
    from hospitality_app.db.backups import restore

    db_path = tmp_path / "db.sqlite3"
    upgrade(f"sqlite:///{db_path}")
    backup = BackupFolder(tmp_path / "backups", db_path).take("daily")
    db_path.write_bytes(b"SQLite format 3\x00" + os.urandom(8000))  # damaged
    damaged = db_path.read_bytes()
    aside = restore(backup, db_path)
    assert aside.read_bytes() == damaged
    db = open_database(f"sqlite:///{db_path}")
    assert current_revision(db.engine) == HEAD
    db.dispose()


def test_a_damaged_backup_is_not_restored(tmp_path):
    from hospitality_app.db.backups import restore

    db_path = tmp_path / "db.sqlite3"
    upgrade(f"sqlite:///{db_path}")
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"not a database")
    before = db_path.read_bytes()
    with pytest.raises(DatabaseError, match="damaged too"):
        restore(bad, db_path)
    assert db_path.read_bytes() == before
