"""The visit planner, driven as a user would: create a visit, add visitors and a lunch, see the
finding, jump to the dish, reorder the tour, save, and be asked before losing edits."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QDate, QModelIndex, Qt
from PySide6.QtWidgets import QDateTimeEdit, QMessageBox

from hospitality_app.models import Vehicle
from hospitality_app.services import plans
from hospitality_app.services.dto import VisitorData
from tests.ui.helpers import answer, open_plan, save, settle, type_text

NOW = datetime(2026, 11, 22, 1, tzinfo=UTC)


def cell(items, row, column):
    return items.model.index(row, column).data()


def add_visitor(qtbot, visitors, name, *, diet=(), allergies=()):
    """Add a visitor with the button, type the name, tick the diet and allergies."""
    qtbot.mouseClick(visitors.items.add_button, Qt.LeftButton)
    form = visitors.form
    assert form.widgets["name"].hasFocus() or not form.isVisible()  # the cursor is in the new name
    type_text(qtbot, form.widgets["name"], name)
    for code in diet:
        form.widgets["dietary"].boxes[code].click()
    for code in allergies:
        form.widgets["allergies"].boxes[code].click()


def test_plan_a_visit_and_land_on_the_forbidden_dish(window, qtbot, db, tmp_path):
    planner = window.new_visit()
    settle(window)
    qtbot.wait_exposed(planner)
    overview = planner.editors["overview"]
    qtbot.keyClicks(overview.title, "Al-Noor first visit")
    qtbot.keyClicks(overview.company, "Al-Noor Trading")
    overview.country.setFocus()
    overview.country.lineEdit().selectAll()
    qtbot.keyClicks(overview.country, "Saudi Arabia")  # the name, not the code
    qtbot.keyClick(overview.country, Qt.Key_Return)

    visitors = planner.editors["visitors"]
    planner.tabs.setCurrentWidget(visitors)
    assert visitors.items.detail.currentWidget() is visitors.items.placeholder  # says what to do
    add_visitor(qtbot, visitors, "Abdullah Al-Harbi", diet=["halal"], allergies=["peanuts"])
    add_visitor(qtbot, visitors, "张伟")
    assert [cell(visitors.items, 0, c) for c in (0, 1)] == ["Abdullah Al-Harbi", "Halal; allergic to peanuts"]
    assert cell(visitors.items, 1, 0) == "张伟"

    meals = planner.editors["meals"]
    planner.tabs.setCurrentWidget(meals)
    qtbot.mouseClick(meals.items.add_button, Qt.LeftButton)
    assert meals.form.widgets["attendees"].value() == ("Abdullah Al-Harbi", "张伟")  # everyone, to begin with
    type_text(qtbot, meals.form.widgets["restaurant.name"], "Haiyun Seafood House")
    add_dish(qtbot, meals, "Steamed greens")
    add_dish(qtbot, meals, "Sweet and sour pork", contains=["pork"])
    assert [cell(meals.dishes.list, r, 1) for r in (0, 1)] == ["", "Pork"]

    def pork_finding():
        for i in range(planner.findings.count()):
            if planner.findings.item(i).data(Qt.UserRole + 1) == "dietary.forbidden":
                return planner.findings.item(i)
        return None

    qtbot.wait_until(lambda: pork_finding() is not None, timeout=3000)
    item = pork_finding()
    assert item.data(Qt.UserRole) == "meals[0].dishes[1]"
    assert "Sweet and sour pork" in item.text() and "Abdullah Al-Harbi" in item.text()

    planner.tabs.setCurrentWidget(planner.editors["overview"])
    planner.findings.itemClicked.emit(item)  # the user clicks the finding
    assert planner.tabs.currentWidget() is meals
    assert (meals.items.current_row(), meals.dishes.list.current_row()) == (0, 1)
    dishes = meals.dishes.list.model
    assert dishes.data(dishes.index(1, 0), Qt.ForegroundRole) is not None  # the pork dish is marked
    assert dishes.data(dishes.index(0, 0), Qt.ForegroundRole) is None
    assert "Abdullah Al-Harbi" in dishes.data(dishes.index(1, 0), Qt.ToolTipRole)
    planner.grab().save(str(tmp_path / "planner-meals.png"))

    assert planner.windowTitle().startswith("* ")
    assert save(planner)
    assert not planner.dirty and window.model.total() == 1
    with db.unit_of_work() as session:
        plan = plans.load_plan(session, planner.plan.id)
    assert [v.name for v in plan.visitors] == ["Abdullah Al-Harbi", "张伟"]
    assert plan.meals[0].dishes[1].contains == ("pork",) and plan.company.country == "SA"
    assert (plan.visitors[0].dietary, plan.visitors[0].allergies) == (("halal",), ("peanuts",))
    assert plan.client_locale == "ar_SA"  # the client's language follows the country


def add_dish(qtbot, meals, name, *, contains=()):
    """Add a dish to the selected meal, type its name, see that what it contains is ticked (from
    the name, or by hand)."""
    qtbot.mouseClick(meals.dishes.list.add_button, Qt.LeftButton)
    type_text(qtbot, meals.dishes.form.widgets["name"], name)
    for code in contains:
        box = meals.dishes.form.widgets["contains"].boxes[code]
        if not box.isChecked():
            box.click()


def test_typing_chinese_names(window, qtbot):
    planner = window.new_visit()
    settle(window)
    type_text(qtbot, planner.editors["overview"].company, "厦门客户 Ayşe Дмитрий")
    assert planner.editors["overview"].company.text() == "厦门客户 Ayşe Дмитрий"


def test_reorder_tour_stops_by_drag_and_drop(window, qtbot, db, reference_plan):
    with db.unit_of_work() as session:
        visit_id = plans.save(session, reference_plan, now=NOW).visit_id
    window.model.reload()
    settle(window)
    window.table.selectRow(0)
    planner = window.open_selected()
    settle(window)
    tour = planner.editors["tour"]
    planner.tabs.setCurrentWidget(tour)
    assert tour.route()[0].name == "Showroom — wristband samples"
    assert tour.total.text() == "Total: 65 min"
    # What the view does on a drop with InternalMove: move the row in its model.
    tour.stops.model.moveRow(QModelIndex(), 0, QModelIndex(), 4)
    names = [s.name for s in tour.route()]
    assert names[-1] == "Showroom — wristband samples" and names[0] == "Silicone moulding line"
    assert planner.dirty
    tour.door_back.setCurrentIndex(tour.door_back.findText("Chen Jie"))
    assert save(planner)
    with db.unit_of_work() as session:
        saved = plans.load_plan(session, visit_id)
    assert [s.name for s in saved.tour.stops][-1] == "Showroom — wristband samples"
    assert saved.tour.door_back == "Chen Jie"


def test_bad_input_is_shown_next_to_the_field_and_nothing_saved(window, qtbot, db):
    planner = window.new_visit()
    settle(window)
    qtbot.keyClicks(planner.editors["overview"].title, "Visit")
    qtbot.keyClicks(planner.editors["overview"].company, "Acme")
    country = planner.editors["overview"].country
    country.lineEdit().selectAll()
    qtbot.keyClicks(country, "Atlantis")
    assert not save(planner)
    assert planner.error.text() == "Not saved: Overview › Country: no country is called “Atlantis”"
    beside = planner.editors["overview"].errors["company.country"]
    assert beside.isVisible() and beside.text() == "no country is called “Atlantis”"
    assert planner.tabs.currentWidget() is planner.editors["overview"] and country.hasFocus()
    assert window.model.total() == 0

    country.lineEdit().selectAll()
    qtbot.keyClicks(country, "Indonesia")  # not "IN", which is India
    assert country.code() == "ID"
    planner.editors["visitors"].items.add()
    assert not save(planner)  # a visitor without a name: the error is under the name
    visitors = planner.editors["visitors"]
    assert planner.tabs.currentWidget() is visitors
    assert visitors.form.errors["name"].text() == "must not be empty"
    assert planner.error.text() == "Not saved: Visitors › 1 › Name: must not be empty"
    assert window.model.total() == 0


def test_save_says_every_mistake_of_the_overview_at_once(window, qtbot, db):
    """An empty title and an end before the start were said one Save after the other."""
    from datetime import timedelta

    planner = window.new_visit()
    settle(window)
    overview = planner.editors["overview"]
    qtbot.keyClicks(overview.company, "Acme")
    overview.end.set_moment(overview.start.moment(planner.plan.zone) - timedelta(hours=2))
    assert not save(planner)
    assert planner.error.text() == (
        "Not saved: Overview › Visit: must not be empty; Overview › End: the visit must end after it starts; "
        "Overview › Country: must not be empty"
    )
    assert overview.errors["visit.title"].isVisible() and overview.errors["visit.end"].isVisible()
    assert overview.errors["visit.end"].text() == "the visit must end after it starts"
    assert overview.title.hasFocus()  # the cursor in the first
    assert window.model.total() == 0
    qtbot.keyClicks(overview.title, "Factory visit")  # corrected: its complaint goes, the others' stay
    qtbot.wait_until(lambda: not overview.errors["visit.title"].isVisible())
    settle(window)
    assert overview.errors["visit.end"].isVisible() and overview.errors["company.country"].isVisible()


def test_close_with_unsaved_changes_asks(window, qtbot):
    planner = window.new_visit()
    settle(window)
    qtbot.keyClicks(planner.editors["overview"].title, "Unsaved")
    answer(planner, "close_box", QMessageBox.Cancel)
    planner.close()
    assert planner.isVisible()  # cancelled: still open, edits kept
    assert planner.editors["overview"].title.text() == "Unsaved"
    answer(planner, "close_box", QMessageBox.Discard)
    planner.close()
    assert not planner.isVisible()


def test_planner_tabs_screenshots(window, qtbot, db, reference_plan, tmp_path):
    with db.unit_of_work() as session:
        plans.save(session, reference_plan, now=NOW)
    window.model.reload()
    settle(window)
    window.table.selectRow(0)
    planner = window.open_selected()
    settle(window)
    qtbot.wait_exposed(planner)
    for index in range(planner.tabs.count()):
        planner.tabs.setCurrentIndex(index)
        planner.grab().save(str(tmp_path / f"planner-{index}.png"))
    assert planner.findings.count() == 6  # the reference visit's six findings


def test_closing_the_main_window_asks_about_open_planners(window, qtbot):
    planner = window.new_visit()
    settle(window)
    qtbot.keyClicks(planner.editors["overview"].title, "Unsaved")
    answer(planner, "close_box", QMessageBox.Cancel)
    window.close()
    assert window.isVisible() and planner.isVisible()  # nothing lost


def finding(planner, code):
    for i in range(planner.findings.count()):
        if planner.findings.item(i).data(Qt.UserRole + 1) == code:
            return planner.findings.item(i)
    return None


def test_late_driver_leads_to_the_pickup_and_the_fix_is_saved(window, qtbot, db, reference_plan):
    visit_id, planner = open_plan(window, db, reference_plan)
    late = finding(planner, "pickup.driver_late")
    assert late is not None and late.data(Qt.UserRole) == "pickups[0].driver_due"
    planner.findings.itemClicked.emit(late)
    pickups = planner.editors["pickups"]
    assert planner.tabs.currentWidget() is pickups
    due = pickups.form.widgets["driver_due"]
    assert pickups.items.current_row() == 0 and due.hasFocus()
    assert due.text() == "02/12/2026 21:45" and cell(pickups.items, 0, 1) == "2 Dec, 21:45"

    due.setSelectedSection(QDateTimeEdit.MinuteSection)  # the minutes; then the arrow key
    for _step in range(40):
        qtbot.keyClick(due, Qt.Key_Down)
    assert due.text() == "02/12/2026 21:05"
    luggage = pickups.form.widgets["luggage_pieces"]
    luggage.selectAll()
    qtbot.keyClicks(luggage, "5")
    qtbot.wait_until(lambda: finding(planner, "pickup.driver_late") is None, timeout=3000)
    assert planner.dirty and save(planner)
    with db.unit_of_work() as session:
        saved = plans.load_plan(session, visit_id)
    first = saved.pickups[0]
    assert saved.local(first.driver_due).strftime("%Y-%m-%d %H:%M") == "2026-12-02 21:05"
    assert first.luggage_pieces == 5 and first.id == planner.plan.pickups[0].id
    assert [p.carrier_number for p in saved.pickups] == ["GA 898", ""]


def test_removing_a_pickup_keeps_the_others_own_ids(window, qtbot, db, reference_plan):
    visit_id, planner = open_plan(window, db, reference_plan)
    pickups = planner.editors["pickups"]
    second_id = planner.plan.pickups[1].id
    pickups.items.focus(0)
    qtbot.mouseClick(pickups.items.remove_button, Qt.LeftButton)
    assert save(planner)
    with db.unit_of_work() as session:
        saved = plans.load_plan(session, visit_id)
    assert [(p.kind, p.id) for p in saved.pickups] == [("hotel_to_office", second_id)]


def test_hotel_stay_rooms_and_bad_dates(window, qtbot, db, reference_plan):
    visit_id, planner = open_plan(window, db, reference_plan)
    stays = planner.editors["stays"]
    shown = [cell(stays.items, 0, c) for c in range(4)]
    assert shown == ["Xiamen Marriott Hotel", "Wed 2 Dec", "Sat 5 Dec", "3 people"]
    planner.tabs.setCurrentWidget(stays)
    rooms = stays.form.widgets["rooms"]
    assert [(k.currentText(), n.value()) for k, n, _line in rooms.lines] == [("King", 3)]
    rooms.lines[0][0].setCurrentIndex(rooms.lines[0][0].findData("twin"))
    rooms.lines[0][1].setValue(2)
    qtbot.mouseClick(rooms.add_button, Qt.LeftButton)
    rooms.lines[1][0].setCurrentIndex(rooms.lines[1][0].findData("suite"))
    check_out = stays.form.widgets["check_out"]
    check_out.setDate(QDate(2026, 12, 1))  # before check-in
    assert not save(planner)
    assert planner.error.text() == "Not saved: Hotel › 1 › Check-out: check-out must be after check-in"
    assert stays.form.errors["check_out"].text() == "check-out must be after check-in" and check_out.hasFocus()

    check_out.setDate(QDate(2026, 12, 4))
    check_in = stays.form.widgets["check_in"]
    check_in.setDate(QDate(2026, 12, 1))  # a day earlier: the nights move with it
    assert check_out.date() == QDate(2026, 12, 3)
    assert save(planner)
    with db.unit_of_work() as session:
        stay = plans.load_plan(session, visit_id).hotel_stays[0]
    assert [(r.type, r.count) for r in stay.rooms] == [("twin", 2), ("suite", 1)]
    assert (stay.check_in.isoformat(), stay.check_out.isoformat()) == ("2026-12-01", "2026-12-03")
    assert (stay.booked_by, stay.paid_by) == ("us", "client")


def test_saved_companies_places_and_dishes_are_offered(window, qtbot, db, reference_plan):
    with db.unit_of_work() as session:
        plans.save(session, reference_plan, now=NOW)
    planner = window.new_visit()
    settle(window)
    overview = planner.editors["overview"]
    offered = overview.company.completer()
    offered.setCompletionPrefix("sinar")  # any part of the name, in any case
    assert offered.currentCompletion() == "PT Sinar Jaya Abadi"
    overview.company.setText("PT Sinar Jaya Abadi")
    offered.activated.emit("PT Sinar Jaya Abadi")  # the user picks it from the list
    assert (overview.country.code(), overview.city.text()) == ("ID", "Jakarta")
    assert overview.locale.code() == "id_ID"

    meals = planner.editors["meals"]
    planner.tabs.setCurrentWidget(meals)
    qtbot.mouseClick(meals.items.add_button, Qt.LeftButton)
    add_dish(qtbot, meals, "Sweet and sour pork")
    assert meals.dishes.form.widgets["contains"].value() == ("pork", "gluten")  # as saved, at once
    type_text(qtbot, meals.form.widgets["restaurant.name"], "Bismillah Lanzhou Kitchen")
    assert meals.form.widgets["restaurant.halal_certified"].isChecked()  # the saved restaurant's
    assert meals.form.widgets["restaurant.drive_minutes"].value_or_none() == 15

    stays = planner.editors["stays"]
    planner.tabs.setCurrentWidget(stays)
    qtbot.mouseClick(stays.items.add_button, Qt.LeftButton)
    hotel = stays.form.widgets["hotel.name"]
    assert hotel.completer().model().stringList() == ["Xiamen Marriott Hotel"]
    type_text(qtbot, hotel, "Xiamen Marriott Hotel")
    assert stays.form.widgets["hotel.drive_minutes"].value_or_none() == 35
    assert stays.form.widgets["hotel.address"].text() == "8 Jiahe Road, Siming District, Xiamen"
    assert hotel.hasFocus() and hotel.cursorPosition() == len("Xiamen Marriott Hotel")  # still typing


def test_driver_and_vehicle_are_picked_from_lists(window, qtbot, db, reference_plan):
    with db.unit_of_work() as session:  # a vehicle another visit saved
        session.add(Vehicle(name="Toyota Coaster", seats=20, version=1))
    visit_id, planner = open_plan(window, db, reference_plan)
    pickups = planner.editors["pickups"]
    planner.tabs.setCurrentWidget(pickups)
    pickups.items.select(1)
    driver = pickups.form.widgets["driver"]
    assert [driver.itemText(i) for i in range(driver.count())] == ["", "Chen Jie", "Li Wei", "Zhang Min", "Wang Fang"]
    assert not driver.isEditable()
    driver.setCurrentIndex(2)
    assert cell(pickups.items, 1, 4) == "Li Wei"

    vehicle = pickups.form.widgets["vehicle.name"]
    assert [vehicle.itemText(i) for i in range(vehicle.count())][:3] == ["", "Buick GL8", "Toyota Coaster"]
    vehicle.setCurrentIndex(vehicle.findText("Toyota Coaster"))
    assert pickups.form.widgets["vehicle.seats"].value() == 20  # the seats it was saved with
    assert save(planner)
    with db.unit_of_work() as session:
        saved = plans.load_plan(session, visit_id).pickups[1]
    assert (saved.driver, saved.vehicle.name, saved.vehicle.seats) == ("Li Wei", "Toyota Coaster", 20)


def test_undo_and_redo_step_through_the_edits(window, qtbot, db, reference_plan):
    visit_id, planner = open_plan(window, db, reference_plan)
    assert not planner.undo_action.isEnabled() and not planner.redo_action.isEnabled()
    overview = planner.editors["overview"]
    planner.tabs.setCurrentWidget(overview)
    overview.purpose.selectAll()
    qtbot.keyClicks(overview.purpose, "Price talks")  # one step, however many keys
    visitors = planner.editors["visitors"]
    planner.tabs.setCurrentWidget(visitors)
    add_visitor(qtbot, visitors, "Siti Nurhaliza")
    names = [v.name for v in reference_plan.visitors]
    assert planner.collect().purpose == "Price talks"
    assert [v.name for v in planner.collect().visitors] == [*names, "Siti Nurhaliza"]
    assert planner.undo_stack.count() == 2 and planner.undo_action.isEnabled()

    planner.tabs.setCurrentWidget(overview)
    planner.undo_action.trigger()  # the new visitor goes, shown where she was added
    assert planner.tabs.currentWidget() is visitors
    assert [cell(visitors.items, r, 0) for r in range(visitors.items.model.rowCount())] == names
    assert planner.collect().purpose == "Price talks" and planner.dirty
    planner.undo_action.trigger()
    assert planner.collect() == planner._baseline and not planner.dirty
    assert not planner.windowTitle().startswith("* ")
    assert not planner.undo_action.isEnabled() and planner.redo_action.isEnabled()

    planner.redo_action.trigger()
    planner.redo_action.trigger()
    assert planner.collect().purpose == "Price talks" and planner.dirty
    assert [v.name for v in planner.collect().visitors] == [*names, "Siti Nurhaliza"]
    assert save(planner)
    assert planner.undo_stack.count() == 0  # a save starts a new history
    with db.unit_of_work() as session:
        saved = plans.load_plan(session, visit_id)
    assert saved.purpose == "Price talks" and [v.name for v in saved.visitors] == [*names, "Siti Nurhaliza"]
    assert [a.text() for a in planner.menuBar().actions()] == ["&Visit", "&Edit"]


def test_a_visitor_renamed_or_a_host_removed_is_followed_on_every_tab(window, qtbot, db, reference_plan):
    visit_id, planner = open_plan(window, db, reference_plan)
    visitors = planner.editors["visitors"]
    planner.tabs.setCurrentWidget(visitors)
    visitors.items.select(0)
    name = visitors.form.widgets["name"]
    name.end(False)
    type_text(qtbot, name, " Jr.")  # typed a key at a time: each step renames
    pickups = planner.editors["pickups"]
    assert pickups.items.items()[0].passengers == ("Budi Santoso Jr.", "Siti Rahmawati", "Hendra Wijaya")
    pickups.items.select(0)
    assert pickups.form.widgets["passengers"].value()[0] == "Budi Santoso Jr."

    name.selectAll()
    for _key in range(len("Budi Santoso Jr.")):  # cleared a key at a time, then typed anew
        qtbot.keyClick(name, Qt.Key_Backspace)
    assert name.text() == ""
    type_text(qtbot, name, "Budi S.")
    assert pickups.items.items()[0].passengers == ("Budi S.", "Siti Rahmawati", "Hendra Wijaya")
    assert planner.editors["meals"].items.items()[0].attendees[0] == "Budi S."
    pickups.items.select(0)
    offered = pickups.form.widgets["passengers"]
    assert [offered.item(i).text() for i in range(offered.count())] == [
        "Budi S.",
        "Siti Rahmawati",
        "Hendra Wijaya",
    ]  # no half-typed name left over in the list

    hosts = planner.editors["hosts"]
    planner.tabs.setCurrentWidget(hosts)
    hosts.items.select(0)  # Li Wei: the guide, a presenter, at both meals
    hosts.items.view.setFocus()
    qtbot.keyClick(hosts.items.view, Qt.Key_Delete)
    assert planner.editors["tour"].guide.value() is None
    assert all(a.presenter != "Li Wei" for a in planner.editors["agenda"].items.items())
    assert save(planner), planner.error.text()  # nothing names a person who is not there
    with db.unit_of_work() as session:
        saved = plans.load_plan(session, visit_id)
    assert saved.gifts[0].recipient == "Budi S." and "Budi S." in saved.hotel_stays[0].guests
    assert saved.tour.guide is None and "Li Wei" not in saved.meals[0].attendees


def test_a_returning_client_s_visitors_and_our_staff_come_back_as_saved(window, qtbot, db, reference_plan):
    with db.unit_of_work() as session:
        plans.save(session, reference_plan, now=NOW)
    planner = window.new_visit()
    settle(window)
    overview = planner.editors["overview"]
    overview.company.setText("PT Sinar Jaya Abadi")
    overview.company.completer().activated.emit("PT Sinar Jaya Abadi")  # picked from the list
    visitors = planner.editors["visitors"]
    planner.tabs.setCurrentWidget(visitors)
    qtbot.mouseClick(visitors.items.add_button, Qt.LeftButton)
    name = visitors.form.widgets["name"]
    assert name.completer().model().stringList() == ["Budi Santoso", "Hendra Wijaya", "Siti Rahmawati"]
    type_text(qtbot, name, "Siti Rahmawati")
    siti = visitors.items.items()[0]
    assert (siti.dietary, siti.allergies, siti.title) == (("halal",), ("shellfish",), "Quality Manager")
    assert visitors.form.widgets["allergies"].value() == ("shellfish",)  # shown, not only kept

    hosts = planner.editors["hosts"]
    planner.tabs.setCurrentWidget(hosts)
    qtbot.mouseClick(hosts.items.add_button, Qt.LeftButton)
    type_text(qtbot, hosts.form.widgets["name"], "Chen Jie")
    chen = hosts.items.items()[0]
    assert (chen.roles, chen.phone, chen.languages) == (("driver",), "+86 138 0000 0003", ("zh",))

    planner.tabs.setCurrentWidget(visitors)
    qtbot.mouseClick(visitors.items.add_button, Qt.LeftButton)
    type_text(qtbot, visitors.form.widgets["name"], "Budi")  # someone else: stays as typed
    assert visitors.items.items()[-1] == VisitorData("Budi", languages=("id",))  # the client's, to begin with
