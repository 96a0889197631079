"""What every benchmark measures the same way: the median time of a few runs, the peak memory of
one, and a whole process's time and peak memory."""

from __future__ import annotations

import os
import statistics
import subprocess
import time
import tracemalloc
from collections.abc import Callable


def median_seconds(work: Callable[[], object], repeat: int = 5) -> float:
    samples = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        work()
        samples.append(time.perf_counter() - t0)
    return statistics.median(samples)


def peak_mib(work: Callable[[], object]) -> float:
    """The most memory Python objects took at once during one run of `work` (MiB), above what was
    in use before (C libraries' own memory, Qt's or SQLite's, is not counted)."""
    tracemalloc.start()
    try:
        work()
        _now, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak / 2**20


def user_env(**extra: str) -> dict[str, str]:
    """The environment of a command as a user runs it: modules' bytecode is written once and
    kept (without it every run compiles again, which measures the compiler)."""
    env = {**os.environ, **extra}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def whole_process(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Seconds and peak memory (MiB, the process's resident set) of one run of `command`."""
    t0 = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _pid, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{command} failed")
    return time.perf_counter() - t0, usage.ru_maxrss / 1024
