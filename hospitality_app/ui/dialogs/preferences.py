"""Preferences: our company's letterhead and the site (stored in the database, shared by the
team) and the interface language (stored per user in QSettings)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from hospitality_app.errors import ValidationError
from hospitality_app.i18n import _, current_language
from hospitality_app.services import settings as team_settings
from hospitality_app.team_connection import TeamConnection, password_for, store_password, test_connection
from hospitality_app.ui.error_text import error_text
from hospitality_app.ui.file_dialogs import open_file
from hospitality_app.ui.ops import Ops


class PreferencesDialog(QDialog):
    def __init__(self, ops: Ops, current: dict[str, str], *, parent: QWidget | None = None) -> None:
        """`current`: the team's settings as stored (read off the GUI thread)."""
        super().__init__(parent)
        self._ops = ops
        self.setWindowTitle(_("Preferences"))
        self.setMinimumWidth(560)
        self.fields = {key: QLineEdit(current.get(key, ""), self) for key in team_settings.KEYS}
        self.fields["site.country"].setPlaceholderText(_("the visit's time zone's country; or a code such as CN"))
        self.fields["site.location"].setPlaceholderText(
            _("the main city of the visit's time zone (Shanghai for China); or latitude,longitude: 24.48,118.09")
        )
        self.fields["factory.closures"].setPlaceholderText(_("e.g. 2027-01-28/2027-02-12, 2027-10-01/2027-10-07"))
        self.fields["calendar.ramadan_starts"].setPlaceholderText(
            _("only where the announced first day differs, e.g. 2027-02-09")
        )
        browse = QPushButton(_("Browse…"), self)
        browse.clicked.connect(self._choose_logo)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.fields["company.logo"])
        logo_row.addWidget(browse)
        self.language = QComboBox(self)
        self.language.addItem("English", "en")
        self.language.addItem("简体中文", "zh_CN")
        self.language.setCurrentIndex(self.language.findData(current_language()))
        settings = QSettings()
        self.use_team = QCheckBox(_("Use the team database (PostgreSQL) instead of this computer's file"), self)
        self.use_team.setChecked(settings.value("team/enabled", False, type=bool))
        self.host = QLineEdit(settings.value("team/host", "") or "", self)
        self.port = QSpinBox(self)
        self.port.setRange(1, 65535)
        self.port.setValue(int(settings.value("team/port", 5432)))
        self.database = QLineEdit(settings.value("team/database", "") or "", self)
        self.user = QLineEdit(settings.value("team/user", "") or "", self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.Password)
        self.password.setPlaceholderText(_("kept in the system keyring"))
        self.test_button = QPushButton(_("Test connection"), self)
        self.test_button.clicked.connect(self.test_team_connection)
        self.test_result = QLabel(self)
        self.test_result.setWordWrap(True)
        self.error = QLabel(self)
        self.error.setWordWrap(True)  # a message about a setting can be longer than the dialog is wide
        self.error.setStyleSheet("color: #b00020;")
        form = QFormLayout(self)
        form.addRow(QLabel("<b>" + _("Letterhead") + "</b>", self))
        self.labels = {
            "company.name": _("Company name:"),
            "company.address": _("Address:"),
            "company.phone": _("Phone:"),
            "company.email": _("Email:"),
            "company.logo": _("Logo (PNG or JPEG):"),
            "site.country": _("Country:"),
            "site.location": _("Location:"),
            "factory.closures": _("Factory shutdowns:"),
            "calendar.ramadan_starts": _("Ramadan began on:"),
        }
        for key in ("company.name", "company.address", "company.phone", "company.email"):
            form.addRow(self.labels[key], self.fields[key])
        form.addRow(self.labels["company.logo"], logo_row)
        form.addRow(QLabel("<b>" + _("Site (holidays, shutdowns, sunset and prayer times)") + "</b>", self))
        for key in ("site.country", "site.location", "factory.closures", "calendar.ramadan_starts"):
            form.addRow(self.labels[key], self.fields[key])
        form.addRow(QLabel("<b>" + _("Interface") + "</b>", self))
        form.addRow(_("Language:"), self.language)
        form.addRow(QLabel("<b>" + _("Team database") + "</b>", self))
        form.addRow(self.use_team)
        form.addRow(_("Server:"), self.host)
        form.addRow(_("Port:"), self.port)
        form.addRow(_("Database:"), self.database)
        form.addRow(_("User:"), self.user)
        form.addRow(_("Password:"), self.password)
        form.addRow(self.test_button, self.test_result)
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _choose_logo(self) -> None:
        current = self.fields["company.logo"].text().strip()
        folder = Path(current).parent if current else Path.home()
        path = open_file(self, _("Logo"), folder, _("Images (*.png *.jpg *.jpeg)"))
        if path:
            self.fields["company.logo"].setText(str(path))

    def team_connection(self) -> TeamConnection:
        return TeamConnection(
            self.host.text().strip(), self.port.value(), self.database.text().strip(), self.user.text().strip()
        )

    def test_team_connection(self) -> bool:
        connection = self.team_connection()
        password = self.password.text() or password_for(connection)
        problem = test_connection(connection.url(password))
        if problem is None:
            self.test_result.setStyleSheet("color: #2e7d32;")
            self.test_result.setText(_("Connected."))
            return True
        self.test_result.setStyleSheet("color: #b00020;")
        self.test_result.setText(problem)
        return False

    def save(self):
        """Store the team's settings (off the GUI thread), then this computer's; returns the
        operation. A refused value saves nothing (one unit of work)."""
        values = {key: field.text().strip() for key, field in self.fields.items()}

        def work(session) -> None:
            for key, value in values.items():
                team_settings.set_setting(session, key, value)

        return self._ops.write(self, work, self._stored, self._refused)

    def _refused(self, failure) -> None:
        """One clear message, in the interface's language, beside the field it is about."""
        exc = failure.error
        if isinstance(exc, ValidationError) and exc.path in self.fields:
            field = self.fields[exc.path]
            label = self.labels.get(exc.path, exc.path).rstrip(":：")
            self.error.setText(_("{field}: {problem}").format(field=label, problem=error_text(exc)))
            field.setFocus()
            field.selectAll()
            return
        self.error.setText(failure.message)

    def _stored(self, _result) -> None:
        settings = QSettings()
        settings.setValue("language", self.language.currentData())
        connection = self.team_connection()
        settings.setValue("team/enabled", self.use_team.isChecked())
        settings.setValue("team/host", connection.host)
        settings.setValue("team/port", connection.port)
        settings.setValue("team/database", connection.database)
        settings.setValue("team/user", connection.user)
        problem = store_password(connection, self.password.text())  # never written to settings
        self.keyring_problem = problem
        self.accept()
