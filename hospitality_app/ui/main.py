"""Start the GUI: QApplication, translations, database, main window."""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from hospitality_app.config import database_url
from hospitality_app.db.session import open_database
from hospitality_app.i18n import _, set_language
from hospitality_app.ui.background import run_and_wait, wait_for_background_work
from hospitality_app.ui.qt_translation import install_qt_translator


def team_url() -> str | None:
    """The team database chosen in the preferences (password from the keyring), if any."""
    from PySide6.QtCore import QSettings

    from hospitality_app.team_connection import TeamConnection, password_for

    settings = QSettings()
    if not settings.value("team/enabled", False, type=bool) or os.environ.get("HOSPITALITY_DB"):
        return None
    connection = TeamConnection(
        settings.value("team/host", ""),
        int(settings.value("team/port", 5432)),
        settings.value("team/database", ""),
        settings.value("team/user", ""),
    )
    return connection.url(password_for(connection))


def run_gui(args) -> int:
    from hospitality_app.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Hospitality")
    app.setOrganizationName("Hospitality")
    from PySide6.QtCore import QSettings

    chosen = args.lang if args.lang_given else (QSettings().value("language") or args.lang)
    language = set_language(chosen)
    install_qt_translator(app, language)

    url = database_url(args.db or team_url())
    # A migration backs the file up first, which takes a while on a large database: the
    # progress dialog keeps the user informed instead of a window that never appears.
    db = run_and_wait(_("Opening the database…"), lambda: open_database(url))
    window = MainWindow(db)
    if args.quit_after_startup:
        window.first_rows_painted.connect(lambda: QTimer.singleShot(0, app.quit))
    window.show()
    try:
        return app.exec()
    finally:
        wait_for_background_work()  # an export under way is finished, not cut off
        db.dispose()
