"""Start-up time and peak memory of `hospitality-app --quit-after-startup` (until the visit list
has painted), with an empty database and with 100,000 visits, against the floor of this stack
measured in the same run (benchmarks/floor_app.py on 100,000 rows).

python benchmarks/startup.py [--visits 100000] [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(command: list[str], env: dict) -> tuple[float, float]:
    """Wall time (s) and peak memory (MiB) of one run."""
    t0 = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _pid, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - t0
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{command} failed")
    return elapsed, usage.ru_maxrss / 1024


def measure(commands: dict[str, list[str]], env: dict, runs: int) -> dict[str, tuple[float, float]]:
    """Median wall time and peak memory of each command. The commands take turns, round by round,
    so that a slow moment of a shared machine falls on all of them alike, not on one."""
    for command in commands.values():
        run(command, env)  # warm the file cache
    results: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for _round in range(runs):
        for name, command in commands.items():
            results[name].append(run(command, env))
    return {name: (statistics.median(r[0] for r in rs), max(r[1] for r in rs)) for name, rs in results.items()}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--visits", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    with tempfile.TemporaryDirectory() as tmp:
        floor_db = Path(tmp) / "floor.sqlite3"
        con = sqlite3.connect(floor_db)
        con.execute("CREATE TABLE row (id INTEGER PRIMARY KEY, title TEXT NOT NULL)")
        con.executemany("INSERT INTO row (title) VALUES (?)", ((f"Row {i}",) for i in range(args.visits)))
        con.commit()
        con.close()
        empty, full = Path(tmp) / "empty.sqlite3", Path(tmp) / "full.sqlite3"
        app = [sys.executable, "-m", "hospitality_app"]
        subprocess.run([*app, "--db", str(empty), "list"], env=env, check=True, capture_output=True)
        from hospitality_app.db.session import open_database
        from hospitality_app.services import demo_bulk

        db = open_database(f"sqlite:///{full}")
        demo_bulk.bulk_visits(db.engine, args.visits, now=datetime.now(UTC))
        db.dispose()
        floor_name = "floor (PySide6 + SQLAlchemy, 50 of 100,000 rows)"
        results = measure(
            {
                floor_name: [sys.executable, str(ROOT / "benchmarks" / "floor_app.py"), str(floor_db)],
                "hospitality-app, empty database": [*app, "--db", str(empty), "--quit-after-startup"],
                f"hospitality-app, {args.visits:,} visits": [*app, "--db", str(full), "--quit-after-startup"],
            },
            env,
            args.runs,
        )
        floor = results[floor_name]
    for name, (seconds, mib) in results.items():
        print(f"{name:<52} {seconds * 1000:6.0f} ms = {seconds / floor[0]:.2f}x floor   peak {mib:5.0f} MiB")
    print("target: within 1.5x the floor, and no slower with 100,000 visits than with none")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
