"""The team database's address (kept in the user's settings, without the password) and its
password (kept in the operating system's keyring, never in a plain file)."""

from __future__ import annotations

from dataclasses import dataclass

KEYRING_SERVICE = "Hospitality team database"


@dataclass(frozen=True)
class TeamConnection:
    host: str
    port: int
    database: str
    user: str

    def url(self, password: str | None = None) -> str:
        from sqlalchemy.engine import URL

        return URL.create(
            "postgresql+psycopg",
            username=self.user or None,
            password=password or None,
            host=self.host or None,
            port=self.port or None,
            database=self.database or None,
        ).render_as_string(hide_password=False)

    @property
    def key(self) -> str:
        return f"{self.user}@{self.host}:{self.port}/{self.database}"


def store_password(connection: TeamConnection, password: str) -> str | None:
    """Keep the password in the keyring; returns a message if there is no usable keyring."""
    import keyring
    from keyring.errors import KeyringError

    try:
        if password:
            keyring.set_password(KEYRING_SERVICE, connection.key, password)
        return None
    except KeyringError as exc:
        return str(exc) or type(exc).__name__


def password_for(connection: TeamConnection) -> str | None:
    import keyring
    from keyring.errors import KeyringError

    try:
        return keyring.get_password(KEYRING_SERVICE, connection.key)
    except KeyringError:
        return None


def test_connection(url: str) -> str | None:
    """None when the database answers; otherwise what went wrong, in one line."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.exc import DBAPIError, SQLAlchemyError

    engine = create_engine(url, pool_pre_ping=True, connect_args={"connect_timeout": 5})
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        return None
    except (DBAPIError, SQLAlchemyError) as exc:
        detail = getattr(exc, "orig", None) or exc
        return str(detail).strip().splitlines()[0]
    finally:
        engine.dispose()
