"""The visit list's table model: ids plus frozen row snapshots, fetched page by page from SQL."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt

from hospitality_app.db.session import Database
from hospitality_app.i18n import _, label
from hospitality_app.services.dto import VisitRow
from hospitality_app.services.visits import VisitFilter, count_visits, list_visits

PAGE = 100  # a few screens; more rows arrive as the user scrolls
COLUMNS = ("start", "end", "company", "country", "status", "title", "errors", "checklist")


class VisitTableModel(QAbstractTableModel):
    """Rows arrive lazily (canFetchMore/fetchMore); sorting and filtering happen in the database."""

    def __init__(self, db: Database, *, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._rows: list[VisitRow] = []
        self._total = 0
        self._filter = VisitFilter()
        self._sort = ("start", True)
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

    def reload(self, flt: VisitFilter | None = None) -> None:
        if flt is not None:
            self._filter = flt
        self.beginResetModel()
        with self._db.unit_of_work() as session:
            self._total = count_visits(session, self._filter)
            self._rows = self._page(session, 0)
        self.endResetModel()

    def _page(self, session, offset: int) -> list[VisitRow]:
        column, descending = self._sort
        return list_visits(session, self._filter, sort=column, descending=descending, offset=offset, limit=PAGE)

    def total(self) -> int:
        return self._total

    def row_at(self, row: int) -> VisitRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    # Qt overrides -------------------------------------------------------------
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def canFetchMore(self, parent: QModelIndex) -> bool:
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: QModelIndex) -> None:
        if parent.isValid():
            return
        with self._db.unit_of_work() as session:
            more = self._page(session, len(self._rows))
        if not more:
            self._total = len(self._rows)
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole and 0 <= section < len(COLUMNS):
            return self.headers()[section]
        return None

    def data(self, index: QModelIndex, role: int = Qt.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        column = COLUMNS[index.column()]
        if role == Qt.DisplayRole:
            zone = ZoneInfo(row.timezone)
            if column in ("start", "end"):
                return getattr(row, column).astimezone(zone).strftime("%Y-%m-%d %H:%M")
            if column == "status":
                return label(row.status)
            if column == "checklist":
                if not row.checklist_total:
                    return "—"
                return f"{round(100 * row.checklist_done / row.checklist_total)}%"
            if column == "errors":
                if not row.errors and not row.warnings:
                    return _("ready")
                return _("{errors} errors, {warnings} warnings").format(errors=row.errors, warnings=row.warnings)
            return getattr(row, column)
        if role == Qt.UserRole:
            return row.id
        if role == Qt.ToolTipRole:
            zone = ZoneInfo(row.timezone)
            start, end = row.start.astimezone(zone), row.end.astimezone(zone)
            span = f"{start:%Y-%m-%d %H:%M} → {end:%Y-%m-%d %H:%M} ({row.timezone})"
            return f"{row.title}\n{span}"
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.AscendingOrder) -> None:
        chosen = (COLUMNS[column], order == Qt.DescendingOrder)
        if chosen == self._sort:
            return  # the rows are in this order already (the view asks again as it starts up)
        self._sort = chosen
        self.reload()
