"""Two people editing the same visit: the second save is detected and the user chooses."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from PySide6.QtCore import QTimer

from hospitality_app.services import dashboard, plans
from tests.ui.helpers import settle

NOW = datetime(2026, 11, 22, 1, tzinfo=UTC)


def answer(dialog, text):
    """Click the conflict box's button `text` once it is up."""

    def click():
        box = getattr(dialog, "conflict_box", None)
        if box is None or not box.isVisible():
            QTimer.singleShot(20, click)
            return
        next(b for b in box.buttons() if b.text() == text).click()

    QTimer.singleShot(20, click)


def setup(qtbot, db, reference_plan):
    from hospitality_app.ui.dialogs.outcome import OutcomeDialog
    from hospitality_app.ui.ops import Ops

    with db.unit_of_work() as session:
        visit_id = plans.save(session, reference_plan, now=NOW).visit_id
        plan = plans.load_plan(session, visit_id)
    ops = Ops(db)
    dialog = OutcomeDialog(ops, plan)
    qtbot.add_widget(dialog)
    dialog.ops = ops
    with db.unit_of_work() as colleague:  # a colleague saves first
        dashboard.record_outcome(colleague, visit_id, status="lost", notes="Chose a cheaper supplier")
    dialog.status.setCurrentIndex(dialog.status.findData("won"))
    dialog.amount.setText("5000")
    dialog.currency.setText("USD")
    return dialog, visit_id


def test_reload_theirs(qtbot, db, reference_plan):
    dialog, visit_id = setup(qtbot, db, reference_plan)
    answer(dialog, "Reload theirs")
    dialog.save()
    settle(dialog.ops)
    assert "Theirs: Lost" in dialog.conflict_box.text() and "Yours: Won 5000 USD" in dialog.conflict_box.text()
    assert dialog.status.currentData() == "lost" and dialog.notes.toPlainText() == "Chose a cheaper supplier"
    with db.unit_of_work() as session:
        assert plans.load_plan(session, visit_id).outcome.status == "lost"  # nothing overwritten


def test_save_mine_on_top(qtbot, db, reference_plan):
    dialog, visit_id = setup(qtbot, db, reference_plan)
    answer(dialog, "Save mine on top")
    dialog.save()
    settle(dialog.ops)
    with db.unit_of_work() as session:
        outcome = plans.load_plan(session, visit_id).outcome
    assert (outcome.status, outcome.amount, outcome.currency) == ("won", Decimal("5000.00"), "USD")
    assert dialog.result() == 1
