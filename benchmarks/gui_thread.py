"""How much database work happens on the GUI thread? Selecting a visit in the list (its findings
and notes in the side panel) and saving a one-dish change in the planner, on the demo data.

For each action it prints the SQL statements run, how many of them ran on the GUI thread (the
target is none) and the milliseconds the GUI thread spent in them, as a share of all the
statements and time the action took in the same run; and the action's wall time from the click
to its result on screen.

python benchmarks/gui_thread.py
"""

from __future__ import annotations

import os
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


class Statements:
    """Every statement the engine runs: which thread, how long."""

    def __init__(self, engine) -> None:
        from sqlalchemy import event

        self.rows: list[tuple[bool, float]] = []
        self._gui = threading.get_ident()
        self._started: dict[int, float] = {}
        event.listen(engine, "before_cursor_execute", self._before)
        event.listen(engine, "after_cursor_execute", self._after)

    def _before(self, _conn, cursor, *_rest) -> None:
        self._started[id(cursor)] = time.perf_counter()

    def _after(self, _conn, cursor, *_rest) -> None:
        began = self._started.pop(id(cursor), time.perf_counter())
        self.rows.append((threading.get_ident() == self._gui, (time.perf_counter() - began) * 1000))

    def take(self) -> list[tuple[bool, float]]:
        rows, self.rows = self.rows, []
        return rows


def report(name: str, rows: list[tuple[bool, float]], wall_ms: float) -> None:
    total, on_gui = len(rows), sum(gui for gui, _ms in rows)
    ms_all, ms_gui = sum(ms for _gui, ms in rows), sum(ms for gui, ms in rows if gui)
    print(
        f"{name:<28} {total:>4} statements, {on_gui:>3} on the GUI thread ({on_gui / max(total, 1):.0%}); "
        f"{ms_gui:6.1f} of {ms_all:6.1f} ms of SQL on the GUI thread ({ms_gui / max(ms_all, 1e-9):.0%}); "
        f"wall {wall_ms:6.1f} ms"
    )


def main() -> int:
    from PySide6.QtWidgets import QApplication

    from hospitality_app.db.session import open_database
    from hospitality_app.services import demo
    from hospitality_app.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    folder = Path(tempfile.mkdtemp())
    os.environ["XDG_DATA_HOME"] = str(folder / "data")
    db = open_database(f"sqlite:///{folder / 'bench.sqlite3'}")
    with db.unit_of_work() as session:
        demo.create_demo_visits(session, now=datetime.now(UTC))
    window = MainWindow(db)
    window.show()
    window.ops.wait_idle()
    statements = Statements(db.engine)

    for round_ in range(3):
        row = round_ % window.model.rowCount()
        statements.take()
        start = time.perf_counter()
        window.table.selectRow(row)
        window.ops.wait_idle()
        report(f"select a visit (#{round_ + 1})", statements.take(), (time.perf_counter() - start) * 1000)

    window.table.selectRow(0)
    planner = window.open_selected()
    window.ops.wait_idle()
    meals = planner.editors["meals"]
    for round_ in range(3):
        meals.items.focus(0)
        meals.dishes.list.focus(0, "name")
        meals.dishes.form.widgets["name"].setText(f"Steamed greens, take {round_ + 1}")
        window.ops.wait_idle()
        statements.take()
        start = time.perf_counter()
        op = planner.save()
        op.wait()
        window.ops.wait_idle()
        report(f"save a one-dish change (#{round_ + 1})", statements.take(), (time.perf_counter() - start) * 1000)
    planner.dirty = False
    window.close()
    db.dispose()
    app.processEvents()
    import resource

    print(f"peak memory of the whole run: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
