"""Edit checklist templates as text, validated before saving. The team's versions go to the
user's data folder and override the shipped ones; "Restore" goes back to the shipped file."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtGui import QFontDatabase, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hospitality_app.checklists.templates import SHIPPED, parse_template
from hospitality_app.errors import ValidationError
from hospitality_app.fileio import atomic_write
from hospitality_app.i18n import _, current_language
from hospitality_app.resources import resource
from hospitality_app.ui.typed_text import typed_text

LINE = re.compile(r"line (\d+)")


class TemplateEditorDialog(QDialog):
    def __init__(self, folder: Path, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._folder = folder
        self.setWindowTitle(_("Checklist templates"))
        self.resize(900, 640)
        self.choice = QComboBox(self)
        names = list(SHIPPED) + sorted(p.stem for p in folder.glob("*.toml") if p.stem not in SHIPPED)
        for name in names:  # shown by its title in the interface language, known by its file name
            self.choice.addItem(self._title(name), name)
        self.editor = QPlainTextEdit(self)
        self.editor.setFont(QFontDatabase.systemFont(QFontDatabase.FixedFont))
        self.editor.setLineWrapMode(QPlainTextEdit.NoWrap)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.origin = QLabel(self)
        self.restore = QPushButton(_("Restore the shipped version"), self)
        self.restore.clicked.connect(self.restore_shipped)
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Close, self)
        self.save_button = buttons.button(QDialogButtonBox.Save)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(QLabel(_("Template:"), self))
        top.addWidget(self.choice, 1)
        top.addWidget(self.origin)
        top.addWidget(self.restore)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.editor)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.choice.currentIndexChanged.connect(lambda _i: self.load(self.choice.currentData()))
        self.load(self.choice.currentData())

    def _title(self, name: str) -> str:
        user = self._user_file(name)
        try:
            text = (
                user.read_text(encoding="utf-8")
                if user.exists()
                else resource("checklists", f"{name}.toml").read_text(encoding="utf-8")
            )
            return parse_template(text, f"{name}.toml").title(current_language())
        except (OSError, ValidationError):
            return name  # a file being written: its name until it reads again

    def _user_file(self, name: str) -> Path:
        return self._folder / f"{name}.toml"

    def load(self, name: str) -> None:
        user = self._user_file(name)
        if user.exists():
            text, origin = user.read_text(encoding="utf-8"), _("your version")
        else:
            text, origin = resource("checklists", f"{name}.toml").read_text(encoding="utf-8"), _("shipped")
        self.editor.setPlainText(text)
        self.origin.setText(origin)
        self.restore.setEnabled(user.exists() and name in SHIPPED)
        self.status.setText("")

    def save(self) -> bool:
        name = self.choice.currentData()
        text = typed_text(self.editor)
        try:
            template = parse_template(text, f"{name}.toml")
        except ValidationError as exc:
            self.status.setStyleSheet("color: #b00020;")
            self.status.setText(str(exc))
            match = LINE.search(str(exc))
            if match:
                block = self.editor.document().findBlockByNumber(int(match.group(1)) - 1)
                cursor = QTextCursor(block)
                cursor.select(QTextCursor.LineUnderCursor)
                self.editor.setTextCursor(cursor)
                self.editor.setFocus()
            return False
        self._folder.mkdir(parents=True, exist_ok=True)
        atomic_write(self._user_file(name), text.encode("utf-8"))
        self.status.setStyleSheet("")
        self.status.setText(_("Saved “{name}” with {n} items.").format(name=template.title_en, n=len(template.items)))
        self.origin.setText(_("your version"))
        self.restore.setEnabled(name in SHIPPED)
        return True

    def restore_shipped(self) -> None:
        self._user_file(self.choice.currentData()).unlink(missing_ok=True)
        self.load(self.choice.currentData())
