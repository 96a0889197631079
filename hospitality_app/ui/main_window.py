"""The first main window: the visit list, with the selected visit's readiness and regional notes."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEvent, QModelIndex, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QMenu,
    QSplitter,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from hospitality_app.db.changes import Changes
from hospitality_app.db.session import Database
from hospitality_app.formats import moment_text
from hospitality_app.i18n import _, ngettext, set_language
from hospitality_app.services.visits import VisitFilter
from hospitality_app.ui.calendar_files import CalendarFiles
from hospitality_app.ui.checklist_panel import ChecklistPanel
from hospitality_app.ui.error_report import ErrorReporter
from hospitality_app.ui.findings_list import titled
from hospitality_app.ui.lazy_page import LazyPage
from hospitality_app.ui.ops import ChangeFeed, Ops
from hospitality_app.ui.qt_translation import install_qt_translator
from hospitality_app.ui.screen import fit_to_screen
from hospitality_app.ui.visit_actions import VisitActions
from hospitality_app.ui.visit_filter_bar import VisitFilterBar
from hospitality_app.ui.visit_model import VisitTableModel
from hospitality_app.ui.visit_side_panel import VisitSidePanel
from hospitality_app.ui.welcome import Welcoming
from hospitality_app.ui.window_backups import WindowBackups
from hospitality_app.ui.window_dialogs import WindowDialogs
from hospitality_app.ui.window_menus import WindowMenus
from hospitality_app.ui.window_pages import WindowPages
from hospitality_app.ui.window_planners import OpensPlanners

if TYPE_CHECKING:
    from hospitality_app.ui.planner.window import PlannerWindow


class MainWindow(
    CalendarFiles,
    VisitActions,
    OpensPlanners,
    WindowDialogs,
    WindowMenus,
    WindowBackups,
    VisitSidePanel,
    WindowPages,
    Welcoming,
    QMainWindow,
):
    """Signals:
    first_rows_painted: the visit list painted its first rows (start-up is over).
    """

    first_rows_painted = Signal()

    def __init__(
        self,
        db: Database,
        *,
        ops: Ops | None = None,
        reporter: ErrorReporter | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self.ops = ops or Ops(db, parent=self)
        self.reporter = reporter or ErrorReporter(None, parent=self)
        self.ops.problem.connect(self._problem)
        self._feed = ChangeFeed(self.ops, self._database_changed, parent=self)
        self._painted = False
        self._listening = False
        self._current_id: int | None = None  # the visit the side panel shows
        self._wanted: int | None = None  # a visit to select once the list has it
        self.next_start: tuple[str, object] | None = None  # set when the user restores a backup
        self._close_when_saved = False  # a planner is saving before this window may close
        self.planners: list[PlannerWindow] = []
        self._built: list[QObject] = []
        fit_to_screen(self, 1200, 720)
        self._build()
        self.setAcceptDrops(True)
        settings = QSettings()
        if settings.contains("main/geometry"):
            self.restoreGeometry(settings.value("main/geometry"))
            self.restoreState(settings.value("main/state"))

    def _build(self) -> None:
        """Everything the user reads: built again, in the new language, when it changes."""
        self.setWindowTitle(_("Hospitality — visits"))
        owner = QObject(self)  # owns the actions, so a rebuild drops the old ones and their shortcuts
        self.search = QLineEdit(parent=self)
        self.search.setPlaceholderText(_("Search visits by company, title or purpose…"))
        self.search.setClearButtonEnabled(True)
        self.search.returnPressed.connect(self.apply_search)
        self.search.textChanged.connect(self._search_edited)

        self.model = VisitTableModel(self.ops, hold_readiness=not self._painted, parent=self)
        self.model.reloaded.connect(self._rows_arrived)
        self.model.more_rows.connect(self._rows_arrived)
        self._built = [owner, self.model]
        self.table = QTableView(parent=self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectRows)
        self.table.setSelectionMode(QTableView.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.DescendingOrder)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(False)  # Tab leaves the list for the side panel, as in a form
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        # The dates as wide as the language writes them ("31 Dec 2026, 22:55", "2026年12月31日 22:55").
        dated = self.table.fontMetrics().horizontalAdvance(moment_text(datetime(2026, 12, 31, 22, 55))) + 16
        for column, width in enumerate((dated, dated, 130, 56, 84, 170, 124, 64)):
            self.table.setColumnWidth(column, width)
        for column in (2, 5):  # the company and the visit's title share what the dates leave
            header.setSectionResizeMode(column, QHeaderView.Stretch)
        self.table.setColumnHidden(1, True)  # the end date: in the tooltip; the list needs the width
        self.table.selectionModel().currentRowChanged.connect(self._show_current)
        self.table.viewport().installEventFilter(self)

        self.findings = QListWidget(parent=self)
        self.findings.setWordWrap(True)
        self.findings.setSpacing(3)
        self.findings.setAlternatingRowColors(True)
        self.findings.addItem(_("Select a visit to see what its readiness check found."))
        self.notes = QTextBrowser(parent=self)
        self.notes.setPlaceholderText(_("Select a visit to read its country's customs."))

        self.checklist = ChecklistPanel(self.ops, parent=self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.findings, _("Readiness"))
        self.tabs.addTab(self.checklist, _("Checklist"))
        side = QSplitter(Qt.Vertical, self)
        side.addWidget(self.tabs)
        side.addWidget(titled(self, _("Regional notes"), self.notes))
        side.setSizes([430, 250])

        left = QWidget(self)
        layout = QVBoxLayout(left)
        layout.setContentsMargins(6, 6, 6, 6)
        self.filters = VisitFilterBar(parent=self)
        self.filters.changed.connect(self.apply_search)
        layout.addWidget(self.search)
        layout.addWidget(self.filters)
        layout.addWidget(self._list_or_welcome(self.table))
        split = QSplitter(Qt.Horizontal, self)
        split.addWidget(left)
        split.addWidget(side)
        split.setSizes([self.width() * 62 // 100, self.width() * 38 // 100])  # a small screen keeps the list wide
        self.splitters = {"main/split": split, "main/side": side}
        # Pages: the visit list first; the others, their modules included, are built when first
        # shown (start-up waits only for the list: Qt Charts, the rules, the record forms wait).
        self.pages = QTabWidget(self)
        self.pages.setDocumentMode(True)
        self.pages.addTab(split, _("Visits"))
        self._add_pages(self.pages)
        self.setCentralWidget(self.pages)

        self._build_actions(owner)
        settings = QSettings()
        for key, splitter in self.splitters.items():
            if settings.contains(key):
                splitter.restoreState(settings.value(key))
        self._update_status()

    @property
    def painted(self) -> bool:
        """The visit list has painted its first rows (start-up is over)."""
        return self._painted

    def apply_language(self, language: str) -> bool:
        """Show the whole window in `language` now. Open planners close first (each may ask about
        unsaved changes); if one stays open, nothing changes and False is returned."""
        for planner in self.planners:
            if planner.isVisible() and not planner.close():
                return False
        if not self.leave_records():
            return False
        self.planners.clear()
        visit_id, page = self.selected_visit_id(), self.pages.currentIndex()
        self._remember_layout()
        set_language(language)
        install_qt_translator(QApplication.instance(), language)
        # The old actions and menus go at once: alive, they would keep answering the shortcuts.
        menus = self.menuBar().findChildren(QMenu)
        self.menuBar().clear()
        shiboken6.delete(self._built[0])
        self.removeToolBar(self.toolbar)
        old = [self.takeCentralWidget(), self.toolbar, self.model, *menus]
        self._build()
        for obj in old:
            obj.deleteLater()
        self.pages.setCurrentIndex(page)
        if visit_id is not None:
            self.show_visit(visit_id)
            self.pages.setCurrentIndex(page)
        return True

    def _remember_layout(self) -> None:
        settings = QSettings()
        settings.setValue("main/geometry", self.saveGeometry())
        settings.setValue("main/state", self.saveState())
        for key, splitter in self.splitters.items():
            settings.setValue(key, splitter.saveState())

    def load_filter_choices(self) -> None:
        from hospitality_app.services.visits import filter_choices

        self.ops.query(self.filters, filter_choices, lambda found: self.filters.set_choices(*found))

    def _close_refused(self) -> None:
        """The user chose to stay: a restore that was waiting for the window to close is off."""
        if self.next_start is not None:
            self.next_start = None
            self.statusBar().showMessage(_("Nothing was restored: the window stayed open."), 8000)

    def showEvent(self, event) -> None:
        if not self._listening:
            self._listening = True
            self.ops.listen()
            if self.ops.listener is not None:
                self.ops.listener.failed.connect(self._listener_failed)
        super().showEvent(event)

    def _listener_failed(self, message: str) -> None:
        self.statusBar().showMessage(_("Live updates interrupted ({message}); trying again…").format(message=message))

    def closeEvent(self, event) -> None:
        # Open planners close first; each asks about its unsaved changes, and may refuse, or be
        # saving them still: it closes itself once saved, and this window closes again then.
        for planner in list(self.planners):
            if planner.isVisible() and not planner.close():
                event.ignore()
                self._close_when_saved = planner.closing_after_save()
                if not self._close_when_saved:
                    self._close_refused()
                return
        if not self.leave_records():
            event.ignore()
            self._close_refused()
            return
        self._remember_layout()
        super().closeEvent(event)
        self.ops.shutdown()  # what was asked for still runs to the end: a save is not cut off

    def find(self) -> None:
        """Ctrl+F: the search box of the page on show (the visit list's, or a record list's)."""
        page = self.pages.currentWidget()
        content = page.content if isinstance(page, LazyPage) else None
        editor = content.currentWidget() if content is not None and hasattr(content, "editors") else None
        box = editor.search if editor is not None else self.search
        if editor is None:
            self.pages.setCurrentIndex(0)
        box.setFocus()
        box.selectAll()

    def show_visit(self, visit_id: int) -> None:
        """Go to the visit list with `visit_id` selected (pages arrive until it is found)."""
        self.pages.setCurrentIndex(0)
        self._wanted = visit_id
        if self.search.text() or self.filters.visit_filter("") != VisitFilter():
            self.search.blockSignals(True)
            self.search.clear()
            self.search.blockSignals(False)
            self.filters.blockSignals(True)
            self.filters.clear()
            self.filters.blockSignals(False)
            self.apply_search()
            return
        self._rows_arrived()

    def _rows_arrived(self) -> None:
        """The list has new rows: select the wanted visit (or the one selected before)."""
        target = self._wanted if self._wanted is not None else self._current_id
        row = self.model.row_of(target) if target is not None else -1
        if row >= 0:
            if self._wanted is not None:
                self._wanted = None
                self.table.selectRow(row)
                self.table.scrollTo(self.model.index(row, 0))
            else:
                self.table.selectionModel().blockSignals(True)
                self.table.selectRow(row)
                self.table.selectionModel().blockSignals(False)
        elif self._wanted is not None and self.model.canFetchMore(QModelIndex()):
            self.model.fetchMore(QModelIndex())
        elif self._wanted is not None:
            self._wanted = None
        self._update_status()

    def _refresh_keep_selection(self) -> None:
        """Reload the list (progress and readiness changed): the same visit stays selected."""
        self.model.reload()
        self._show_side(self._current_id)

    def refresh(self) -> None:
        """F5: everything shown, read again."""
        self._database_changed(Changes.anything())

    def _database_changed(self, changes: Changes) -> None:
        """Something changed in the database (here, in another program, or a colleague's): the
        list, the side panel and the page on show read what concerns them again."""
        if changes.tables <= {"calendar_item_state"}:
            return
        self.model.reload()
        # The site's settings (holidays, shutdowns, sunset) change every visit's readiness.
        settings = changes.touches("app_setting")
        if settings or changes.concerns_visit(self._current_id) or changes.touches("checklist_item", "follow_up"):
            self._show_side(self._current_id)
        self._reread_page_on_show()
        if changes.external:
            if not self.statusBar().currentMessage():  # what the user's own action said comes first
                self.statusBar().showMessage(_("Updated with changes made elsewhere."), 4000)
            self.load_filter_choices()

    def _problem(self, failure) -> None:
        self.reporter.report(failure, self, restore=self.restore_backup if self.backups() else None)

    def selected_visit_id(self) -> int | None:
        row = self.model.row_at(self.table.currentIndex().row())
        return row.id if row is not None else self._current_id

    def _update_status(self) -> None:
        """The count stays at the right of the status bar: what an action says stays readable."""
        if getattr(self, "count_label", None) is None or not shiboken6.isValid(self.count_label):
            self.count_label = QLabel(self.statusBar())
            self.statusBar().addPermanentWidget(self.count_label)
        total = self.model.total()
        self.count_label.setText(ngettext("{count} visit", "{count} visits", total).format(count=total))
        self._show_welcome_if_empty()

    def _search_edited(self, text: str) -> None:
        if not text:  # cleared (its ✕ button): the whole list again, without waiting for Enter
            self.apply_search()

    def apply_search(self) -> None:
        self.model.reload(self.filters.visit_filter(self.search.text()))
        self._update_status()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            not self._painted
            and self.model.loaded
            and event.type() == QEvent.Paint
            and watched in (self.table.viewport(), self.welcome)  # an empty database shows the welcome
        ):
            self._painted = True
            self.first_rows_painted.emit()
            # After start-up, not part of it: the filters' choices and the rows' readiness.
            QTimer.singleShot(0, self.load_filter_choices)
            QTimer.singleShot(0, self.model.release_readiness)
        return super().eventFilter(watched, event)
