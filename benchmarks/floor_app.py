"""The floor of this stack (issue 4): a minimal PySide6 + SQLAlchemy ORM program that opens an
SQLite file and shows the first 50 rows in a QTableView, then exits after the first paint.

python benchmarks/floor_app.py FILE.sqlite3
"""

from __future__ import annotations

import resource
import sys
import time

from PySide6.QtCore import QAbstractTableModel, QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QTableView
from sqlalchemy import create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class Row(Base):
    __tablename__ = "row"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str]


class Model(QAbstractTableModel):
    def __init__(self, rows):
        super().__init__()
        self.rows = rows

    def rowCount(self, parent=None):
        return len(self.rows)

    def columnCount(self, parent=None):
        return 2

    def data(self, index, role=Qt.DisplayRole):
        if role == Qt.DisplayRole:
            row = self.rows[index.row()]
            return row.id if index.column() == 0 else row.title
        return None


class Painted(QObject):
    done = False

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Paint and not self.done:
            self.done = True
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            print(f"first rows painted at {time.time():.6f}, peak {peak} KiB", flush=True)  # as hospitality-app does
            QTimer.singleShot(0, QApplication.quit)
        return False


def main() -> int:
    engine = create_engine(f"sqlite:///{sys.argv[1]}")
    app = QApplication(sys.argv[:1])
    with Session(engine) as session:
        rows = list(session.scalars(select(Row).order_by(Row.id.desc()).limit(50)))
    view = QTableView()
    view.setModel(Model(rows))
    painted = Painted()
    view.viewport().installEventFilter(painted)
    view.resize(800, 600)
    view.show()
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
