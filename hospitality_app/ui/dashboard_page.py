"""The manager's dashboard: the next 14 days, today's and tomorrow's pickups, double bookings,
overdue tasks and follow-ups. Every table exports to CSV; a monthly report goes to PDF."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hospitality_app import vocab
from hospitality_app.exports.tables import write_csv
from hospitality_app.fileio import atomic_write
from hospitality_app.formats import country_text, day_text, month_pattern, short_moment_text, time_text
from hospitality_app.i18n import _, current_language, label, list_text
from hospitality_app.services.rows import Readiness
from hospitality_app.ui.date_format import qt_pattern
from hospitality_app.ui.file_dialogs import choose_folder, save_file
from hospitality_app.ui.ops import Ops
from hospitality_app.ui.rows_model import RowsModel
from hospitality_app.ui.visit_model import readiness_text


def local(moment: datetime | None, tz: str, shown=short_moment_text) -> str:
    return shown(moment.astimezone(ZoneInfo(tz))) if moment else ""


class DashboardPage(QWidget):
    """Signals:
    visit_chosen(int): the user double-clicked a row of a visit.
    """

    visit_chosen = Signal(int)

    def __init__(self, ops: Ops, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops = ops
        self.upcoming = RowsModel(
            [
                (_("Start"), lambda r: local(r.visit.start, r.visit.timezone)),
                (_("Company"), lambda r: r.visit.company),
                (_("Visit"), lambda r: r.visit.title),
                (_("Country"), lambda r: country_text(r.visit.country)),
                (_("Sales lead"), lambda r: r.visit.sales_lead),
                (_("Status"), lambda r: label(r.visit.status)),
                (_("Readiness"), lambda r: readiness_text(Readiness(r.errors, r.warnings))),
                (
                    _("Checklist"),
                    lambda r: (
                        f"{round(100 * r.visit.checklist_done / r.visit.checklist_total)}%"
                        if r.visit.checklist_total
                        else "—"
                    ),
                ),
                (_("Holidays"), lambda r: "; ".join(r.holidays)),
            ],
            visit_of=lambda r: r.visit.id,
            warn=lambda r: r.errors > 0,
            parent=self,
        )
        self.pickups = RowsModel(
            [
                (_("Driver due"), lambda r: local(r.driver_due, r.timezone)),
                (_("Kind"), lambda r: label(r.kind)),
                (_("Flight"), lambda r: r.carrier_number),
                (_("Arrival"), lambda r: local(r.arrival, r.timezone, time_text)),
                (_("Driver"), lambda r: r.driver),
                (_("Vehicle"), lambda r: r.vehicle),
                (_("Company"), lambda r: r.company),
            ],
            visit_of=lambda r: r.visit_id,
            warn=lambda r: bool(r.arrival and r.driver_due > r.arrival),
            parent=self,
        )
        self.doubles = RowsModel(
            [
                (_("From"), lambda r: day_text(r.start)),
                (_("Resource"), lambda r: r.resource),
                (_("Visit"), lambda r: f"#{r.first_id} {r.first_title}"),
                (_("Also in"), lambda r: f"#{r.second_id} {r.second_title}"),
            ],
            visit_of=lambda r: r.first_id,
            warn=lambda r: True,
            parent=self,
        )
        self.tasks = RowsModel(
            [
                (_("Due"), lambda r: local(r.due, r.timezone)),
                (_("Company"), lambda r: r.company),
                (_("Task"), lambda r: r.title_zh if current_language().startswith("zh") and r.title_zh else r.title),
                (_("Owner"), lambda r: label(r.owner) if r.owner in _ROLES else r.owner),
            ],
            visit_of=lambda r: r.visit_id,
            warn=lambda r: True,
            parent=self,
        )
        self.follow_ups = RowsModel(
            [
                (_("Ended"), lambda r: local(r.ended, r.timezone, day_text)),
                (_("Company"), lambda r: r.company),
                (
                    _("Missing"),
                    lambda r: list_text(
                        ([_("thank-you letter")] if r.letter_missing else [])
                        + ([_("photos")] if r.photos_missing else [])
                    ),
                ),
            ],
            visit_of=lambda r: r.visit_id,
            warn=lambda r: r.letter_missing,
            parent=self,
        )

        self.views: dict[str, QTableView] = {}
        grid = QGridLayout()
        boxes = [
            ("upcoming", _("Next 14 days"), 0, 0, 1, 2),
            ("pickups", _("Pickups today and tomorrow"), 1, 0, 1, 1),
            ("doubles", _("Double bookings"), 1, 1, 1, 1),
            ("tasks", _("Overdue checklist items"), 2, 0, 1, 1),
            ("follow_ups", _("Overdue follow-ups"), 2, 1, 1, 1),
        ]
        for name, title, row, column, rows, columns in boxes:
            grid.addWidget(self._box(name, title), row, column, rows, columns)
        # The coming visits are what a manager reads first: half as tall again as the other tables
        # (on a 700-pixel screen they had room for two rows and a scroll bar).
        grid.setRowStretch(0, 3)
        grid.setRowStretch(1, 2)
        grid.setRowStretch(2, 2)
        self.csv_button = QPushButton(_("Export tables as CSV…"), self)
        self.csv_button.clicked.connect(self._choose_csv_folder)
        self.month = QDateEdit(QDate.currentDate(), self)
        self.month.setDisplayFormat(qt_pattern(month_pattern()))
        self.report_button = QPushButton(_("Monthly report (PDF)…"), self)
        self.report_button.clicked.connect(self._choose_report_file)
        self.refresh_button = QPushButton(_("Refresh"), self)
        self.refresh_button.clicked.connect(self._refresh_asked)
        self.status = QLabel(self)
        self._notice_until = 0.0  # until then a refresh leaves the status line's outcome alone
        top = QHBoxLayout()
        top.addWidget(QLabel("<h2>" + _("Dashboard") + "</h2>", self))
        top.addStretch(1)
        for w in (self.refresh_button, self.csv_button, self.month, self.report_button):
            top.addWidget(w)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(grid, 1)
        layout.addWidget(self.status)

    def _box(self, name: str, title: str) -> QGroupBox:
        box = QGroupBox(title, self)
        view = QTableView(box)
        view.setModel(getattr(self, name))
        view.verticalHeader().setVisible(False)
        view.setSelectionBehavior(QTableView.SelectRows)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        view.horizontalHeader().setStretchLastSection(True)
        view.doubleClicked.connect(self._chosen)
        self.views[name] = view
        layout = QVBoxLayout(box)
        layout.addWidget(view)
        return box

    def _chosen(self, index) -> None:
        visit_id = index.data(Qt.UserRole)
        if visit_id is not None:
            self.visit_chosen.emit(visit_id)

    def _refresh_asked(self) -> None:
        self._notice_until = 0.0  # the user asked: the refresh's own line is the news now
        self.reload()

    def reload(self, now: datetime | None = None):
        """Read everything the page shows off the GUI thread; returns the operation."""
        now = now or datetime.now(UTC)
        language = current_language()
        self._progress(_("Updating…"))

        def read(session):
            # Imported on the database thread, when first asked: start-up does not load the rules.
            from hospitality_app.services import dashboard

            return dashboard.everything(session, now, locale=language)

        return self._ops.query(self, read, lambda got: self._show(now, got))

    def _show(self, now: datetime, got) -> None:
        self.upcoming.set_rows(got.upcoming)
        self.pickups.set_rows(got.pickups)
        self.doubles.set_rows(got.doubles)
        self.tasks.set_rows(got.tasks)
        self.follow_ups.set_rows(got.follow_ups)
        self._progress(_("Updated {time}").format(time=time_text(now.astimezone())))

    def _progress(self, text: str) -> None:
        """A refresh's own line, which never hides an outcome the user has had no time to read
        (a refresh that a change elsewhere started just after "Saved …" would)."""
        if time.monotonic() >= self._notice_until:
            self.status.setText(text)

    def _notice(self, text: str) -> None:
        self.status.setText(text)
        self._notice_until = time.monotonic() + 10

    def _choose_csv_folder(self) -> None:
        folder = choose_folder(self, _("Folder for the CSV files"), Path.home())
        if folder:
            self.export_csv(folder)

    def export_csv(self, folder: Path) -> list[Path]:
        written = []
        try:
            for name in ("upcoming", "pickups", "doubles", "tasks", "follow_ups"):
                header, rows = getattr(self, name).table()
                written.append(write_csv(folder / f"dashboard-{name}.csv", header, rows))
        except OSError as exc:
            self._notice(str(exc))
            return written
        self._notice(_("Saved {n} CSV files in {folder}").format(n=len(written), folder=folder))
        return written

    def _choose_report_file(self) -> None:
        month = self.month.date()
        name = f"visits-{month.year()}-{month.month():02d}.pdf"
        path = save_file(self, _("Monthly report"), Path.home() / name, _("PDF files (*.pdf)"), suffix=".pdf")
        if path:
            self.save_report(path, month.year(), month.month())

    def save_report(self, path: Path, year: int, month: int):
        """Write the monthly report off the GUI thread; the status line says how it went.
        Returns the job."""
        from hospitality_app.exports.pdf.report import MonthlyReportRenderer
        from hospitality_app.ui.background import run_in_background

        language = current_language()

        def read(session):
            from hospitality_app.services import dashboard, documents

            return dashboard.monthly_report(session, year, month), documents.letterhead(session)

        def render(got) -> None:  # the drawing, on the thread pool: the database thread stays free
            report, head = got

            def work() -> None:
                atomic_write(path, MonthlyReportRenderer(head, report, language=language).render())

            def done(_result) -> None:
                self._notice(_("Saved {path}").format(path=path))

            self.report_job = run_in_background(self, _("Writing the monthly report…"), work, done, self._notice)

        return self._ops.query(self, read, render, lambda failure: self._notice(failure.message))


_ROLES = set(vocab.HOST_ROLES)
