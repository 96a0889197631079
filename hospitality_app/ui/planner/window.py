"""The visit planner window: each part of the plan in its own tab, the readiness check updated
as the user edits (a finding takes the user to its field), explicit Save, no silent loss."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, time, timedelta
from time import monotonic

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStyle,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from hospitality_app.db.session import Database
from hospitality_app.errors import ConflictError, HospitalityError, ValidationError
from hospitality_app.i18n import _, current_language
from hospitality_app.rules.engine import run_check
from hospitality_app.services import plans, readiness, regions
from hospitality_app.services.dto import CompanyData, VisitPlan
from hospitality_app.services.saved import saved_names
from hospitality_app.services.validation import validate_plan
from hospitality_app.ui.planner.editors import (
    AgendaEditor,
    HostsEditor,
    OverviewEditor,
    VisitorsEditor,
    parse_path,
)
from hospitality_app.ui.planner.logistics import HotelStaysEditor, PickupsEditor
from hospitality_app.ui.planner.meals import MealsEditor
from hospitality_app.ui.planner.tour import TourEditor
from hospitality_app.ui.region_notes import notes_html

ICONS = {
    "error": QStyle.SP_MessageBoxCritical,
    "warning": QStyle.SP_MessageBoxWarning,
    "info": QStyle.SP_MessageBoxInformation,
}
TAB_OF = {
    "visit": "overview",
    "company": "overview",
    "visitors": "visitors",
    "hosts": "hosts",
    "pickups": "pickups",
    "hotel_stays": "stays",
    "meals": "meals",
    "tour": "tour",
    "agenda": "agenda",
}


def new_plan(now: datetime) -> VisitPlan:
    day = (now + timedelta(days=7)).date()
    zone = "Asia/Shanghai"
    from zoneinfo import ZoneInfo

    start = datetime.combine(day, time(9), tzinfo=ZoneInfo(zone))
    return VisitPlan(title="", timezone=zone, start=start, end=start + timedelta(hours=8), company=CompanyData("", ""))


class PlanEdit(QUndoCommand):
    """One step of the planner's undo history: the plan before and after an edit. Edits on the
    same tab within a second (typing a name) are one step."""

    MERGE_SECONDS = 1.0

    def __init__(self, window: PlannerWindow, before: VisitPlan, after: VisitPlan, tab: int) -> None:
        super().__init__(_("Edit"))
        self.window, self.before, self.after, self.tab = window, before, after, tab
        self.at = monotonic()
        self._done = True  # push() calls redo(): the edit is on screen already

    def id(self) -> int:
        return 1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if other.tab != self.tab or other.at - self.at > self.MERGE_SECONDS:
            return False
        self.after, self.at = other.after, other.at
        return True

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self.window.show_plan(self.after, self.tab)

    def undo(self) -> None:
        self.window.show_plan(self.before, self.tab)


class PlannerWindow(QMainWindow):
    """Signals:
    saved(int): the visit was saved (its id).
    """

    saved = Signal(int)

    def __init__(self, db: Database, visit_id: int | None = None, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.dirty = False
        self.resize(1280, 800)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.editors = {
            "overview": OverviewEditor(),
            "visitors": VisitorsEditor(),
            "hosts": HostsEditor(),
            "pickups": PickupsEditor(),
            "stays": HotelStaysEditor(),
            "meals": MealsEditor(),
            "tour": TourEditor(),
            "agenda": AgendaEditor(),
        }
        titles = {
            "overview": _("Overview"),
            "visitors": _("Visitors"),
            "hosts": _("Hosts"),
            "pickups": _("Pickups"),
            "stays": _("Hotel"),
            "meals": _("Meals"),
            "tour": _("Factory tour"),
            "agenda": _("Agenda"),
        }
        self.tabs = QTabWidget(self)
        for key, editor in self.editors.items():
            self.tabs.addTab(editor, titles[key])
            editor.changed.connect(self._edited)
            editor.plan_source = self.collect
        self.findings = QListWidget(self)
        self.findings.setWordWrap(True)
        self.findings.itemClicked.connect(self._finding_chosen)
        self.findings.itemActivated.connect(self._finding_chosen)
        self.notes = QTextBrowser(self)
        side = QSplitter(Qt.Vertical, self)
        side.addWidget(self._titled(_("Readiness"), self.findings))
        side.addWidget(self._titled(_("Regional notes"), self.notes))
        left = QWidget(self)
        column = QVBoxLayout(left)
        column.addWidget(self.error)
        column.addWidget(self.tabs)
        split = QSplitter(Qt.Horizontal, self)
        split.addWidget(left)
        split.addWidget(side)
        split.setSizes([820, 460])
        self.setCentralWidget(split)
        self.save_action = QAction(_("&Save"), self)
        self.save_action.setShortcut(QKeySequence.Save)
        self.save_action.triggered.connect(self.save)
        close = QAction(_("&Close"), self)
        close.setShortcut(QKeySequence.Close)
        close.triggered.connect(self.close)
        menu = self.menuBar().addMenu(_("&Visit"))
        menu.addAction(self.save_action)
        menu.addAction(close)
        self.undo_stack = QUndoStack(self)
        self.undo_action = QAction(_("&Undo"), self)
        self.undo_action.setShortcut(QKeySequence.Undo)
        self.undo_action.triggered.connect(self.undo_stack.undo)
        self.redo_action = QAction(_("&Redo"), self)
        self.redo_action.setShortcut(QKeySequence.Redo)
        self.redo_action.triggered.connect(self.undo_stack.redo)
        self.undo_stack.canUndoChanged.connect(self.undo_action.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.redo_action.setEnabled)
        edit = self.menuBar().addMenu(_("&Edit"))
        edit.addAction(self.undo_action)
        edit.addAction(self.redo_action)
        toolbar = self.addToolBar(_("Visit"))
        style = self.style()
        for action, icon in (
            (self.save_action, QStyle.SP_DialogSaveButton),
            (self.undo_action, QStyle.SP_ArrowBack),
            (self.redo_action, QStyle.SP_ArrowForward),
        ):
            action.setIcon(style.standardIcon(icon))
            toolbar.addAction(action)
        toolbar.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)
        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(250)
        self._check_timer.timeout.connect(self.check)
        self.load(visit_id)

    def _titled(self, title: str, widget: QWidget) -> QWidget:
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(QLabel(f"<b>{title}</b>", box))
        layout.addWidget(widget)
        return box

    # loading and collecting --------------------------------------------------
    def load(self, visit_id: int | None) -> None:
        with self._db.unit_of_work() as session:
            self.plan = new_plan(datetime.now(UTC)) if visit_id is None else plans.load_plan(session, visit_id)
            saved = saved_names(session)
        for editor in self.editors.values():
            editor.offer(saved)
        self._loading = True
        for editor in self.editors.values():
            editor.load(self.plan)
        self._loading = False
        self._baseline = self._collect_or_none()
        self._shown = self._baseline  # the plan the undo history last recorded
        self.undo_stack.clear()  # a reload (or a save) starts a new history
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        self.dirty = False
        self._update_title()
        self.check()

    def show_plan(self, plan: VisitPlan, tab: int) -> None:
        """Put a plan from the undo history back on screen, on the tab where it was edited."""
        self._loading = True
        for editor in self.editors.values():
            editor.load(plan)
        self._loading = False
        self._shown = plan
        self.dirty = plan != self._baseline
        self.tabs.setCurrentIndex(tab)
        self._update_title()
        self._check_timer.start()

    def collect(self) -> VisitPlan:
        """The plan as the tabs now show it (raises ValidationError naming the field)."""
        plan = self.editors["overview"].apply(self.plan)
        for key in ("visitors", "hosts", "pickups", "stays", "meals", "tour", "agenda"):
            plan = self.editors[key].apply(plan)
        return plan

    def _collect_or_none(self) -> VisitPlan | None:
        try:
            return self.collect()
        except ValidationError:
            return None

    def _edited(self) -> None:
        # Unsaved means the plan on screen differs from the plan loaded; widgets also signal
        # "changed" when they merely appear, which must not count as an edit.
        if getattr(self, "_loading", True):
            return
        current = self._collect_or_none()
        self.dirty = current is None or current != self._baseline
        if current is not None and self._shown is not None and current != self._shown:
            # A half-typed field (current None) is not a step; the next valid plan is.
            self.undo_stack.push(PlanEdit(self, self._shown, current, self.tabs.currentIndex()))
            self._shown = current
        self._update_title()
        self._check_timer.start()

    def _update_title(self) -> None:
        name = self.plan.title or _("New visit")
        self.setWindowTitle(("* " if self.dirty else "") + name + " — " + _("Visit planner"))
        self.save_action.setEnabled(True)

    # the live check ------------------------------------------------------------
    def check(self) -> None:
        try:
            plan = self.collect()
        except ValidationError as exc:
            self.error.setText(str(exc))
            return
        self.error.setText("")
        language = current_language()
        with self._db.unit_of_work() as session:
            facts = regions.facts(session, plan.company.country, language)
            country = regions.country(session, plan.company.country) if plan.company.country else None
        found = run_check(plan, now=datetime.now(UTC), locale=language, region=facts)
        self.findings.clear()
        style = self.style()
        for f in found:
            item = QListWidgetItem(style.standardIcon(ICONS[f.severity]), f"{f.message}\n{f.subject or f.target}")
            item.setData(Qt.UserRole, f.target)
            item.setData(Qt.UserRole + 1, f.code)
            self.findings.addItem(item)
        if not found:
            self.findings.addItem(
                QListWidgetItem(style.standardIcon(QStyle.SP_DialogApplyButton), _("Ready: no findings."))
            )
        self.notes.setHtml(notes_html(country, language) if country else "")

    def _finding_chosen(self, item: QListWidgetItem) -> None:
        target = item.data(Qt.UserRole)
        if target:
            self.go_to(target)

    def go_to(self, path: str) -> None:
        """Show the tab and field that a finding or an error names."""
        part = parse_path(path)[0]
        key = TAB_OF.get(part)
        if key is None:
            return
        self.tabs.setCurrentWidget(self.editors[key])
        self.editors[key].focus(path)

    # saving ----------------------------------------------------------------------
    def save(self) -> bool:
        try:
            plan = self.collect()
            validate_plan(plan)
            with self._db.unit_of_work() as session:
                visit_id = readiness.store_plan(session, plan, now=datetime.now(UTC))
        except ValidationError as exc:
            self.error.setText(str(exc))
            self.go_to(exc.path)
            return False
        except ConflictError:
            return self._conflict(plan)
        except HospitalityError as exc:
            self.error.setText(str(exc))  # e.g. the connection was lost: the edits stay on screen
            return False
        self.load(visit_id)
        self.statusBar().showMessage(_("Saved."), 4000)
        self.saved.emit(visit_id)
        return True

    def _conflict(self, mine: VisitPlan) -> bool:
        box = QMessageBox(
            QMessageBox.Warning,
            _("Changed by someone else"),
            _("Someone else saved this visit while you were editing it."),
            parent=self,
        )
        reload_button = box.addButton(_("Reload theirs"), QMessageBox.RejectRole)
        box.addButton(_("Save mine on top"), QMessageBox.AcceptRole)
        self.conflict_box = box
        box.exec()
        with self._db.unit_of_work() as session:
            theirs = plans.load_plan(session, mine.id)
        if box.clickedButton() is reload_button:
            self.load(mine.id)
            return False
        self.plan = replace(self.plan, version=theirs.version)
        return self.save()

    def closeEvent(self, event) -> None:
        if self.dirty:
            box = QMessageBox(
                QMessageBox.Question,
                _("Unsaved changes"),
                _("Save the changes to this visit before closing?"),
                QMessageBox.Save | QMessageBox.Discard | QMessageBox.Cancel,
                self,
            )
            self.close_box = box
            answer = box.exec()
            if answer == QMessageBox.Cancel or (answer == QMessageBox.Save and not self.save()):
                event.ignore()
                return
        self._check_timer.stop()
        super().closeEvent(event)
