"""The main window's menus and toolbar: every action of the window, with its shortcut."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QStyle

from hospitality_app.i18n import _


class WindowMenus:
    """Mixed into MainWindow, which gives the slots the actions call."""

    def _build_actions(self, owner: QObject) -> None:
        """Built again, in the new language, when it changes; `owner` owns the actions."""
        find = QAction(_("&Find"), owner)
        find.setShortcut(QKeySequence.Find)
        find.triggered.connect(self.find)
        quit_ = QAction(_("&Quit"), owner)
        quit_.setShortcut(QKeySequence.Quit)
        quit_.triggered.connect(self.close)
        self.new_action = QAction(_("&New visit"), owner)
        self.new_action.setShortcut(QKeySequence.New)
        self.new_action.triggered.connect(self.new_visit)
        self.open_action = QAction(_("&Open visit"), owner)
        self.open_action.setShortcut(QKeySequence.Open)
        self.open_action.triggered.connect(self.open_selected)
        self.table.doubleClicked.connect(self.open_selected)
        for key in (Qt.Key_Return, Qt.Key_Enter):  # Enter on a row opens it, as a double-click does
            opens = QShortcut(QKeySequence(key), self.table)
            opens.setContext(Qt.WidgetShortcut)
            opens.activated.connect(self.open_selected)
        self.import_file_action = QAction(_("&Import visit from file…"), owner)
        self.import_file_action.setShortcut(QKeySequence("Ctrl+I"))
        self.import_file_action.triggered.connect(lambda: self.import_visit_file())
        self.export_file_action = QAction(_("E&xport visit to file…"), owner)
        self.export_file_action.setShortcut(QKeySequence("Ctrl+Shift+E"))
        self.export_file_action.triggered.connect(lambda: self.export_visit_file())
        self.duplicate_action = QAction(_("D&uplicate visit…"), owner)
        self.duplicate_action.setShortcut(QKeySequence("Ctrl+Shift+D"))
        self.duplicate_action.triggered.connect(self.duplicate_visit)
        self.delete_action = QAction(_("De&lete visit…"), owner)
        self.delete_action.setShortcut(QKeySequence.Delete)
        self.delete_action.setShortcutContext(Qt.WidgetShortcut)  # in the list only, never while typing
        self.delete_action.triggered.connect(self.delete_visit)
        self.table.addAction(self.delete_action)
        self.table.setContextMenuPolicy(Qt.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._visit_menu)
        menu = self.menuBar().addMenu(_("&File"))
        menu.addAction(self.new_action)
        menu.addAction(self.open_action)
        menu.addAction(find)
        menu.addSeparator()
        menu.addAction(self.import_file_action)
        menu.addAction(self.export_file_action)
        self.preferences_action = QAction(_("&Preferences…"), owner)
        # QKeySequence.Preferences has no key on Linux and Windows (its menu showed "Settings").
        self.preferences_action.setShortcut(QKeySequence("Ctrl+,"))
        self.preferences_action.triggered.connect(self.open_preferences)
        menu.addAction(self.preferences_action)
        menu.addSeparator()
        self.backup_action = QAction(_("&Back up now"), owner)
        self.backup_action.triggered.connect(self.back_up_now)
        self.restore_action = QAction(_("&Restore from a backup…"), owner)
        self.restore_action.triggered.connect(self.restore_backup)
        for action in (self.backup_action, self.restore_action):
            action.setEnabled(self.has_backups())
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(quit_)
        self.export_action = QAction(_("&Export to calendar…"), owner)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.triggered.connect(self.export_calendar)
        self.import_action = QAction(_("Add flight or hotel from calendar file…"), owner)
        self.import_action.triggered.connect(self._choose_calendar_file)
        self.refresh_action = QAction(_("Re&fresh"), owner)
        self.refresh_action.setShortcut(QKeySequence.Refresh)
        self.refresh_action.triggered.connect(self.refresh)
        visit_menu = self.menuBar().addMenu(_("&Visit"))
        visit_menu.addAction(self.refresh_action)
        visit_menu.addSeparator()
        visit_menu.addAction(self.duplicate_action)
        visit_menu.addAction(self.delete_action)
        visit_menu.addSeparator()
        visit_menu.addAction(self.export_action)
        visit_menu.addAction(self.import_action)
        self.documents_action = QAction(_("&Documents (letter, sign, brief, itinerary)…"), owner)
        self.documents_action.setShortcut(QKeySequence("Ctrl+D"))
        self.documents_action.triggered.connect(self.open_documents)
        visit_menu.addSeparator()
        visit_menu.addAction(self.documents_action)
        self.outcome_action = QAction(_("Record &outcome…"), owner)
        self.outcome_action.triggered.connect(self.record_outcome)
        visit_menu.addAction(self.outcome_action)
        self.tasks_action = QAction(_("&My tasks…"), owner)
        self.tasks_action.setShortcut(QKeySequence("Ctrl+T"))
        self.tasks_action.triggered.connect(self.show_my_tasks)
        self.templates_action = QAction(_("Checklist &templates…"), owner)
        self.templates_action.triggered.connect(self.edit_templates)
        tasks_menu = self.menuBar().addMenu(_("&Checklists"))
        tasks_menu.addAction(self.tasks_action)
        tasks_menu.addAction(self.templates_action)
        self.toolbar = self.addToolBar(_("Main toolbar"))
        self.toolbar.setObjectName("main-toolbar")  # saveState() keys toolbars by name
        self.toolbar.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)
        style = self.style()
        for action, icon, short in (
            (self.new_action, QStyle.SP_FileIcon, _("New")),
            (self.open_action, QStyle.SP_DialogOpenButton, _("Open")),
            (self.documents_action, QStyle.SP_FileDialogDetailedView, _("Documents")),
            (self.export_action, QStyle.SP_FileDialogContentsView, _("Calendar")),
            (self.tasks_action, QStyle.SP_DialogApplyButton, _("My tasks")),
        ):
            action.setIcon(style.standardIcon(icon))
            action.setIconText(short)  # the toolbar's label; the menus keep the full text
            self.toolbar.addAction(action)
