"""Windows that fit the screen they open on (a 1024×700 laptop as much as a desktop)."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """`width` × `height`, or less where the screen's free area is smaller; centred on it."""
    screen = (window.parentWidget().screen() if window.parentWidget() else None) or QGuiApplication.primaryScreen()
    if screen is None:
        window.resize(width, height)
        return
    free = screen.availableGeometry()
    # A window manager's frame takes some room too: keep a margin.
    size = (min(width, free.width() - 24), min(height, free.height() - 48))
    window.resize(*size)
    window.move(free.x() + (free.width() - size[0]) // 2, free.y() + max(0, (free.height() - size[1]) // 2 - 12))
