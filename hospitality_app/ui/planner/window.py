"""The visit planner window: each part of the plan in its own tab, the readiness check updated
as the user edits (a finding takes the user to its field), explicit Save, no silent loss."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QSplitter,
    QStyle,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from hospitality_app.errors import ConflictError, ValidationError
from hospitality_app.i18n import _, list_text
from hospitality_app.services import plans, visits
from hospitality_app.services.dto import VisitPlan
from hospitality_app.services.plan_people import forget_person, rename_person
from hospitality_app.services.saved import saved_names
from hospitality_app.services.validation import MISSING, validation_errors
from hospitality_app.ui.error_text import error_text
from hospitality_app.ui.findings_list import titled
from hospitality_app.ui.ops import ChangeFeed, Ops
from hospitality_app.ui.planner.agenda import AgendaEditor, GiftsEditor
from hospitality_app.ui.planner.cancellations import OffersCancellations
from hospitality_app.ui.planner.closing import AsksBeforeClosing
from hospitality_app.ui.planner.describe import change_text
from hospitality_app.ui.planner.editors import parse_path
from hospitality_app.ui.planner.follow_up import FollowUpEditor
from hospitality_app.ui.planner.history import PlanEdit, new_plan
from hospitality_app.ui.planner.live_check import ChecksLive
from hospitality_app.ui.planner.logistics import HotelStaysEditor, PickupsEditor
from hospitality_app.ui.planner.meals import MealsEditor
from hospitality_app.ui.planner.overview import OverviewEditor
from hospitality_app.ui.planner.people import HostsEditor, VisitorsEditor
from hospitality_app.ui.planner.stays_current import StaysCurrent
from hospitality_app.ui.planner.timeline_host import TimelineHost
from hospitality_app.ui.planner.tour import TourEditor
from hospitality_app.ui.screen import fit_to_screen

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
    "gifts": "gifts",
    "follow_up": "follow_up",
    "followup": "follow_up",
}


SIDE_PANEL_MIN = 200  # px: the readiness list and the regional notes stay readable


def shared_width(total: int, tabs: int) -> tuple[int, int]:
    """The planner's width shared between the plan's tabs and the side panel: 72% for the tabs,
    or what all their labels need, so that none hides behind the tab bar's scroll arrows (at
    1024 px the last two did), as long as the side panel keeps SIDE_PANEL_MIN."""
    left = max(total * 72 // 100, min(tabs, total - SIDE_PANEL_MIN))
    return left, total - left


class PlannerWindow(StaysCurrent, TimelineHost, AsksBeforeClosing, OffersCancellations, ChecksLive, QMainWindow):
    """Signals:
    saved(int): the visit was saved (its id).
    closed(object): the window closed (itself): it is deleted next.
    close_abandoned: it was to close once saved, but the save failed: it stays open.
    """

    saved = Signal(int)
    closed = Signal(object)
    close_abandoned = Signal()

    def __init__(self, ops: Ops, visit_id: int | None = None, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops = ops
        self.visit_id = visit_id
        self.plan: VisitPlan = new_plan(datetime.now(UTC))
        self._show_when_loaded = ""  # an item to open on, asked for before the visit arrived
        self.dirty = False
        self.loaded = False
        self.save_op = None  # the save under way
        self._close_after_save = False
        self._calling_off: str | None = None  # the title of a visit this save calls off
        self._check_generation = 0
        self._loading = True
        fit_to_screen(self, 1280, 800)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.PlainText)
        self.editors = {
            "overview": OverviewEditor(),
            "visitors": VisitorsEditor(),
            "hosts": HostsEditor(),
            "pickups": PickupsEditor(),
            "stays": HotelStaysEditor(),
            "meals": MealsEditor(),
            "tour": TourEditor(),
            "agenda": AgendaEditor(),
            "gifts": GiftsEditor(),
            "follow_up": FollowUpEditor(),
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
            "gifts": _("Gifts"),
            "follow_up": _("Follow-up"),
        }
        self.tabs = QTabWidget(self)
        for key, editor in self.editors.items():
            self.tabs.addTab(editor, titles[key])
            editor.changed.connect(self._edited)
            editor.plan_source = self.collect
        self.timeline = self._add_timeline()
        self.findings = QListWidget(self)
        self.findings.setWordWrap(True)
        self.findings.itemClicked.connect(self._finding_chosen)
        self.findings.itemActivated.connect(self._finding_chosen)
        self.notes = QTextBrowser(self)
        self.notes.setPlaceholderText(_("Choose the client's country to read its customs."))
        side = QSplitter(Qt.Vertical, self)
        side.addWidget(titled(self, _("Readiness"), self.findings, margin=4))
        side.addWidget(titled(self, _("Regional notes"), self.notes, margin=4))
        self.banner = QWidget(self)  # "changed elsewhere": what happened and what the user can do
        self.banner_text = QLabel(self.banner)
        self.banner_text.setWordWrap(True)
        self.banner_text.setTextFormat(Qt.PlainText)
        self.reload_button = QPushButton(_("Reload (drop my edits)"), self.banner)
        self.reload_button.clicked.connect(self.reload_theirs)
        banner_row = QHBoxLayout(self.banner)
        banner_row.setContentsMargins(6, 4, 6, 4)
        banner_row.addWidget(self.banner_text, 1)
        banner_row.addWidget(self.reload_button)
        self.banner.setStyleSheet("background: #fff4e5;")
        self.banner.hide()
        left = QWidget(self)
        column = QVBoxLayout(left)
        column.addWidget(self.banner)
        column.addWidget(self.error)
        column.addWidget(self.tabs)
        self.split = QSplitter(Qt.Horizontal, self)
        self.split.addWidget(left)
        self.split.addWidget(side)
        self.setCentralWidget(self.split)
        self.share_width()
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
        self._feed = ChangeFeed(ops, self._database_changed, parent=self)
        self.load(visit_id)

    # loading and collecting --------------------------------------------------
    def load(self, visit_id: int | None):
        """Read the visit (and the names saved before, for completion) off the GUI thread, then
        show it with a new undo history. Returns the operation."""
        self.tabs.setEnabled(False)
        self.statusBar().showMessage(_("Loading…"))

        def work(session):
            if visit_id is None:
                plan = new_plan(datetime.now(UTC), visits.latest_timezone(session))
            else:
                plan = plans.load_plan(session, visit_id)
            return plan, saved_names(session)

        return self._ops.query(self, work, self._loaded, self._load_failed)

    def _loaded(self, got) -> None:
        plan, saved = got
        for editor in self.editors.values():
            editor.offer(saved)
        self._put(plan)
        self.loaded = True
        self.tabs.setEnabled(True)
        if self._show_when_loaded:
            self.go_to(self._show_when_loaded)
            self._show_when_loaded = ""
        self.statusBar().clearMessage()
        if plan.id is None:  # a new visit: its name first, typed at once
            self.editors["overview"].title.setFocus()

    def _load_failed(self, failure) -> None:
        self.tabs.setEnabled(False)
        self.error.setText(failure.message)

    def _put(self, plan: VisitPlan) -> None:
        """Show `plan` as loaded: nothing unsaved, a new undo history."""
        self.plan = plan
        self.visit_id = plan.id
        self._show_in_editors(plan)
        self._baseline = self._collect_or_none()
        self._shown = self._baseline  # the plan the undo history last recorded
        self.undo_stack.clear()
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        self.dirty = False
        self.banner.hide()
        self._update_title()
        self.check()

    def _show_in_editors(self, plan: VisitPlan) -> None:
        self._loading = True
        for editor in self.editors.values():
            editor.load(plan)
        self._loading = False

    def show_plan(self, plan: VisitPlan, tab: int) -> None:
        """Put a plan from the undo history back on screen, on the tab where it was edited."""
        self._show_in_editors(plan)
        self._shown = plan
        self.dirty = plan != self._baseline
        self.tabs.setCurrentIndex(tab)
        self._update_title()
        self._check_timer.start()

    def share_width(self) -> None:
        """Give the tabs and the side panel their share of the window's present width."""
        # The tab bar sits inside the tab widget's frame, in a column with the layout's margins.
        margins = self.split.widget(0).layout().contentsMargins()
        frame = 2 * self.style().pixelMetric(QStyle.PM_DefaultFrameWidth) + 4
        tabs = self.tabs.tabBar().sizeHint().width() + margins.left() + margins.right() + frame
        self.split.setSizes(list(shared_width(self.width(), tabs)))

    def collect(self) -> VisitPlan:
        """The plan as the tabs now show it (raises ValidationError naming the field)."""
        plan = self.editors["overview"].apply(self.plan)
        for key in ("visitors", "hosts", "pickups", "stays", "meals", "tour", "agenda", "gifts", "follow_up"):
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
        if self._loading:
            return
        self._follow_people()
        current = self._collect_or_none()
        self.dirty = current is None or current != self._baseline
        if current is not None and self._shown is not None and current != self._shown:
            # A half-typed field (current None) is not a step; the next valid plan is.
            self.undo_stack.push(PlanEdit(self, self._shown, current, self.tabs.currentIndex()))
            self._shown = current
        self._update_title()
        self._check_timer.start()

    def _follow_people(self) -> None:
        """A visitor or host renamed or removed: the other tabs name them as the plan now does."""
        if not (self.editors["visitors"].pending or self.editors["hosts"].pending):
            return
        plan = self._collect_or_none()
        if plan is None:
            return  # a field half typed elsewhere: the renames wait for the next edit
        for old, new in [*self.editors["visitors"].take_pending(), *self.editors["hosts"].take_pending()]:
            plan = forget_person(plan, old) if new is None else rename_person(plan, old, new)
        self._loading = True
        try:
            for key, editor in self.editors.items():
                if key not in ("overview", "visitors", "hosts"):
                    editor.load(plan)
        finally:
            self._loading = False

    def _update_title(self) -> None:
        name = self.plan.title or _("New visit")
        self.setWindowTitle(("* " if self.dirty else "") + name + " — " + _("Visit planner"))

    # the live check ------------------------------------------------------------
    def _say_live(self, exc: ValidationError) -> None:
        """A mistake above the tabs as the user makes it — not while they are still typing on
        that tab ("Tur" is no country yet), nor a field not filled in yet (that is for Save):
        Save shows either beside its field."""
        editor = self.editors.get(TAB_OF.get(parse_path(exc.path)[0], ""))
        focus = QApplication.focusWidget()
        typing = editor is not None and focus is not None and editor.isAncestorOf(focus)
        unfinished = exc.template == MISSING
        self.error.setText("" if typing or unfinished else self._where(exc.path) + error_text(exc))

    def _finding_chosen(self, item: QListWidgetItem) -> None:
        target = item.data(Qt.UserRole)
        if target:
            self.go_to(target)

    def show_item(self, path: str) -> None:
        """Open on the item at `path` once the visit is on screen (now, or when it has loaded)."""
        if self.loaded:
            self.go_to(path)
        else:
            self._show_when_loaded = path

    def go_to(self, path: str, message: str = "") -> bool:
        """Show the tab and field that a finding or an error names (with `message` beside the
        field); False when no tab shows it."""
        if path.startswith("day:"):  # a finding about a whole day (a holiday): its timeline
            self.tabs.setCurrentWidget(self.timeline)
            return self.timeline.show_day(path.removeprefix("day:"))
        part = parse_path(path)[0]
        key = TAB_OF.get(part)
        if key is None:
            return False
        self.tabs.setCurrentWidget(self.editors[key])
        return self.editors[key].focus(path, message)

    # saving ----------------------------------------------------------------------
    def save(self):
        """Save what the user changed (off the GUI thread). Returns the operation, or None when
        the plan on screen is not valid (the error names the field, nothing is written)."""
        if self.save_op is not None and not self.save_op.is_finished:
            return self.save_op
        if not self.loaded:  # the visit could not be read (or is still arriving): nothing to save
            self.statusBar().showMessage(_("Nothing to save: the visit is not loaded."), 6000)
            return None
        try:
            plan = self.collect()
        except ValidationError as exc:
            self._show_error(exc)
            return None
        errors = validation_errors(plan)
        if errors:
            self._show_errors(errors)
            return None
        # Called off by this save: the calendars that had it are offered their cancellations after it.
        calling_off = plan.status == "cancelled" and (plan.base is None or plan.base.status != "cancelled")
        self._calling_off = plan.title if calling_off else None
        self.tabs.setEnabled(False)  # nothing typed now could be lost by the reload that follows
        self.statusBar().showMessage(_("Saving…"))
        self.save_op = self._ops.write(
            self,
            lambda session: plans.save(session, plan, now=datetime.now(UTC)),
            self._saved,
            self._save_failed,
            busy=_("Saving the visit…"),
        )
        return self.save_op

    def _show_error(self, exc: ValidationError) -> None:
        self._show_errors([exc])

    def _show_errors(self, errors: list[ValidationError]) -> None:
        """Every mistake found, above the tabs; the first beside its field, with the cursor in
        it, and the overview's others beside theirs."""
        first = errors[0]
        self.go_to(first.path, error_text(first))  # beside the field; above the tabs too, so it is never missed
        if len(errors) > 1:
            overview = self.editors["overview"]
            overview.show_errors({e.path: error_text(e) for e in errors if e.path in overview.errors})
        said = _("; ").join(self._where(e.path) + error_text(e) for e in errors)  # Chinese: "；"
        self.error.setText(_("Not saved: {what}").format(what=said))

    def _where(self, path: str) -> str:
        """The field a path names, as the user sees it: "Visitors › 2 › Diet: "."""
        key = TAB_OF.get(parse_path(path)[0])
        if key is None:
            return ""
        editor = self.editors[key]
        place = [self.tabs.tabText(self.tabs.indexOf(editor)), *editor.place(path)]
        return _("{field}: ").format(field=" › ".join(p for p in place if p))  # Chinese: "结束："

    def _saved(self, result) -> None:
        self.save_op = None  # done: closing now closes
        message = _("Saved.")
        if result.changes:
            message += " " + _("Changed for every visit: {what}").format(
                what="; ".join(change_text(c) for c in result.changes)
            )
        if result.new_staff:  # named by a checklist item, not hosts: a typo would show here
            message += " " + _("Added to the staff: {names}").format(
                names=list_text(f"“{name}”" for name, _path in result.new_staff)
            )
        self.dirty = False
        self.saved.emit(result.visit_id)
        if self._calling_off is not None:
            self._offer_cancellations(result.visit_id, self._calling_off)
            self._calling_off = None
        if self._close_after_save:
            self.close()
            return
        op = self.load(result.visit_id)
        op.finished.connect(lambda: self.statusBar().showMessage(message, 8000))

    def _save_failed(self, failure) -> None:
        self.tabs.setEnabled(True)
        self.statusBar().clearMessage()
        if self._close_after_save:
            self._close_after_save = False
            self.close_abandoned.emit()
        error = failure.error
        if isinstance(error, ValidationError):
            self._show_error(error)
        elif isinstance(error, ConflictError):
            self._conflict(error)
        else:  # the connection was lost, the disk is full...: the edits stay on screen
            self.error.setText(failure.message)
