"""Start-up time and peak memory of `hospitality-app --quit-after-startup`, with an empty database
and with 100,000 visits, against the floor of this stack measured in the same run
(benchmarks/floor_app.py on 100,000 rows). Start-up is the time from launching the process to the
visit list's first painted rows (each program prints when that was); the whole process, closing
included, is shown beside it.

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


def run(command: list[str], env: dict) -> tuple[float, float, float, float]:
    """Seconds to the first painted rows and to the process's end; peak memory (MiB) until the
    first rows and in the whole process."""
    launched = time.time()
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert process.stdout is not None
    said = process.stdout.read()
    _pid, status, usage = os.wait4(process.pid, 0)
    ended = time.time()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{command} failed")
    # "first rows painted at 1796560481.773032, peak 135000 KiB"
    line = next(line for line in said.splitlines() if line.startswith("first rows painted at"))
    when, peak = line.removeprefix("first rows painted at ").split(", peak ")
    return float(when) - launched, ended - launched, int(peak.split()[0]) / 1024, usage.ru_maxrss / 1024


def measure(commands: dict[str, list[str]], env: dict, runs: int) -> dict[str, tuple[float, ...]]:
    """Median times to the first rows and to the end, and the highest peaks of memory, of each
    command. The commands take turns, round by round, so that a slow moment of a shared machine
    falls on all of them alike, not on one."""
    for command in commands.values():
        run(command, env)  # warm the file cache
    results: dict[str, list[tuple[float, float, float, float]]] = {name: [] for name in commands}
    for _round in range(runs):
        for name, command in commands.items():
            results[name].append(run(command, env))
    return {
        name: (
            statistics.median(r[0] for r in rs),
            statistics.median(r[1] for r in rs),
            max(r[2] for r in rs),
            max(r[3] for r in rs),
        )
        for name, rs in results.items()
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--visits", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from benchmarks.common import user_env

    env = user_env(QT_QPA_PLATFORM="offscreen")
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
    print(f"{'':<52} {'first rows':>20}   {'peak until then':>20}   {'whole process':>26}")
    for name, (painted, ended, mib, whole_mib) in results.items():
        print(
            f"{name:<52} {painted * 1000:6.0f} ms = {painted / floor[0]:.2f}x floor"
            f"   {mib:5.0f} MiB = {mib / floor[2]:.2f}x floor   {ended * 1000:6.0f} ms, peak {whole_mib:4.0f} MiB"
        )
    print(
        "targets: first rows and the peak until then within 1.3x the floor's, "
        "and no slower with 100,000 visits than with none"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
