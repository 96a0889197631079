"""Dates and times as each interface language writes them, and the date fields' typing patterns."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from hospitality_app.formats import (
    country_text,
    day_text,
    entry_patterns,
    moment_text,
    month_pattern,
    short_day_text,
    short_moment_text,
    time_text,
)
from hospitality_app.ui.date_format import qt_pattern

LANDING = datetime(2026, 12, 2, 21, 35, tzinfo=ZoneInfo("Asia/Shanghai"))


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", ("2 Dec 2026", "Wed 2 Dec", "21:35", "2 Dec 2026, 21:35", "2 Dec, 21:35")),
        ("zh_CN", ("2026年12月2日", "12月2日周三", "21:35", "2026年12月2日 21:35", "12月2日 21:35")),
    ],
)
def test_each_language_writes_a_moment_its_own_way(language, expected):
    got = (
        day_text(LANDING.date(), language),
        short_day_text(LANDING, language),
        time_text(LANDING, language),
        moment_text(LANDING, language),
        short_moment_text(LANDING, language),
    )
    assert got == expected


def test_a_moment_is_written_on_its_own_wall_clock_not_the_machines():
    # 21:35 in Xiamen is 13:35 UTC: the text keeps the visit's hour whatever zone runs the app
    assert time_text(LANDING.astimezone(ZoneInfo("America/New_York")), "en") == "08:35"
    assert time_text(LANDING, "en") == "21:35"


def test_midnight_and_nothing():
    assert time_text(time(0, 0), "en") == "00:00"
    assert (day_text(None), moment_text(None), short_moment_text(None), time_text(None)) == ("", "", "", "")


def test_chinese_variants_and_unknown_languages_fall_back_sensibly():
    assert day_text(date(2027, 1, 1), "zh-Hans") == "2027年1月1日"
    assert day_text(date(2027, 1, 1), "fr") == "1 Jan 2027"  # the interface has English only beside Chinese


@pytest.mark.parametrize(
    ("language", "day", "clock", "month"),
    [("en", "dd/MM/yyyy", "HH:mm", "MM/yyyy"), ("zh_CN", "yyyy/MM/dd", "HH:mm", "yyyy/MM")],
)
def test_date_fields_type_digits_with_a_four_digit_year(language, day, clock, month):
    cldr_day, cldr_clock = entry_patterns(language)
    assert (qt_pattern(cldr_day), qt_pattern(cldr_clock), qt_pattern(month_pattern(language))) == (day, clock, month)


def test_qt_pattern_pads_numbers_keeps_words_and_quotes_letters():
    assert qt_pattern("h:mm a") == "hh:mm AP"
    assert qt_pattern("d 'de' MMMM") == "dd 'de' MMMM"
    assert qt_pattern("y年M月d日") == "yyyy年MM月dd日"
    assert qt_pattern("G y") == "'G' yyyy"  # an era Qt has no field for stays text


def test_country_names_in_the_interface_language():
    assert (country_text("ID", "en"), country_text("ID", "zh_CN")) == ("Indonesia", "印度尼西亚")
    assert (country_text("XX", "en"), country_text("", "en"), country_text(None)) == ("XX", "", "")
