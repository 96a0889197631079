"""The dashboard's load time (all its tables, and the outcome statistics) with 100,000 generated
visits, against the same with an empty database, in one run. Aggregates run in SQL, so the
ratio should stay small.

python benchmarks/dashboard.py [--visits 100000]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def load(db, now):
    from hospitality_app.services import dashboard

    with db.unit_of_work() as session:
        dashboard.upcoming(session, now)
        dashboard.pickups_between(session, now, now + timedelta(days=2))
        dashboard.double_bookings(session, now)
        dashboard.overdue_tasks(session, now)
        dashboard.overdue_follow_ups(session, now)
        dashboard.outcomes(session, now - timedelta(days=365), now)


def measure(db, now, repeat=5) -> float:
    load(db, now)
    samples = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        load(db, now)
        samples.append(time.perf_counter() - t0)
    return statistics.median(samples)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--visits", type=int, default=100_000)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from hospitality_app.db.session import open_database
    from hospitality_app.services import demo_bulk

    now = datetime.now(UTC)
    with tempfile.TemporaryDirectory() as tmp:
        empty = open_database(f"sqlite:///{Path(tmp) / 'empty.sqlite3'}")
        full = open_database(f"sqlite:///{Path(tmp) / 'full.sqlite3'}")
        t0 = time.perf_counter()
        demo_bulk.bulk_visits(full.engine, args.visits, now=now)
        print(f"inserted {args.visits:,} visits in {time.perf_counter() - t0:.1f} s")
        base = measure(empty, now)
        big = measure(full, now)
        empty.dispose()
        full.dispose()
    print(f"dashboard, empty database: {base * 1000:.1f} ms (baseline)")
    print(f"dashboard, {args.visits:,} visits: {big * 1000:.1f} ms = {big / base:.1f}x baseline")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
