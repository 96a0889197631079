"""Team mode: hear about colleagues' saves (PostgreSQL LISTEN/NOTIFY) without polling tables."""

from __future__ import annotations

from PySide6.QtCore import QObject, QThread, Signal

CHANNEL = "hospitality_changes"


class ChangeListener(QThread):
    """Listens on its own connection and reports each notification.

    Signals:
        changed(str): a table changed (its name).
        failed(str): the listening connection failed; it is tried again every few seconds.
        reconnected: listening again after a failure (notifications may have been missed).
    """

    changed = Signal(str)
    failed = Signal(str)
    reconnected = Signal()
    RETRY_SECONDS = (1, 2, 5, 10, 30)

    def __init__(self, conninfo: str, *, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._conninfo = conninfo
        self.backend_pid: int | None = None  # the server process listening, while connected
        if parent is not None:
            # A window deleted without being closed must not take a running thread with it: Qt
            # would abort the whole process. `destroyed` comes before the children are deleted.
            parent.destroyed.connect(self.stop)

    def run(self) -> None:
        import psycopg

        failures = 0
        while not self.isInterruptionRequested():
            try:
                with psycopg.connect(self._conninfo, autocommit=True) as conn:
                    conn.execute(f"LISTEN {CHANNEL}")
                    self.backend_pid = conn.info.backend_pid
                    if failures:
                        self.reconnected.emit()
                    failures = 0
                    while not self.isInterruptionRequested():
                        for note in conn.notifies(timeout=0.5):
                            self.changed.emit(note.payload)
            except psycopg.Error as exc:
                self.backend_pid = None
                self.failed.emit(str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__)
                delay = self.RETRY_SECONDS[min(failures, len(self.RETRY_SECONDS) - 1)]
                failures += 1
                for _tenth in range(delay * 10):  # wait, but stop at once when asked
                    if self.isInterruptionRequested():
                        return
                    self.msleep(100)

    def stop(self) -> None:
        self.requestInterruption()
        self.wait(3000)


def conninfo(engine) -> str | None:
    """A libpq connection string for the engine's database, or None if it is not PostgreSQL."""
    if engine.dialect.name != "postgresql":
        return None
    return engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
