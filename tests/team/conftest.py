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
