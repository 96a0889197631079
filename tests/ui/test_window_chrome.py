"""The main window's frame: language switched while running, layout remembered, list filters,
toolbar."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QDate, QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from hospitality_app.i18n import current_language, set_language
from hospitality_app.services import demo
from tests.ui.helpers import settle

NOW = datetime(2026, 11, 22, 1, tzinfo=UTC)


@pytest.fixture
def window(qtbot, db):
    from hospitality_app.ui.main_window import MainWindow

    with db.unit_of_work() as session:
        demo.create_demo_visits(session, now=NOW)
    win = MainWindow(db)
    qtbot.add_widget(win)
    win.show()
    qtbot.wait_exposed(win)
    settle(win)
    yield win
    set_language("en")
    from hospitality_app.ui.qt_translation import install_qt_translator

    install_qt_translator(QApplication.instance(), "en")


def menu_titles(window) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


def test_switching_to_chinese_changes_the_menus_at_once(window, qtbot, tmp_path):
    assert menu_titles(window) == ["&File", "&Visit", "&Checklists"]
    window.table.selectRow(2)
    chosen = window.selected_visit_id()
    window.open_preferences()
    settle(window)
    dialog = window.preferences_dialog
    dialog.language.setCurrentIndex(dialog.language.findData("zh_CN"))
    dialog.save()
    settle(window)

    assert current_language() == "zh_CN"
    assert menu_titles(window) == ["文件(&F)", "来访(&V)", "清单(&C)"]
    assert window.pages.tabText(0) == "来访"
    assert window.filters.status.itemText(0) == "全部状态"
    assert window.selected_visit_id() == chosen  # the user stays where they were
    # Qt's own strings follow: the standard buttons of a message box.
    box = QMessageBox(QMessageBox.Question, "", "", QMessageBox.Cancel)
    assert box.button(QMessageBox.Cancel).text() == "取消"
    # Exactly one action answers each shortcut: the English ones are gone.
    shortcuts = [a.shortcut().toString() for a in window.findChildren(type(window.new_action))]
    assert shortcuts.count("Ctrl+N") == 1
    qtbot.wait_until(lambda: window.table.isVisible())
    window.grab().save(str(tmp_path / "main-window-zh.png"))


def test_language_waits_while_a_planner_refuses_to_close(window, qtbot):
    planner = window.new_visit()
    settle(window)
    qtbot.keyClicks(planner.editors["overview"].title, "Half done")

    def cancel():
        planner.close_box.button(QMessageBox.Cancel).click()

    qtbot.wait_exposed(planner)
    from PySide6.QtCore import QTimer

    QTimer.singleShot(50, cancel)
    assert not window.apply_language("zh_CN")
    assert current_language() == "en" and menu_titles(window)[0] == "&File"
    assert planner.isVisible() and planner.editors["overview"].title.text() == "Half done"
    planner.dirty = False
    planner.close()


def test_window_layout_is_remembered(window, qtbot, db):
    from hospitality_app.ui.main_window import MainWindow

    window.resize(796, 660)
    window.splitters["main/split"].setSizes([300, 700])
    window.close()
    assert QSettings().contains("main/geometry")

    again = MainWindow(db)
    qtbot.add_widget(again)
    again.show()
    qtbot.wait_exposed(again)
    settle(again)
    assert (again.width(), again.height()) == (796, 660)
    assert again.splitters["main/split"].sizes() == window.splitters["main/split"].sizes()


def test_filters_narrow_the_list_in_the_database(window, qtbot):
    qtbot.wait_until(lambda: window.filters.country.count() > 1)
    total = window.model.total()
    countries = [window.filters.country.itemData(i) for i in range(1, window.filters.country.count())]
    assert countries == sorted(countries) and "ID" in countries
    assert window.filters.country.itemText(countries.index("ID") + 1) == "Indonesia (ID)"

    window.filters.country.setCurrentIndex(window.filters.country.findData("ID"))
    settle(window)
    assert {window.model.row_at(r).country for r in range(window.model.rowCount())} == {"ID"}
    with_id = window.model.total()
    assert 0 < with_id < total
    assert window.count_label.text() == (f"{with_id} visits" if with_id != 1 else "1 visit")

    window.filters.status.setCurrentIndex(window.filters.status.findData("cancelled"))
    settle(window)
    assert all(window.model.row_at(r).status == "cancelled" for r in range(window.model.rowCount()))

    window.filters.clear_button.click()
    settle(window)
    assert window.model.total() == total

    first = min(window.model.row_at(r).start for r in range(window.model.rowCount()))
    later = first.astimezone().date().toordinal() + 1
    from datetime import date

    window.filters.starts_from.setDate(QDate(date.fromordinal(later)))
    settle(window)
    starts = [window.model.row_at(r).end.astimezone().date() for r in range(window.model.rowCount())]
    assert starts and min(starts) >= date.fromordinal(later)
    assert window.model.total() < total


def test_toolbar_offers_the_daily_actions(window, qtbot):
    actions = window.toolbar.actions()
    assert [a.iconText() for a in actions] == ["New", "Open", "Documents", "Calendar", "My tasks"]
    assert actions[0] is window.new_action and actions[3] is window.export_action
    window.toolbar.widgetForAction(window.new_action).click()
    settle(window)
    assert len(window.planners) == 1 and window.planners[0].isVisible()
