"""The hosting calendars on the screens: the dashboard's upcoming visits that begin or end on a
holiday, a country's coming holidays, a plan's days with the team's site settings."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from hospitality_app.services import dashboard, hosting_days, plans, settings
from tests.conftest import SHANGHAI


def test_upcoming_visits_that_begin_or_end_on_a_holiday(db, reference_plan):
    shift = datetime(2026, 9, 29, tzinfo=SHANGHAI) - reference_plan.start.replace(hour=0, minute=0)
    golden_week = replace(
        reference_plan,
        title="Over the Golden Week",
        start=reference_plan.start + shift,
        end=datetime(2026, 10, 1, 17, tzinfo=SHANGHAI),
        pickups=(),
        hotel_stays=(),
        meals=(),
        agenda=(),
        tour=None,
    )
    ordinary = replace(golden_week, title="An ordinary week", start=golden_week.start + timedelta(days=14))
    ordinary = replace(ordinary, end=ordinary.start + timedelta(hours=8))
    with db.unit_of_work() as session:
        plans.save(session, golden_week, now=datetime(2026, 9, 1, tzinfo=UTC))
        plans.save(session, ordinary, now=datetime(2026, 9, 1, tzinfo=UTC))
    with db.unit_of_work() as session:
        rows = dashboard.upcoming(session, datetime(2026, 9, 20, tzinfo=UTC), days=30)
    holidays = {r.visit.title: r.holidays for r in rows}
    assert holidays == {"Over the Golden Week": ("Thu 1 Oct: National Day (China)",), "An ordinary week": ()}


def test_a_country_s_coming_holidays_for_a_quarter():
    coming = hosting_days.coming_holidays("ID", date(2027, 1, 1))
    assert coming[0] == (date(2027, 1, 1), date(2027, 1, 1), "New Year's Day")
    assert all(date(2027, 1, 1) <= first <= last <= date(2027, 4, 3) for first, last, _name in coming)
    assert (date(2027, 3, 10), date(2027, 3, 10), "Eid al-Fitr (estimated)") in coming  # the data says it guesses
    assert hosting_days.coming_holidays("", date(2027, 1, 1)) == []


def test_a_holiday_of_several_days_is_one():
    golden_week = hosting_days.holidays_between("CN", date(2026, 9, 28), date(2026, 10, 4))
    assert golden_week == [(date(2026, 10, 1), date(2026, 10, 3), "National Day")]
    russian_new_year = hosting_days.holidays_between("RU", date(2027, 1, 1), date(2027, 1, 10))
    assert russian_new_year[0][:2] == (date(2027, 1, 1), date(2027, 1, 6))
    assert russian_new_year[0][2] == "New Year Holidays"


def test_a_plan_s_days_read_the_site_settings(db, reference_plan):
    with db.unit_of_work() as session:
        settings.set_setting(session, "factory.closures", "2026-12-03/2026-12-03")
    with db.unit_of_work() as session:
        notes = hosting_days.day_notes(session, reference_plan)
    assert notes[date(2026, 12, 3)].lines == ("The factory is shut down",)
    without = hosting_days.day_notes(None, reference_plan)  # no settings: no shutdown
    # The halal visitors' Friday (4 December) has its midday prayer, and nothing else is noted.
    assert list(without) == [date(2026, 12, 4)] and without[date(2026, 12, 4)].lines[0].startswith("Friday prayer")
