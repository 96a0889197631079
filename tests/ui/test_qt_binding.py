"""The Qt binding itself must keep Python's reference counts: PySide6 6.12.0 dropped one reference
to a slot's return value at every signal, and the app died with "none_dealloc" after enough
keystrokes. This guards the version pin in pyproject.toml."""

from __future__ import annotations

import gc
import sys

from PySide6.QtCore import QObject, Signal


class Emitter(QObject):
    flag = Signal(bool)
    text = Signal(str)


def counts() -> tuple[int, int, int]:
    gc.collect()
    return sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)


def test_python_slots_leave_reference_counts_alone(qapp):
    emitter = Emitter()
    seen: list[object] = []

    def slot(value):
        seen.append(value)

    emitter.flag.connect(slot)
    emitter.text.connect(slot)
    before = counts()
    for i in range(200):
        emitter.flag.emit(i % 2 == 0)
        emitter.text.emit("说明")
    seen.clear()
    after = counts()

    assert after == before
