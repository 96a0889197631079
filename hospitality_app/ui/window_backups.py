"""The main window's part in backups: back up now, restore one (the window closes and opens
again on the restored file), and the daily backup after start-up."""

from __future__ import annotations

from hospitality_app.i18n import _


class WindowBackups:
    """Mixed into MainWindow, which gives `ops`, `_db`, `reporter` and the status bar."""

    def has_backups(self) -> bool:
        """Whether this window's database is a file on this computer, which has backups (cheaper
        than `backups()`, which finds their folder: the menus ask while the window is built)."""
        from hospitality_app.db.engine import sqlite_file

        return sqlite_file(self._db.url) is not None

    def backups(self):
        """The backups of this window's database (a file on this computer), or None."""
        from hospitality_app.db.engine import sqlite_file
        from hospitality_app.db.migrate import default_backups

        path = sqlite_file(self._db.url)
        return default_backups(path) if path is not None else None

    def back_up_now(self):
        folder = self.backups()
        if folder is None:
            return None
        return self.ops.query(
            self,
            lambda _session: folder.take("manual"),
            lambda path: self.statusBar().showMessage(_("Backed up to {path}").format(path=path), 10000),
            busy=_("Backing up the database…"),
        )

    def restore_backup(self) -> None:
        from hospitality_app.ui.dialogs.recovery import RecoveryDialog

        folder = self.backups()
        if folder is None:
            return
        self.recovery = RecoveryDialog(folder, problem=None, parent=self)
        self.recovery.chosen.connect(self._restore_chosen)
        self.recovery.other_file.connect(self._other_file_chosen)
        self.recovery.open()

    def _restore_chosen(self, backup) -> None:
        """The window closes (the file must not be open while it is replaced); ui.main restores
        the backup and opens a new window on it."""
        self.next_start = ("restore", backup)
        self.close()

    def _other_file_chosen(self, path) -> None:
        self.next_start = ("open", path)
        self.close()

    def daily_backup(self):
        """Once a day, after start-up: check the file is sound, then back it up (a damaged file
        must not push good backups out). Returns the operation, or None when none was due."""
        from hospitality_app.db.backups import check

        folder = self.backups()
        if folder is None or not folder.due():
            return None

        def work(_session):
            problem = check(folder.database)
            return problem if problem is not None else folder.take("daily")

        def done(result) -> None:
            if isinstance(result, str):
                self.reporter.report_damage(result, self, self.restore_backup)

        return self.ops.query(self, work, done)
