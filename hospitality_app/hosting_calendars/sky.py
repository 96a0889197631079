"""Dawn, midday, sunset and nightfall at the site (`astral`), the times religious practice keys
on. Depressions: dawn (Fajr) 18° as the Muslim World League reckons it; nightfall, when three
stars are out and Shabbat ends, 8.5°."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from functools import cache
from zoneinfo import ZoneInfo

DAWN_DEPRESSION = 18.0
NIGHTFALL_DEPRESSION = 8.5
JUMUAH_MINUTES = 60  # the sermon and the prayer, from the midday (Dhuhr) call
DHUHR_AFTER_NOON = timedelta(minutes=5)  # the call comes just after the sun's highest point


@cache
def dawn(where: tuple[float, float], day: date, timezone: str) -> datetime | None:
    from astral import Observer
    from astral.sun import dawn as astral_dawn

    try:
        return astral_dawn(Observer(*where), day, DAWN_DEPRESSION, tzinfo=ZoneInfo(timezone))
    except ValueError:  # far north in summer the sun never goes that deep
        return None


@cache
def sunset(where: tuple[float, float], day: date, timezone: str) -> datetime | None:
    from astral import Observer
    from astral.sun import sunset as astral_sunset

    try:
        return astral_sunset(Observer(*where), day, tzinfo=ZoneInfo(timezone))
    except ValueError:  # midnight sun or polar night
        return None


@cache
def nightfall(where: tuple[float, float], day: date, timezone: str) -> datetime | None:
    from astral import Observer
    from astral.sun import dusk

    try:
        return dusk(Observer(*where), day, NIGHTFALL_DEPRESSION, tzinfo=ZoneInfo(timezone))
    except ValueError:
        return None


@cache
def jumuah(where: tuple[float, float], day: date, timezone: str) -> tuple[datetime, datetime]:
    """The Friday midday prayer's window: from the Dhuhr call, for the sermon and the prayer."""
    from astral import Observer
    from astral.sun import noon

    start = noon(Observer(*where), day, tzinfo=ZoneInfo(timezone)).replace(microsecond=0)
    start = start.replace(second=0) + timedelta(minutes=1) + DHUHR_AFTER_NOON  # to the next whole minute
    return start, start + timedelta(minutes=JUMUAH_MINUTES)
