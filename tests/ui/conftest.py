"""GUI tests share one QApplication; settings written by one test must not reach the next."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def clean_settings(qapp):
    from PySide6.QtCore import QSettings

    qapp.setOrganizationName("Hospitality-tests")
    qapp.setApplicationName("Hospitality-tests")
    QSettings().clear()
    yield
    QSettings().clear()


@pytest.fixture
def window(qtbot, db):
    """The main window on an empty database (a module may seed its own first)."""
    from tests.ui.helpers import close_main_window, open_main_window

    win = open_main_window(db)
    yield win
    close_main_window(win)
