"""Qt's own strings (OK, Cancel, file dialogs) come from the qtbase catalog shipped in PySide6."""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

_installed: QTranslator | None = None


def install_qt_translator(app: QApplication, language: str) -> None:
    """Use `language` for Qt's strings, replacing the catalog installed before (if any), and for
    the dates, numbers and month names Qt's own widgets show (a calendar pop-up, a date field)."""
    global _installed
    # "en" alone would be the United States; the interface's English writes dates as ISO anyway.
    QLocale.setDefault(QLocale(QLocale.Chinese, QLocale.China) if language.startswith("zh") else QLocale("en_GB"))
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
