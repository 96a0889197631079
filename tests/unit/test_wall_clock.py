"""Local times a clock change skips, at the edges of the gap, in zones with gaps of an hour and
of half an hour, and none where an hour repeats or where clocks never change."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from hospitality_app.wall_clock import skipped

BERLIN, NEW_YORK, LORD_HOWE = ZoneInfo("Europe/Berlin"), ZoneInfo("America/New_York"), ZoneInfo("Australia/Lord_Howe")


@pytest.mark.parametrize(
    ("wall", "zone", "moved"),
    [
        (datetime(2027, 3, 28, 1, 59), BERLIN, None),  # the last minute before the gap
        (datetime(2027, 3, 28, 2, 0), BERLIN, datetime(2027, 3, 28, 3, 0)),  # its first
        (datetime(2027, 3, 28, 2, 30), BERLIN, datetime(2027, 3, 28, 3, 30)),
        (datetime(2027, 3, 28, 2, 59), BERLIN, datetime(2027, 3, 28, 3, 59)),  # its last
        (datetime(2027, 3, 28, 3, 0), BERLIN, None),  # the first after it
        (datetime(2027, 10, 31, 2, 30), BERLIN, None),  # an hour that happens twice exists
        (datetime(2027, 3, 14, 2, 15), NEW_YORK, datetime(2027, 3, 14, 3, 15)),
        (datetime(2027, 10, 3, 2, 15), LORD_HOWE, datetime(2027, 10, 3, 2, 45)),  # a half-hour change
        (datetime(2027, 10, 3, 2, 30), LORD_HOWE, None),
        (datetime(2027, 3, 28, 2, 30), ZoneInfo("Asia/Shanghai"), None),  # no clock changes
    ],
)
def test_a_skipped_local_time_is_moved_past_the_gap(wall, zone, moved):
    result = skipped(wall, zone)
    if moved is None:
        assert result is None
    else:
        assert result is not None and result.replace(tzinfo=None) == moved and result.tzinfo is zone
        assert result.utcoffset() != wall.replace(tzinfo=zone, fold=0).utcoffset()  # after the change
