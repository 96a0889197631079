"""What a unit of work changed (tables, visits), collected from the session as it flushes, so
that every open view can refresh what concerns it after an operation."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import event
from sqlalchemy.orm import Session

# Tables of the records that plans share: a change to one may concern any visit.
SHARED_TABLES = frozenset(
    {"company", "visitor", "staff", "vehicle", "hotel", "restaurant", "dish", "tour_stop", "regional_note"}
)


@dataclass(frozen=True)
class Changes:
    """What changed. `visits`: the visits whose own rows changed; None when it is not known (a
    change made by another program or a colleague). `source`: who asked (a view need not reload
    what it has just saved itself)."""

    tables: frozenset[str] = frozenset()
    visits: frozenset[int] | None = frozenset()
    source: object = None
    external: bool = False

    @classmethod
    def anything(cls, *, tables: frozenset[str] | None = None) -> Changes:
        from hospitality_app.models import Base

        return cls(tables if tables is not None else frozenset(Base.metadata.tables), None, None, True)

    def merged(self, other: Changes) -> Changes:
        """Both at once (a burst of changes heard as one)."""
        visits = None if self.visits is None or other.visits is None else self.visits | other.visits
        source = self.source if self.source is other.source else None
        return Changes(self.tables | other.tables, visits, source, self.external or other.external)

    def touches(self, *tables: str) -> bool:
        return bool(self.tables.intersection(tables))

    def concerns_visit(self, visit_id: int | None) -> bool:
        """Whether a view of `visit_id` may show something else now."""
        if visit_id is None:
            return False
        return self.visits is None or visit_id in self.visits or bool(self.tables & SHARED_TABLES)


class ChangeTracker:
    """Collects what a session writes; `attach` before the work, read `changes` after commit."""

    def __init__(self) -> None:
        self.tables: set[str] = set()
        self.visits: set[int] = set()

    def attach(self, session: Session) -> None:
        self.tables.clear()
        self.visits.clear()
        event.listen(session, "after_flush", self._flushed)
        event.listen(session, "do_orm_execute", self._executed)

    def changes(self, source: object = None) -> Changes:
        return Changes(frozenset(self.tables), frozenset(self.visits), source)

    def _flushed(self, session: Session, _context) -> None:
        from hospitality_app.models import Visit

        for obj in (*session.new, *session.dirty, *session.deleted):
            table = getattr(obj, "__tablename__", None)
            if table is None:
                continue
            self.tables.add(table)
            visit_id = obj.id if isinstance(obj, Visit) else getattr(obj, "visit_id", None)
            if isinstance(visit_id, int):
                self.visits.add(visit_id)

    def _executed(self, state) -> None:
        if state.is_insert or state.is_update or state.is_delete:
            table = getattr(state.statement, "table", None)
            if table is not None:
                self.tables.add(table.name)
