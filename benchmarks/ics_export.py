"""Calendar export speed: a large visit (200 itinerary items) against the reference visit
(13 items), measured in the same run, in one process (as the GUI does it).

python benchmarks/ics_export.py
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    sys.path.insert(0, str(ROOT))
    from benchmarks.common import peak_mib
    from hospitality_app.db.session import open_database
    from hospitality_app.services import calendar, interchange, plans
    from hospitality_app.services.dto import AgendaItemData, MealData

    reference = interchange.loads((ROOT / "tests" / "data" / "visit-indonesia.json").read_text("utf-8"))
    names = (*(v.name for v in reference.visitors), "Li Wei")
    start = reference.start
    meals = tuple(
        MealData(
            start + timedelta(hours=6 * i),
            start + timedelta(hours=6 * i, minutes=60),
            "lunch",
            reference.meals[0].restaurant,
            False,
            names,
            reference.meals[0].dishes,
        )
        for i in range(60)
    )
    agenda = tuple(
        AgendaItemData(start + timedelta(minutes=40 * i), 30, f"Session {i}", "other", "Li Wei") for i in range(133)
    )
    big = replace(reference, title="Large visit", end=start + timedelta(days=20), meals=meals, agenda=agenda)
    now = datetime(2026, 11, 22, tzinfo=UTC)
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(f"sqlite:///{Path(tmp) / 'bench.sqlite3'}")
        with db.unit_of_work() as session:
            small_id = plans.save(session, reference, now=now).visit_id
            big_id = plans.save(session, big, now=now).visit_id

        def run_once(visit_id):
            with db.unit_of_work() as session:
                return calendar.export_visit(session, visit_id, now=now)

        def run(visit_id):
            samples = []
            for _ in range(5):
                t0 = time.perf_counter()
                with db.unit_of_work() as session:
                    data = calendar.export_visit(session, visit_id, now=now)
                samples.append(time.perf_counter() - t0)
            return statistics.median(samples), data.count(b"BEGIN:VEVENT")

        run(small_id)  # warm-up: imports, translations
        small, n_small = run(small_id)
        large, n_large = run(big_id)

        small_mib, large_mib = (peak_mib(lambda v=v: run_once(v)) for v in (small_id, big_id))
        db.dispose()
    print(f"reference visit: {n_small} events in {small * 1000:.1f} ms, peak {small_mib:.1f} MiB (baseline)")
    print(
        f"large visit: {n_large} events in {large * 1000:.1f} ms = {large / small:.1f}x baseline "
        f"for {n_large / n_small:.1f}x the events (target < 50 ms), peak {large_mib:.1f} MiB = "
        f"{large_mib / small_mib:.1f}x"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
