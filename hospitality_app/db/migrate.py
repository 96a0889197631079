"""Bring a database to the newest schema: backed up first, in one transaction, so that a failure
or a kill at any statement leaves the database as it was (SQLite and PostgreSQL both roll DDL back)."""

from __future__ import annotations

import logging
from pathlib import Path

from sqlalchemy import Engine, inspect, text

from hospitality_app.db.backups import BackupFolder
from hospitality_app.db.engine import create_app_engine, sqlite_file, writing
from hospitality_app.db.migrations import HEAD, REVISIONS
from hospitality_app.errors import DatabaseDamaged, DatabaseError, NewerDatabase, PermissionDenied

log = logging.getLogger(__name__)


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


def default_backups(path: Path) -> BackupFolder:
    from hospitality_app.config import backup_folder

    return BackupFolder(backup_folder(), path)


def upgrade(url: str, revision: str = "head", *, backups: BackupFolder | None = None) -> Path | None:
    """Migrate `url` to `revision`; returns the backup taken first, if one was needed."""
    engine = create_app_engine(url, foreign_keys=False)
    try:
        current = current_revision(engine)
        target = HEAD if revision == "head" else revision
        if current == target:
            return None
        if current is not None and current not in REVISIONS:
            raise NewerDatabase(
                f"the database was made by a newer version of Hospitality (schema {current}; this version "
                f"knows up to {HEAD}): update Hospitality to open it"
            )
        if current is None:
            _check_visible_schema(engine)
            _check_unversioned(engine)
        backup = None
        path = sqlite_file(url)
        if path is not None and current is not None:
            backup = (backups or default_backups(path)).take(f"before-{target}")
        _run_alembic(engine, revision)
        return backup
    finally:
        engine.dispose()


def _run_alembic(engine: Engine, revision: str) -> None:
    from alembic import command
    from sqlalchemy.exc import DBAPIError

    from hospitality_app.db.session import explain

    cfg = _alembic_config()
    try:
        # One transaction around every revision and the version stamp (env.py sees a connection
        # that is in a transaction already and adds none of its own).
        with writing(engine).connect() as conn, conn.begin():
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, revision)
            if engine.dialect.name == "sqlite":
                problems = conn.execute(text("PRAGMA foreign_key_check")).fetchall()
                if problems:
                    raise DatabaseError(
                        f"the upgrade would leave {len(problems)} broken references; nothing was changed"
                    )
    except DBAPIError as exc:
        meaning = explain(exc)
        if meaning is not None and not str(exc.orig).lower().count("already exists"):
            raise meaning from exc
        # e.g. "table … already exists": an older version's upgrade was cut off half-way.
        raise DatabaseDamaged(
            f"the database cannot be upgraded ({_first_line(exc.orig)}); nothing was changed — restore the "
            "backup taken before the interrupted upgrade, or choose another file"
        ) from exc


def _first_line(exc: BaseException | None) -> str:
    text_ = str(exc).strip()
    return text_.splitlines()[0] if text_ else type(exc).__name__


def _check_visible_schema(engine: Engine) -> None:
    """A team login that was granted no role sees no schema at all; without this it would try
    to create the database's tables and report that as a failed upgrade."""
    if engine.dialect.name != "postgresql":
        return
    with engine.connect() as conn:
        if conn.execute(text("SELECT current_schema()")).scalar() is None:
            raise PermissionDenied(
                "this login may not use the team database's schema; the owner runs 'hospitality-app team init' "
                "once, then grants you hospitality_staff or hospitality_managers"
            )


def _check_unversioned(engine: Engine) -> None:
    """A database without a schema version: new (nothing to do), left half-created by a version
    that did not create it in one transaction (empty tables: cleared), or not ours at all."""
    from hospitality_app.models import Base

    with engine.connect() as conn:
        tables = [t for t in inspect(conn).get_table_names() if not t.startswith("sqlite_")]
    if not tables:
        return
    ours = set(Base.metadata.tables) | {"alembic_version"}
    foreign = sorted(set(tables) - ours)
    if foreign:
        raise DatabaseError(
            f"this is not a Hospitality database (it has tables such as {', '.join(foreign[:3])}); choose another file"
        )
    with writing(engine).connect() as conn, conn.begin():
        filled = [t for t in tables if conn.execute(text(f'SELECT 1 FROM "{t}" LIMIT 1')).first() is not None]
        if filled:
            raise DatabaseDamaged(
                "the database was left half-created by an interrupted start; restore a backup or choose another file"
            )
        for table in tables:
            conn.execute(text(f'DROP TABLE "{table}"'))
    log.warning("cleared %d empty tables left by an interrupted first start", len(tables))
