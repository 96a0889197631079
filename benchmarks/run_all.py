"""Every benchmark, one after the other, each in a process of its own, with the time each took:
the figures the README lists come from one run of this.

python benchmarks/run_all.py
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ORDER = (
    "check_speed.py",
    "ics_export.py",
    "letter_speed.py",
    "dashboard.py",
    "startup.py",
    "timeline_paint.py",
    "gui_thread.py",
    "backends.py",  # PostgreSQL against SQLite: only with HOSPITALITY_TEST_PG_URL set
)


def main() -> int:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    t_all = time.perf_counter()
    for name in ORDER:
        print(f"== {name}", flush=True)
        t0 = time.perf_counter()
        code = subprocess.run([sys.executable, str(HERE / name)], env=env).returncode
        print(f"   ({time.perf_counter() - t0:.0f} s{'' if code == 0 else f', exit {code}'})", flush=True)
    print(f"== all: {time.perf_counter() - t_all:.0f} s (target: under two minutes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
