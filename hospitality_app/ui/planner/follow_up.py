"""The planner's Follow-up tab: what the thank-you letter says (greeting, consensus points,
minutes, next steps) and what was sent when — stored with the visit, as the Documents window
stores it too."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QCheckBox, QDateEdit, QFormLayout, QHBoxLayout, QLineEdit, QPlainTextEdit, QWidget

from hospitality_app.i18n import _
from hospitality_app.services.dto import VisitPlan
from hospitality_app.ui.date_format import entry_format
from hospitality_app.ui.planner.editors import Editor, parse_path
from hospitality_app.ui.typed_text import typed_text


class OptionalDate(QWidget):
    """A day, or none: a check box says whether there is one.

    Signals:
        changed: ticked, unticked, or another day chosen.
    """

    changed = Signal()

    def __init__(self, text: str, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = QCheckBox(text, self)
        self.day = QDateEdit(QDate.currentDate(), self)
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat(entry_format(with_time=False))
        self.day.setEnabled(False)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.check)
        row.addWidget(self.day)
        row.addStretch(1)
        self.check.toggled.connect(self.day.setEnabled)
        self.check.toggled.connect(self.changed)
        self.day.dateChanged.connect(self.changed)

    def set_value(self, value: date | None, default: date | None = None) -> None:
        """`default`: the day offered when the box is ticked (the visit's last day, not today)."""
        self.blockSignals(True)
        self.check.setChecked(value is not None)
        shown = value or default
        self.day.setDate(QDate(shown.year, shown.month, shown.day) if shown else QDate.currentDate())
        self.blockSignals(False)

    def value(self) -> date | None:
        return self.day.date().toPython() if self.check.isChecked() else None


def lines(box: QPlainTextEdit) -> tuple[str, ...]:
    return tuple(line.strip() for line in typed_text(box).splitlines() if line.strip())


class FollowUpEditor(Editor):
    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.greeting = QLineEdit(self)
        self.greeting.setPlaceholderText(_("Drafted from the visitors' names when empty"))
        self.consensus = QPlainTextEdit(self)
        self.consensus.setPlaceholderText(_("One point per line"))
        self.minutes = QPlainTextEdit(self)
        self.next_steps = QPlainTextEdit(self)
        self.next_steps.setPlaceholderText(_("One step per line"))
        self.letter_sent = OptionalDate(_("Sent on"), parent=self)
        self.photos_sent = OptionalDate(_("Sent on"), parent=self)
        self.callback_due = OptionalDate(_("Due on"), parent=self)
        self.callback_done = OptionalDate(_("Done on"), parent=self)
        form = QFormLayout(self)
        form.addRow(_("Greeting:"), self.greeting)
        form.addRow(_("Consensus:"), self.consensus)
        form.addRow(_("Minutes:"), self.minutes)
        form.addRow(_("Next steps:"), self.next_steps)
        form.addRow(_("Thank-you letter:"), self.letter_sent)
        form.addRow(_("Photos:"), self.photos_sent)
        form.addRow(_("Callback:"), self.callback_due)
        form.addRow("", self.callback_done)
        self.greeting.textEdited.connect(self.changed)
        for box in (self.consensus, self.minutes, self.next_steps):
            box.textChanged.connect(self._typed)
        for field in (self.letter_sent, self.photos_sent, self.callback_due, self.callback_done):
            field.changed.connect(self.changed)
        self._loading = False
        self.fields = {
            "greeting": self.greeting,
            "consensus": self.consensus,
            "minutes": self.minutes,
            "next_steps": self.next_steps,
            "letter_sent": self.letter_sent.check,
            "photos_sent": self.photos_sent.check,
            "callback_due": self.callback_due.check,
            "callback_done": self.callback_done.check,
        }

    def _typed(self) -> None:
        if not self._loading:
            self.changed.emit()

    def load(self, plan: VisitPlan) -> None:
        f = plan.follow_up
        self._loading = True
        self.greeting.setText(f.greeting)
        self.consensus.setPlainText("\n".join(f.consensus))
        self.minutes.setPlainText(f.minutes)
        self.next_steps.setPlainText("\n".join(f.next_steps))
        last = plan.local(plan.end).date()
        self.letter_sent.set_value(f.letter_sent, last)
        self.photos_sent.set_value(f.photos_sent, last)
        self.callback_due.set_value(f.callback_due, last + timedelta(days=7))  # a week after, by habit
        self.callback_done.set_value(f.callback_done, last + timedelta(days=7))
        self._loading = False

    def apply(self, plan: VisitPlan) -> VisitPlan:
        return replace(
            plan,
            follow_up=replace(
                plan.follow_up,
                greeting=self.greeting.text().strip(),
                consensus=lines(self.consensus),
                minutes=typed_text(self.minutes),
                next_steps=lines(self.next_steps),
                letter_sent=self.letter_sent.value(),
                photos_sent=self.photos_sent.value(),
                callback_due=self.callback_due.value(),
                callback_done=self.callback_done.value(),
            ),
        )

    def focus(self, path: str, message: str = "") -> bool:
        part, _i, field, _j = parse_path(path)
        if part != "follow_up":
            return False
        widget = self.fields.get(field or "greeting", self.greeting)
        widget.setFocus()
        return True
