"""The planner's list-and-form tabs (visitors, hosts, agenda, gifts), driven as a user would:
the keyboard adds, removes and moves items; people are picked, amounts and times typed into real
controls; the bottom lines stay hidden from staff; labels are shown in the interface language."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from hospitality_app.i18n import label, set_language
from tests.ui.helpers import open_plan, save, settle, stored, type_text

NOW = datetime(2026, 11, 22, 1, tzinfo=UTC)


def names(items) -> list[str]:
    return [items.model.index(r, 0).data() for r in range(items.model.rowCount())]


def test_the_keyboard_adds_moves_and_removes_visitors(window, qtbot, db, reference_plan):
    visit_id, planner = open_plan(window, db, reference_plan)
    visitors = planner.editors["visitors"]
    planner.tabs.setCurrentWidget(visitors)
    qtbot.wait_exposed(planner)
    before = [v.name for v in reference_plan.visitors]
    assert names(visitors.items) == before and len(before) >= 2
    view = visitors.items.view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key_Insert)  # a new visitor, last, the cursor in the name
    assert visitors.items.current_row() == len(before)
    type_text(qtbot, visitors.form.widgets["name"], "Сергей Иванов")
    assert names(visitors.items) == [*before, "Сергей Иванов"]
    view.setFocus()
    qtbot.keyClick(view, Qt.Key_Up, Qt.ControlModifier)  # moves up one
    assert names(visitors.items) == [*before[:-1], "Сергей Иванов", before[-1]]
    assert visitors.items.current_row() == len(before) - 1
    qtbot.keyClick(view, Qt.Key_Down, Qt.ControlModifier)
    assert names(visitors.items) == [*before, "Сергей Иванов"]
    qtbot.keyClick(view, Qt.Key_D, Qt.ControlModifier)  # a copy, to be renamed
    assert names(visitors.items) == [*before, "Сергей Иванов", "Сергей Иванов"]
    qtbot.keyClick(view, Qt.Key_Delete)
    assert names(visitors.items) == [*before, "Сергей Иванов"]
    assert save(planner), planner.error.text()
    assert [v.name for v in stored(db, visit_id).visitors] == [*before, "Сергей Иванов"]


def test_the_empty_list_says_what_to_do_and_the_buttons_follow_the_selection(window, qtbot):
    planner = window.new_visit()
    settle(window)
    hosts = planner.editors["hosts"].items
    assert hosts.detail.currentWidget() is hosts.placeholder
    assert "Add the colleagues who receive the visitors" in hosts.placeholder.text()
    assert not hosts.remove_button.isEnabled() and not hosts.copy_action.isEnabled()
    hosts.add()
    assert hosts.remove_button.isEnabled() and not hosts.up_action.isEnabled()
    assert hosts.detail.currentWidget() is not hosts.placeholder
    hosts.remove()
    assert hosts.detail.currentWidget() is hosts.placeholder


def test_a_host_s_roles_and_languages_are_ticked_never_typed(window, qtbot, db):
    planner = window.new_visit()
    settle(window)
    overview = planner.editors["overview"]
    qtbot.keyClicks(overview.title, "Roles")
    qtbot.keyClicks(overview.company, "Acme")
    qtbot.keyClicks(overview.country, "Germany")
    qtbot.keyClick(overview.country, Qt.Key_Return)
    assert overview.locale.code() == "de_DE"
    hosts = planner.editors["hosts"]
    hosts.items.add()
    type_text(qtbot, hosts.form.widgets["name"], "Chen Jie")
    roles = hosts.form.widgets["roles"]
    assert roles.boxes["sales_lead"].text() == "Sales lead" == label("sales_lead")
    roles.boxes["sales_lead"].click()
    roles.boxes["guide"].click()
    spoken = hosts.form.widgets["languages"]
    chinese = next(
        spoken.list.item(i) for i in range(spoken.list.count()) if spoken.list.item(i).data(Qt.UserRole) == "zh"
    )
    assert chinese.text() == "Chinese"
    chinese.setCheckState(Qt.Checked)
    spoken.other.setCurrentIndex(spoken.other.findData("ms"))
    spoken.other.activated.emit(spoken.other.currentIndex())  # "Another language…": Malay
    assert hosts.items.model.index(0, 1).data() == "Sales lead, Guide"
    assert save(planner), planner.error.text()
    host = stored(db, planner.visit_id).hosts[0]
    assert (host.name, host.roles, host.languages) == ("Chen Jie", ("sales_lead", "guide"), ("zh", "ms"))


def test_agenda_items_follow_each_other_and_pick_their_presenter(window, qtbot, db, reference_plan):
    visit_id, planner = open_plan(window, db, replace(reference_plan, agenda=()))
    agenda = planner.editors["agenda"]
    planner.tabs.setCurrentWidget(agenda)
    agenda.items.add()
    form = agenda.form
    type_text(qtbot, form.widgets["title"], "Price negotiation")
    presenter = form.widgets["presenter"]
    offered = [presenter.itemText(i) for i in range(presenter.count())]
    assert offered == ["", *(h.name for h in reference_plan.hosts)]  # the hosts, and nobody
    presenter.setCurrentIndex(1)
    form.widgets["minutes"].setValue(60)  # 09:00-10:00, before the tour (10:30)
    form.widgets["topics"].boxes["price"].click()
    form.widgets["kind"].setCurrentIndex(form.widgets["kind"].findData("negotiation"))
    first = agenda.items.items()[0]
    assert first.start == reference_plan.start and first.minutes == 60
    agenda.items.add()  # the next item starts when the last one ends
    assert agenda.items.items()[1].start == first.end
    type_text(qtbot, form.widgets["title"], "Lunch break")
    assert save(planner), planner.error.text()
    saved = stored(db, visit_id).agenda
    assert [(a.title, a.kind, a.minutes, a.presenter, a.topics) for a in saved] == [
        ("Price negotiation", "negotiation", 60, reference_plan.hosts[0].name, ("price",)),
        ("Lunch break", "other", 30, None, ()),
    ]


def test_bottom_lines_a_user_may_not_read_stay_unread_and_untouched(window, qtbot, db, reference_plan):
    _visit_id, planner = open_plan(window, db, reference_plan)
    agenda = planner.editors["agenda"]
    hidden = replace(
        planner.plan,
        agenda=tuple(
            replace(a, bottom_lines=None, bottom_lines_exist=a.kind == "negotiation") for a in planner.plan.agenda
        ),
    )
    agenda.load(hidden)  # what team mode gives a user who is not a manager
    agenda.items.select(0)
    box = agenda.form.widgets["bottom_lines"]
    assert box.isReadOnly() and box.toPlainText() == ""
    assert box.placeholderText() == "Only managers can read and change the bottom lines."
    agenda.items.select(next(i for i, a in enumerate(hidden.agenda) if a.kind == "negotiation"))
    assert box.isReadOnly() and box.toPlainText() == ""  # that there are some, not what they say
    assert box.placeholderText() == "The manager has set bottom lines here; only managers can read and change them."
    agenda.items.select(0)
    type_text(qtbot, agenda.form.widgets["title"], "!")
    assert agenda.items.items()[0].bottom_lines is None  # kept unread, so saving leaves it alone

    agenda.load(planner.plan)  # a manager reads and edits them
    agenda.items.select(0)
    assert not box.isReadOnly() and box.toPlainText() == (planner.plan.agenda[0].bottom_lines or "")


def test_a_gift_for_a_visitor_with_its_value_and_currency(window, qtbot, db, reference_plan):
    visit_id, planner = open_plan(window, db, replace(reference_plan, gifts=()))
    gifts = planner.editors["gifts"]
    planner.tabs.setCurrentWidget(gifts)
    assert gifts.items.detail.currentWidget() is gifts.items.placeholder
    gifts.items.add()
    form = gifts.form
    type_text(qtbot, form.widgets["item"], "Tieguanyin tea set")
    recipient = form.widgets["recipient"]
    assert [recipient.itemText(i) for i in range(recipient.count())] == ["", *(v.name for v in reference_plan.visitors)]
    recipient.setCurrentIndex(1)
    money = form.widgets["value"]
    assert money.amount.text() == "no value given" and money.currency.code() == "CNY"
    money.amount.setValue(380.5)
    money.currency.setCurrentIndex(money.currency.findData("USD"))
    assert gifts.items.model.index(0, 2).data() == "US$380.50"  # British conventions: the dollar named
    assert save(planner), planner.error.text()
    gift = stored(db, visit_id).gifts[0]
    assert (gift.item, gift.recipient, gift.value, gift.currency) == (
        "Tieguanyin tea set",
        reference_plan.visitors[0].name,
        Decimal("380.5"),
        "USD",
    )


def test_correcting_the_visit_s_zone_keeps_the_times_as_typed(window, qtbot, db, reference_plan):
    _visit_id, planner = open_plan(window, db, reference_plan)
    before = [reference_plan.local(a.start).strftime("%Y-%m-%d %H:%M") for a in reference_plan.agenda]
    zone = planner.editors["overview"].timezone
    zone.setCurrentIndex(zone.findData("Asia/Jakarta"))  # an hour behind Xiamen
    plan = planner.collect()
    assert plan.timezone == "Asia/Jakarta"
    assert [plan.local(a.start).strftime("%Y-%m-%d %H:%M") for a in plan.agenda] == before
    # The visit's own start and end too (they were read in the computer's zone: 09:00 became 10:00).
    assert plan.local(plan.start) == reference_plan.local(reference_plan.start).replace(tzinfo=plan.zone)
    assert plan.local(plan.end) == reference_plan.local(reference_plan.end).replace(tzinfo=plan.zone)
    assert plan.agenda[0].start.astimezone(UTC) == reference_plan.agenda[0].start.astimezone(UTC).replace(
        hour=reference_plan.agenda[0].start.astimezone(UTC).hour + 1
    )


def test_a_time_the_clocks_skip_is_moved_past_the_gap_and_the_user_is_told(window, qtbot, db, reference_plan):
    """In Berlin the clocks go from 02:00 to 03:00 on 28 March 2027. Typing that day at 02:30
    was refused without a word (Qt put the previous value back, or kept the old minutes); it is
    now 03:30, and said."""
    from zoneinfo import ZoneInfo

    from PySide6.QtWidgets import QDateTimeEdit

    berlin = ZoneInfo("Europe/Berlin")
    _visit_id, planner = open_plan(window, db, reference_plan)
    overview = planner.editors["overview"]
    overview.timezone.setCurrentIndex(overview.timezone.findData("Europe/Berlin"))
    start = overview.start
    start.setFocus(Qt.TabFocusReason)  # come in with Tab: the day is selected
    qtbot.keyClicks(start, "280320270230")  # typed without separators, as DateTyping allows
    assert start.text() == "28/03/2027 02:30"  # as typed, minutes too, until the field is left
    qtbot.keyClick(start, Qt.Key_Tab)
    assert not start.hasFocus()
    assert start.text() == "28/03/2027 03:30"
    assert start.moment(berlin) == datetime(2027, 3, 28, 3, 30, tzinfo=berlin)
    assert start.moment(berlin).astimezone(UTC) == datetime(2027, 3, 28, 1, 30, tzinfo=UTC)
    assert planner.statusBar().currentMessage() == (
        "28/03/2027 02:30 does not exist in Europe/Berlin: the clocks go forward then. It is now 28/03/2027 03:30."
    )
    # A time that exists is kept as typed, without a word; one part typed over, too.
    planner.statusBar().clearMessage()
    start.setFocus()
    start.setSelectedSection(QDateTimeEdit.HourSection)
    qtbot.keyClicks(start, "01")
    qtbot.keyClick(start, Qt.Key_Tab)
    assert start.moment(berlin) == datetime(2027, 3, 28, 1, 30, tzinfo=berlin)
    assert planner.statusBar().currentMessage() == ""


def test_a_click_in_a_date_field_selects_the_part_clicked_so_typing_replaces_it(window, qtbot, db, reference_plan):
    """A click landed on the line edit inside the field, which placed a cursor inside "06":
    digits typed then did nothing, and went on into the next fields once the user tabbed."""
    from PySide6.QtCore import QPoint

    _visit_id, planner = open_plan(window, db, reference_plan)
    start = planner.editors["overview"].start
    line = start.lineEdit()
    month = line.fontMetrics().horizontalAdvance("03/1")  # inside the month of "03/12/2026 09:00"
    qtbot.mouseClick(line, Qt.LeftButton, pos=QPoint(month + line.textMargins().left() + 2, line.height() // 2))
    qtbot.waitUntil(lambda: line.selectedText() == "12")
    qtbot.keyClicks(start, "11")
    assert start.text() == "03/11/2026 09:00"


def test_the_second_half_past_two_of_a_night_clocks_go_back_stays_the_second(window, qtbot):
    """02:30 happens twice in Berlin on 31 October 2027: a moment set at the second, and not
    changed, is read back as itself, not an hour earlier."""
    from zoneinfo import ZoneInfo

    from hospitality_app.ui.planner.widgets import LocalDateTime

    berlin = ZoneInfo("Europe/Berlin")
    field = LocalDateTime("Europe/Berlin")
    qtbot.addWidget(field)
    second = datetime(2027, 10, 31, 1, 30, tzinfo=UTC)  # 02:30 CET, after the clocks went back
    field.set_moment(second)
    assert field.text() == "31/10/2027 02:30"
    assert field.moment(berlin).astimezone(UTC) == second and field.moment(berlin).utcoffset().seconds == 3600
    precise = second.replace(microsecond=123_456)  # as datetime.now() gives it: still the second 02:30
    field.set_moment(precise)
    assert field.moment(berlin).astimezone(UTC) == precise
    field.set_zone("Asia/Shanghai")  # another zone: the same wall-clock time, in it
    assert field.text() == "31/10/2027 02:30"
    assert field.moment(ZoneInfo("Asia/Shanghai")) == datetime(2027, 10, 30, 18, 30, 0, 123_000, tzinfo=UTC)
    field.set_zone("Asia/Shang")  # half typed: no zone, the field keeps Shanghai's
    field.set_zone("")
    field.set_moment(datetime(2027, 1, 1, tzinfo=UTC))
    assert field.text() == "01/01/2027 08:00"


def test_an_error_lands_under_its_field_in_the_agenda(window, qtbot, db, reference_plan):
    _visit_id, planner = open_plan(window, db, reference_plan)
    agenda = planner.editors["agenda"]
    planner.tabs.setCurrentWidget(planner.editors["overview"])
    agenda.items.select(1)
    agenda.form.widgets["title"].setText("x" * 300)
    assert not save(planner)
    assert planner.tabs.currentWidget() is agenda and agenda.items.current_row() == 1
    error = agenda.form.errors["title"]
    assert error.isVisible() and error.text() == "too long: 300 characters (at most 200)"
    assert planner.error.text() == "Not saved: Agenda › 2 › Agenda item: too long: 300 characters (at most 200)"


def test_the_forms_speak_chinese(window, qtbot, db, reference_plan):
    set_language("zh_CN")
    try:
        _visit_id, planner = open_plan(window, db, reference_plan)
        visitors = planner.editors["visitors"]
        diet = visitors.form.widgets["dietary"].boxes["halal"]
        assert diet.text() == label("halal") != "Halal"
        header = [visitors.items.model.headerData(c, Qt.Horizontal) for c in range(3)]
        assert header == ["姓名", "饮食与过敏", "职务"]
        agenda = planner.editors["agenda"]
        assert agenda.items.model.headerData(2, Qt.Horizontal) != "职务"  # an agenda item, not a job title
        planner.editors["overview"].country.lineEdit().selectAll()
        qtbot.keyClicks(planner.editors["overview"].country, "Atlantis")
        assert not save(planner)
        assert planner.editors["overview"].errors["company.country"].text() == "没有名为“Atlantis”的国家"
        assert planner.error.text() == "未保存：概况 › 国家：没有名为“Atlantis”的国家"  # Chinese colons
        agenda.items.select(0)
        agenda.form.widgets["minutes"].setValue(0)  # the spin box refuses it: at least a minute
        assert agenda.form.widgets["minutes"].value() == 1
    finally:
        set_language("en")


def test_how_a_letter_addresses_a_visitor_and_whether_they_fast(window, qtbot, db, reference_plan):
    visit_id, planner = open_plan(window, db, reference_plan)
    visitors = planner.editors["visitors"]
    planner.tabs.setCurrentWidget(visitors)
    visitors.items.select(1)  # Siti Rahmawati
    form = visitors.form
    salutation, fasting = form.widgets["salutation"], form.widgets["observes_fasting"]
    assert salutation.currentText() == "Not said" and fasting.currentText() == "Not said"
    assert [salutation.itemText(i) for i in range(salutation.count())] == ["Not said", "Mr", "Ms", "Mx", "Dr", "Prof"]
    salutation.setCurrentIndex(salutation.findData("dr"))
    type_text(qtbot, form.widgets["family_name"], "Rahmawati")
    fasting.setCurrentIndex(fasting.findData("no"))
    assert save(planner), planner.error.text()
    siti = stored(db, visit_id).visitors[1]
    assert (siti.salutation, siti.family_name, siti.observes_fasting) == ("dr", "Rahmawati", False)
    visitors.items.select(1)
    fasting.setCurrentIndex(fasting.findData(""))  # back to not said: None, not False
    assert save(planner), planner.error.text()
    assert stored(db, visit_id).visitors[1].observes_fasting is None


@pytest.mark.parametrize("typed", ["Turkey", "turkiye", "Türkiye", "TR", "Türkiye — Turkey (TR)"])
def test_a_country_is_found_by_the_name_people_type(window, qtbot, typed):
    planner = window.new_visit()
    settle(window)
    country = planner.editors["overview"].country
    country.lineEdit().selectAll()
    qtbot.keyClicks(country, typed) if typed.isascii() else type_text(qtbot, country.lineEdit(), typed)
    assert country.code() == "TR"


def test_names_that_name_two_countries_find_neither(window, qtbot):
    planner = window.new_visit()
    settle(window)
    country = planner.editors["overview"].country
    country.lineEdit().selectAll()
    qtbot.keyClicks(country, "Guinea")  # Guinea, Equatorial Guinea, Guinea-Bissau, Papua New Guinea
    assert country.code() == "GN"  # the whole name wins
    country.lineEdit().selectAll()
    qtbot.keyClicks(country, "Sudan")
    assert country.code() == "SD"
    country.lineEdit().selectAll()
    qtbot.keyClicks(country, "stan")
    assert country.code() is None  # Afghanistan, Kazakhstan…: not one of them


def test_topics_and_bottom_lines_show_for_a_negotiation_only(window, qtbot, db, reference_plan):
    _visit_id, planner = open_plan(window, db, reference_plan)
    agenda = planner.editors["agenda"]
    planner.tabs.setCurrentWidget(agenda)
    rows = agenda.form.rows
    agenda.items.select(0)  # the welcome
    assert rows["topics"].isHidden() and rows["bottom_lines"].isHidden() and not rows["materials"].isHidden()
    talks = next(i for i, a in enumerate(reference_plan.agenda) if a.kind == "negotiation")
    agenda.items.select(talks)
    assert not rows["topics"].isHidden() and not rows["bottom_lines"].isHidden()
    agenda.items.select(0)
    kind = agenda.form.widgets["kind"]
    kind.setCurrentIndex(kind.findData("negotiation"))  # the welcome becomes talks: their fields appear
    qtbot.wait_until(lambda: not rows["topics"].isHidden(), timeout=2000)


def test_an_error_goes_once_its_field_is_corrected(window, qtbot, db, reference_plan):
    _visit_id, planner = open_plan(window, db, reference_plan)
    visitors = planner.editors["visitors"]
    planner.tabs.setCurrentWidget(visitors)
    visitors.items.add()
    assert not save(planner)
    error = visitors.form.errors["name"]
    assert error.isVisible() and error.text() == "must not be empty"
    type_text(qtbot, visitors.form.widgets["name"], "Ahmet Yılmaz")
    assert not error.isVisible() and error.text() == ""


def test_a_new_car_has_room_for_its_passengers_and_dates_offered_are_the_visit_s(window, qtbot, db, reference_plan):
    _visit_id, planner = open_plan(window, db, reference_plan)
    pickups = planner.editors["pickups"]
    planner.tabs.setCurrentWidget(pickups)
    pickups.items.add()  # a transfer, its car still to be named
    form = pickups.form
    form.widgets["vehicle.name"].setCurrentText("")
    pickups.items.select(pickups.items.model.rowCount() - 1)
    passengers = len(pickups.items.current().passengers)
    assert passengers == 3
    form.widgets["vehicle.name"].lineEdit().setText("")
    type_text(qtbot, form.widgets["vehicle.name"].lineEdit(), "Hongqi H9")
    assert form.widgets["vehicle.seats"].value() == passengers + 1  # the driver and everyone
    follow = planner.editors["follow_up"]
    follow.letter_sent.check.click()
    assert follow.letter_sent.value() == reference_plan.local(reference_plan.end).date()  # not today


def test_the_usual_programme_is_one_click_and_one_undo_step(window, qtbot, db, reference_plan):
    _visit_id, planner = open_plan(window, db, replace(reference_plan, agenda=()))
    agenda = planner.editors["agenda"]
    planner.tabs.setCurrentWidget(agenda)
    qtbot.mouseClick(agenda.usual, Qt.LeftButton)
    kinds = [a.kind for a in agenda.items.items()]
    assert kinds == ["welcome", "company_intro", "client_intro", "samples", "factory_tour", "negotiation", "photo"]
    assert agenda.items.current_row() == 0 and planner.dirty
    planner.undo_action.trigger()
    assert agenda.items.items() == [] and not planner.dirty


def test_a_half_typed_country_is_not_an_error_until_the_user_leaves_it(window, qtbot):
    planner = window.new_visit()
    settle(window)
    qtbot.wait_exposed(planner)
    planner.activateWindow()
    country = planner.editors["overview"].country
    country.setFocus()
    country.lineEdit().selectAll()
    qtbot.keyClicks(country, "Tur")
    planner.check()
    assert QApplication.focusWidget() is country  # the user is typing in it
    assert planner.error.text() == ""
    planner.findings.setFocus()
    planner.check()
    assert planner.error.text() == "Overview › Country: no country is called “Tur”"


def test_an_end_before_the_start_is_said_at_once_and_goes_once_corrected(window, qtbot, db, reference_plan):
    _visit_id, planner = open_plan(window, db, reference_plan)
    overview = planner.editors["overview"]
    end = overview.end
    end.setDateTime(overview.start.dateTime().addSecs(-3600))  # an hour before the start
    planner.findings.setFocus()  # the user has left the field
    planner.check()
    assert "must end after it starts" in planner.error.text()
    assert not save(planner)
    beside = overview.errors["visit.end"]
    assert beside.isVisible() and "must end after it starts" in beside.text()
    end.setDateTime(overview.start.dateTime().addSecs(8 * 3600))
    planner.check()
    assert planner.error.text() == "" and not beside.isVisible()


def test_a_new_visit_is_not_told_off_for_fields_not_filled_in_yet(window, qtbot):
    planner = window.new_visit()
    settle(window)
    planner.findings.setFocus()  # the cursor elsewhere: the empty title is unfinished, not wrong
    planner.check()
    qtbot.wait_until(lambda: planner.findings.count() > 0, timeout=3000)
    assert planner.error.text() == ""
    codes = {planner.findings.item(i).data(Qt.UserRole + 1) for i in range(planner.findings.count())}
    assert {"plan.no_visitors", "plan.no_hosts", "plan.no_agenda"} <= codes  # what it still lacks
    assert not save(planner) and "must not be empty" in planner.error.text()  # Save says it


def test_a_zone_is_offered_with_its_offsets_in_winter_and_in_summer():
    """Today's offset alone said UTC+01:00 for a Berlin visit in July."""
    from hospitality_app.ui.planner.pickers import _offsets

    assert _offsets("Europe/Berlin", 2027) == "UTC+01:00/+02:00"
    assert _offsets("Asia/Shanghai", 2027) == "UTC+08:00"
    assert _offsets("Australia/Lord_Howe", 2027) == "UTC+10:30/+11:00"  # half an hour's change
    assert _offsets("America/St_Johns", 2027) == "UTC−03:30/−02:30"
