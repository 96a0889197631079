"""Driving widgets as a user would, where qtbot alone cannot: typing any script, answering
a modal question that a click opened."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QMessageBox


def type_text(qtbot, widget, text):
    """Type any script: qtbot.keyClicks aborts on non-ASCII (TOOLCHAIN §2)."""
    widget.setFocus()
    for ch in text:
        QApplication.sendEvent(widget, QKeyEvent(QEvent.KeyPress, Qt.Key_unknown, Qt.NoModifier, ch))


def answer(holder, attribute, button):
    def click():
        box = getattr(holder, attribute, None)
        if box is None or not box.isVisible():
            QTimer.singleShot(20, click)
            return
        box.button(button).click() if isinstance(button, QMessageBox.StandardButton) else next(
            b for b in box.buttons() if b.text() == button
        ).click()

    QTimer.singleShot(20, click)
