"""A visit's checklist: grouped by phase, tick to mark done, assign, apply templates.

The checklist's logic, templates and dialog are imported when first used: the panel is built
before the window's first paint, which does not need them."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QProgressBar,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hospitality_app import vocab
from hospitality_app.config import user_templates_folder
from hospitality_app.errors import HospitalityError
from hospitality_app.formats import moment_text, short_moment_text
from hospitality_app.i18n import _, current_language, label
from hospitality_app.ui.ops import Ops

if TYPE_CHECKING:
    from hospitality_app.ui.dialogs.checklist_item import ChecklistItemDialog

OVERDUE = QColor("#b00020")


def _checklists():
    from hospitality_app.services import checklists

    return checklists


def current_user() -> str | None:
    return QSettings().value("user/name") or None


class ChecklistPanel(QWidget):
    """A visit's checklist; every change is an operation (ui.ops), which tells every view."""

    def __init__(self, ops: Ops, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops = ops
        self._plan = None
        self._visit_id: int | None = None
        self.progress = QProgressBar(self)
        self.progress.setFormat(_("%p% done"))
        self.summary = QLabel(self)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([_("Task"), _("Due"), _("Owner")])
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeToContents)
        self.tree.setWordWrap(True)
        self.tree.itemChanged.connect(self._ticked)
        # Tool buttons: five push buttons in a row made the side panel, and the window, too wide.
        self.apply_button = self._button(_("Apply template"))
        self.apply_menu = QMenu(self)
        self.apply_button.setMenu(self.apply_menu)
        self.apply_button.setPopupMode(QToolButton.InstantPopup)
        self.add_button = self._button(_("Add…"))
        self.add_button.clicked.connect(self.add_item)
        self.edit_button = self._button(_("Edit…"))
        self.edit_button.clicked.connect(self.edit_selected)
        # Double-click or Enter (Qt's "activated": what opens an item where the platform has it).
        self.tree.itemActivated.connect(self.edit_selected)
        self.tree.currentItemChanged.connect(self._follow_selection)
        self.assign_button = self._button(_("Assign…"))
        self.assign_button.clicked.connect(self.assign_selected)
        self.remove_button = self._button(_("Remove"))
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QHBoxLayout()
        for b in (self.apply_button, self.add_button, self.edit_button, self.assign_button, self.remove_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # The summary under the bar, not beside it: in a narrow side panel it was cut off.
        self.summary.setWordWrap(True)
        layout.addWidget(self.progress)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree)
        layout.addLayout(buttons)
        self._follow_selection()
        self.apply_menu.aboutToShow.connect(self._fill_templates)  # read the template files when needed
        self.setEnabled(False)

    def _follow_selection(self, *_args) -> None:
        """Edit, Assign and Remove work on the task selected: without one they are off."""
        chosen = self.selected_item_id() is not None
        for button in (self.edit_button, self.assign_button, self.remove_button):
            button.setEnabled(chosen)

    def _button(self, text: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        return button

    def reload_templates(self) -> None:
        self._fill_templates()

    def _fill_templates(self) -> None:
        self.apply_menu.clear()
        from hospitality_app.checklists.templates import load_templates

        try:
            templates = load_templates(user_templates_folder())
        except HospitalityError as exc:
            self.apply_menu.addAction(str(exc)).setEnabled(False)
            return
        for name, template in templates.items():
            action = self.apply_menu.addAction(template.title(current_language()))
            action.setData(name)
            action.triggered.connect(self._apply_from_action)

    def _apply_from_action(self) -> None:
        self.apply_template(self.sender().data())

    def show_visit(self, visit_id: int | None) -> None:
        self._visit_id = visit_id
        self.setEnabled(visit_id is not None)
        self.reload()

    def reload(self):
        """Read the visit's checklist again (off the GUI thread); returns the operation."""
        from hospitality_app.services import plans

        visit_id = self._visit_id
        if visit_id is None:
            self._show(None)
            return None
        return self._ops.query(
            self, lambda session: plans.load_plan(session, visit_id), lambda plan: self._arrived(visit_id, plan)
        )

    def _arrived(self, visit_id: int, plan) -> None:
        if visit_id == self._visit_id:
            self._show(plan)

    def _show(self, plan) -> None:
        from hospitality_app.checklists import engine

        self.tree.blockSignals(True)
        self.tree.clear()
        self._plan = plan
        if plan is None:
            self.progress.setValue(0)
            self.summary.setText("")
            self.tree.blockSignals(False)
            self._follow_selection()
            return
        now = datetime.now(UTC)
        progress = engine.progress(plan, now)
        if progress.total:
            self.progress.setValue(progress.percent)
            self.progress.setFormat(_("%p% done"))
            text = _("{done} of {total} done").format(done=progress.done, total=progress.total)
        else:  # nothing to do is not "100% done"
            self.progress.setValue(0)
            self.progress.setFormat(_("No items yet"))
            text = _("Apply a template or add items.")
        if progress.overdue:
            text += " · " + _("{n} overdue").format(n=progress.overdue)
        self.summary.setText(text)
        for phase in vocab.CHECKLIST_PHASES:
            items = [c for c in plan.checklist if c.phase == phase]
            if not items:
                continue
            head = QTreeWidgetItem(self.tree, [f"{label(phase)} — {progress.phase_percent(phase)}%", "", ""])
            font = QFont(head.font(0))
            font.setBold(True)
            head.setFont(0, font)
            head.setFlags(Qt.ItemIsEnabled)
            for c in sorted(items, key=lambda c: (c.due is None, c.due or now)):
                due = short_moment_text(plan.local(c.due)) if c.due else "—"
                owner = c.assignee or (label(c.assignee_role) if c.assignee_role else "")
                row = QTreeWidgetItem(head, [c.title_in(current_language()), due, owner])
                row.setFlags(Qt.ItemIsEnabled | Qt.ItemIsSelectable | Qt.ItemIsUserCheckable)
                row.setCheckState(0, Qt.Checked if c.done else Qt.Unchecked)
                row.setData(0, Qt.UserRole, c.id)
                tip = c.title_in(current_language())  # the whole title, which the narrow pane cuts
                if c.done:
                    when = moment_text(plan.local(c.done_at))
                    tip += "\n" + _("Done {when} by {who}").format(when=when, who=c.done_by or "—")
                row.setToolTip(0, tip)
                if not c.done and c.due is not None and c.due < now:
                    for column in range(3):
                        row.setForeground(column, QBrush(OVERDUE))
            head.setExpanded(True)
        self.tree.blockSignals(False)
        self._follow_selection()

    def _ticked(self, item: QTreeWidgetItem, column: int) -> None:
        item_id = item.data(0, Qt.UserRole)
        if item_id is None or column != 0:
            return
        done = item.checkState(0) == Qt.Checked
        # The tree is rebuilt when the operation is done, after this signal has returned: Qt still
        # uses `item` here (rebuilding at once was a segfault seen in tests).
        by = current_user()
        self._run(lambda s: _checklists().tick(s, item_id, done=done, by=by, now=datetime.now(UTC)))

    def selected_item_id(self) -> int | None:
        item = self.tree.currentItem()
        return item.data(0, Qt.UserRole) if item is not None else None

    def add_item(self) -> ChecklistItemDialog | None:
        from hospitality_app.ui.dialogs.checklist_item import ChecklistItemDialog

        if self._plan is None:
            return None
        dialog = ChecklistItemDialog(self._plan, parent=self)
        visit_id = self._visit_id

        def add() -> None:
            item = dialog.result_item()
            self._run(lambda s: _checklists().add_item(s, visit_id, item, now=datetime.now(UTC)))

        dialog.accepted.connect(add)
        self.item_dialog = dialog
        dialog.open()
        return dialog

    def edit_selected(self, *_args) -> ChecklistItemDialog | None:
        item_id = self.selected_item_id()
        if item_id is None or self._plan is None:
            return None
        from hospitality_app.ui.dialogs.checklist_item import ChecklistItemDialog

        item = next(c for c in self._plan.checklist if c.id == item_id)
        dialog = ChecklistItemDialog(self._plan, item, parent=self)

        def save() -> None:
            new = dialog.result_item()

            def work(s) -> None:
                _checklists().edit_item(s, item_id, title=new.title, phase=new.phase, due=new.due, version=item.version)
                _checklists().reassign(s, item_id, person=new.assignee, role=new.assignee_role)

            self._run(work)

        dialog.accepted.connect(save)
        self.item_dialog = dialog
        dialog.open()
        return dialog

    def assign_selected(self) -> None:
        item_id = self.selected_item_id()
        if item_id is None or self._plan is None:
            return
        choices = [(h.name, h.name, "") for h in self._plan.hosts]
        choices += [(f"{_('Role')}: {label(r)}", None, r) for r in vocab.HOST_ROLES]
        texts = [text for text, _person, _role in choices]
        chosen, ok = QInputDialog.getItem(self, _("Assign"), _("Who does it?"), texts, 0, False)
        if ok:
            _text, person, role = choices[texts.index(chosen)]
            self.assign(item_id, person, role)

    def assign(self, item_id: int, person: str | None, role: str = "") -> None:
        self._run(lambda s: _checklists().reassign(s, item_id, person=person, role=role))

    def remove_selected(self) -> None:
        item_id, visit_id = self.selected_item_id(), self._visit_id
        if item_id is not None:
            self._run(lambda s: _checklists().remove_item(s, visit_id, item_id, now=datetime.now(UTC)))

    def apply_template(self, name: str):
        visit_id, folder = self._visit_id, user_templates_folder()
        return self._run(
            lambda s: _checklists().apply_templates(s, visit_id, [name], now=datetime.now(UTC), user_folder=folder)
        )

    def _run(self, work):
        """Change the checklist; the window reloads what shows it when the change is heard
        (ui.ops.ChangeFeed), this panel included."""
        return self._ops.write(self, work, failed=self._failed)

    def _failed(self, failure) -> None:
        self.message_box = QMessageBox(QMessageBox.Warning, _("Checklist"), failure.message, parent=self)
        self.message_box.open()
        self.reload()  # the tick the user made in the tree did not happen: show what is stored
