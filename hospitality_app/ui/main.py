"""Start the GUI: logging, QApplication, translations, database (with recovery), main window."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from hospitality_app.config import database_url, sqlite_url
from hospitality_app.db.engine import sqlite_file
from hospitality_app.db.session import Database, open_database
from hospitality_app.errors import HospitalityError
from hospitality_app.i18n import _, set_language
from hospitality_app.ui.background import run_and_wait, wait_for_background_work
from hospitality_app.ui.error_report import ErrorReporter
from hospitality_app.ui.qt_translation import install_qt_translator

log = logging.getLogger(__name__)
DAILY_BACKUP_AFTER_MS = 3000  # after start-up, not part of it


def team_url() -> str | None:
    """The team database chosen in the preferences (password from the keyring), if any."""
    from PySide6.QtCore import QSettings

    from hospitality_app.team_connection import TeamConnection, password_for

    settings = QSettings()
    if not settings.value("team/enabled", False, type=bool) or os.environ.get("HOSPITALITY_DB"):
        return None
    connection = TeamConnection(
        str(settings.value("team/host", "")),
        int(str(settings.value("team/port", 5432))),
        str(settings.value("team/database", "")),
        str(settings.value("team/user", "")),
    )
    return connection.url(password_for(connection))


def run_gui(args) -> int:
    from hospitality_app import logs

    log_path = logs.setup()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Hospitality")
    app.setOrganizationName("Hospitality")
    from PySide6.QtCore import QSettings

    reporter = ErrorReporter(log_path, parent=app)
    reporter.install()
    chosen = args.lang if args.lang_given else (QSettings().value("language") or args.lang)
    language = set_language(str(chosen))
    install_qt_translator(app, language)
    add_bundled_fonts()
    log.info("starting, language %s", language)

    url = database_url(args.db or team_url())
    while True:
        db = open_or_recover(url, interactive=not args.quit_after_startup)
        if db is None:
            return 2
        code, next_start = run_window(app, db, reporter, quit_after_startup=args.quit_after_startup)
        if next_start is None:
            return code
        action, path = next_start
        if action == "restore":
            restore_or_say(url, Path(path), damaged=False)
        else:
            url = sqlite_url(Path(path))


def add_bundled_fonts() -> None:
    """The Thai font the documents embed, for the window too: without a Thai font on the system
    (a bare Linux), a Thai client's names and letter texts showed as empty boxes."""
    from PySide6.QtGui import QFontDatabase

    from hospitality_app.resources import resource

    for name in ("Waree.ttf", "Waree-Bold.ttf"):
        if QFontDatabase.addApplicationFont(str(resource("fonts", name))) < 0:
            log.warning("could not load the bundled font %s", name)


def run_window(app, db: Database, reporter: ErrorReporter, *, quit_after_startup: bool):
    from hospitality_app.ui.main_window import MainWindow

    window = MainWindow(db, reporter=reporter)
    if quit_after_startup:
        window.first_rows_painted.connect(lambda: (_say_painted(), QTimer.singleShot(0, app.quit)))
    else:
        window.first_rows_painted.connect(lambda: QTimer.singleShot(DAILY_BACKUP_AFTER_MS, window.daily_backup))
    window.show()
    try:
        code = app.exec()
        return code, window.next_start
    finally:
        window.ops.shutdown()
        wait_for_background_work()  # an export under way is finished, not cut off
        db.dispose()


def _say_painted() -> None:
    """When the first rows were painted, as a wall-clock time, and the memory used until then:
    the start-up benchmark compares them with when it launched the process and with the floor's
    (closing, which waits for work under way, is not start-up)."""
    import time

    print(f"first rows painted at {time.time():.6f}, peak {_peak_kib()} KiB", flush=True)


def _peak_kib() -> int:
    try:
        import resource
    except ImportError:  # Windows: no getrusage; the benchmark then reads the whole process's
        return 0
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def open_or_recover(url: str, *, interactive: bool) -> Database | None:
    """The database, opened (and migrated) off the GUI thread; on failure, a dialog that says
    what happened and offers the backups or another file. None: the user gave up."""
    while True:
        try:
            # A migration backs the file up first, which takes a while on a large database: the
            # progress dialog keeps the user informed instead of a window that never appears.
            return run_and_wait(_("Opening the database…"), lambda url=url: open_database(url))
        except Exception as exc:  # a bug is shown too: a window, not a traceback on a terminal
            problem = str(exc) if isinstance(exc, HospitalityError) else f"{type(exc).__name__}: {exc}"
            log.exception("cannot open %s", url)
        if not interactive:
            print(f"hospitality-app: error: {problem}", file=sys.stderr)
            return None
        choice = ask_recovery(url, problem)
        if choice is None:
            return None
        action, path = choice
        if action == "restore":
            restore_or_say(url, path, damaged=True)
        else:
            url = sqlite_url(path)


def ask_recovery(url: str, problem: str):
    from hospitality_app.db.migrate import default_backups
    from hospitality_app.ui.dialogs.recovery import RecoveryDialog

    path = sqlite_file(url)
    if path is None:  # a team database: nothing to restore here
        QMessageBox.critical(None, _("The database cannot be opened"), problem)
        return None
    dialog = RecoveryDialog(default_backups(path), problem=problem)
    choice: list = []
    dialog.chosen.connect(lambda backup: choice.append(("restore", backup)))
    dialog.other_file.connect(lambda other: choice.append(("open", other)))
    dialog.exec()
    return choice[0] if choice else None


def restore_or_say(url: str, backup: Path, *, damaged: bool) -> None:
    from hospitality_app.db.backups import restore

    path = sqlite_file(url)
    if path is None:
        return
    try:
        aside = restore(backup, path, damaged=damaged)
    except HospitalityError as exc:
        QMessageBox.critical(None, _("Not restored"), str(exc))
        return
    QMessageBox.information(
        None,
        _("Restored"),
        _("The backup is in place. The file it replaced is kept as {aside}.").format(aside=aside),
    )
