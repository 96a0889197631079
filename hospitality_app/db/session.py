"""Sessions: one unit of work per user action; services never commit, the caller does."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import TypeVar

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from hospitality_app.errors import ConflictError, DatabaseDamaged, DatabaseError, HospitalityError, PermissionDenied

T = TypeVar("T")
log = logging.getLogger(__name__)


class DatabaseUnreachable(DatabaseError):
    """The connection failed during a unit of work; it was rolled back and can be retried."""

    def __init__(self, detail: str) -> None:
        super().__init__(f"the database cannot be reached ({detail}); nothing was saved — try again")


def explain(exc: Exception) -> HospitalityError | None:
    """What a database failure means for the user, or None when it is a bug to report as such.
    `exc` is a DBAPIError (SQLAlchemy's wrapper) or an error of the driver itself."""
    from sqlalchemy.exc import DBAPIError

    orig = exc.orig if isinstance(exc, DBAPIError) else exc
    text = str(orig or exc).strip().splitlines()[0] if str(orig or exc).strip() else type(exc).__name__
    lowered = text.lower()
    if "malformed" in lowered or "not a database" in lowered or "file is encrypted" in lowered:
        return DatabaseDamaged(f"the database file is damaged ({text})")
    if "readonly" in lowered or "read-only" in lowered:
        return DatabaseError(f"the database is read-only ({text}); nothing was saved")
    if "disk is full" in lowered or "no space" in lowered:
        return DatabaseError("the disk is full; nothing was saved — free some space and try again")
    if "database is locked" in lowered or "database is busy" in lowered:
        return DatabaseError("the database is busy (another program is writing to it); nothing was saved — try again")
    sqlstate = getattr(orig, "sqlstate", None)  # PostgreSQL's error class, from psycopg
    if sqlstate == "42501":  # insufficient_privilege: the team's grants refused it
        return PermissionDenied(text)
    if sqlstate is not None and sqlstate.startswith("22"):  # data exception: a value the column cannot hold
        return DatabaseError(f"a value does not fit the database ({text}); nothing was saved")
    if isinstance(exc, DBAPIError) and (
        exc.connection_invalidated or type(exc).__name__ in ("OperationalError", "InterfaceError")
    ):
        # The whole unit of work was rolled back: nothing half-written reached the database.
        return DatabaseUnreachable(text)
    if type(orig).__name__ in ("DatabaseError", "OperationalError"):  # sqlite3's own, outside SQLAlchemy
        return DatabaseError(f"the database cannot be used ({text})")
    return None


class Database:
    """An engine plus its session factories; built once in app.py and passed down."""

    def __init__(self, engine: Engine) -> None:
        from hospitality_app.db.engine import writing

        self.engine = engine
        self._read = sessionmaker(engine, expire_on_commit=False)
        self._write = sessionmaker(writing(engine), expire_on_commit=False)

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=False)

    @contextmanager
    def unit_of_work(self, *, write: bool = True) -> Iterator[Session]:
        """A transaction: committed when the block ends, rolled back on any error. On SQLite a
        writing unit takes the write lock when it begins; `write=False` for reading only."""
        from sqlalchemy.exc import DBAPIError
        from sqlalchemy.orm.exc import StaleDataError

        session = (self._write if write else self._read)()
        try:
            yield session
            session.commit()
        except StaleDataError as exc:
            session.rollback()
            raise ConflictError("This record") from exc
        except DBAPIError as exc:
            session.rollback()
            meaning = explain(exc)
            if meaning is None:
                raise
            log.warning("database: %s", meaning)
            raise meaning from exc
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def reading(self) -> AbstractContextManager[Session]:
        return self.unit_of_work(write=False)

    def run(self, work: Callable[[Session], T], *, write: bool = True) -> T:
        with self.unit_of_work(write=write) as session:
            return work(session)

    def write(self, work: Callable[[Session], T], *, attempts: int = 3) -> T:
        """Run `work` in a writing unit of work, again from the start when it lost a race: a row
        another writer created meanwhile (a unique name), or a version that moved between our
        read and our write. A conflict the work itself finds is not retried."""
        from sqlalchemy.exc import IntegrityError

        for attempt in range(1, attempts + 1):
            try:
                with self.unit_of_work() as session:
                    return work(session)
            except IntegrityError as exc:
                if attempt == attempts:
                    detail = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
                    raise HospitalityError(f"could not save: {detail}") from exc
                log.info("retrying a write that met a concurrent insert: %s", exc.orig)
            except ConflictError as exc:
                if not isinstance(exc.__cause__, _stale_error()) or attempt == attempts:
                    raise
                log.info("retrying a write whose rows moved meanwhile")
        raise AssertionError("unreachable")

    def dispose(self) -> None:
        self.engine.dispose()


def _stale_error() -> type:
    from sqlalchemy.orm.exc import StaleDataError

    return StaleDataError


def open_database(url: str, *, backups=None) -> Database:
    """Migrate `url` to the newest schema (backing up first) and return it ready for use.
    `backups`: where the pre-migration copy goes (db.backups.BackupFolder), if not the default."""
    from sqlalchemy.exc import DBAPIError

    from hospitality_app.db.engine import create_app_engine
    from hospitality_app.db.migrate import upgrade

    try:
        upgrade(url, backups=backups)
        db = Database(create_app_engine(url))
        with db.engine.connect() as conn:  # a damaged or foreign file fails here, not later
            conn.exec_driver_sql("SELECT count(*) FROM alembic_version").scalar()
        return db
    except DBAPIError as exc:
        meaning = explain(exc) or DatabaseError(f"cannot open the database: {exc.orig}")
        if isinstance(meaning, DatabaseDamaged):
            raise DatabaseDamaged(f"cannot open the database {_shown(url)}: {meaning}") from None
        raise DatabaseError(f"cannot open the database {_shown(url)}: {meaning}") from None


def _shown(url: str) -> str:
    from hospitality_app.db.engine import sqlite_file

    path = sqlite_file(url)
    return str(path) if path is not None else repr(url)
