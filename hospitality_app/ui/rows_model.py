"""A read-only table model over a list of row snapshots, for the dashboard's short tables."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QColor


class RowsModel(QAbstractTableModel):
    """Columns are (header, function of a row → text); `visit_of` gives the row's visit id."""

    def __init__(
        self,
        columns: Sequence[tuple[str, Callable]],
        *,
        visit_of: Callable | None = None,
        warn: Callable | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list = []
        self._visit_of = visit_of
        self._warn = warn

    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list:
        return list(self._rows)

    def row_at(self, row: int):
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def table(self) -> tuple[list[str], list[list[str]]]:
        """Header and texts, as shown (for CSV export)."""
        return ([h for h, _ in self._columns], [[str(f(r)) for _, f in self._columns] for r in self._rows])

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole and 0 <= section < len(self._columns):
            return self._columns[section][0]
        return None

    def data(self, index: QModelIndex, role: int = Qt.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.DisplayRole:
            return str(self._columns[index.column()][1](row))
        if role == Qt.ToolTipRole:  # a long cell (the holidays a visit meets) is elided: the whole of it
            text = str(self._columns[index.column()][1](row))
            return text if len(text) > 24 else None
        if role == Qt.UserRole and self._visit_of is not None:
            return self._visit_of(row)
        if role == Qt.ForegroundRole and self._warn is not None and self._warn(row):
            return QBrush(QColor("#b00020"))
        return None
