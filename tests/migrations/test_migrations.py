"""Migrations: the scripts build the models' schema; an older database keeps its data."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from hospitality_app.db.engine import create_app_engine
from hospitality_app.db.migrate import _alembic_config, current_revision, upgrade
from hospitality_app.db.migrations import HEAD, REVISIONS
from hospitality_app.models import Base


def test_head_constant_matches_the_scripts():
    scripts = ScriptDirectory.from_config(_alembic_config())
    assert scripts.get_current_head() == HEAD
    assert [r.revision for r in reversed(list(scripts.walk_revisions()))] == list(REVISIONS)


def test_upgrading_an_empty_database_gives_the_models_schema(tmp_path):
    url = f"sqlite:///{tmp_path / 'new.sqlite3'}"
    assert upgrade(url) is None  # a new database needs no backup
    engine = create_app_engine(url)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
    engine.dispose()
    assert diff == []
    assert list(tmp_path.glob("*.bak")) == []


def test_upgrade_from_0001_keeps_data_and_backs_up_first(tmp_path):
    path = tmp_path / "old.sqlite3"
    url = f"sqlite:///{path}"
    upgrade(url, "0001")
    now = datetime(2026, 1, 5, tzinfo=UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    con = sqlite3.connect(path)
    con.executescript(f"""
        INSERT INTO company (id, name, country, city, website, gift_policy, research, version)
            VALUES (1, 'Yıldız Tekstil A.Ş.', 'TR', 'İstanbul', '', 'accepts', '', 1);
        INSERT INTO visitor (id, company_id, name, title, languages, dietary, allergies,
            preferences, interests, notes, version)
            VALUES (1, 1, 'Ayşe Yılmaz', '', '[]', '["no_pork"]', '[]', '[]', '[]', '', 1);
        INSERT INTO visit (id, company_id, title, purpose, status, timezone, start, "end",
            key_account, first_visit, client_locale, office_address, order_currency,
            outcome_notes, updated_at, version)
            VALUES (1, 1, '张伟的来访', '', 'confirmed', 'Asia/Shanghai', '{now}', '{now}', 0, 0,
            'tr_TR', '', '', '', '{now}', 1);
        INSERT INTO visit_visitor (visit_id, visitor_id, position) VALUES (1, 1, 0);
    """)
    con.commit()
    con.close()

    backup = upgrade(url)

    assert backup is not None and backup.exists()
    with sqlite3.connect(backup) as old:
        assert old.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert old.execute("SELECT title FROM visit").fetchone() == ("张伟的来访",)
    engine = create_app_engine(url)
    assert current_revision(engine) == HEAD
    with engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT v.title, v.key_account, c.name, vv.visitor_id FROM visit v "
            "JOIN company c ON c.id = v.company_id JOIN visit_visitor vv ON vv.visit_id = v.id"
        ).fetchall()
    engine.dispose()
    # visit was rebuilt by a batch migration: its child row in visit_visitor must survive.
    assert rows == [("张伟的来访", 0, "Yıldız Tekstil A.Ş.", 1)]


def test_up_to_date_database_is_not_touched(tmp_path):
    url = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    upgrade(url)
    assert upgrade(url) is None
    assert list(tmp_path.glob("*.bak")) == []
