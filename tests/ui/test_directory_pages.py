"""The Clients, Staff and Places pages, driven as a user would: find a record, edit it, add one,
be told what is wrong next to the field, and never delete what a visit still uses."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import select

from hospitality_app.i18n import set_language
from hospitality_app.models import Company, Hotel, Staff, Visitor
from hospitality_app.services import demo
from tests.ui.helpers import answer, settle, type_text

NOW = datetime(2026, 11, 22, 1, tzinfo=UTC)


@pytest.fixture
def window(qtbot, db):
    from hospitality_app.ui.main_window import MainWindow

    with db.unit_of_work() as session:
        demo.create_demo_visits(session, now=NOW)
    win = MainWindow(db)
    win.show()
    qtbot.wait_exposed(win)
    settle(win)
    yield win
    for page in (win.lazy[key].content for key in ("clients", "staff", "places")):
        for editor in page.editors.values() if page else ():
            editor.dirty = False
    win.close()
    win.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    set_language("en")


def open_tab(window, page_key, kind):
    window.pages.setCurrentWidget(window.lazy[page_key])
    page = window.lazy[page_key].content
    page.setCurrentWidget(page.editors[kind])
    settle(window)
    return page.editors[kind]


def click_row(qtbot, editor, name):
    row = next(i for i in range(editor.model.rowCount()) if editor.model.record_at(i).values["name"] == name)
    rect = editor.table.visualRect(editor.model.index(row, 0))
    qtbot.mouseClick(editor.table.viewport(), Qt.LeftButton, pos=rect.center())
    settle(editor._ops)
    assert editor.form.widgets["name"].text() == name


def test_search_edit_and_save_a_company(window, qtbot, db):
    editor = open_tab(window, "clients", "companies")
    assert editor.count.text() == "12 in all"
    qtbot.keyClicks(editor.search, "sinar")
    settle(window)
    assert [editor.model.record_at(i).values["name"] for i in range(editor.model.rowCount())] == ["PT Sinar Jaya Abadi"]
    click_row(qtbot, editor, "PT Sinar Jaya Abadi")
    assert editor.form.widgets["country"].currentText() == "Indonesia (ID)"
    assert not editor.save_button.isEnabled()
    city = editor.form.widgets["city"]
    city.selectAll()
    type_text(qtbot, city, "Surabaya — 泗水")
    assert editor.dirty and editor.save_button.isEnabled()
    qtbot.mouseClick(editor.save_button, Qt.LeftButton)
    settle(window)
    assert editor.message.text() == "Saved." and not editor.dirty
    with db.unit_of_work() as session:
        assert session.scalar(select(Company.city).where(Company.name == "PT Sinar Jaya Abadi")) == "Surabaya — 泗水"
    assert editor.model.record_at(0).values["city"] == "Surabaya — 泗水"


def test_add_a_halal_visitor_picked_from_the_lists(window, qtbot, db):
    editor = open_tab(window, "clients", "visitors")
    qtbot.mouseClick(editor.new_button, Qt.LeftButton)
    assert editor.heading.text() == "New record"
    type_text(qtbot, editor.form.widgets["name"], "Siti Rahma")
    company = editor.form.widgets["company_id"]
    company.setCurrentIndex(company.findText("PT Sinar Jaya Abadi (ID)"))
    editor.form.widgets["dietary"].boxes["halal"].click()
    editor.form.widgets["allergies"].boxes["shellfish"].click()
    spoken = editor.form.widgets["languages"]  # ticked by name, in the order preferred
    for code in ("id", "en"):
        next(
            spoken.list.item(i) for i in range(spoken.list.count()) if spoken.list.item(i).data(Qt.UserRole) == code
        ).setCheckState(Qt.Checked)
    assert spoken.list.item(0).text() == "English"  # names, not codes
    qtbot.keyClick(editor.form.widgets["name"], Qt.Key_S, Qt.ControlModifier)  # Save
    settle(window)
    assert editor.message.text() == "Saved."
    with db.unit_of_work() as session:
        siti = session.scalars(select(Visitor).where(Visitor.name == "Siti Rahma")).one()
        assert (siti.dietary, siti.allergies, siti.languages) == (["halal"], ["shellfish"], ["id", "en"])
        assert session.get(Company, siti.company_id).name == "PT Sinar Jaya Abadi"
    assert editor.heading.text() == "Siti Rahma"
    assert editor.model.record_at(editor.table.currentIndex().row()).values["name"] == "Siti Rahma"


def test_bad_input_is_shown_under_the_field_and_nothing_is_saved(window, qtbot, db):
    editor = open_tab(window, "staff", "staff")
    with db.unit_of_work() as session:
        before = session.scalar(select(Staff.id).order_by(Staff.id.desc()))
    qtbot.mouseClick(editor.new_button, Qt.LeftButton)
    qtbot.keyClicks(editor.form.widgets["phone"], "+86 138 0000 0099")
    qtbot.mouseClick(editor.save_button, Qt.LeftButton)
    settle(window)
    error = editor.form.errors["name"]
    assert error.isVisible() and error.text() == "must not be empty"
    assert editor.message.text() == "Not saved: see the field marked in red."
    assert editor.form.widgets["name"].hasFocus()
    qtbot.keyClicks(editor.form.widgets["name"], "Chen Jie")  # a colleague of that name exists
    qtbot.mouseClick(editor.save_button, Qt.LeftButton)
    settle(window)
    assert editor.form.errors["name"].text() == "'Chen Jie' exists already; edit that record instead"
    with db.unit_of_work() as session:
        assert session.scalar(select(Staff.id).order_by(Staff.id.desc())) == before


def test_a_hotel_a_visit_uses_is_not_deleted_and_a_spare_one_is(window, qtbot, db):
    editor = open_tab(window, "places", "hotels")
    used = editor.model.record_at(0).values["name"]
    click_row(qtbot, editor, used)
    answer(editor, "delete_box", QMessageBox.Yes)
    qtbot.mouseClick(editor.delete_button, Qt.LeftButton)
    settle(window)
    assert editor.message.text().startswith(f"{used} is still used (hotel stays: ")
    assert editor.message.text().endswith("), so it was not deleted.")
    qtbot.mouseClick(editor.new_button, Qt.LeftButton)
    qtbot.keyClicks(editor.form.widgets["name"], "Spare Inn")
    qtbot.mouseClick(editor.save_button, Qt.LeftButton)
    settle(window)
    answer(editor, "delete_box", QMessageBox.Yes)
    qtbot.mouseClick(editor.delete_button, Qt.LeftButton)
    settle(window)
    assert editor.message.text() == "Deleted Spare Inn."
    with db.unit_of_work() as session:
        names = set(session.scalars(select(Hotel.name)))
    assert used in names and "Spare Inn" not in names


def test_leaving_an_edited_record_asks_first(window, qtbot, db):
    editor = open_tab(window, "places", "tour_stops")
    first, second = (editor.model.record_at(i).values["name"] for i in (0, 1))
    click_row(qtbot, editor, first)
    qtbot.keyClicks(editor.form.widgets["hygiene"], " Hair nets.")
    answer(editor, "leave_box", QMessageBox.Cancel)
    rect = editor.table.visualRect(editor.model.index(1, 0))
    qtbot.mouseClick(editor.table.viewport(), Qt.LeftButton, pos=rect.center())
    assert editor.form.widgets["name"].text() == first and editor.dirty  # stayed, edits kept
    assert editor.table.currentIndex().row() == 0
    answer(editor, "leave_box", QMessageBox.Discard)
    qtbot.mouseClick(editor.table.viewport(), Qt.LeftButton, pos=rect.center())
    assert editor.form.widgets["name"].text() == second and not editor.dirty
    # closing the window with an edited record asks too
    qtbot.keyClicks(editor.form.widgets["hygiene"], " Gloves.")
    answer(editor, "leave_box", QMessageBox.Cancel)
    window.close()
    assert window.isVisible() and editor.dirty


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_pages_screenshots(qtbot, db, language, tmp_path):
    from hospitality_app.ui.main_window import MainWindow

    set_language(language)
    with db.unit_of_work() as session:
        demo.create_demo_visits(session, now=NOW)
    win = MainWindow(db)
    win.show()
    settle(win)
    try:
        titles = []
        for key in ("clients", "staff", "places"):
            win.pages.setCurrentWidget(win.lazy[key])
            page = win.lazy[key].content
            for index in range(page.count()):
                page.setCurrentIndex(index)
                settle(win)
                editor = page.currentWidget()
                click_row(qtbot, editor, editor.model.record_at(0).values["name"])
                titles.append(page.tabText(index))
                win.grab().save(str(tmp_path / f"{key}-{index}-{language}.png"))
        expected = {
            "en": ["Companies", "Visitors", "Staff", "Vehicles", "Hotels", "Restaurants", "Dishes", "Tour stops"],
            "zh_CN": ["公司", "访客", "员工", "车辆", "酒店", "餐厅", "菜品", "参观站点"],
        }
        assert titles == expected[language]
    finally:
        win.close()
        win.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.DeferredDelete)
        set_language("en")


def test_find_goes_to_the_search_box_of_the_page_on_show(window, qtbot):
    editor = open_tab(window, "places", "restaurants")
    qtbot.keyClick(window, Qt.Key_F, Qt.ControlModifier)
    assert editor.search.hasFocus()
    window.pages.setCurrentWidget(window.lazy["outcomes"])
    qtbot.keyClick(window, Qt.Key_F, Qt.ControlModifier)
    assert window.pages.currentIndex() == 0 and window.search.hasFocus()
