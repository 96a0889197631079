"""The main window's dialogs for the selected visit and for the whole team: outcome,
documents, preferences (with the language switched at once), my tasks, checklist templates.
Each dialog's module is imported when it is first opened: start-up does not pay for it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings

from hospitality_app.config import user_templates_folder
from hospitality_app.i18n import _, current_language

if TYPE_CHECKING:
    from hospitality_app.ui.dialogs.my_tasks import MyTasksDialog
    from hospitality_app.ui.dialogs.template_editor import TemplateEditorDialog


class WindowDialogs:
    """Mixed into MainWindow, which gives `ops`, `selected_visit_id()`, the status bar, the
    checklist panel and `apply_language()`. A dialog that shows stored data opens once the data
    is read (off the GUI thread): these methods return that operation."""

    def _visit_first(self) -> int | None:
        visit_id = self.selected_visit_id()
        if visit_id is None:
            self.statusBar().showMessage(_("Select a visit first."), 5000)
        return visit_id

    def record_outcome(self):
        from hospitality_app.services import plans
        from hospitality_app.ui.dialogs.outcome import OutcomeDialog

        visit_id = self._visit_first()
        if visit_id is None:
            return None

        def show(plan) -> None:
            self.outcome_dialog = OutcomeDialog(self.ops, plan, parent=self)
            self.outcome_dialog.open()

        return self.ops.query(self, lambda session: plans.load_plan(session, visit_id), show)

    def open_preferences(self):
        from hospitality_app.services import settings
        from hospitality_app.ui.dialogs.preferences import PreferencesDialog

        def show(current) -> None:
            self.preferences_dialog = PreferencesDialog(self.ops, current, parent=self)
            self.preferences_dialog.accepted.connect(self._preferences_saved)
            self.preferences_dialog.open()

        return self.ops.query(self, settings.settings, show)

    def _preferences_saved(self) -> None:
        problem = getattr(self.preferences_dialog, "keyring_problem", None)
        if problem:
            self.statusBar().showMessage(
                _("No system keyring ({problem}): the password was not stored; use a .pgpass file.").format(
                    problem=problem
                ),
                15000,
            )
            return
        language = QSettings().value("language")
        if language and language != current_language() and not self.apply_language(language):
            self.statusBar().showMessage(_("The new language applies when Hospitality starts again."), 10000)

    def open_documents(self):
        from hospitality_app.ui.dialogs.documents import DocumentsDialog, read_documents_input

        visit_id = self._visit_first()
        if visit_id is None:
            return None

        def show(inputs) -> None:
            self.documents_dialog = DocumentsDialog(self.ops, inputs, parent=self)
            self.documents_dialog.open()

        return self.ops.query(self, lambda session: read_documents_input(session, visit_id), show)

    def show_my_tasks(self) -> MyTasksDialog:
        from hospitality_app.ui.dialogs.my_tasks import MyTasksDialog

        self.tasks_dialog = MyTasksDialog(self.ops, parent=self)
        self.tasks_dialog.open()
        return self.tasks_dialog

    def edit_templates(self) -> TemplateEditorDialog:
        from hospitality_app.ui.dialogs.template_editor import TemplateEditorDialog

        self.templates_dialog = TemplateEditorDialog(user_templates_folder(), parent=self)
        self.templates_dialog.finished.connect(self.checklist.reload_templates)
        self.templates_dialog.open()
        return self.templates_dialog
