"""The checklist tab, My tasks and the template editor, driven as a user would."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QSettings, Qt

from hospitality_app.services import checklists, demo, plans
from tests.ui.helpers import settle

NOW = datetime(2026, 11, 22, 1, tzinfo=UTC)


@pytest.fixture
def window(qtbot, db):
    from hospitality_app.ui.main_window import MainWindow

    with db.unit_of_work() as session:
        ids = demo.create_demo_visits(session, now=datetime.now(UTC))
        checklists.apply_templates(session, ids[0], ["standard", "key_account"], now=NOW)
    win = MainWindow(db)
    qtbot.add_widget(win)
    win.show()
    settle(win)
    row = next(i for i in range(win.model.rowCount()) if "Sinar" in win.model.row_at(i).title)
    win.table.selectRow(row)
    win.tabs.setCurrentWidget(win.checklist)
    qtbot.wait_until(lambda: win.checklist.tree.topLevelItemCount() > 0)
    return win


def task_rows(panel):
    tree = panel.tree
    for i in range(tree.topLevelItemCount()):
        head = tree.topLevelItem(i)
        for j in range(head.childCount()):
            yield head.child(j)


def test_tick_updates_progress_and_the_list(window, qtbot, db, tmp_path):
    panel = window.checklist
    assert panel.progress.value() == 0
    total = len(list(task_rows(panel)))
    assert total == 27 and panel.summary.text().startswith(f"0 of {total} done")
    assert window.model.data(window.model.index(window.table.currentIndex().row(), 7)) == "0%"
    QSettings().setValue("user/name", "Li Wei")
    first = next(task_rows(panel))
    title = first.text(0)
    first.setCheckState(0, Qt.Checked)  # what a click on the box does
    qtbot.wait_until(lambda: panel.summary.text().startswith(f"1 of {total} done"))
    assert panel.progress.value() == round(100 / total)
    ticked = next(r for r in task_rows(panel) if r.text(0) == title)
    assert ticked.checkState(0) == Qt.Checked and "by Li Wei" in ticked.toolTip(0)
    row = window.table.currentIndex().row()
    assert window.model.row_at(row).title.startswith("PT Sinar Jaya")
    assert window.model.data(window.model.index(row, 7)) == f"{round(100 / total)}%"
    window.grab().save(str(tmp_path / "checklist-tab.png"))


def test_reassign_shows_the_new_owner(window, db):
    panel = window.checklist
    first = next(task_rows(panel))
    title = first.text(0)
    panel.assign(first.data(0, Qt.UserRole), "Wang Fang")
    settle(window)
    assert next(r for r in task_rows(panel) if r.text(0) == title).text(2) == "Wang Fang"


def test_overdue_items_are_red(window):
    red = [r for r in task_rows(window.checklist) if r.foreground(0).color().name() == "#b00020"]
    assert red, "the demo visit has items due before today"
    assert all(r.checkState(0) == Qt.Unchecked for r in red)


def test_my_tasks_lists_and_ticks(window, qtbot, db):
    QSettings().setValue("user/name", "Li Wei")
    dialog = window.show_my_tasks()
    settle(window)
    assert dialog.person.currentText() == "Li Wei"
    dialog.days.setValue(30)
    settle(window)
    count = dialog.table.rowCount()
    assert count > 0 and "open tasks" in dialog.summary.text()
    dialog.table.item(0, 3).setCheckState(Qt.Checked)
    qtbot.wait_until(lambda: dialog.table.rowCount() == count - 1)


def test_template_editor_points_at_the_bad_line_and_saves_good_text(window, qtbot, isolated_home):
    dialog = window.edit_templates()
    text = dialog.editor.toPlainText()
    dialog.editor.setPlainText(text.replace('owner = "photographer"', 'owner = "chef"', 1))
    assert dialog.save() is False
    assert "unknown host role 'chef'" in dialog.status.text()
    line = dialog.editor.textCursor().blockNumber() + 1
    assert f"line {line}" in dialog.status.text()
    assert 'owner = "chef"' in dialog.editor.textCursor().selectedText()
    dialog.editor.setPlainText(text.replace("Group photo before the client leaves", "Group photo at the door"))
    assert dialog.save() is True
    from hospitality_app.checklists.templates import load_templates
    from hospitality_app.config import user_templates_folder

    titles = [i.title_en for i in load_templates(user_templates_folder())["standard"].items]
    assert "Group photo at the door" in titles
    dialog.restore_shipped()
    assert "Group photo before the client leaves" in dialog.editor.toPlainText()
    assert not (user_templates_folder() / "standard.toml").exists()


def test_apply_template_from_the_tab(window, db):
    panel = window.checklist
    before = len(list(task_rows(panel)))
    panel.apply_template("first_visit")
    settle(window)
    assert len(list(task_rows(panel))) == before + 3
    with db.unit_of_work() as session:
        plan = plans.load_plan(session, window.selected_visit_id())
    assert sum(c.template.startswith("first_visit:") for c in plan.checklist) == 3


def test_add_and_edit_an_item(window, qtbot, db):
    panel = window.checklist
    dialog = panel.add_item()
    qtbot.keyClicks(dialog.title, "Buy flowers for the meeting room")
    dialog.phase.setCurrentIndex(dialog.phase.findData("day_of"))
    dialog.owner.setCurrentIndex(dialog.owner.findData("person:Wang Fang"))
    dialog._accept()
    settle(window)
    added = next(r for r in task_rows(panel) if r.text(0) == "Buy flowers for the meeting room")
    assert added.text(2) == "Wang Fang"
    with db.unit_of_work() as session:
        plan = plans.load_plan(session, window.selected_visit_id())
    item = next(c for c in plan.checklist if c.title == "Buy flowers for the meeting room")
    assert item.due == plan.start and item.phase == "day_of"

    panel.tree.setCurrentItem(added)
    dialog = panel.edit_selected()
    dialog.title.setText("Buy white flowers")
    dialog.has_due.setChecked(False)
    dialog._accept()
    settle(window)
    with db.unit_of_work() as session:
        plan = plans.load_plan(session, window.selected_visit_id())
    item = next(c for c in plan.checklist if c.id == item.id)
    assert (item.title, item.due, item.assignee) == ("Buy white flowers", None, "Wang Fang")


def test_empty_title_is_refused_in_the_dialog(window):
    dialog = window.checklist.add_item()
    dialog._accept()
    assert dialog.error.text() == "Say what has to be done." and dialog.result() == 0


def test_a_due_time_the_clocks_skip_is_moved_on_and_the_task_dialog_says_so(qtbot, reference_plan):
    from dataclasses import replace
    from datetime import UTC, datetime

    from PySide6.QtCore import Qt

    from hospitality_app.ui.dialogs.checklist_item import ChecklistItemDialog

    plan = replace(reference_plan, timezone="Europe/Berlin")
    dialog = ChecklistItemDialog(plan)
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClicks(dialog.title, "Book the restaurant")
    dialog.due.setFocus(Qt.TabFocusReason)
    qtbot.keyClicks(dialog.due, "280320270230")
    qtbot.keyClick(dialog.due, Qt.Key_Tab)
    assert dialog.due_moment() == datetime(2027, 3, 28, 1, 30, tzinfo=UTC)
    assert dialog.error.text() == (
        "28/03/2027 02:30 does not exist in Europe/Berlin: the clocks go forward then. It is now 28/03/2027 03:30."
    )


def test_enter_opens_the_selected_task_and_the_task_buttons_follow_the_selection(window, qtbot):
    panel = window.checklist
    buttons = (panel.edit_button, panel.assign_button, panel.remove_button)
    assert not any(b.isEnabled() for b in buttons)  # no task selected: nothing to edit, assign or remove
    panel.tree.setCurrentItem(panel.tree.topLevelItem(0))  # a phase's heading is no task either
    assert not any(b.isEnabled() for b in buttons)
    first = next(task_rows(panel))
    panel.tree.setCurrentItem(first)
    assert all(b.isEnabled() for b in buttons)
    panel.tree.setFocus()
    qtbot.keyClick(panel.tree, Qt.Key_Return)
    assert panel.item_dialog.isVisible() and panel.item_dialog.title.text() == first.text(0)
    panel.item_dialog.reject()
