"""Regional notes: the shipped customs of each country and the team's own edits and additions
(stored in the database, so they survive upgrades of the shipped set)."""

from __future__ import annotations

from datetime import UTC, datetime
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from hospitality_app.i18n import _, current_language, list_text, ngettext
from hospitality_app.services import hosting_days, regions
from hospitality_app.ui.ops import Ops
from hospitality_app.ui.region_notes import span_text
from hospitality_app.ui.typed_text import typed_text

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
    def __init__(self, ops: Ops, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops = ops
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
            for box, hint in ((en, _("English")), (zh, "中文")):
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
        self.holidays = QLabel(self)  # when a visit from there would meet a holiday at home
        self.holidays.setWordWrap(True)
        column.addWidget(self.holidays)
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
        # The notes scroll on a small screen rather than making the window taller than it.
        notes = QScrollArea(self)
        notes.setWidgetResizable(True)
        notes.setFrameShape(QFrame.NoFrame)
        notes.setWidget(right)
        split = QSplitter(Qt.Horizontal, self)
        split.addWidget(left)
        split.addWidget(notes)
        split.setSizes([260, 900])
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        self._shown: dict[str, tuple[str, str]] = {}

    def reload(self):
        """List the countries again (off the GUI thread); returns the operation."""
        current = self.current_code()
        language = current_language()

        def work(session):
            return [(code, regions.country(session, code).name(language)) for code in regions.country_codes(session)]

        def arrived(countries) -> None:
            self.countries.blockSignals(True)
            self.countries.clear()
            for code, name in countries:
                item = QListWidgetItem(f"{code} — {name}", self.countries)
                item.setData(Qt.UserRole, code)
            self.countries.blockSignals(False)
            self.select(current or "ID")

        return self._ops.query(self, work, arrived)

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
        language = current_language()

        def work(session):
            today = datetime.now(UTC).date()
            return regions.country(session, code), hosting_days.coming_holidays(code, today, language)

        self._ops.query(self, work, lambda got: self._show(code, *got))

    def _show(self, code: str, country, holidays=()) -> None:
        if code != self.current_code():
            return
        language = current_language()
        self.heading.setText(f"<h2>{country.name(language)} ({code})</h2>")
        self.source.setText(_("Source: {source}").format(source=source_text(country.source)))
        rows = "".join(
            f"<li>{escape(span_text(first, last, language))}: {escape(name)}</li>" for first, last, name in holidays
        )
        self.holidays.setText(
            f"<b>{escape(_('Public holidays in the coming months'))}:</b><ul>{rows}</ul>"
            if holidays
            else escape(_("No public holidays in the coming months."))
        )
        notes = {n.topic: n for n in country.notes}
        self._shown = {}
        for topic, (en, zh) in self.fields.items():
            note = notes.get(topic)
            en.setPlainText(note.text_en if note else "")
            zh.setPlainText(note.text_zh if note else "")
            self._shown[topic] = (typed_text(en), typed_text(zh))
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

    def save(self):
        """Store the topics the user changed (off the GUI thread); returns the operation."""
        code = self.current_code()
        if code is None:
            return None
        edits = {}
        for topic, (en, zh) in self.fields.items():
            texts = (typed_text(en).strip(), typed_text(zh).strip())
            if texts != tuple(t.strip() for t in self._shown.get(topic, ("", ""))):
                edits[topic] = texts

        def work(session) -> int:
            for topic, (en, zh) in edits.items():
                regions.save_note(session, code, topic, en, zh, source="team")
            return len(edits)

        def saved(n: int) -> None:
            self.status.setText(ngettext("Saved {n} note.", "Saved {n} notes.", n).format(n=n))
            self.reload()

        return self._ops.write(self, work, saved, lambda failure: self.status.setText(failure.message))


def source_text(source: str) -> str:
    """Where the notes come from, in words: the shipped notes cite the hosting guide's sections
    ("seed 000 §9 (Indonesia); common"), which mean nothing to the reader."""
    kinds = []
    for part in source.replace(",", ";").split(";"):
        word = part.strip().split(" ", 1)[0].lower()
        kind = {
            "seed": _("the company's guide to receiving clients"),
            "common": _("common knowledge"),
        }.get(word, _("your team"))
        if kind not in kinds:
            kinds.append(kind)
    return list_text(kinds) if kinds else _("your team")
