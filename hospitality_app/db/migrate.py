"""Bring a database to the newest schema, backing up an existing SQLite file first."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine, inspect, text

from hospitality_app.db.engine import create_app_engine, sqlite_file
from hospitality_app.db.migrations import HEAD
from hospitality_app.errors import DatabaseError


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def _alembic_config():
    from alembic.config import Config

    here = Path(__file__).parent / "migrations"
    cfg = Config()
    cfg.set_main_option("script_location", str(here))
    return cfg


def backup_sqlite(path: Path, revision: str | None) -> Path:
    """Copy the live database (WAL included) next to itself, with the sqlite3 backup API."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
    target = path.with_name(f"{path.name}.before-{HEAD}-from-{revision or 'unversioned'}-{stamp}.bak")
    source = sqlite3.connect(path)
    try:
        dest = sqlite3.connect(target)
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()
    return target


def upgrade(url: str, revision: str = "head") -> Path | None:
    """Migrate `url` to `revision`; returns the backup file made, if one was needed."""
    # Foreign keys stay OFF while migrating: a batch copy-and-drop of a parent table would
    # otherwise cascade-delete its children (TOOLCHAIN §8, trap 2).
    engine = create_app_engine(url, foreign_keys=False)
    try:
        current = current_revision(engine)
        if current == HEAD and revision == "head":
            return None
        backup = None
        path = sqlite_file(url)
        if path is not None and path.exists() and _has_tables(engine):
            backup = backup_sqlite(path, current)
        from alembic import command

        cfg = _alembic_config()
        with engine.connect() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, revision)
            conn.commit()
            if engine.dialect.name == "sqlite":
                problems = conn.execute(text("PRAGMA foreign_key_check")).fetchall()
                if problems:
                    raise DatabaseError(
                        f"migration left {len(problems)} broken references; your data is safe in {backup}"
                    )
        return backup
    finally:
        engine.dispose()


def _has_tables(engine: Engine) -> bool:
    with engine.connect() as conn:
        return bool(inspect(conn).get_table_names())
