"""Public holidays of a country from the `holidays` package, named in the reader's language:
the package's own names where it has that language (China's in Chinese), otherwise its English
names put into Chinese from a shipped table (resources/holidays), for a Chinese reader."""

from __future__ import annotations

import re
from datetime import date
from functools import cache


def data_version() -> str:
    """Which release of the holiday data is in use. China's holidays for a year are published by
    the State Council each winter; until a release includes them, the package estimates them."""
    import holidays

    return f"holidays {holidays.__version__}"


def between(country: str, first: date, last: date, locale: str = "en") -> dict[date, str]:
    """The public holidays (days off by law, China's moved rest days too) from `first` to `last`."""
    if not country:
        return {}
    language = _language(country, locale)
    reader = locale.replace("-", "_").split("_")[0]
    foreign = reader == "zh" and (language is None or not language.startswith("zh"))
    found: dict[date, str] = {}
    for year in range(first.year, last.year + 1):
        for day, name in _year(country, year, language).items():
            if first <= day <= last:
                found[day] = _dates_as_ours(_in_chinese(name) if foreign else name, locale)
    return found


US_DATE = re.compile(r"\b(\d{2})/(\d{2})/(\d{4})\b")  # the package's English: 01/04/2026 is 4 January
ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def _dates_as_ours(name: str, locale: str) -> str:
    """A date inside a name ("Day off (substituted from 01/04/2026)", "休息日（由 2026-10-10 调休）")
    written as the interface writes a day ("Sun 4 Jan", "10月10日周六"): read the American way, the
    first is the 1st of April to most of the team's clients."""
    from hospitality_app.formats import short_day_text

    name = US_DATE.sub(lambda m: short_day_text(date(int(m[3]), int(m[1]), int(m[2])), locale), name)
    name = ISO_DATE.sub(lambda m: short_day_text(date(int(m[1]), int(m[2]), int(m[3])), locale), name)
    name = name.replace("(substituted from ", "(made up on ")  # the package's wording reads as a swap
    return name.replace("（由 ", "（由").replace(" 调休）", "调休）")


SUFFIXES = {" (estimated)": "（预估）", " (observed)": "（补假）"}


def _in_chinese(name: str) -> str:
    """An English holiday name in Chinese; a name the table lacks stays as it is."""
    table = _chinese_names()
    parts = []
    for part in name.split("; "):  # two holidays on one day
        suffix = ""
        while True:
            ending = next((e for e in SUFFIXES if part.endswith(e)), None)
            if ending is None:
                break
            part, suffix = part.removesuffix(ending), SUFFIXES[ending] + suffix
        parts.append(table.get(part, part) + suffix)
    return "；".join(parts)


@cache
def _chinese_names() -> dict[str, str]:
    import json

    from hospitality_app.resources import read_text

    return json.loads(read_text("holidays", "names.zh_CN.json"))


def working_weekend_days(country: str, first: date, last: date) -> set[date]:
    """Saturdays and Sundays that are working days (China's make-up days for a long holiday)."""
    import holidays

    try:
        calendar = holidays.country_holidays(country, years=range(first.year, last.year + 1))
    except NotImplementedError:
        return set()
    return {d for d in getattr(calendar, "weekend_workdays", set()) if first <= d <= last}


@cache
def _year(country: str, year: int, language: str | None) -> dict[date, str]:
    import holidays

    try:
        calendar = holidays.country_holidays(country, years=year, language=language)
    except NotImplementedError:  # a country the package does not cover
        return {}
    return dict(calendar.items())


@cache
def _language(country: str, locale: str) -> str | None:
    """The package's language closest to `locale` for `country` (None: the country's own)."""
    import holidays

    try:
        supported = holidays.country_holidays(country).supported_languages
    except NotImplementedError:
        return None
    wanted = locale.replace("-", "_")
    for choice in (wanted, wanted.split("_")[0], "en_US", "en"):
        for language in supported:
            if language == choice or language.split("_")[0] == choice:
                return language
    return None
