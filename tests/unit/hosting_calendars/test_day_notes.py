"""What the planner shows on each day: holidays at the site and at home, China's make-up working
days, the shutdown, and for visitors who keep them the fast, the Friday prayer and Shabbat."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from hospitality_app.hosting_calendars import sky
from hospitality_app.hosting_calendars.day_notes import day_notes
from hospitality_app.hosting_calendars.site import site_for
from hospitality_app.services.dto import CompanyData, VisitorData, VisitPlan

SHANGHAI = ZoneInfo("Asia/Shanghai")


def visit(first: date, last: date, *visitors, country="DE", zone="Asia/Shanghai") -> VisitPlan:
    tz = ZoneInfo(zone)
    return VisitPlan(
        title="Visit",
        timezone=zone,
        start=datetime.combine(first, time(9), tz),
        end=datetime.combine(last, time(17), tz),
        company=CompanyData("Client", country),
        visitors=tuple(visitors) or (VisitorData("Ben"),),
    )


def test_holidays_at_the_site_and_at_home_and_a_worked_weekend():
    plan = visit(date(2026, 10, 2), date(2026, 10, 10))
    notes = day_notes(plan, site_for("Asia/Shanghai"))
    assert notes[date(2026, 10, 2)].lines == ("Public holiday in China: National Day",)
    assert "Public holiday in Germany: German Unity Day" in notes[date(2026, 10, 3)].lines
    assert notes[date(2026, 10, 10)].lines == ("A working day: the weekend day worked in exchange for a holiday",)
    assert date(2026, 10, 9) not in notes  # an ordinary Friday
    chinese = day_notes(plan, site_for("Asia/Shanghai"), "zh_CN")
    assert chinese[date(2026, 10, 2)].lines == ("中国法定节假日：国庆节",)


def test_a_shutdown_day_is_shaded_whole():
    plan = visit(date(2027, 8, 2), date(2027, 8, 2), country="CN")
    notes = day_notes(plan, site_for("Asia/Shanghai", {"factory.closures": "2027-08-02/2027-08-06"}))
    (window,) = notes[date(2027, 8, 2)].windows
    assert (window.kind, window.start, window.end) == (
        "closed",
        datetime(2027, 8, 2, tzinfo=SHANGHAI),
        datetime(2027, 8, 3, tzinfo=SHANGHAI),
    )


def test_ramadan_shows_the_fast_for_those_who_fast_and_friday_its_prayer():
    fasting = VisitorData("Budi", dietary=("halal",))
    friday = date(2027, 2, 19)
    notes = day_notes(visit(friday, friday, fasting, country="ID"), site_for("Asia/Shanghai"))[friday]
    where = site_for("Asia/Shanghai").coordinates
    dawn, sunset = sky.dawn(where, friday, "Asia/Shanghai"), sky.sunset(where, friday, "Asia/Shanghai")
    prayer = sky.jumuah(where, friday, "Asia/Shanghai")
    assert [(w.kind, w.start, w.end) for w in notes.windows] == [("fast", dawn, sunset), ("prayer", *prayer)]
    assert notes.lines[0].startswith(f"Ramadan: the fast runs from dawn {dawn:%H:%M} to sunset {sunset:%H:%M}")
    assert notes.lines[1] == f"Friday prayer {prayer[0]:%H:%M}–{prayer[1]:%H:%M}: keep it free for the Muslim visitors"
    not_fasting = VisitorData("Nur", dietary=("halal",), observes_fasting=False)
    quiet = day_notes(visit(friday, friday, not_fasting, country="ID"), site_for("Asia/Shanghai"))[friday]
    assert [w.kind for w in quiet.windows] == ["prayer"]
    assert day_notes(visit(friday, friday, country="ID"), site_for("Asia/Shanghai")) == {}


def test_shabbat_from_friday_sunset_to_saturday_nightfall():
    kosher = VisitorData("David", dietary=("kosher",))
    amsterdam = ZoneInfo("Europe/Amsterdam")
    notes = day_notes(
        visit(date(2027, 6, 10), date(2027, 6, 12), kosher, country="IL", zone="Europe/Amsterdam"),
        site_for("Europe/Amsterdam"),
    )
    where = site_for("Europe/Amsterdam").coordinates
    sunset = sky.sunset(where, date(2027, 6, 11), "Europe/Amsterdam")
    nightfall = sky.nightfall(where, date(2027, 6, 12), "Europe/Amsterdam")
    assert [(w.kind, w.start, w.end) for w in notes[date(2027, 6, 11)].windows] == [
        ("shabbat", sunset, datetime(2027, 6, 12, tzinfo=amsterdam))
    ]
    assert [(w.kind, w.start, w.end) for w in notes[date(2027, 6, 12)].windows] == [
        ("shabbat", datetime(2027, 6, 12, tzinfo=amsterdam), nightfall)
    ]
    assert notes[date(2027, 6, 12)].lines == (f"Shabbat until nightfall, {nightfall:%H:%M}",)
    assert date(2027, 6, 10) not in notes
    assert sunset.astimezone(UTC) < nightfall.astimezone(UTC) - timedelta(hours=20)
