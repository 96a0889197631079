"""The planner's timeline driven with the mouse and the keyboard: a click opens the item in its
tab, a drag moves it in five-minute steps (one undo step), the arrow keys too; findings mark
their blocks."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QPointF, Qt

from tests.ui.helpers import open_plan


def first_day(window, db, reference_plan, qtbot):
    _visit_id, planner = open_plan(window, db, reference_plan)
    planner.tabs.setCurrentWidget(planner.timeline)
    tab = planner.timeline
    qtbot.wait_until(lambda: tab.day_box.count() == 3, timeout=3000)
    # The arrival evening; Friday has nothing planned yet, but the halal visitors' midday prayer.
    assert [tab.day_box.itemText(i) for i in range(3)] == ["Wed 2 Dec", "Thu 3 Dec", "Fri 4 Dec ◆"]
    tab.day_box.setCurrentIndex(1)
    tab.view.resize(900, 400)
    return planner, tab.view


def centre(view, target):
    block = next(b for b in view.day.blocks if b.target == target)
    return view.block_rects(block)[0].center(), block


def test_blocks_lie_on_their_people_s_lanes_and_findings_mark_them(window, qtbot, db, reference_plan):
    _planner, view = first_day(window, db, reference_plan, qtbot)
    assert view.day.lanes[:3] == ("", "Li Wei", "Zhang Min")
    lunch_rects = view.block_rects(next(b for b in view.day.blocks if b.target == "meals[0]"))
    assert len(lunch_rects) == 3  # the visitors, Li Wei and Zhang Min at lunch
    assert "pork" in " ".join(view.marks["meals[0]"])  # a dish breaks a diet: the block is marked
    assert "meals[1]" not in view.marks
    point, block = centre(view, "tour")
    assert view.block_at(point) is block and "QC laboratory" in view.describe(block)


def test_a_click_opens_the_item_in_its_tab(window, qtbot, db, reference_plan):
    planner, view = first_day(window, db, reference_plan, qtbot)
    point, _block = centre(view, "meals[1]")
    qtbot.mouseClick(view, Qt.LeftButton, pos=point.toPoint())
    meals = planner.editors["meals"]
    assert planner.tabs.currentWidget() is meals and meals.items.current_row() == 1
    assert not planner.dirty


def test_a_drag_moves_the_item_by_five_minute_steps_and_undo_puts_it_back(window, qtbot, db, reference_plan):
    planner, view = first_day(window, db, reference_plan, qtbot)
    point, _block = centre(view, "meals[0]")
    per_minute = view._per_minute()
    qtbot.mousePress(view, Qt.LeftButton, pos=point.toPoint())
    qtbot.mouseMove(view, (point + QPointF(32 * per_minute, 0)).toPoint())  # 32 minutes: 30 snapped
    qtbot.mouseRelease(view, Qt.LeftButton, pos=(point + QPointF(32 * per_minute, 0)).toPoint())
    lunch = planner.collect().meals[0]
    assert lunch.start == reference_plan.meals[0].start + timedelta(minutes=30)
    assert lunch.end - lunch.start == reference_plan.meals[0].end - reference_plan.meals[0].start
    assert planner.dirty
    planner.undo_action.trigger()
    assert planner.collect().meals[0].start == reference_plan.meals[0].start and not planner.dirty


def test_the_arrow_keys_move_the_selected_block(window, qtbot, db, reference_plan):
    planner, view = first_day(window, db, reference_plan, qtbot)
    point, _block = centre(view, "agenda[5]")  # the negotiation, 14:00
    qtbot.mouseClick(view, Qt.LeftButton, pos=point.toPoint())
    planner.tabs.setCurrentWidget(planner.timeline)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key_Right)
    qtbot.keyClick(view, Qt.Key_Left, Qt.ShiftModifier)
    assert planner.collect().agenda[5].start == reference_plan.agenda[5].start + timedelta(minutes=5 - 30)


def test_dragging_a_block_s_end_changes_its_length(window, qtbot, db, reference_plan):
    planner, view = first_day(window, db, reference_plan, qtbot)
    block = next(b for b in view.day.blocks if b.target == "agenda[5]")  # the talks, 14:00-16:00
    rect = view.block_rects(block)[0]
    end = QPointF(rect.right() - 2, rect.center().y())
    assert view.on_end(end) is block and view.on_end(rect.center()) is None
    later = end + QPointF(15 * view._per_minute(), 0)
    qtbot.mousePress(view, Qt.LeftButton, pos=end.toPoint())
    qtbot.mouseMove(view, later.toPoint())
    qtbot.mouseRelease(view, Qt.LeftButton, pos=later.toPoint())
    talks = planner.collect().agenda[5]
    assert (talks.start, talks.minutes) == (reference_plan.agenda[5].start, 135)
    tour = next(b for b in view.day.blocks if b.target == "tour")
    tour_rect = view.block_rects(tour)[0]
    assert view.on_end(QPointF(tour_rect.right() - 2, tour_rect.center().y())) is None  # as long as its stops


def test_an_item_chosen_in_its_tab_is_the_one_chosen_on_the_timeline(window, qtbot, db, reference_plan):
    planner, view = first_day(window, db, reference_plan, qtbot)
    planner.timeline.day_box.setCurrentIndex(1)
    pickups = planner.editors["pickups"]
    pickups.items.select(0)  # the arrival, the evening before
    assert planner.timeline.day_box.currentIndex() == 0 and view.selected == "pickups[0]"
    planner.editors["meals"].items.select(1)
    assert planner.timeline.day_box.currentIndex() == 1 and view.selected == "meals[1]"
    planner.timeline.day_box.setCurrentIndex(0)
    planner.editors["tour"].stops.select(2)  # a stop of the tour: the tour's block
    assert planner.timeline.day_box.currentIndex() == 1 and view.selected == "tour"


def test_the_check_reads_the_plan_as_the_drop_would_make_it_while_dragging(window, qtbot, db, reference_plan):
    planner, view = first_day(window, db, reference_plan, qtbot)

    def overlap_found() -> bool:
        texts = [planner.findings.item(i).text() for i in range(planner.findings.count())]
        return any("overlap" in t and "Order details" in t for t in texts)

    assert not overlap_found()
    point, _block = centre(view, "meals[0]")  # lunch 12:00-13:15
    onto_the_talks = point + QPointF(120 * view._per_minute(), 0)  # 14:00: the negotiation
    qtbot.mousePress(view, Qt.LeftButton, pos=point.toPoint())
    qtbot.mouseMove(view, onto_the_talks.toPoint())
    qtbot.wait_until(overlap_found, timeout=3000)  # before the drop
    assert planner.collect().meals[0].start == reference_plan.meals[0].start and "meals[0]" in view.marks
    qtbot.mouseMove(view, point.toPoint())  # changed their mind: back where it was
    qtbot.mouseRelease(view, Qt.LeftButton, pos=point.toPoint())
    qtbot.wait_until(lambda: not overlap_found(), timeout=3000)
    assert not planner.dirty


def codes(planner) -> set[str]:
    return {planner.findings.item(i).data(Qt.UserRole + 1) for i in range(planner.findings.count())}


def drag(qtbot, view, target: str, minutes: int) -> None:
    point, _block = centre(view, target)
    to = point + QPointF(minutes * view._per_minute(), 0)
    qtbot.mousePress(view, Qt.LeftButton, pos=point.toPoint())
    qtbot.mouseMove(view, to.toPoint())
    qtbot.mouseRelease(view, Qt.LeftButton, pos=to.toPoint())


def test_a_meal_dropped_onto_the_negotiation_overlaps_until_undone(window, qtbot, db, reference_plan):
    planner, view = first_day(window, db, reference_plan, qtbot)
    assert "schedule.overlap" not in codes(planner)
    drag(qtbot, view, "meals[0]", 120)  # lunch 12:00 → 14:00, the talks' time
    qtbot.wait_until(lambda: "schedule.overlap" in codes(planner), timeout=3000)
    planner.undo_action.trigger()
    qtbot.wait_until(lambda: "schedule.overlap" not in codes(planner), timeout=3000)


def test_the_driver_moved_before_the_landing_is_no_longer_late(window, qtbot, db, reference_plan):
    planner, view = first_day(window, db, reference_plan, qtbot)
    planner.timeline.day_box.setCurrentIndex(0)  # the arrival evening
    assert "pickup.driver_late" in codes(planner)  # due 21:45, lands 21:35
    drag(qtbot, view, "pickups[0]", -30)
    qtbot.wait_until(lambda: "pickup.driver_late" not in codes(planner), timeout=3000)
    assert planner.collect().pickups[0].driver_due == reference_plan.pickups[0].driver_due - timedelta(minutes=30)


def test_a_click_on_a_marked_block_lands_on_the_item(window, qtbot, db, reference_plan):
    planner, view = first_day(window, db, reference_plan, qtbot)
    assert "meals[0]" in view.marks  # a forbidden dish
    point, _block = centre(view, "meals[0]")
    qtbot.mouseClick(view, Qt.LeftButton, pos=point.toPoint())
    meals = planner.editors["meals"]
    assert planner.tabs.currentWidget() is meals and meals.items.current_row() == 0


def test_a_day_shows_its_calendar_notes_and_shades_their_windows(window, qtbot, db, reference_plan):
    planner, view = first_day(window, db, reference_plan, qtbot)
    tab = planner.timeline
    assert not tab.notes.isVisible() and view.windows == ()  # Thursday: nothing on the calendars
    assert planner.go_to("day:2026-12-04")  # as a finding about a whole day asks
    assert planner.tabs.currentWidget() is tab and tab.day_box.currentText() == "Fri 4 Dec ◆"
    assert tab.notes.isVisible() and tab.notes.text().startswith("◆ Friday prayer 11:50–12:50")
    assert [w.kind for w in view.windows] == ["prayer"]
    inside = view._x(view.windows[0].start) + 5
    assert view.windows_at(inside) == ["Friday prayer 11:50–12:50"]  # its tooltip
    assert view.windows_at(view._x(view.windows[0].end) + 1) == []
    assert not planner.go_to("day:2026-12-25")  # not a day of the visit


def test_window_tooltips_say_from_until_and_all_day(window, qtbot, db, reference_plan):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from hospitality_app.hosting_calendars.day_notes import Window

    _planner, view = first_day(window, db, reference_plan, qtbot)
    zone = ZoneInfo("Asia/Shanghai")
    day = view.day.day
    midnight = datetime(day.year, day.month, day.day, tzinfo=zone)
    view.windows = (Window("shabbat", midnight.replace(hour=17, minute=19), midnight + timedelta(days=1)),)
    assert view.windows_at(view._x(midnight.replace(hour=17, minute=30))) == ["Shabbat from 17:19"]
    view.windows = (Window("shabbat", midnight, midnight.replace(hour=17, minute=59)),)
    assert view.windows_at(view._x(midnight.replace(hour=9))) == ["Shabbat until 17:59"]
    view.windows = (Window("closed", midnight, midnight + timedelta(days=1)),)
    assert view.windows_at(view._x(midnight.replace(hour=9))) == ["Factory shut down all day"]


def test_the_hours_widen_to_show_where_sunset_and_nightfall_fall(window, qtbot, db, reference_plan):
    from dataclasses import replace
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from hospitality_app.hosting_calendars.day_notes import Window

    planner, view = first_day(window, db, reference_plan, qtbot)
    day = replace(view.day, first_hour=18, last_hour=21)  # an evening dinner alone
    midnight = datetime(day.day.year, day.day.month, day.day.day, tzinfo=ZoneInfo("Asia/Shanghai"))
    friday = (Window("shabbat", midnight.replace(hour=17, minute=19), midnight + timedelta(days=1)),)
    assert (planner.timeline._with_window_edges(day, friday).first_hour, day.last_hour) == (17, 21)
    saturday = (Window("shabbat", midnight, midnight.replace(hour=22, minute=5)),)
    widened = planner.timeline._with_window_edges(replace(day, first_hour=9), saturday)
    assert (widened.first_hour, widened.last_hour) == (9, 23)
    fast = (Window("fast", midnight.replace(hour=5, minute=11), midnight.replace(hour=17, minute=43)),)
    assert planner.timeline._with_window_edges(replace(day, first_hour=9, last_hour=17), fast).first_hour == 9
