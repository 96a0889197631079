"""Local times that a clock change skips. On the night clocks go forward, an hour of wall-clock
time never happens (02:00–02:59 in Berlin on the last Sunday of March); a time typed in it is
moved on by the length of the gap, as calendar applications do, and the user is told."""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo


def skipped(wall: datetime, zone: tzinfo) -> datetime | None:
    """The moment that `wall` (a naive local time) becomes when `zone`'s clocks skip it, as far
    past the gap as it was into it (02:30 on the night clocks go from 02:00 to 03:00 is 03:30);
    None when the time exists, at a change that repeats an hour too."""
    moment = wall.replace(tzinfo=zone).astimezone(UTC).astimezone(zone)
    return None if moment.replace(tzinfo=None) == wall else moment
