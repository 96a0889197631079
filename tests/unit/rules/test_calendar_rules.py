"""calendar.host_holiday, calendar.client_holiday and calendar.factory_closed."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from zoneinfo import ZoneInfo

from hospitality_app.hosting_calendars.site import site_for
from hospitality_app.services.dto import CompanyData
from tests.unit.rules.helpers import clean_plan, codes, findings

SHANGHAI = ZoneInfo("Asia/Shanghai")


def visit(first: date, last: date, country: str = "DE", tour_day: date | None = None, zone=SHANGHAI):
    """The clean plan moved to run from `first` to `last` (its items on the first day, the tour
    on `tour_day`), for a company from `country`."""
    plan = clean_plan()
    shift = datetime.combine(first, datetime.min.time(), zone) - datetime(2026, 12, 3, tzinfo=plan.zone)
    moved = replace(
        plan,
        timezone=zone.key,
        start=plan.start.astimezone(zone) + shift,
        end=datetime.combine(last, plan.end.astimezone(SHANGHAI).time(), zone),
        company=CompanyData("Client", country),
        meals=tuple(replace(m, start=m.start + shift, end=m.end + shift) for m in plan.meals),
        agenda=tuple(replace(a, start=a.start + shift) for a in plan.agenda),
        tour=replace(plan.tour, start=plan.tour.start + shift),
    )
    if tour_day is not None:
        moved = replace(moved, tour=replace(moved.tour, start=moved.tour.start + (tour_day - first)))
    return moved


def test_a_visit_over_china_s_national_day_is_told_once_per_holiday():
    found = findings(visit(date(2026, 9, 29), date(2026, 10, 2)), "calendar.host_holiday")
    assert [(f.severity, f.target, f.subject) for f in found] == [("warning", "day:2026-10-01", "National Day")]
    assert found[0].message == (
        "Thu 1 Oct, Fri 2 Oct: National Day, a public holiday in China, where the visit takes place: "
        "check that everyone the plan needs is working, and book transport early."
    )


def test_the_days_either_side_of_a_holiday_raise_nothing():
    assert "calendar.host_holiday" not in codes(visit(date(2026, 9, 28), date(2026, 9, 30)))
    assert "calendar.host_holiday" not in codes(visit(date(2026, 10, 8), date(2026, 10, 9)))


def test_in_chinese_the_holiday_and_the_days_are_chinese():
    found = findings(visit(date(2026, 10, 1), date(2026, 10, 1)), "calendar.host_holiday", locale="zh_CN")
    assert found[0].message.startswith("10月1日周四：国庆节，")


def test_the_site_s_country_comes_from_the_settings():
    plan = visit(date(2026, 10, 1), date(2026, 10, 1))
    assert findings(plan, "calendar.host_holiday", site=site_for("Asia/Shanghai", {"site.country": "DE"})) == []
    german_unity = visit(date(2026, 10, 3), date(2026, 10, 3), country="ID")
    found = findings(german_unity, "calendar.host_holiday", site=site_for("Asia/Shanghai", {"site.country": "DE"}))
    assert [f.subject for f in found] == ["German Unity Day"]


def test_a_client_s_holiday_names_their_country():
    found = findings(visit(date(2026, 10, 2), date(2026, 10, 3), country="DE"), "calendar.client_holiday")
    assert [(f.target, f.subject) for f in found] == [("day:2026-10-03", "German Unity Day")]
    assert "in Germany: ask whether the visitors would rather travel on other days" in found[0].message
    assert "calendar.client_holiday" not in codes(visit(date(2026, 10, 4), date(2026, 10, 5), country="DE"))


def test_a_client_from_the_site_s_country_is_told_of_the_holiday_once():
    plan = visit(date(2026, 10, 1), date(2026, 10, 1), country="CN")
    assert codes(plan).count("calendar.host_holiday") == 1 and "calendar.client_holiday" not in codes(plan)


def test_a_holiday_in_another_zone_s_country():
    amsterdam = ZoneInfo("Europe/Amsterdam")
    kings_day = visit(date(2027, 4, 27), date(2027, 4, 27), country="CN", zone=amsterdam)
    assert [f.subject for f in findings(kings_day, "calendar.host_holiday")] == ["King's Day"]


CLOSED = site_for("Asia/Shanghai", {"factory.closures": "2027-01-28/2027-02-12"})


def test_a_tour_in_a_shutdown_is_an_error_on_the_tour():
    plan = visit(date(2027, 1, 26), date(2027, 1, 29), country="ID", tour_day=date(2027, 1, 28))
    found = findings(plan, "calendar.factory_closed", site=CLOSED)
    assert [(f.severity, f.target) for f in found] == [("error", "tour")]
    assert found[0].message == (
        "The factory is shut down from 28 Jan 2027 to 12 Feb 2027: the tour on Thu 28 Jan would show no production."
    )


def test_other_days_in_a_shutdown_are_a_warning_on_the_first_of_them():
    plan = visit(date(2027, 1, 26), date(2027, 1, 29), country="ID", tour_day=date(2027, 1, 27))
    found = findings(plan, "calendar.factory_closed", site=CLOSED)
    assert [(f.severity, f.target) for f in found] == [("warning", "day:2027-01-28")]
    assert "which includes Thu 28 Jan, Fri 29 Jan of the visit" in found[0].message


def test_the_days_before_and_after_a_shutdown_raise_nothing():
    assert findings(visit(date(2027, 1, 26), date(2027, 1, 27), "ID"), "calendar.factory_closed", site=CLOSED) == []
    assert findings(visit(date(2027, 2, 13), date(2027, 2, 14), "ID"), "calendar.factory_closed", site=CLOSED) == []
    assert "calendar.factory_closed" not in codes(visit(date(2027, 1, 28), date(2027, 1, 29), "ID"))
