"""The limits a user would expect of what a visit holds, kept in one place: how long a name may
be, which characters text may carry, how large a number, how far in the past or future a date.
The importer, the calendar import and the planner's save all check against these, so nothing is
accepted that a later export, calendar or PDF could not handle."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime, timedelta
from decimal import Decimal

from hospitality_app.errors import ValidationError

FIRST_DAY = date(2000, 1, 1)  # older history is not planned in this app
LAST_DAY = date(2099, 12, 31)
MAX_VISIT_DAYS = 30  # a visit of a month is long; a longer one is a typing mistake
NAME_LENGTH = 200  # names and titles
ITEM_LENGTH = 1000  # one item of a list: a consensus point, a next step, a preference
TEXT_LENGTH = 100_000  # notes, research, minutes: a long document, not a book
MAX_AMOUNT = Decimal("1e13")  # fits the databases' NUMERIC(16, 2)
DAY_MINUTES = 24 * 60

# How long a single-line field may be, where its column is narrower than NAME_LENGTH; keyed by
# the last part of its path ("pickups[0].carrier_number" → "carrier_number").
NARROW = {"carrier_number": 40, "type": 40, "phone": 60, "city": 120, "department": 120, "currency": 3}
# Fields whose text may run over several lines.
MULTI_LINE = frozenset(
    {
        "notes",
        "research",
        "purpose",
        "address",
        "office_address",
        "minutes",
        "greeting",
        "letter_opening",
        "letter_closing",
        "bottom_lines",
        "hygiene",
        "website",
    }
)
# Whole numbers: the least and the most each may be ("minutes" is an agenda item's or a tour
# stop's length; the offset moves a checklist item by up to a year around its anchor).
NUMBERS = {
    "minutes": (1, DAY_MINUTES),
    "drive_minutes": (0, DAY_MINUTES),
    "confirm_call_minutes_before": (0, DAY_MINUTES),
    "luggage_pieces": (0, 999),
    "count": (1, 999),
    "seats": (1, 999),
    "due_offset_minutes": (-366 * DAY_MINUTES, 366 * DAY_MINUTES),
}
# Characters that are allowed in multi-line text besides the printable ones.
_LINE_BREAKS = frozenset("\n\r\t")


def field_name(path: str) -> str:
    """The last part of a JSON path, without its index: `meals[0].dishes[2].name` → `name`."""
    last = path.rsplit(".", 1)[-1]
    return last.split("[", 1)[0]


def check_text(path: str, value: str, *, multi_line: bool | None = None, most: int | None = None) -> str:
    """Refuse text a calendar, a PDF or the database cannot carry: invalid code points, control
    characters (line breaks in a single-line field), and text longer than its field."""
    name = field_name(path)
    multi = name in MULTI_LINE if multi_line is None else multi_line
    limit = most if most is not None else (TEXT_LENGTH if multi else NARROW.get(name, NAME_LENGTH))
    if len(value) > limit:
        raise ValidationError(
            path, "too long: {length:,} characters (at most {limit:,})", length=len(value), limit=limit
        )
    for i, ch in enumerate(value):
        if "\ud800" <= ch <= "\udfff":
            raise ValidationError(
                path, "contains an invalid character at position {position} (a lone surrogate)", position=i + 1
            )
        if multi and ch in _LINE_BREAKS:
            continue
        if unicodedata.category(ch) == "Cc" or ch in "\u2028\u2029":
            if ch in "\n\r\u2028\u2029":
                raise ValidationError(
                    path, "contains a line break at position {position}; this field is one line", position=i + 1
                )
            raise ValidationError(
                path,
                "contains a control character (U+{code:04X}) at position {position}",
                code=ord(ch),
                position=i + 1,
            )
    return value


def check_number(path: str, value: int) -> int:
    low, high = NUMBERS.get(field_name(path), (0, 1_000_000))
    if not low <= value <= high:
        if abs(value) >= 10**21:
            raise ValidationError(
                path,
                "must be between {low:,} and {high:,}, got a number of {digits} digits",
                low=low,
                high=high,
                digits=len(str(abs(value))),
            )
        raise ValidationError(path, "must be between {low:,} and {high:,}, got {got:,}", low=low, high=high, got=value)
    return value


def check_amount(path: str, value: Decimal) -> Decimal:
    if not value.is_finite():
        raise ValidationError(path, "not an amount: {value}", value=value)
    if value < 0:
        raise ValidationError(path, "must not be negative")
    if value >= MAX_AMOUNT:
        raise ValidationError(
            path, "too large an amount: {value:,} (less than {most:,.0f})", value=value, most=MAX_AMOUNT
        )
    return value


def check_day(path: str, value: date) -> date:
    day = value.date() if isinstance(value, datetime) else value
    if not FIRST_DAY <= day <= LAST_DAY:
        raise ValidationError(
            path,
            "{day} is outside the years this app plans ({first}–{last})",
            day=day.isoformat(),
            first=FIRST_DAY.year,
            last=LAST_DAY.year,
        )
    return value


def check_length_of_visit(path: str, start: datetime, end: datetime) -> None:
    if end - start > timedelta(days=MAX_VISIT_DAYS):
        raise ValidationError(
            path, "a visit lasts at most {most} days; this one {days}", most=MAX_VISIT_DAYS, days=(end - start).days
        )
