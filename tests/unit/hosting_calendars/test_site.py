"""The site from the IANA zone data and the settings; Ramadan by Umm al-Qura and its
corrections; holiday names in the reader's language."""

from __future__ import annotations

from datetime import date

import pytest

from hospitality_app.errors import ValidationError
from hospitality_app.hosting_calendars import islamic, public_holidays
from hospitality_app.hosting_calendars.site import normalized, parse_closures, site_for


@pytest.mark.parametrize(
    ("zone", "country", "latitude", "longitude"),
    [
        ("Asia/Shanghai", "CN", 31.233, 121.467),  # the zone's principal city: Shanghai
        ("Europe/Amsterdam", "NL", 52.367, 4.9),
        ("America/Santiago", "CL", -33.45, -70.667),
        ("Asia/Jakarta", "ID", -6.167, 106.8),
    ],
)
def test_the_zone_gives_the_country_and_its_principal_city(zone, country, latitude, longitude):
    site = site_for(zone)
    assert site.country == country
    assert site.coordinates == pytest.approx((latitude, longitude), abs=0.001)


def test_settings_override_the_zone():
    site = site_for(
        "Asia/Shanghai",
        {"site.country": "hk", "site.location": "24.48,118.09", "factory.closures": "2027-02-01/2027-02-12"},
    )
    assert (site.country, site.coordinates) == ("HK", (24.48, 118.09))
    assert site.closures == ((date(2027, 2, 1), date(2027, 2, 12)),)


def test_utc_is_no_country_and_nowhere():
    site = site_for("UTC")
    assert (site.country, site.coordinates) == ("", None)


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("site.country", "Atlantis", "'Atlantis' is not a country: write its two-letter code, such as CN or DE"),
        ("site.location", "24.48", "'24.48' is not a latitude and longitude such as 24.48,118.09"),
        ("site.location", "124.48,118.09", "the latitude is from -90 to 90, the longitude from -180 to 180"),
        ("factory.closures", "2027-02-12/2027-02-01", "'2027-02-12/2027-02-01' ends before it starts"),
        ("factory.closures", "February", "'February' is not a period such as 2027-01-28/2027-02-12"),
        ("calendar.ramadan_starts", "2027-02-30", "'2027-02-30' is not a list of dates"),
    ],
)
def test_bad_settings_say_what_and_where(key, value, message):
    with pytest.raises(ValidationError) as raised:
        normalized(key, value)
    assert raised.value.path == key and message in str(raised.value)


@pytest.mark.parametrize(
    ("key", "typed", "stored"),
    [
        ("site.country", "cn", "CN"),
        ("site.country", "China", "CN"),
        ("site.country", "中国", "CN"),
        ("site.location", "24.48，118.09", "24.48,118.09"),  # a Chinese keyboard's comma
        ("factory.closures", "2027-08-06, 2027-01-28/2027-02-12", "2027-01-28/2027-02-12,2027-08-06"),
        ("calendar.ramadan_starts", "2027-02-09", "2027-02-09"),
        ("site.location", "  ", ""),
    ],
)
def test_settings_are_stored_one_way(key, typed, stored):
    assert normalized(key, typed) == stored


def test_a_ramadan_start_far_from_the_calendar_s_is_refused():
    with pytest.raises(ValidationError) as raised:
        normalized("calendar.ramadan_starts", "2027-02-19")
    assert str(raised.value) == (
        "calendar.ramadan_starts: 2027-02-19 is not near the start of a Ramadan (by the Umm al-Qura calendar it "
        "begins on 2027-02-08): only a day or two apart can be a correction"
    )


def test_closures_are_intervals_or_single_days_in_order():
    assert parse_closures("2027-08-02/2027-08-06, 2027-05-01") == (
        (date(2027, 5, 1), date(2027, 5, 1)),
        (date(2027, 8, 2), date(2027, 8, 6)),
    )


def test_ramadan_1448_by_umm_al_qura_and_a_corrected_start():
    assert islamic.ramadan(date(2027, 1, 1)) == (date(2027, 2, 8), date(2027, 3, 8))
    assert islamic.ramadan(date(2027, 1, 1), (date(2027, 2, 9),)) == (date(2027, 2, 9), date(2027, 3, 9))
    assert islamic.ramadan(date(2027, 1, 1), (date(2026, 2, 18),)) == (date(2027, 2, 8), date(2027, 3, 8))
    assert islamic.ramadan_days(date(2027, 3, 7), date(2027, 3, 10)) == {date(2027, 3, 7), date(2027, 3, 8)}
    assert islamic.ramadan_days(date(2027, 2, 6), date(2027, 2, 8)) == {date(2027, 2, 8)}


def test_holidays_in_the_reader_s_language_with_china_s_moved_rest_days():
    english = public_holidays.between("CN", date(2026, 9, 30), date(2026, 10, 8), "en")
    chinese = public_holidays.between("CN", date(2026, 9, 30), date(2026, 10, 8), "zh_CN")
    assert english[date(2026, 10, 1)] == "National Day" and chinese[date(2026, 10, 1)] == "国庆节"
    assert date(2026, 10, 7) in chinese  # a rest day moved from a Saturday (调休)
    assert date(2026, 9, 30) not in chinese and date(2026, 10, 8) not in chinese
    assert date(2026, 10, 10) in public_holidays.working_weekend_days("CN", date(2026, 10, 1), date(2026, 10, 31))
    assert public_holidays.between("", date(2026, 1, 1), date(2026, 12, 31)) == {}
    assert public_holidays.between("XX", date(2026, 1, 1), date(2026, 12, 31)) == {}
    assert public_holidays.data_version().startswith("holidays ")


def test_every_holiday_of_a_shipped_country_has_a_chinese_name():
    """A Chinese reader never sees an English holiday name: the table covers every holiday of
    the countries with regional notes, for the years a plan is made in."""
    from hospitality_app.services import regions

    missing = set()
    for country in regions.shipped():
        days = public_holidays.between(country, date(2026, 1, 1), date(2029, 12, 31), "zh_CN")
        missing |= {name for name in days.values() if any("a" <= c.lower() <= "z" for c in name)}
    assert not missing


def test_a_name_the_table_lacks_stays_english_and_suffixes_are_chinese():
    assert public_holidays._in_chinese("Christmas Day (observed)") == "圣诞节（补假）"
    assert public_holidays._in_chinese("Eid al-Fitr (estimated)") == "开斋节（预估）"
    assert public_holidays._in_chinese("New Year's Day; Nobody's Day") == "元旦；Nobody's Day"
