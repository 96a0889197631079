"""A page of the main window that is built when first shown, so start-up does not pay for it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget


class LazyPage(QWidget):
    """Signals:
    built(QWidget): the content was just made (the window connects to its signals then).
    """

    built = Signal(QWidget)

    def __init__(self, factory: Callable[[QWidget], QWidget], *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._factory = factory
        self.content: QWidget | None = None
        QVBoxLayout(self).setContentsMargins(0, 0, 0, 0)

    def ensure(self) -> QWidget:
        """The page's content, built now if it was not yet."""
        if self.content is None:
            self.content = self._factory(self)
            self.layout().addWidget(self.content)
            if self.isVisible():
                self.content.show()  # at once: Qt would show it only when the event loop next runs
            self.built.emit(self.content)
        return self.content
