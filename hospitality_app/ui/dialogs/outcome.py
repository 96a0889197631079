"""Record how a visit ended: order won (amount, currency, date), pending or lost."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)

from hospitality_app import vocab
from hospitality_app.errors import ConflictError
from hospitality_app.i18n import _, label
from hospitality_app.services import dashboard, plans
from hospitality_app.ui.date_format import entry_format
from hospitality_app.ui.ops import Ops
from hospitality_app.ui.typed_text import typed_text


class OutcomeDialog(QDialog):
    def __init__(self, ops: Ops, plan, *, parent: QWidget | None = None) -> None:
        """`plan`: the visit as read when the dialog was asked for (off the GUI thread)."""
        super().__init__(parent)
        self._ops, self._visit_id = ops, plan.id
        self._loaded = plan.outcome  # a save conflicts only if someone changed the outcome meanwhile
        self.setWindowTitle(_("Outcome — {visit}").format(visit=plan.title))
        self.status = QComboBox(self)
        for code in vocab.OUTCOMES:
            self.status.addItem(label(code), code)
        self.amount = QLineEdit(self)
        self.currency = QLineEdit(self)
        self.currency.setMaxLength(3)
        self.order_date = QDateEdit(QDate.currentDate(), self)
        self.order_date.setCalendarPopup(True)
        self.order_date.setDisplayFormat(entry_format(with_time=False))
        self.notes = QPlainTextEdit(self)
        self._show(plan)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b00020;")
        self._zone = plan.zone
        form = QFormLayout(self)
        form.addRow(_("Outcome:"), self.status)
        form.addRow(_("Order value:"), self.amount)
        form.addRow(_("Currency:"), self.currency)
        form.addRow(_("Order date:"), self.order_date)
        form.addRow(_("Notes:"), self.notes)
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel, self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _show(self, plan) -> None:
        o = plan.outcome
        self.status.setCurrentIndex(vocab.OUTCOMES.index(o.status) if o else 0)
        self.amount.setText(str(o.amount) if o and o.amount is not None else "")
        self.currency.setText((o.currency if o else "") or "USD")
        if o and o.order_date:
            local = plan.local(o.order_date)
            self.order_date.setDate(QDate(local.year, local.month, local.day))
        self.notes.setPlainText(o.notes if o else "")

    def save(self) -> None:
        text = self.amount.text().strip().replace(",", "")
        try:
            amount = Decimal(text) if text else None
        except InvalidOperation:
            self.error.setText(_("Order value: not a number: {text}").format(text=self.amount.text()))
            self.amount.setFocus()
            return
        d = self.order_date.date()
        when = datetime(d.year(), d.month(), d.day(), 12, tzinfo=self._zone).astimezone(UTC)
        visit_id, loaded = self._visit_id, self._loaded
        status, currency, notes = self.status.currentData(), self.currency.text().strip(), typed_text(self.notes)

        def work(session) -> None:
            stored = plans.load_plan(session, visit_id).outcome
            if stored != loaded:
                raise ConflictError(_("The outcome"), parts=("outcome",))
            dashboard.record_outcome(
                session,
                visit_id,
                status=status,
                amount=amount,
                currency=currency,
                notes=notes,
                order_date=when,
            )

        def failed(failure) -> None:
            if isinstance(failure.error, ConflictError):
                self._ops.query(self, lambda session: plans.load_plan(session, visit_id), self.resolve_conflict)
            else:
                self.error.setText(failure.message)

        return self._ops.write(self, work, lambda _result: self.accept(), failed)

    def resolve_conflict(self, theirs) -> None:
        """Someone saved this visit since the dialog opened: show theirs beside ours, then reload
        theirs or put ours on top of their version. Nothing is overwritten silently."""
        o = theirs.outcome
        their_text = (f"{label(o.status)} {o.amount or ''} {o.currency}".strip() if o else _("no outcome")) + (
            f" — {o.notes}" if o and o.notes else ""
        )
        mine = f"{self.status.currentText()} {self.amount.text()} {self.currency.text()}".strip()
        box = QMessageBox(
            QMessageBox.Warning,
            _("Changed by someone else"),
            _("Someone else saved this visit while you were editing.\n\nTheirs: {theirs}\nYours: {mine}").format(
                theirs=their_text, mine=mine
            ),
            parent=self,
        )
        reload_button = box.addButton(_("Reload theirs"), QMessageBox.RejectRole)
        box.addButton(_("Save mine on top"), QMessageBox.AcceptRole)
        self.conflict_box = box
        box.exec()
        self._loaded = theirs.outcome
        if box.clickedButton() is reload_button:
            self._show(theirs)
            self.error.setText(_("Reloaded: these are the values saved by your colleague."))
        else:
            self.save()
