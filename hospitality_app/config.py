"""Where the database lives: --db, HOSPITALITY_DB, or a file in the user's data folder."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "Hospitality"
APP_AUTHOR = "Hospitality"
ENV_DB = "HOSPITALITY_DB"


def default_db_path() -> Path:
    # platformdirs is imported here, not at module import, to keep `--help` and tests light.
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, APP_AUTHOR, ensure_exists=True) / "hospitality.sqlite3"


def database_url(option: str | None = None) -> str:
    """Turn `--db PATH_OR_URL` (or the environment, or the default) into an SQLAlchemy URL."""
    value = option or os.environ.get(ENV_DB) or ""
    if not value:
        return sqlite_url(default_db_path())
    if "://" in value:
        return value
    return sqlite_url(Path(value).expanduser())


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path.resolve()}"


def user_templates_folder() -> Path:
    """Where the template editor saves the team's own checklist templates (they override the
    shipped ones of the same name)."""
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, APP_AUTHOR) / "checklists"


def backup_folder() -> Path:
    """Where the rolling backups of the databases are kept (the data folder's `backups`)."""
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, APP_AUTHOR) / "backups"


def log_folder() -> Path:
    """Where the log files go (the platform's log folder for the user)."""
    from platformdirs import user_log_path

    return user_log_path(APP_NAME, APP_AUTHOR)
