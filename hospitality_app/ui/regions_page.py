"""Regional notes: the shipped customs of each country and the team's own edits and additions
(stored in the database, so they survive upgrades of the shipped set)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from hospitality_app.db.session import Database
from hospitality_app.errors import HospitalityError
from hospitality_app.i18n import _, current_language
from hospitality_app.services import regions

TOPIC_TITLES = {
    "language": lambda: _("Language"),
    "punctuality": lambda: _("Punctuality"),
    "dining": lambda: _("Dining and religion"),
    "gifts": lambda: _("Gifts"),
    "payment": lambda: _("Payment"),
    "negotiation": lambda: _("Negotiation"),
    "communication": lambda: _("Communication"),
}


class RegionsPage(QWidget):
    def __init__(self, db: Database, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.countries = QListWidget(self)
        self.countries.currentItemChanged.connect(self._country_chosen)
        self.new_code = QLineEdit(self)
        self.new_code.setMaxLength(2)
        self.new_code.setPlaceholderText(_("Code (e.g. UZ)"))
        add = QPushButton(_("Add country"), self)
        add.clicked.connect(self.add_country)
        self.heading = QLabel(self)
        self.source = QLabel(self)
        self.source.setWordWrap(True)
        self.fields: dict[str, tuple[QPlainTextEdit, QPlainTextEdit]] = {}
        form = QFormLayout()
        for topic in regions.TOPICS:
            en, zh = QPlainTextEdit(self), QPlainTextEdit(self)
            for box, hint in ((en, "English"), (zh, "中文")):
                box.setPlaceholderText(hint)
                box.setMaximumHeight(54)
            pair = QHBoxLayout()
            pair.addWidget(en)
            pair.addWidget(zh)
            form.addRow(TOPIC_TITLES[topic]() + ":", pair)
            self.fields[topic] = (en, zh)
        self.save_button = QPushButton(_("Save notes"), self)
        self.save_button.clicked.connect(self.save)
        self.status = QLabel(self)
        right = QWidget(self)
        column = QVBoxLayout(right)
        column.addWidget(self.heading)
        column.addWidget(self.source)
        column.addLayout(form)
        column.addWidget(self.save_button)
        column.addWidget(self.status)
        column.addStretch(1)
        left = QWidget(self)
        left_column = QVBoxLayout(left)
        left_column.addWidget(self.countries)
        row = QHBoxLayout()
        row.addWidget(self.new_code)
        row.addWidget(add)
        left_column.addLayout(row)
        split = QSplitter(Qt.Horizontal, self)
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([260, 900])
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        self._shown: dict[str, tuple[str, str]] = {}

    def reload(self) -> None:
        current = self.current_code()
        language = current_language()
        self.countries.blockSignals(True)
        self.countries.clear()
        with self._db.unit_of_work() as session:
            for code in regions.country_codes(session):
                country = regions.country(session, code)
                item = QListWidgetItem(f"{code} — {country.name(language)}", self.countries)
                item.setData(Qt.UserRole, code)
        self.countries.blockSignals(False)
        self.select(current or "ID")

    def current_code(self) -> str | None:
        item = self.countries.currentItem()
        return item.data(Qt.UserRole) if item else None

    def select(self, code: str) -> None:
        for i in range(self.countries.count()):
            if self.countries.item(i).data(Qt.UserRole) == code:
                self.countries.setCurrentRow(i)
                return

    def _country_chosen(self, item, _previous=None) -> None:
        if item is None:
            return
        code = item.data(Qt.UserRole)
        with self._db.unit_of_work() as session:
            country = regions.country(session, code)
        self.heading.setText(f"<h2>{country.name(current_language())} ({code})</h2>")
        self.source.setText(_("Source: {source}").format(source=country.source or _("the team")))
        notes = {n.topic: n for n in country.notes}
        self._shown = {}
        for topic, (en, zh) in self.fields.items():
            note = notes.get(topic)
            en.setPlainText(note.text_en if note else "")
            zh.setPlainText(note.text_zh if note else "")
            self._shown[topic] = (en.toPlainText(), zh.toPlainText())
        self.status.setText("")

    def add_country(self) -> None:
        code = self.new_code.text().strip().upper()
        if len(code) != 2 or not code.isalpha():
            self.status.setText(_("A country code has two letters, such as UZ."))
            return
        self.new_code.clear()
        item = QListWidgetItem(code, self.countries)
        item.setData(Qt.UserRole, code)
        self.countries.setCurrentItem(item)

    def save(self) -> int:
        """Store the topics the user changed; returns how many."""
        code = self.current_code()
        if code is None:
            return 0
        changed = 0
        try:
            with self._db.unit_of_work() as session:
                for topic, (en, zh) in self.fields.items():
                    texts = (en.toPlainText().strip(), zh.toPlainText().strip())
                    if texts != tuple(t.strip() for t in self._shown.get(topic, ("", ""))):
                        regions.save_note(session, code, topic, texts[0], texts[1], source="team")
                        changed += 1
        except HospitalityError as exc:
            self.status.setText(str(exc))
            return 0
        self.status.setText(_("Saved {n} notes.").format(n=changed))
        self.reload()
        return changed
