"""Dates and times as the interface language writes them, from Babel's CLDR data: "3 Dec 2026,
21:35" in English, "2026年12月3日 21:35" in Chinese. Values are shown on their own wall clock:
callers pass times already in the visit's zone.

English follows British conventions (day before month, 24-hour clock): the team works in a
factory abroad, and "12/3" read the American way is the wrong day for most of its clients.
"""

from __future__ import annotations

from datetime import date, datetime, time
from functools import cache

from babel import Locale
from babel.dates import format_date, format_skeleton, format_time, get_datetime_format, get_time_format

from hospitality_app.i18n import current_language

_FORMAT_LOCALES = {"en": "en_GB", "zh_CN": "zh_CN"}


def format_locale(language: str | None = None) -> Locale:
    """The CLDR locale whose conventions the interface language `language` (default: the one in
    use) writes dates in."""
    from hospitality_app.i18n import normalize

    return _parsed(_FORMAT_LOCALES[normalize(language) if language else current_language()])


@cache
def _parsed(identifier: str) -> Locale:
    # Parsed once: Babel parses a locale given by name on every call, which was most of the
    # time a large visit's readiness check spent writing its messages.
    return Locale.parse(identifier)


def day_text(day: date | datetime | None, language: str | None = None) -> str:
    """3 Dec 2026 · 2026年12月3日"""
    return format_date(day, "medium", locale=format_locale(language)) if day else ""


def short_day_text(day: date | datetime | None, language: str | None = None) -> str:
    """Thu 3 Dec · 12月3日周四: a day within a visit, whose year goes without saying."""
    return format_skeleton("MMMEd", day, locale=format_locale(language)) if day else ""


def time_text(moment: time | datetime | None, language: str | None = None) -> str:
    """21:35"""
    return format_time(moment, "short", locale=format_locale(language)) if moment is not None else ""


def moment_text(moment: datetime | None, language: str | None = None) -> str:
    """3 Dec 2026, 21:35 · 2026年12月3日 21:35"""
    if moment is None:
        return ""
    return _joined(day_text(moment, language), time_text(moment, language), language)


def short_moment_text(moment: datetime | None, language: str | None = None) -> str:
    """3 Dec, 21:35 · 12月3日 21:35: a time within a visit."""
    if moment is None:
        return ""
    day = format_skeleton("MMMd", moment, locale=format_locale(language))
    return _joined(day, time_text(moment, language), language)


def _joined(day: str, clock: str, language: str | None) -> str:
    """The locale's way of putting a date and a time together ("{1}, {0}", "{1} {0}")."""
    return str(get_datetime_format("medium", locale=format_locale(language))).format(clock, day)


def entry_patterns(language: str | None = None) -> tuple[str, str]:
    """The CLDR patterns a date and a time are typed in: digits only, with a four-digit year
    ("dd/MM/y", "HH:mm"; "y/M/d", "HH:mm")."""
    locale = format_locale(language)
    return str(locale.datetime_skeletons["yMd"].pattern), str(get_time_format("short", locale=locale).pattern)


def month_pattern(language: str | None = None) -> str:
    """A month typed as digits: "MM/y", "y/M"."""
    return str(format_locale(language).datetime_skeletons["yM"].pattern)


def country_text(code: str | None, language: str | None = None) -> str:
    """A country's name in the interface language (ID → Indonesia, 印度尼西亚); an unknown code
    as it is."""
    if not code:
        return ""
    return str(format_locale(language).territories.get(code, code))
