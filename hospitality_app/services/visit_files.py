"""A visit as a `hospitality-visit/1` file, from the window: exported to a file the user chose,
imported from one (the same reader and the same save as `hospitality-app import`)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from sqlalchemy.orm import Session

from hospitality_app.db.engine import is_database_file
from hospitality_app.errors import HospitalityError
from hospitality_app.fileio import atomic_write
from hospitality_app.services import interchange, plans


def write_output(target: Path, data: bytes, *, database_url: str) -> None:
    """Write a file the user chose, whole or not at all, and never over the database itself."""
    if database_url and is_database_file(database_url, target):
        raise HospitalityError(f"{target}: that is the database file itself; choose another file to write")
    try:
        atomic_write(target, data)
    except OSError as exc:
        raise HospitalityError(f"{target}: cannot write: {exc.strerror or exc}") from None


def export_file(session: Session, visit_id: int, target: Path, *, database_url: str) -> None:
    write_output(
        target, interchange.dumps(plans.load_plan(session, visit_id)).encode("utf-8"), database_url=database_url
    )


def read_file(source: Path):
    """The plan in `source` (raises ValidationError naming the JSON path, HospitalityError when
    the file cannot be read)."""
    try:
        text = source.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise HospitalityError(f"{source}: cannot read: {getattr(exc, 'strerror', None) or exc}") from None
    return interchange.loads(text)


def import_file(session: Session, source: Path, *, now: datetime) -> plans.Saved:
    return plans.save(session, read_file(source), now=now)
