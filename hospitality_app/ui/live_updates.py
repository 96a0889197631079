"""Team mode in the main window: the lists and the dashboard refresh when a colleague saves.
The listener (ui/live.py) is imported only when the database is PostgreSQL."""

from __future__ import annotations

from hospitality_app.i18n import _


class LiveUpdates:
    """Mixed into MainWindow, which gives `_db`, `listener`, `_debouncer`, the pages and the
    status bar, and calls `start_live_updates()` when first shown, `stop_live_updates()` on close."""

    def start_live_updates(self) -> None:
        """Team mode: refresh the lists and the dashboard when a colleague saves."""
        from hospitality_app.ui.live import ChangeListener, Debouncer, conninfo

        info = conninfo(self._db.engine)
        if info is None:
            return
        self._debouncer = Debouncer(self.colleague_saved, parent=self)
        self.listener = ChangeListener(info, parent=self)
        self.listener.changed.connect(self._debouncer.poke)
        self.listener.failed.connect(self._listener_failed)
        self.listener.start()

    def colleague_saved(self) -> None:
        self._refresh_keep_selection()
        self._update_status()
        if self.pages.currentWidget() is self.dashboard:
            self.dashboard.reload()

    def _listener_failed(self, message: str) -> None:
        self.statusBar().showMessage(_("Live updates stopped: {message}").format(message=message))

    def stop_live_updates(self) -> None:
        if self.listener is not None:
            self.listener.stop()
        if self._debouncer is not None:
            self._debouncer.cancel()
