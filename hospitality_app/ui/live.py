"""Team mode: hear about colleagues' saves (PostgreSQL LISTEN/NOTIFY) without polling tables."""

from __future__ import annotations

from PySide6.QtCore import QObject, QThread, QTimer, Signal

CHANNEL = "hospitality_changes"


class ChangeListener(QThread):
    """Listens on its own connection and reports each notification.

    Signals:
        changed(str): a table changed (its name).
        failed(str): the listening connection failed (the lists no longer refresh by themselves).
    """

    changed = Signal(str)
    failed = Signal(str)

    def __init__(self, conninfo: str, *, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._conninfo = conninfo
        if parent is not None:
            # A window deleted without being closed must not take a running thread with it: Qt
            # would abort the whole process. `destroyed` comes before the children are deleted.
            parent.destroyed.connect(self.stop)

    def run(self) -> None:
        import psycopg

        try:
            with psycopg.connect(self._conninfo, autocommit=True) as conn:
                conn.execute(f"LISTEN {CHANNEL}")
                while not self.isInterruptionRequested():
                    for note in conn.notifies(timeout=0.5):
                        self.changed.emit(note.payload)
        except psycopg.Error as exc:
            self.failed.emit(str(exc).strip().splitlines()[0])

    def stop(self) -> None:
        self.requestInterruption()
        self.wait(3000)


class Debouncer(QObject):
    """Turns a burst of notifications into one refresh."""

    def __init__(self, callback, delay_ms: int = 600, *, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(callback)
        self._cancelled = False

    def poke(self, *_args) -> None:
        # A notification queued before cancel() may still arrive: it must not wake a closed window.
        if not self._cancelled:
            self._timer.start()

    def cancel(self) -> None:
        self._cancelled = True
        self._timer.stop()


def conninfo(engine) -> str | None:
    """A libpq connection string for the engine's database, or None if it is not PostgreSQL."""
    if engine.dialect.name != "postgresql":
        return None
    return engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
