"""How fast is the readiness check? Prints figures as ratios to a baseline measured in the
same run (the reference visit), never absolute pass/fail thresholds.

python benchmarks/check_speed.py
"""

from __future__ import annotations

import sys
import tempfile
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def large_plan(base):
    from hospitality_app.services.dto import AgendaItemData, DishData, MealData, VisitorData

    visitors = tuple(
        VisitorData(
            f"Visitor {i}", dietary=("halal",) if i % 3 else ("vegan",), allergies=("peanuts",) if i % 4 == 0 else ()
        )
        for i in range(20)
    )
    names = tuple(v.name for v in visitors)
    meals = tuple(
        MealData(
            base.start + timedelta(hours=5 * i),
            base.start + timedelta(hours=5 * i, minutes=90),
            "lunch",
            None,
            i % 2 == 0,
            names,
            tuple(DishData(f"Dish {i}.{j}", ("pork", "peanuts") if j == 0 else ("chicken",)) for j in range(10)),
        )
        for i in range(60)
    )
    agenda = tuple(
        AgendaItemData(
            base.start + timedelta(minutes=45 * i), 30, f"Item {i}", "negotiation" if i % 10 == 0 else "other"
        )
        for i in range(200)
    )
    return replace(base, visitors=visitors, meals=meals, agenda=agenda, end=base.start + timedelta(days=14))


def main() -> int:
    sys.path.insert(0, str(ROOT))
    from benchmarks.common import median_seconds, peak_mib

    def timed(work, repeat=7) -> float:
        return median_seconds(work, repeat)

    from hospitality_app.db.session import open_database
    from hospitality_app.rules.engine import run_check
    from hospitality_app.services import demo, demo_bulk, interchange, readiness

    reference = interchange.loads((ROOT / "tests" / "data" / "visit-indonesia.json").read_text("utf-8"))
    now = datetime(2026, 11, 22, tzinfo=UTC)
    base_t = timed(lambda: run_check(reference, now=now))
    big = large_plan(reference)
    big_t = timed(lambda: run_check(big, now=now), repeat=11)
    base_mib, big_mib = peak_mib(lambda: run_check(reference, now=now)), peak_mib(lambda: run_check(big, now=now))
    print(f"reference visit check: {base_t * 1000:.2f} ms, peak {base_mib:.2f} MiB (baseline)")
    print(
        f"large visit (20 visitors, 60 meals x 10 dishes, 200 agenda items): "
        f"{big_t * 1000:.1f} ms = {big_t / base_t:.0f}x baseline (targets: < 50 ms, then < 25 ms), "
        f"peak {big_mib:.1f} MiB"
    )

    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(f"sqlite:///{Path(tmp) / 'bench.sqlite3'}")
        with db.unit_of_work() as session:
            demo.create_demo_visits(session, now=now)
        small_t = timed(lambda: _sweep(db, readiness), repeat=3)
        demo_bulk.bulk_visits(db.engine, 10_000, now=now)
        with db.unit_of_work() as session:
            session.execute(
                __import__("sqlalchemy").text(
                    "INSERT INTO visit_host (visit_id, staff_id, role, position) "
                    "SELECT id, (id % 3) + 1, 'driver', 1 FROM visit WHERE title LIKE 'Generated%'"
                )
            )
        large_t = timed(lambda: _sweep(db, readiness), repeat=3)
        db.dispose()
    print(f"double-booking sweep, 8 visits: {small_t * 1000:.1f} ms (baseline)")
    print(
        f"double-booking sweep, 10,008 visits: {large_t * 1000:.1f} ms = {large_t / small_t:.0f}x "
        f"for 1,251x the visits (quadratic would be ~1,500,000x)"
    )
    return 0


def _sweep(db, readiness):
    with db.unit_of_work() as session:
        return readiness.all_double_bookings(session)


if __name__ == "__main__":
    raise SystemExit(main())
