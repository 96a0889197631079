"""Qt's own strings (OK, Cancel, file dialogs) come from the qtbase catalog shipped in PySide6."""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

_installed: QTranslator | None = None


def install_qt_translator(app: QApplication, language: str) -> None:
    """Use `language` for Qt's strings, replacing the catalog installed before (if any)."""
    global _installed
    if _installed is not None:
        app.removeTranslator(_installed)
        _installed.deleteLater()
        _installed = None
    if language == "en":
        return
    translator = QTranslator(app)  # parented to the app, so it lives as long as the app
    path = QLibraryInfo.path(QLibraryInfo.TranslationsPath)
    if translator.load(QLocale(language), "qtbase", "_", path):
        app.installTranslator(translator)
        _installed = translator
