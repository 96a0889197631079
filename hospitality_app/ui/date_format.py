"""Qt date fields in the interface language's numeric form (03/12/2026 21:35, 2026/12/03 21:35),
converted from the CLDR patterns Babel gives: Qt's own short formats have a two-digit year in
English, which a date field reads as the 1900s."""

from __future__ import annotations

import re

from hospitality_app.formats import entry_patterns

_FIELDS = {"y": "yyyy", "m": "mm", "s": "ss", "a": "AP"}
_NUMBERS = "MdHh"


def qt_pattern(cldr: str) -> str:
    """Every number two digits wide at least, so that typing fills one part and moves on to the
    next (a separator typed after an automatic move would skip a part)."""
    parts = []
    for match in re.finditer(r"('(?:[^']|'')*')|((.)\3*)", cldr):
        quoted, run = match.group(1), match.group(2)
        letter = run[0] if run else ""
        if quoted:
            parts.append(quoted)
        elif letter in _FIELDS:
            parts.append(_FIELDS[letter])
        elif letter in _NUMBERS:
            parts.append(run if len(run) > 2 else letter * 2)
        elif letter.isascii() and letter.isalpha():  # a letter Qt would read as a field
            parts.append(f"'{run}'")
        else:
            parts.append(run)
    return "".join(parts)


def entry_format(*, with_time: bool = True) -> str:
    day, clock = entry_patterns()
    return f"{qt_pattern(day)} {qt_pattern(clock)}" if with_time else qt_pattern(day)
