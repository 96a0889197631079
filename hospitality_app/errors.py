"""Domain errors: each says what went wrong and where, so the UI and CLI can show it plainly."""

from __future__ import annotations


class HospitalityError(Exception):
    """Base of every error the application reports to a user instead of a traceback."""


class ValidationError(HospitalityError):
    """Input that breaks a rule of the domain. `path` names the field (`visitors[1].dietary[0]`).

    With `params`, `message` is a template (`"{what} {name!r} is listed twice"`): the command line
    shows it filled in English, the window translates the template first (`params["what"]`, a
    noun marked with `N_`, is translated too)."""

    def __init__(self, path: str, message: str, **params: object) -> None:
        self.path = path
        self.template = message
        self.params = params
        message = message.format(**params) if params else message
        self.message = message
        super().__init__(f"{path}: {message}" if path else message)


class NotFoundError(HospitalityError):
    """A visit, person or place that the user named does not exist."""


class ConflictError(HospitalityError):
    """Someone else saved the same record since it was loaded (optimistic locking). `parts`
    names what both changed (`visit.title`, `meals`, `visitor:Budi:allergies`), when known."""

    def __init__(
        self, what: str, expected: int | None = None, found: int | None = None, *, parts: tuple[str, ...] = ()
    ) -> None:
        self.what = what
        self.expected = expected
        self.found = found
        self.parts = parts
        detail = ""
        if expected is not None and found is not None:
            detail = f" (you loaded version {expected}, the database has version {found})"
        super().__init__(
            f"{what} was changed by someone else since you opened it{detail}; reload it and apply your edits again"
        )


class DatabaseError(HospitalityError):
    """The database cannot be opened or migrated."""


class InUseError(HospitalityError):
    """A record cannot be deleted while others point at it. `uses`: table name → rows."""

    def __init__(self, name: str, uses: dict[str, int]) -> None:
        self.name = name
        self.uses = uses
        where = ", ".join(f"{table.replace('_', ' ')} × {n}" for table, n in sorted(uses.items()))
        super().__init__(f"{name!r} is still used ({where}); it was not deleted")


class PermissionDenied(HospitalityError):
    """Team mode: the database's grants refused what this login tried (a bottom line, for staff)."""

    def __init__(self, detail: str) -> None:
        super().__init__(f"your team role does not allow this ({detail}); nothing was saved — ask a manager")


class DatabaseDamaged(DatabaseError):
    """The database file is damaged or is not a Hospitality database at all: restore a backup."""


class NewerDatabase(DatabaseError):
    """The database was made by a newer version of Hospitality; this one must not touch it."""
