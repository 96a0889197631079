"""The manager's pages on the demo data: dashboard rows, double bookings, overdue follow-ups,
calendar, outcome charts, CSV and the monthly report."""

from __future__ import annotations

import csv
import re
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt

from hospitality_app.i18n import current_language, set_language
from hospitality_app.services import demo
from hospitality_app.ui.calendar_page import LINE, fitting
from hospitality_app.ui.calendar_week import HEADER, HOUR, HOURS_WIDTH
from hospitality_app.ui.planner.window import TAB_OF
from tests.ui.helpers import settle


@pytest.fixture(params=["en", "zh_CN"])
def window(request, qtbot, db):
    from hospitality_app.ui.main_window import MainWindow

    set_language(request.param)
    with db.unit_of_work() as session:
        demo.create_demo_visits(session, now=datetime.now(UTC))
    win = MainWindow(db)
    qtbot.add_widget(win)
    win.resize(1400, 860)
    win.show()
    settle(win)
    yield win
    set_language("en")


def texts(model, column):
    return [model.data(model.index(r, column)) for r in range(model.rowCount())]


def test_dashboard_rows_double_bookings_and_follow_ups(window, tmp_path):
    window.show_page("dashboard")
    settle(window)
    d = window.dashboard
    companies = texts(d.upcoming, 1)
    assert texts(d.upcoming, 2)[companies.index("PT Sinar Jaya Abadi")].startswith("PT Sinar Jaya")  # the visit's title
    assert "PT Sinar Jaya Abadi" in companies and "Shree Ganesh Packaging Pvt Ltd" in companies
    assert "Brightline Events Inc." not in companies  # it was three weeks ago
    assert sorted(texts(d.doubles, 1)) == ["Chen Jie", "Zhang Min"]
    follow = {row.company: (row.letter_missing, row.photos_missing) for row in d.follow_ups.rows()}
    assert follow == {"Brightline Events Inc.": (True, True)}
    assert [t.title for t in d.tasks.rows()] == ["Send the audit documents in Russian"]
    window.grab().save(str(tmp_path / f"dashboard-{window.windowTitle()[:5]}.png"))


def test_csv_export_and_monthly_report(window, tmp_path, qtbot):
    window.show_page("dashboard")
    settle(window)
    files = window.dashboard.export_csv(tmp_path)
    assert len(files) == 5
    with (tmp_path / "dashboard-doubles.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert len(rows) == 3 and {rows[1][1], rows[2][1]} == {"Chen Jie", "Zhang Min"}
    today = datetime.now(UTC)
    window.dashboard.save_report(tmp_path / "report.pdf", today.year, today.month)
    settle(window)  # read on the database thread, drawn and written on another
    qtbot.wait_until(lambda: window.dashboard.report_job.done)
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF")
    assert window.dashboard.status.text().endswith(str(tmp_path / "report.pdf"))
    window.dashboard.reload()  # as a change elsewhere does: the outcome stays to be read
    settle(window)
    assert window.dashboard.status.text().endswith(str(tmp_path / "report.pdf"))
    qtbot.mouseClick(window.dashboard.refresh_button, Qt.LeftButton)  # asked for: the news now
    settle(window)
    assert window.dashboard.status.text().startswith(("Updated ", "更新于 "))
    window.dashboard.save_report(tmp_path / "no" / "report.pdf", today.year, today.month)
    settle(window)
    qtbot.wait_until(lambda: window.dashboard.report_job.done)
    assert "does not exist" in window.dashboard.status.text()


def test_double_click_opens_the_visit(window, qtbot):
    window.show_page("dashboard")
    settle(window)
    view = window.dashboard.views["doubles"]
    index = window.dashboard.doubles.index(0, 1)
    visit_id = index.data(Qt.UserRole)
    window.dashboard.visit_chosen.emit(visit_id)
    settle(window)
    assert window.pages.currentIndex() == 0 and window.selected_visit_id() == visit_id
    assert view is not None


def test_calendar_month_and_week(window, qtbot, tmp_path):
    window.show_page("calendar")
    settle(window)
    page = window.calendar_page
    assert page.grid.rowCount() == 6 and page.grid.columnCount() == 7
    assert sum(len(v) for v in page.entries_by_day.values()) > 0
    busiest = max(page.entries_by_day, key=lambda d: len(page.entries_by_day[d]))
    cell = next(
        page.grid.item(r, c)
        for r in range(6)
        for c in range(7)
        if page.grid.item(r, c).data(Qt.UserRole) == page.entries_by_day[busiest]
    )
    texts = [entry[0] for entry in page.entries_by_day[busiest]]
    assert cell.toolTip() == "\n".join(texts) and len(texts) >= 3
    height = page.grid.visualItemRect(cell).height()
    room = fitting(height, len(texts))
    assert 0 < room < len(texts) and room == (height - LINE - 4) // LINE - 1  # a line left for "+N more"
    assert fitting(height, room) == room  # fewer entries than lines: all of them
    chosen = []
    page.item_chosen.connect(lambda visit, target: chosen.append((visit, target)))
    page.open_line(cell.row(), cell.column(), room - 1)  # the last entry shown
    page.open_line(cell.row(), cell.column(), room)  # "+N more": the whole day to pick from
    assert [a.text() for a in page.day_menu.actions()] == texts
    page.day_menu.actions()[-1].trigger()
    entries = page.entries_by_day[busiest]
    assert chosen == [entries[room - 1][1:], entries[-1][1:]]  # the visit, and the item in it
    everyone_month = sum(len(v) for v in page.entries_by_day.values())
    page.person.setCurrentIndex(1)  # one person's month
    assert 0 < sum(len(v) for v in page.entries_by_day.values()) < everyone_month
    page.person.setCurrentIndex(0)
    page.mode.setCurrentIndex(page.mode.findData("week"))
    settle(window)
    assert page.views.currentWidget() is not page.grid and not page.person.isHidden()
    page.anchor = busiest  # the week of the busiest day: an hour axis, the items at their hours
    page.reload()
    settle(window)
    assert {i.start.date() for i in page.week_items} <= set(page.days()) and page.week._rects
    everyone = len(page.week._rects)
    for rect, item in page.week._rects:  # each item at its hour, as long as it lasts
        hours = item.start.hour + item.start.minute / 60 - page.week.first_hour
        assert rect.top() == pytest.approx(HEADER + hours * HOUR), item.block.title
        length = (item.end - item.start).total_seconds() / 3600 * HOUR
        assert rect.height() == pytest.approx(max(length, 12)), item.block.title
        column = (item.start.date() - page.days()[0]).days
        assert (
            HOURS_WIDTH + column * page.week._column_width()
            <= rect.left()
            < HOURS_WIDTH + (column + 1) * page.week._column_width()
        )
    drivers = [page.person.itemData(i) for i in range(1, page.person.count())]
    assert drivers and page.person.itemText(0) in ("Everyone", "所有人")
    page.person.setCurrentIndex(1)  # one person's week
    assert 0 < len(page.week._rects) < everyone
    assert all(drivers[0] in item.people for _rect, item in page.week._rects)
    rect, item = page.week._rects[0]
    qtbot.mouseClick(page.week, Qt.LeftButton, pos=rect.center().toPoint())
    planner = window.planners[-1]
    settle(window)
    qtbot.wait_until(lambda: planner.loaded, timeout=5000)
    assert planner.visit_id == item.visit_id
    part = item.block.target.partition("[")[0]
    assert planner.tabs.currentWidget() is planner.editors[TAB_OF[part]]  # opened on the item's tab
    page.move(1)
    page.go_today()
    window.grab().save(str(tmp_path / "calendar.png"))


def test_outcome_charts_and_recording_an_outcome(window, qtbot, db):
    window.pages.setCurrentIndex(3)
    settle(window)
    stats = window.outcomes.stats
    assert stats.conversion_by_region["americas"] == (1, 2)
    assert window.outcomes.by_month.chart().series()
    months = window.outcomes.by_month.chart().axes(Qt.Horizontal)[0].categories()
    month = r"20\d\d年\d{1,2}月" if current_language() == "zh_CN" else r"[A-Z][a-z]{2} 20\d\d"
    assert months and all(re.fullmatch(month, m) for m in months), months  # "Oct 2026", "2026年10月"
    percent = window.outcomes.by_region.chart().axes(Qt.Vertical)[0]
    assert (percent.max(), percent.tickInterval(), percent.labelFormat()) == (100, 25, "%d%%")
    row = next(i for i in range(window.model.rowCount()) if "Müller" in window.model.row_at(i).title)
    window.pages.setCurrentIndex(0)
    window.table.selectRow(row)
    window.record_outcome()
    settle(window)
    dialog = window.outcome_dialog
    dialog.status.setCurrentIndex(dialog.status.findData("won"))
    dialog.amount.setText("abc")
    dialog.save()
    assert dialog.error.text() in ("Order value: not a number: abc", "订单金额不是数字：abc")
    dialog.amount.setText("88,000")
    dialog.currency.setText("EUR")
    dialog.save()
    settle(window)
    assert dialog.result() == 1
    window.pages.setCurrentIndex(3)
    settle(window)
    assert window.outcomes.stats.amounts["EUR"] == 208000


def test_regional_notes_page_edits_and_adds_countries(window, db):
    from hospitality_app.services import regions

    page = window.show_page("regions")
    settle(window)
    assert page.current_code() == "ID"
    from hospitality_app.i18n import _

    # Indonesia has some in any quarter: a list under its title.
    assert page.holidays.text().startswith(f"<b>{_('Public holidays in the coming months')}:</b><ul><li>")
    en = page.fields["punctuality"][0]
    en.setPlainText("Usually on time; confirm the day before.")
    saved = page.save()
    assert saved.wait() and saved.result == 1  # one topic changed, one note written
    settle(window)
    page.new_code.setText("uz")
    page.add_country()
    settle(window)
    page.fields["dining"][0].setPlainText("Mostly Muslim: halal food.")
    page.fields["dining"][1].setPlainText("多为穆斯林：清真饮食。")
    saved = page.save()
    assert saved.wait() and saved.result == 1
    settle(window)
    with db.unit_of_work() as session:
        indonesia = {n.topic: n for n in regions.country(session, "ID").notes}
        uz = regions.country(session, "UZ")
    assert indonesia["punctuality"].edited and indonesia["punctuality"].text_en.startswith("Usually on time")
    assert indonesia["punctuality"].text_zh  # the Chinese text was kept
    assert uz.notes[0].text("zh_CN") == "多为穆斯林：清真饮食。"


def test_notes_command(capsys, tmp_path):
    from hospitality_app.app import main

    db = str(tmp_path / "n.sqlite3")
    assert main(["--db", db, "notes", "de", "--topic", "punctuality", "--en", "Be there five minutes early."]) == 0
    out = capsys.readouterr().out
    assert "Germany (DE)" in out and "punctuality *: Be there five minutes early." in out
    assert main(["--db", db, "--lang", "zh_CN", "notes", "DE"]) == 0
    assert "非常守时" in capsys.readouterr().out  # the Chinese text of the shipped note was kept


def test_empty_charts_say_what_to_do(qtbot, db):
    from tests.ui.helpers import close_main_window, open_main_window

    window = open_main_window(db)  # no demo data: nothing to draw
    try:
        window.pages.setCurrentIndex(3)
        settle(window)
        for box in (window.outcomes.by_month, window.outcomes.by_region, window.outcomes.by_type):
            assert box.currentWidget() is box.empty
        assert "Record outcome" in window.outcomes.by_region.empty.text()
    finally:
        close_main_window(window)
