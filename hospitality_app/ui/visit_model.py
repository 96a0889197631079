"""The visit list's table model: ids plus frozen row snapshots, fetched page by page from SQL on
the database thread; each row's readiness arrives afterwards, from the readiness check itself."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt, Signal

from hospitality_app.formats import moment_text
from hospitality_app.i18n import _, current_language, label, list_text, ngettext
from hospitality_app.services.rows import Readiness, VisitRow
from hospitality_app.services.visits import VisitFilter, count_visits, list_visits
from hospitality_app.ui.ops import Ops

PAGE = 100  # a few screens; more rows arrive as the user scrolls
READINESS_CHUNK = 10  # rows checked per operation
COLUMNS = ("start", "end", "company", "country", "status", "title", "errors", "checklist")
SORTABLE = ("start", "end", "company", "country", "status", "title")


class VisitTableModel(QAbstractTableModel):
    """Rows arrive lazily (canFetchMore/fetchMore); sorting and filtering happen in the database.

    Signals:
        reloaded: the rows were replaced (a new filter, sort, or a change in the database).
        more_rows: a further page arrived.
    """

    reloaded = Signal()
    more_rows = Signal()

    def __init__(self, ops: Ops, *, hold_readiness: bool = False, parent: QObject | None = None) -> None:
        """`hold_readiness`: check no row until `release_readiness()` (the window's first paint:
        the checks, and the rules they import, would otherwise share the processor with it)."""
        super().__init__(parent)
        self._ops = ops
        self._held: list[VisitRow] | None = [] if hold_readiness else None
        self._rows: list[VisitRow] = []
        self._ready: dict[int, Readiness] = {}
        self._total = 0
        self._filter = VisitFilter()
        self._sort = ("start", True)
        self._generation = 0  # answers to an older request are dropped
        self._fetching = False
        self.loaded = False
        self.reload()

    def headers(self) -> tuple[str, ...]:
        return (
            _("Start"),
            _("End"),
            _("Company"),
            _("Country"),
            _("Status"),
            _("Visit"),
            _("Readiness"),
            _("Checklist"),
        )

    def reload(self, flt: VisitFilter | None = None):
        """Ask for the first page again; returns the operation."""
        if flt is not None:
            self._filter = flt
        self._generation += 1
        generation, flt, (column, descending) = self._generation, self._filter, self._sort

        def work(session):
            total = count_visits(session, flt)
            return total, list_visits(session, flt, sort=column, descending=descending, offset=0, limit=PAGE)

        return self._ops.query(self, work, lambda got: self._replaced(generation, *got))

    def _replaced(self, generation: int, total: int, rows: list[VisitRow]) -> None:
        if generation != self._generation:
            return
        self.beginResetModel()
        self._total, self._rows = total, rows
        self._ready = {r.id: self._ready[r.id] for r in rows if r.id in self._ready}
        self._fetching = False
        self.endResetModel()
        self.loaded = True
        self.reloaded.emit()
        if self._held is not None:
            self._held = []  # the rows held before are no longer shown
        self._ask_readiness(rows)

    def release_readiness(self) -> None:
        """Check the rows that arrived while readiness was held, and from now on every row."""
        held, self._held = self._held, None
        if held:
            self._ask_readiness(held)

    def _ask_readiness(self, rows: list[VisitRow]) -> None:
        """The readiness of `rows`, a few at a time: the first rows fill in first, and a newer
        reload (or closing the window) does not wait behind the check of rows no longer shown."""
        if self._held is not None:
            self._held.extend(rows)
            return
        language, generation = current_language(), self._generation

        def work(session, ids):
            if generation != self._generation:
                return {}  # replaced meanwhile (read on the database thread: a plain int)
            # Imported here, on the database thread: the rules are not needed for the first paint.
            from hospitality_app.services.readiness import readiness_of

            return readiness_of(session, ids, now=datetime.now(UTC), locale=language)

        ids = [r.id for r in rows]
        for start in range(0, len(ids), READINESS_CHUNK):
            chunk = ids[start : start + READINESS_CHUNK]
            self._ops.query(
                self,
                lambda session, chunk=chunk: work(session, chunk),
                lambda found: self._readiness_arrived(generation, found),
            )

    def _readiness_arrived(self, generation: int, found: dict[int, Readiness]) -> None:
        if generation != self._generation or not self._rows or not found:
            return
        self._ready.update(found)
        column = COLUMNS.index("errors")
        rows = [self.row_of(visit_id) for visit_id in found]
        rows = [r for r in rows if r >= 0]
        if rows:
            self.dataChanged.emit(self.index(min(rows), column), self.index(max(rows), column))

    def readiness(self, visit_id: int) -> Readiness | None:
        return self._ready.get(visit_id)

    def total(self) -> int:
        return self._total

    def row_at(self, row: int) -> VisitRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, visit_id: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == visit_id), -1)

    # Qt overrides -------------------------------------------------------------
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def canFetchMore(self, parent: QModelIndex) -> bool:
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: QModelIndex) -> None:
        if parent.isValid() or self._fetching:
            return
        self._fetching = True
        generation, flt, (column, descending), offset = self._generation, self._filter, self._sort, len(self._rows)

        def work(session):
            return list_visits(session, flt, sort=column, descending=descending, offset=offset, limit=PAGE)

        self._ops.query(self, work, lambda more: self._appended(generation, offset, more))

    def _appended(self, generation: int, offset: int, more: list[VisitRow]) -> None:
        if generation != self._generation or offset != len(self._rows):
            return
        self._fetching = False
        if not more:
            self._total = len(self._rows)
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()
        self.more_rows.emit()
        self._ask_readiness(more)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole and 0 <= section < len(COLUMNS):
            return self.headers()[section]
        if orientation == Qt.Horizontal and role == Qt.ToolTipRole and COLUMNS[section] not in SORTABLE:
            return _("Computed for the visits shown; not sortable")
        return None

    def data(self, index: QModelIndex, role: int = Qt.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        column = COLUMNS[index.column()]
        if role == Qt.DisplayRole:
            zone = ZoneInfo(row.timezone)
            if column in ("start", "end"):
                return moment_text(getattr(row, column).astimezone(zone))
            if column == "status":
                return label(row.status)
            if column == "checklist":
                if not row.checklist_total:
                    return "—"
                return f"{round(100 * row.checklist_done / row.checklist_total)}%"
            if column == "errors":
                # A visit called off has nothing left to get ready: its findings would only alarm.
                return "—" if row.status == "cancelled" else readiness_text(self._ready.get(row.id))
            return getattr(row, column)
        if role == Qt.UserRole:
            return row.id
        if role == Qt.ToolTipRole:
            zone = ZoneInfo(row.timezone)
            start, end = row.start.astimezone(zone), row.end.astimezone(zone)
            span = f"{start:%Y-%m-%d %H:%M} → {end:%Y-%m-%d %H:%M} ({row.timezone})"
            if column == "country":  # the narrow column shows the code; the name is a point away
                from hospitality_app.ui.visit_filter_bar import country_name

                return country_name(row.country, current_language())
            return f"{row.title}\n{span}"
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.AscendingOrder) -> None:
        if COLUMNS[column] not in SORTABLE:
            return  # readiness is computed per shown row, not a column of the database
        chosen = (COLUMNS[column], order == Qt.DescendingOrder)
        if chosen == self._sort:
            return  # the rows are in this order already (the view asks again as it starts up)
        self._sort = chosen
        self.reload()

    def sort_key(self) -> tuple[str, bool]:
        return self._sort


def readiness_text(ready: Readiness | None) -> str:
    if ready is None:
        return "…"
    if not ready.errors and not ready.warnings:
        return _("incomplete") if ready.missing else _("ready")
    parts = []  # "2 warnings", not "0 errors, 2 warnings"
    if ready.errors:
        parts.append(ngettext("{n} error", "{n} errors", ready.errors).format(n=ready.errors))
    if ready.warnings:
        parts.append(ngettext("{n} warning", "{n} warnings", ready.warnings).format(n=ready.warnings))
    return list_text(parts)
