"""Sessions: one unit of work per user action; services never commit, the caller does."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from hospitality_app.errors import ConflictError, DatabaseError


class DatabaseUnreachable(DatabaseError):
    """The connection failed during a unit of work; it was rolled back and can be retried."""

    def __init__(self, detail: str) -> None:
        super().__init__(f"the database cannot be reached ({detail}); nothing was saved — try again")


class Database:
    """An engine plus its session factory; built once in app.py and passed down."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._factory = sessionmaker(engine, expire_on_commit=False)

    @contextmanager
    def unit_of_work(self) -> Iterator[Session]:
        """A transaction: committed when the block ends, rolled back on any error."""
        from sqlalchemy.exc import DBAPIError
        from sqlalchemy.orm.exc import StaleDataError

        session = self._factory()
        try:
            yield session
            session.commit()
        except StaleDataError as exc:
            session.rollback()
            raise ConflictError("This record") from exc
        except DBAPIError as exc:
            session.rollback()
            if exc.connection_invalidated or type(exc).__name__ in ("OperationalError", "InterfaceError"):
                # The whole unit of work was rolled back: nothing half-written reached the database.
                raise DatabaseUnreachable(str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)) from exc
            raise
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def run(self, work: Callable[[Session], object]):
        with self.unit_of_work() as session:
            return work(session)

    def dispose(self) -> None:
        self.engine.dispose()


def open_database(url: str) -> Database:
    """Migrate `url` to the newest schema (backing up first) and return it ready for use."""
    from sqlalchemy.exc import OperationalError

    from hospitality_app.db.engine import create_app_engine
    from hospitality_app.db.migrate import upgrade
    from hospitality_app.errors import DatabaseError

    try:
        upgrade(url)
        return Database(create_app_engine(url))
    except OperationalError as exc:
        raise DatabaseError(f"cannot open the database {url!r}: {exc.orig}") from None
