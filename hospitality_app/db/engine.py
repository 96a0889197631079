"""Create engines: SQLite with the pragmas that keep data safe, PostgreSQL as it is."""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from hospitality_app.errors import DatabaseError

# How a unit of work begins on SQLite. Python's sqlite3 module would BEGIN only before the first
# INSERT/UPDATE/DELETE, so DDL (migrations) ran outside any transaction and a kill mid-way left
# half a schema; and a deferred read that later writes fails at once with "database is locked"
# when another process committed meanwhile. We emit BEGIN ourselves: IMMEDIATE for work that
# writes (writers queue up behind SQLite's lock, each then reading fresh data), DEFERRED for reads.
BEGIN_OPTION = "hospitality_sqlite_begin"


def _sqlite_connect(foreign_keys: bool):
    def connect(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None  # no implicit BEGIN: the "begin" event does it
        cursor = dbapi_connection.cursor()
        # Off for migrations only: a batch copy-and-drop of a parent table would otherwise
        # cascade-delete its children (SQLAlchemy/Alembic batch mode on SQLite).
        cursor.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA busy_timeout=10000")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    return connect


def _sqlite_begin(conn) -> None:
    mode = conn.get_execution_options().get(BEGIN_OPTION, "DEFERRED")
    conn.exec_driver_sql(f"BEGIN {mode}")


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def sqlite_file(url: str) -> Path | None:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def is_database_file(url: str, target: Path | str) -> bool:
    """Whether `target` is the SQLite database of `url` or one of its journals: a file written
    there would destroy the database."""
    path = sqlite_file(url)
    if path is None:
        return False
    chosen = Path(target).expanduser().resolve()
    return any(chosen == Path(f"{path.resolve()}{suffix}") for suffix in ("", "-wal", "-shm", "-journal"))


def create_app_engine(url: str, *, foreign_keys: bool = True) -> Engine:
    """An engine for `url`. `foreign_keys=False` is for migrations only."""
    try:
        parsed = make_url(url)
    except Exception as exc:  # sqlalchemy raises ArgumentError with a terse text
        raise DatabaseError(f"--db: not a database path or URL: {url!r}") from exc
    if parsed.get_backend_name() == "sqlite":
        path = sqlite_file(url)
        if path is not None and not path.parent.exists():
            raise DatabaseError(f"--db: folder {str(path.parent)!r} does not exist")
        if path is not None and path.is_dir():
            raise DatabaseError(f"--db: {str(path)!r} is a folder, not a database file")
        if path is not None and not path.exists() and not os.access(path.parent, os.W_OK | os.X_OK):
            raise DatabaseError(f"--db: cannot create a database in {str(path.parent)!r}: no permission to write there")
        if path is not None and path.exists() and not os.access(path, os.R_OK):
            raise DatabaseError(f"--db: cannot read {str(path)!r}: no permission")
        engine = create_engine(url)
        event.listen(engine, "connect", _sqlite_connect(foreign_keys))
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    if parsed.get_backend_name() != "postgresql":
        raise DatabaseError(
            f"--db: {parsed.get_backend_name()!r} databases are not supported (a file path, sqlite:///… "
            "or postgresql://…)"
        )
    if parsed.drivername == "postgresql":
        # psycopg 3 is the driver we test; plain postgresql:// would ask for psycopg2.
        parsed = parsed.set(drivername="postgresql+psycopg")
    try:
        return create_engine(parsed, pool_pre_ping=True)
    except (ImportError, ArgumentError) as exc:  # postgresql+somedriver:// whose driver is not installed
        raise DatabaseError(f"--db: the driver {parsed.drivername!r} is not installed (use postgresql://…)") from exc


def writing(engine: Engine) -> Engine:
    """The engine for units of work that write: on SQLite they take the write lock at BEGIN."""
    if engine.dialect.name != "sqlite":
        return engine
    return engine.execution_options(**{BEGIN_OPTION: "IMMEDIATE"})
