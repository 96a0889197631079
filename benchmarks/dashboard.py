"""The dashboard's cost against the team's history: `hospitality-app dashboard --json` as a whole
process, and the dashboard's queries in a running process, on the demo database and on the demo
database with 100,000 past visits added, in one run. The history must not make it slower: every
query is bounded by the window it shows (the coming days, the last months).

python benchmarks/dashboard.py [--visits 100000] [--runs 5]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def in_process(url: str, now: datetime, repeat: int = 5) -> float:
    from hospitality_app.db.session import open_database
    from hospitality_app.services import dashboard

    db = open_database(url)
    try:
        samples = []
        for _ in range(repeat + 1):  # the first reads the files and compiles the statements
            t0 = time.perf_counter()
            with db.unit_of_work() as session:
                dashboard.everything(session, now)
            samples.append(time.perf_counter() - t0)
        return statistics.median(samples[1:])
    finally:
        db.dispose()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--visits", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from benchmarks.common import user_env, whole_process
    from hospitality_app.db.session import open_database
    from hospitality_app.services import demo_bulk

    env = user_env()
    now = datetime.now(UTC)
    with tempfile.TemporaryDirectory() as tmp:
        demo, full = Path(tmp) / "demo.sqlite3", Path(tmp) / "history.sqlite3"
        app = [sys.executable, "-m", "hospitality_app"]
        subprocess.run([*app, "--db", str(demo), "demo"], env=env, check=True, capture_output=True)
        shutil.copy(demo, full)
        db = open_database(f"sqlite:///{full}")
        t0 = time.perf_counter()
        demo_bulk.bulk_visits(db.engine, args.visits, now=now, history=True)
        db.dispose()
        print(f"inserted {args.visits:,} past visits in {time.perf_counter() - t0:.1f} s")
        commands = {
            name: [*app, "--db", str(path), "dashboard", "--json"] for name, path in (("demo", demo), ("full", full))
        }
        samples: dict[str, list[tuple[float, float]]] = {"demo": [], "full": []}
        for command in commands.values():
            whole_process(command, env)  # warm the file cache and write the bytecode
        for _round in range(args.runs):  # in turns: a slow moment of the machine falls on both
            for name, command in commands.items():
                samples[name].append(whole_process(command, env))
        base, big = (in_process(f"sqlite:///{path}", now) for path in (demo, full))
    (demo_s, demo_mib), (full_s, full_mib) = (
        (statistics.median(s for s, _ in samples[name]), max(m for _, m in samples[name])) for name in ("demo", "full")
    )
    history = f"demo + {args.visits:,} past visits"
    print(f"`dashboard --json`, demo database: {demo_s * 1000:.0f} ms, peak {demo_mib:.0f} MiB (baseline)")
    print(
        f"`dashboard --json`, {history}: {full_s * 1000:.0f} ms = {full_s / demo_s:.2f}x baseline, "
        f"peak {full_mib:.0f} MiB = {full_mib / demo_mib:.2f}x (target: within 1.2x)"
    )
    print(f"the dashboard's queries in a running process, demo database: {base * 1000:.1f} ms (baseline)")
    print(f"the dashboard's queries in a running process, {history}: {big * 1000:.1f} ms = {big / base:.2f}x baseline")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
