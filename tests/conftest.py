"""Shared fixtures. Every test gets its own data folders, so none touches the developer's files."""

from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

# Without a display Qt aborts the process ("could not connect to display"); offscreen needs none.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "tests" / "data" / "visit-indonesia.json"  # the format's reference example

SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.fixture(autouse=True)
def isolated_home(tmp_path_factory, monkeypatch):
    home = tmp_path_factory.mktemp("home")
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(var, str(home / var.lower()))
    monkeypatch.delenv("HOSPITALITY_DB", raising=False)
    monkeypatch.setenv("HOSPITALITY_LANG", "en")
    return home


@pytest.fixture
def reference_text() -> str:
    return REFERENCE.read_text(encoding="utf-8")


@pytest.fixture
def reference_data(reference_text) -> dict:
    return json.loads(reference_text)


@pytest.fixture
def reference_plan(reference_text):
    from hospitality_app.services import interchange

    return interchange.loads(reference_text)


PG_URL = os.environ.get("HOSPITALITY_TEST_PG_URL", "")
BACKENDS = ["sqlite", "postgresql"] if PG_URL else ["sqlite"]


def pg_admin_url() -> str:
    from sqlalchemy.engine import make_url

    url = make_url(PG_URL)
    return url.set(drivername="postgresql+psycopg").render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory) -> Path:
    """An empty database at the newest schema, made once: each test gets a copy of it, which
    saves every test the migrations' second of work."""
    from hospitality_app.db.migrate import upgrade

    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    upgrade(f"sqlite:///{path}")
    return path


@pytest.fixture(params=BACKENDS)
def db_url(request, tmp_path, migrated_template):
    """A fresh database for the test: an SQLite file, or (team mode) a PostgreSQL schema of its
    own, so that runs and tests never see each other's data."""
    yield from fresh_database(request.param, tmp_path, migrated_template)


def fresh_database(backend: str, tmp_path, template: Path | None = None):
    if backend == "sqlite":
        path = tmp_path / "test.sqlite3"
        if template is not None:
            import shutil

            shutil.copyfile(template, path)
        yield f"sqlite:///{path}"
        return
    import uuid

    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    schema = f"test_{os.getpid()}_{uuid.uuid4().hex[:10]}"
    admin = create_engine(pg_admin_url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = make_url(pg_admin_url()).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture
def db(db_url):
    from hospitality_app.db.session import open_database

    database = open_database(db_url)
    yield database
    database.dispose()


def at(text: str) -> datetime:
    """A Shanghai local time, as the reference visit uses."""
    return datetime.fromisoformat(text).replace(tzinfo=SHANGHAI)
