"""religion.fasting_meal, religion.prayer_overlap and religion.shabbat, at the edges of sunset,
dawn, the prayer window and nightfall, in several site zones."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from hospitality_app.hosting_calendars import sky
from hospitality_app.hosting_calendars.site import site_for
from hospitality_app.services.dto import (
    AgendaItemData,
    CompanyData,
    HostData,
    MealData,
    PickupData,
    RestaurantData,
    VisitorData,
    VisitPlan,
)
from tests.unit.rules.helpers import codes, findings

MINUTE = timedelta(minutes=1)


def plan_in(zone: str, first: date, last: date, visitors, meals=(), agenda=(), pickups=()) -> VisitPlan:
    tz = ZoneInfo(zone)
    return VisitPlan(
        title="Visit",
        timezone=zone,
        start=datetime.combine(first, datetime.min.time(), tz) + timedelta(hours=8),
        end=datetime.combine(last, datetime.min.time(), tz) + timedelta(hours=23),
        company=CompanyData("Client", "ID"),
        visitors=tuple(visitors),
        hosts=(HostData("Li", ("sales_lead",)),),
        meals=tuple(meals),
        agenda=tuple(agenda),
        pickups=tuple(pickups),
    )


def meal(start: datetime, end: datetime, *names) -> MealData:
    return MealData(start, end, "lunch", RestaurantData("Halal place", halal_certified=True), attendees=names)


def agenda_item(start: datetime, end: datetime) -> AgendaItemData:
    return AgendaItemData(start, int((end - start).total_seconds() // 60), "Talks", "other", "Li")


# religion.fasting_meal ---------------------------------------------------------------------
RAMADAN_DAY = date(2027, 2, 17)  # Wednesday, Ramadan 1448 by Umm al-Qura (8 Feb to 8 Mar 2027)
HALAL = VisitorData("Budi", dietary=("halal",))


@pytest.mark.parametrize("zone", ["Asia/Shanghai", "Europe/Istanbul", "Asia/Jakarta"])
def test_a_lunch_in_ramadan_is_flagged_and_an_iftar_dinner_is_not(zone):
    where = site_for(zone).coordinates
    sunset = sky.sunset(where, RAMADAN_DAY, zone)
    dawn = sky.dawn(where, RAMADAN_DAY, zone)
    noon = datetime.combine(RAMADAN_DAY, datetime.min.time(), ZoneInfo(zone)) + timedelta(hours=12)
    plan = plan_in(
        zone,
        RAMADAN_DAY,
        RAMADAN_DAY,
        [HALAL],
        meals=[
            meal(noon, noon + timedelta(hours=1), "Budi", "Li"),
            meal(sunset - timedelta(hours=1), sunset, "Budi"),  # ends exactly at sunset: still the fast
            meal(sunset, sunset + timedelta(hours=2), "Budi"),  # begins at sunset: iftar
            meal(dawn - timedelta(hours=1), dawn, "Budi"),  # suhur, eaten before dawn
        ],
    )
    found = findings(plan, "religion.fasting_meal")
    assert [f.target for f in found] == ["meals[0]", "meals[1]"]
    assert "Ramadan fast of Budi" in found[0].message and "Umm al-Qura" in found[0].message


def test_the_message_gives_dawn_and_sunset_at_the_site():
    noon = datetime(2027, 2, 17, 12, tzinfo=ZoneInfo("Asia/Shanghai"))
    plan = plan_in("Asia/Shanghai", RAMADAN_DAY, RAMADAN_DAY, [HALAL], meals=[meal(noon, noon + MINUTE * 60, "Budi")])
    where = site_for("Asia/Shanghai").coordinates
    dawn, sunset = sky.dawn(where, RAMADAN_DAY, "Asia/Shanghai"), sky.sunset(where, RAMADAN_DAY, "Asia/Shanghai")
    assert (dawn.strftime("%H:%M"), sunset.strftime("%H:%M")) == (
        "05:12",
        "17:42",
    )  # Shanghai: timeanddate.com gives sunset 17:41
    assert findings(plan, "religion.fasting_meal")[0].message == (
        "Meal 1 (lunch 17 Feb, 12:00) is during the Ramadan fast of Budi (dawn 05:12, sunset 17:42 at the "
        "site): move it to an iftar dinner after sunset. Ramadan's dates follow the Umm al-Qura calendar "
        "and may differ by a day from the local announcement."
    )


def test_no_fasting_finding_outside_ramadan_for_others_or_for_who_does_not_fast():
    zone = ZoneInfo("Asia/Shanghai")

    def lunch_on(day, *visitors):
        noon = datetime.combine(day, datetime.min.time(), zone) + timedelta(hours=12)
        names = [v.name for v in visitors]
        return plan_in("Asia/Shanghai", day, day, visitors, meals=[meal(noon, noon + timedelta(hours=1), *names)])

    assert "religion.fasting_meal" not in codes(lunch_on(date(2027, 2, 7), HALAL))  # the day before
    assert "religion.fasting_meal" not in codes(lunch_on(date(2027, 3, 9), HALAL))  # Eid al-Fitr
    assert "religion.fasting_meal" in codes(lunch_on(date(2027, 3, 8), HALAL))  # the last day
    assert "religion.fasting_meal" not in codes(lunch_on(RAMADAN_DAY, VisitorData("Ben")))
    traveller = replace(HALAL, observes_fasting=False)
    assert "religion.fasting_meal" not in codes(lunch_on(RAMADAN_DAY, traveller))


def test_a_corrected_start_of_ramadan_moves_the_first_fasting_day():
    noon = datetime(2027, 2, 8, 12, tzinfo=ZoneInfo("Asia/Shanghai"))
    plan = plan_in("Asia/Shanghai", noon.date(), noon.date(), [HALAL], meals=[meal(noon, noon + MINUTE, "Budi")])
    assert "religion.fasting_meal" in codes(plan)
    corrected = site_for("Asia/Shanghai", {"calendar.ramadan_starts": "2027-02-09"})
    assert findings(plan, "religion.fasting_meal", site=corrected) == []


# religion.prayer_overlap --------------------------------------------------------------------
FRIDAY = date(2027, 5, 14)


@pytest.mark.parametrize("zone", ["Asia/Shanghai", "Europe/London", "America/New_York"])
def test_a_friday_item_across_the_midday_prayer(zone):
    start, end = sky.jumuah(site_for(zone).coordinates, FRIDAY, zone)
    plan = plan_in(
        zone,
        FRIDAY,
        FRIDAY,
        [HALAL, VisitorData("Ben")],
        agenda=[
            agenda_item(start - timedelta(hours=1), start),  # ends as the window opens
            agenda_item(start - timedelta(hours=1), start + MINUTE),  # a minute into it
            agenda_item(end - MINUTE, end + timedelta(hours=1)),  # its last minute
            agenda_item(end, end + timedelta(hours=1)),  # begins as it closes
        ],
    )
    found = findings(plan, "religion.prayer_overlap")
    assert [f.target for f in found] == ["agenda[1]", "agenda[2]"]
    assert f"Friday midday prayer ({start:%H:%M}–{end:%H:%M} at the site) of Budi" in found[0].message


def test_no_prayer_finding_on_thursday_or_without_a_muslim_visitor():
    zone = "Asia/Shanghai"
    start, end = sky.jumuah(site_for(zone).coordinates, FRIDAY, zone)
    thursday = [agenda_item(start - timedelta(days=1), end - timedelta(days=1))]
    assert "religion.prayer_overlap" not in codes(
        plan_in(zone, FRIDAY - timedelta(days=1), FRIDAY, [HALAL], agenda=thursday)
    )
    friday = [agenda_item(start, end)]
    assert "religion.prayer_overlap" not in codes(plan_in(zone, FRIDAY, FRIDAY, [VisitorData("Ben")], agenda=friday))
    assert "religion.prayer_overlap" in codes(plan_in(zone, FRIDAY, FRIDAY, [HALAL], agenda=friday))


# religion.shabbat ----------------------------------------------------------------------------
SHABBAT_EVE = date(2027, 6, 11)  # a Friday
KOSHER = VisitorData("David", dietary=("kosher",))


@pytest.mark.parametrize("zone", ["Europe/Amsterdam", "America/New_York", "Australia/Sydney"])
def test_items_from_friday_sunset_to_saturday_nightfall(zone):
    where = site_for(zone).coordinates
    sunset = sky.sunset(where, SHABBAT_EVE, zone)
    nightfall = sky.nightfall(where, SHABBAT_EVE + timedelta(days=1), zone)
    plan = plan_in(
        zone,
        SHABBAT_EVE,
        SHABBAT_EVE + timedelta(days=1),
        [KOSHER],
        meals=[
            meal(sunset - timedelta(hours=2), sunset, "David"),  # ends as Shabbat begins
            meal(sunset - timedelta(hours=1), sunset + MINUTE, "David"),
            meal(nightfall, nightfall + timedelta(hours=2), "David"),  # begins as it ends
        ],
        agenda=[agenda_item(nightfall - timedelta(hours=1), nightfall)],
    )
    found = findings(plan, "religion.shabbat")
    assert sorted(f.target for f in found) == ["agenda[0]", "meals[1]"]


def test_the_message_names_the_window_and_landing_on_shabbat_counts():
    zone = "Europe/Amsterdam"
    where = site_for(zone).coordinates
    sunset = sky.sunset(where, SHABBAT_EVE, zone)
    landing = PickupData("airport", sunset - timedelta(hours=1), "KL 810", arrival=sunset + timedelta(hours=1))
    landing = replace(landing, passengers=("David",))
    plan = plan_in(zone, SHABBAT_EVE, SHABBAT_EVE + timedelta(days=1), [KOSHER], pickups=[landing])
    found = findings(plan, "religion.shabbat")
    assert [f.target for f in found] == ["pickups[0]"]
    assert found[0].message.endswith(
        f"falls on Shabbat for David (from sunset on Fri 11 Jun at {sunset:%H:%M} to nightfall on Sat 12 Jun "
        f"at {sky.nightfall(where, date(2027, 6, 12), zone):%H:%M} at the site): they will not travel, work or "
        "write then; move it."
    )


def test_no_shabbat_finding_without_a_kosher_visitor_or_on_a_weekday():
    zone = "Europe/Amsterdam"
    saturday_noon = datetime(2027, 6, 12, 12, tzinfo=ZoneInfo(zone))
    item = [agenda_item(saturday_noon, saturday_noon + timedelta(hours=1))]
    assert "religion.shabbat" in codes(plan_in(zone, SHABBAT_EVE, date(2027, 6, 12), [KOSHER], agenda=item))
    assert "religion.shabbat" not in codes(plan_in(zone, SHABBAT_EVE, date(2027, 6, 12), [HALAL], agenda=item))
    wednesday = [agenda_item(saturday_noon - timedelta(days=3), saturday_noon - timedelta(days=3, minutes=-60))]
    assert "religion.shabbat" not in codes(
        plan_in(zone, date(2027, 6, 9), date(2027, 6, 9), [KOSHER], agenda=wednesday)
    )


def test_a_visit_that_starts_on_saturday_still_sees_shabbat():
    zone = "Europe/Amsterdam"
    saturday_noon = datetime(2027, 6, 12, 12, tzinfo=ZoneInfo(zone))
    item = [agenda_item(saturday_noon, saturday_noon + timedelta(hours=1))]
    assert "religion.shabbat" in codes(plan_in(zone, date(2027, 6, 12), date(2027, 6, 13), [KOSHER], agenda=item))
