"""What the planner fills in so that the user types only what differs: contents read from a dish's
name, the languages new people speak, a room each, the morning transfer from the hotel, the hosts
at table; and the list actions that save clicks (several items removed at once, a tick box for a
stop seen through the glass)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QItemSelectionModel, Qt

from hospitality_app.services.dto import RoomData
from tests.ui.helpers import open_plan, save, settle, stored, type_text

NOW = datetime(2026, 11, 22, 1, tzinfo=UTC)


def ticked(box) -> list[str]:
    return [code for code, b in box.boxes.items() if b.isChecked()]


def test_a_dish_s_name_ticks_what_it_contains_until_the_user_ticks_by_hand(window, qtbot, db, reference_plan):
    meal = replace(reference_plan.meals[0], dishes=())
    visit_id, planner = open_plan(window, db, replace(reference_plan, meals=(meal,)))
    meals = planner.editors["meals"]
    planner.tabs.setCurrentWidget(meals)
    dishes = meals.dishes
    qtbot.mouseClick(dishes.list.add_button, Qt.LeftButton)
    name, contains = dishes.form.widgets["name"], dishes.form.widgets["contains"]
    type_text(qtbot, name, "Garlic butter")
    assert ticked(contains) == ["dairy"]
    type_text(qtbot, name, " prawns")  # the ticks follow the name as it is typed
    assert ticked(contains) == ["shellfish", "dairy"]
    contains.boxes["soy"].click()  # the user's own tick: the name no longer changes the contents
    name.selectAll()
    type_text(qtbot, name, "Garlic butter shrimp")
    assert ticked(contains) == ["shellfish", "dairy", "soy"]
    qtbot.mouseClick(dishes.list.add_button, Qt.LeftButton)
    type_text(qtbot, dishes.form.widgets["name"], "宫保鸡丁")
    assert ticked(dishes.form.widgets["contains"]) == ["chicken", "peanuts"]
    assert save(planner), planner.error.text()
    saved = stored(db, visit_id).meals[0].dishes
    assert [(d.name, d.contains) for d in saved] == [
        ("Garlic butter shrimp", ("shellfish", "dairy", "soy")),
        ("宫保鸡丁", ("chicken", "peanuts")),
    ]


def test_a_dish_served_before_brings_its_own_contents_not_the_name_s(window, qtbot, db, reference_plan):
    _visit_id, planner = open_plan(window, db, reference_plan)  # saved: "Sweet and sour pork" has gluten too
    meals = planner.editors["meals"]
    planner.tabs.setCurrentWidget(meals)
    qtbot.mouseClick(meals.dishes.list.add_button, Qt.LeftButton)
    type_text(qtbot, meals.dishes.form.widgets["name"], "Sweet and sour pork")
    assert ticked(meals.dishes.form.widgets["contains"]) == ["pork", "gluten"]


def test_new_people_speak_the_likely_languages_and_a_new_meal_seats_the_table_hosts(window, qtbot, db, reference_plan):
    _visit_id, planner = open_plan(window, db, reference_plan)
    visitors, hosts = planner.editors["visitors"], planner.editors["hosts"]
    visitors.items.add()
    assert visitors.items.current().languages == ("id",)  # the client writes id_ID
    hosts.items.add()
    assert hosts.items.current().languages == ("zh",)  # Asia/Shanghai: China
    meals = planner.editors["meals"]
    meals.items.add()
    visitors_names = [v.name for v in reference_plan.visitors]
    assert meals.items.current().attendees == (*visitors_names, "Li Wei", "Zhang Min")


def test_a_new_stay_is_a_single_room_each_booked_by_us_and_the_next_transfer_leaves_the_hotel(
    window, qtbot, db, reference_plan
):
    _visit_id, planner = open_plan(window, db, replace(reference_plan, hotel_stays=(), pickups=()))
    stays = planner.editors["stays"]
    stays.items.add()
    stay = stays.items.current()
    assert (stay.rooms, stay.booked_by, stay.paid_by) == ((RoomData("single", 3),), "us", "client")
    assert stays.form.widgets["rooms"].value() == (RoomData("single", 3),)
    type_text(qtbot, stays.form.widgets["hotel.name"], "Xiamen Marriott Hotel")
    pickups = planner.editors["pickups"]
    pickups.items.add()  # the arrival
    pickups.items.add()  # the morning transfer
    transfer = pickups.items.current()
    assert (transfer.kind, transfer.origin, transfer.destination) == (
        "hotel_to_office",
        "Xiamen Marriott Hotel",
        "Office",
    )


def test_several_items_selected_are_removed_at_once_in_one_undo_step(window, qtbot, db, reference_plan):
    visit_id, planner = open_plan(window, db, reference_plan)
    agenda = planner.editors["agenda"]
    planner.tabs.setCurrentWidget(agenda)
    qtbot.wait_exposed(planner)
    before = agenda.items.items()
    agenda.items.select(1)
    agenda.items.view.selectionModel().select(
        agenda.items.model.index(3, 0), QItemSelectionModel.Select | QItemSelectionModel.Rows
    )
    qtbot.mouseClick(agenda.items.remove_button, Qt.LeftButton)
    assert agenda.items.items() == [before[0], before[2], *before[4:]]
    assert agenda.items.current_row() == 1  # where the first removed one was
    planner.undo_action.trigger()
    assert agenda.items.items() == before
    planner.redo_action.trigger()
    assert save(planner), planner.error.text()
    assert [a.title for a in stored(db, visit_id).agenda] == [a.title for a in (before[0], before[2], *before[4:])]


def test_a_stop_seen_through_the_glass_is_one_tick(window, qtbot, db, reference_plan):
    visit_id, planner = open_plan(window, db, reference_plan)
    tour = planner.editors["tour"]
    planner.tabs.setCurrentWidget(tour)
    tour.stops.select(0)
    glass = tour.form.widgets["view"]
    assert not glass.isChecked()  # the showroom: walked in
    glass.click()
    tour.stops.select(2)
    assert glass.isChecked()  # the encoding room, seen through the glass
    glass.click()
    assert save(planner), planner.error.text()
    assert [s.view for s in stored(db, visit_id).tour.stops] == ["glass_window", "walk_in", "walk_in", "walk_in"]


def test_tab_leaves_a_date_field_at_once_and_separators_stay_in_it(window, qtbot):
    planner = window.new_visit()
    settle(window)
    qtbot.wait_exposed(planner)
    overview = planner.editors["overview"]
    start, end = overview.start, overview.end
    start.setFocus()
    qtbot.wait_until(start.hasFocus)
    qtbot.keyClick(start, Qt.Key_Tab)
    assert end.hasFocus()  # not the start's month, day, hour and minute first
    qtbot.keyClick(end, Qt.Key_Backtab)
    assert start.hasFocus() and start.currentSectionIndex() == 0  # the day, not the minutes
    qtbot.keyClicks(start, "03/12/2026 09:00")  # typed with its separators, as it is shown
    assert start.hasFocus() and start.text() == "03/12/2026 09:00"
    qtbot.keyClick(start, Qt.Key_Tab)
    qtbot.keyClicks(end, "041220261700")  # or digits alone
    assert end.hasFocus() and end.text() == "04/12/2026 17:00"
    assert overview.office.text() == "" and not overview.key_account.isChecked()  # nothing spilt over


def test_a_new_agenda_item_after_the_morning_waits_until_the_tour_is_over(window, qtbot, db, reference_plan):
    morning = tuple(a for a in reference_plan.agenda if a.end <= reference_plan.tour.start)
    _visit_id, planner = open_plan(window, db, replace(reference_plan, agenda=morning))
    agenda = planner.editors["agenda"]
    assert agenda.items.items()[-1].end == reference_plan.tour.start  # 10:30, when the tour starts
    agenda.items.add()
    assert agenda.items.current().start == reference_plan.tour.end  # 11:35, not inside the tour


def test_a_tour_ticked_on_starts_after_the_morning_s_introductions(window, qtbot, db, reference_plan):
    _visit_id, planner = open_plan(window, db, replace(reference_plan, tour=None, agenda=()))
    tour = planner.editors["tour"]
    planner.tabs.setCurrentWidget(tour)
    tour.enabled.click()
    assert tour.start.moment(reference_plan.zone) == reference_plan.start + timedelta(minutes=90)  # 10:30


def test_both_items_that_overlap_are_marked(window, qtbot, db, reference_plan):
    tour = replace(reference_plan.tour, start=reference_plan.start)  # on top of the welcome
    _visit_id, planner = open_plan(window, db, replace(reference_plan, tour=tour))
    agenda = planner.editors["agenda"]
    model = agenda.items.model
    qtbot.wait_until(lambda: model.data(model.index(0, 0), Qt.ForegroundRole) is not None, timeout=3000)
    assert "overlap" in model.data(model.index(0, 0), Qt.ToolTipRole)  # the welcome, the first of the two


def test_a_new_visit_is_a_week_ahead_on_a_working_day():
    from hospitality_app.ui.planner.history import new_plan

    friday = datetime(2026, 12, 4, 3, tzinfo=UTC)
    assert new_plan(friday).start.date().isoformat() == "2026-12-11"  # the next Friday
    for weekend_day in (5, 6):  # a week from Saturday 5 or Sunday 6 December: Monday 14
        start = new_plan(datetime(2026, 12, weekend_day, 3, tzinfo=UTC), "Europe/Berlin").start
        assert (start.date().isoformat(), start.hour, start.tzinfo.key) == ("2026-12-14", 9, "Europe/Berlin")
