"""The main window's dialogs for the selected visit and for the whole team: outcome,
documents, preferences (with the language switched at once), my tasks, checklist templates.
Each dialog's module is imported when it is first opened: start-up does not pay for it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings

from hospitality_app.config import user_templates_folder
from hospitality_app.i18n import _, current_language

if TYPE_CHECKING:
    from hospitality_app.ui.dialogs.documents import DocumentsDialog
    from hospitality_app.ui.dialogs.my_tasks import MyTasksDialog
    from hospitality_app.ui.dialogs.outcome import OutcomeDialog
    from hospitality_app.ui.dialogs.preferences import PreferencesDialog
    from hospitality_app.ui.dialogs.template_editor import TemplateEditorDialog


class WindowDialogs:
    """Mixed into MainWindow, which gives `_db`, `selected_visit_id()`, the status bar, the
    checklist panel, `apply_language()` and `_refresh_keep_selection()`."""

    def record_outcome(self) -> OutcomeDialog | None:
        from hospitality_app.ui.dialogs.outcome import OutcomeDialog

        visit_id = self.selected_visit_id()
        if visit_id is None:
            self.statusBar().showMessage(_("Select a visit first."), 5000)
            return None
        self.outcome_dialog = OutcomeDialog(self._db, visit_id, parent=self)
        self.outcome_dialog.accepted.connect(self._refresh_keep_selection)
        self.outcome_dialog.open()
        return self.outcome_dialog

    def open_preferences(self) -> PreferencesDialog:
        from hospitality_app.ui.dialogs.preferences import PreferencesDialog

        self.preferences_dialog = PreferencesDialog(self._db, parent=self)
        self.preferences_dialog.accepted.connect(self._preferences_saved)
        self.preferences_dialog.open()
        return self.preferences_dialog

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

    def open_documents(self) -> DocumentsDialog | None:
        from hospitality_app.ui.dialogs.documents import DocumentsDialog

        visit_id = self.selected_visit_id()
        if visit_id is None:
            self.statusBar().showMessage(_("Select a visit first."), 5000)
            return None
        self.documents_dialog = DocumentsDialog(self._db, visit_id, parent=self)
        self.documents_dialog.finished.connect(self._refresh_keep_selection)
        self.documents_dialog.open()
        return self.documents_dialog

    def show_my_tasks(self) -> MyTasksDialog:
        from hospitality_app.ui.dialogs.my_tasks import MyTasksDialog

        self.tasks_dialog = MyTasksDialog(self._db, parent=self)
        self.tasks_dialog.finished.connect(self._refresh_keep_selection)
        self.tasks_dialog.open()
        return self.tasks_dialog

    def edit_templates(self) -> TemplateEditorDialog:
        from hospitality_app.ui.dialogs.template_editor import TemplateEditorDialog

        self.templates_dialog = TemplateEditorDialog(user_templates_folder(), parent=self)
        self.templates_dialog.finished.connect(self.checklist.reload_templates)
        self.templates_dialog.open()
        return self.templates_dialog
