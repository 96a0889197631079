"""Rolling backups of an SQLite database in the user's data folder, taken with SQLite's online
backup API (consistent while the database is in use), and restoring one of them."""

from __future__ import annotations

import hashlib
import logging
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from hospitality_app.errors import DatabaseError

log = logging.getLogger(__name__)

KEEP = 10  # the newest copies kept of each database; older ones are removed after a new one
DAILY = timedelta(hours=24)
_NAME = re.compile(r"^(?P<prefix>.+)-(?P<stamp>\d{8}T\d{6})-(?P<reason>[\w.-]+)\.sqlite3$")
# Copies made next to the database by versions before rolling backups; still offered to restore.
_LEGACY = re.compile(r"\.before-(?P<head>\w+)-from-(?P<old>\w+)-(?P<stamp>\d{8}T\d{6})\d*\.bak$")
# What a restore put aside: the file it replaced (offered to restore, in case that was the good one).
_REPLACED = re.compile(r"\.replaced-(?P<stamp>\d{8}T\d{6})$")


@dataclass(frozen=True)
class Backup:
    path: Path
    taken: datetime  # aware, UTC
    reason: str  # "daily", "before-0005", "manual", "legacy", "replaced"
    size: int


def visits_in(path: Path) -> int | None:
    """How many visits a backup holds (what the user recognises it by); None if it cannot be read."""
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return con.execute("SELECT count(*) FROM visit").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error:
        return None


def check(path: Path) -> str | None:
    """None when SQLite finds the file sound (PRAGMA quick_check), else what it found."""
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = con.execute("PRAGMA quick_check").fetchall()
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    found = [row[0] for row in rows]
    return None if found == ["ok"] else "; ".join(found[:3])


def copy_database(source: Path, target: Path) -> None:
    """Copy a live database (its WAL included) to `target` atomically: a partial copy (a full
    disk, a kill) never takes the place of a good file, and is removed."""
    partial = target.with_name(f".{target.name}.partial")
    partial.unlink(missing_ok=True)
    try:
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        try:
            dest = sqlite3.connect(partial)
            try:
                src.backup(dest)
                dest.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal beside it
            finally:
                dest.close()
        finally:
            src.close()
        with open(partial, "rb+") as handle:
            os.fsync(handle.fileno())
        if target.exists():  # a restored database keeps the permissions the replaced one had
            os.chmod(partial, target.stat().st_mode & 0o777)
        os.replace(partial, target)
    except (sqlite3.Error, OSError) as exc:
        partial.unlink(missing_ok=True)
        text = str(exc)
        if "full" in text.lower() or getattr(exc, "errno", None) == 28:
            raise DatabaseError(f"not enough disk space to back up the database to {target.parent}") from exc
        raise DatabaseError(f"cannot back up the database to {target}: {text}") from exc


class BackupFolder:
    """The backups of one database file: `<prefix>-<UTC time>-<reason>.sqlite3` in `folder`."""

    def __init__(self, folder: Path, database: Path, *, keep: int = KEEP) -> None:
        self.folder, self.database, self.keep = folder, database, keep
        resolved = str(database.resolve())
        self.prefix = f"{database.stem}-{hashlib.sha256(resolved.encode()).hexdigest()[:8]}"

    def take(self, reason: str, *, now: datetime | None = None) -> Path:
        """Back the database up now; older copies beyond `keep` are removed afterwards."""
        now = now or datetime.now(UTC)
        self.folder.mkdir(parents=True, exist_ok=True)
        target = self.folder / f"{self.prefix}-{now.strftime('%Y%m%dT%H%M%S')}-{reason}.sqlite3"
        copy_database(self.database, target)
        log.info("backed up %s to %s (%s)", self.database, target, reason)
        self._prune()
        return target

    def list(self) -> list[Backup]:
        """Every backup of this database, newest first (older versions' copies next to it too)."""
        found = []
        if self.folder.is_dir():
            for path in self.folder.glob(f"{self.prefix}-*.sqlite3"):
                m = _NAME.match(path.name)
                if m and m["prefix"] == self.prefix:
                    found.append(Backup(path, _stamp(m["stamp"]), m["reason"], path.stat().st_size))
        if self.database.parent.is_dir():
            for path in self.database.parent.glob(f"{self.database.name}.before-*.bak"):
                m = _LEGACY.search(path.name)
                if m:
                    found.append(Backup(path, _stamp(m["stamp"]), "legacy", path.stat().st_size))
            for path in self.database.parent.glob(f"{self.database.name}.replaced-*"):
                m = _REPLACED.search(path.name)
                if m:
                    found.append(Backup(path, _stamp(m["stamp"]), "replaced", path.stat().st_size))
        return sorted(found, key=lambda b: b.taken, reverse=True)

    def due(self, now: datetime | None = None) -> bool:
        """Whether the daily backup is due (none taken in the last 24 hours)."""
        now = now or datetime.now(UTC)
        newest = next((b for b in self.list() if b.reason not in ("legacy", "replaced")), None)
        return newest is None or now - newest.taken >= DAILY

    def _prune(self) -> None:
        ours = [b for b in self.list() if b.reason not in ("legacy", "replaced")]
        for old in ours[self.keep :]:
            old.path.unlink(missing_ok=True)


def _stamp(text: str) -> datetime:
    return datetime.strptime(text, "%Y%m%dT%H%M%S").replace(tzinfo=UTC)


def restore(backup: Path, database: Path, *, damaged: bool = False, now: datetime | None = None) -> Path:
    """Put `backup` in the place of `database`, which must not be open. The file it replaces is
    kept beside it (`.replaced-<time>`, or `.damaged-<time>` when it could not be opened, with
    its -wal and -shm), never deleted; returns that path."""
    problem = check(backup)
    if problem is not None:
        raise DatabaseError(f"the backup {backup.name} is damaged too ({problem}); choose another")
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%S")
    aside = database.with_name(f"{database.name}.{'damaged' if damaged else 'replaced'}-{stamp}")
    for suffix in ("", "-wal", "-shm"):
        current = Path(f"{database}{suffix}")
        if current.exists():
            os.replace(current, Path(f"{aside}{suffix}"))
    copy_database(backup, database)
    log.warning("restored %s from %s; the previous file is %s", database, backup, aside)
    return aside
