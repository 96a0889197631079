"""Public holidays of a country from the `holidays` package, named in the reader's language
where the package has it."""

from __future__ import annotations

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
    found: dict[date, str] = {}
    for year in range(first.year, last.year + 1):
        for day, name in _year(country, year, _language(country, locale)).items():
            if first <= day <= last:
                found[day] = name
    return found


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
