"""Ramadan by the Umm al-Qura calendar (`hijridate`), which can differ by a day from the local
sighting of the new moon: the team may record the first day of a Ramadan as it was announced."""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

RAMADAN = 9


def ramadan(near: date, corrections: tuple[date, ...] = ()) -> tuple[date, date]:
    """The first and last day of the Ramadan of `near`'s Hijri year. A correction (the first day
    as announced, within three days of the calendar's) moves the whole month."""
    from hijridate import Gregorian

    first, last = _umm_al_qura(Gregorian.fromdate(near).to_hijri().year)
    for start in corrections:
        if abs((start - first).days) <= 3:
            return start, last + (start - first)
    return first, last


def check_correction(start: date) -> None:
    """Refuse a first day of Ramadan that is no correction of the calendar's: the sighting of the
    new moon moves the month by a day or two, never more than three."""
    from hijridate import Gregorian

    from hospitality_app.errors import ValidationError

    hijri = Gregorian.fromdate(start).to_hijri()
    candidates = [_umm_al_qura(year)[0] for year in (hijri.year - 1, hijri.year, hijri.year + 1)]
    nearest = min(candidates, key=lambda first: abs((start - first).days))
    if abs((start - nearest).days) > 3:
        raise ValidationError(
            "calendar.ramadan_starts",
            "{value} is not near the start of a Ramadan (by the Umm al-Qura calendar it begins on {first}): "
            "only a day or two apart can be a correction",
            value=start.isoformat(),
            first=nearest.isoformat(),
        )


def ramadan_days(first: date, last: date, corrections: tuple[date, ...] = ()) -> set[date]:
    """The days from `first` to `last` that fall in Ramadan (a visit spans less than a Hijri
    year, so the Ramadans of its first and last days are the only candidates)."""
    spans = {ramadan(first, corrections), ramadan(last, corrections)}
    days = (first + timedelta(days=n) for n in range((last - first).days + 1))
    return {d for d in days if any(start <= d <= end for start, end in spans)}


@cache
def _umm_al_qura(hijri_year: int) -> tuple[date, date]:
    from hijridate import Hijri

    start = Hijri(hijri_year, RAMADAN, 1)
    return start.to_gregorian(), start.to_gregorian() + timedelta(days=start.month_length() - 1)
