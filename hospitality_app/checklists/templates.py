"""Checklist templates: TOML files in resources/checklists (and the user's own folder),
parsed and validated; every error names the file and line."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from hospitality_app import vocab
from hospitality_app.errors import ValidationError

ANCHORS = ("arrival", "set_off", "visit_start", "visit_end", "tour", "meal")
CONDITIONS = (
    "key_account",
    "first_visit",
    "we_book_hotel",
    "we_pay_hotel",
    "gifts_planned",
    "has_pickups",
    "has_tour",
    "has_meals",
    "has_negotiation",
)
OFFSET = re.compile(r"^([+-])?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?$")
SHIPPED = ("standard", "key_account", "first_visit", "trade_fair")


@dataclass(frozen=True)
class TemplateItem:
    key: str
    phase: str
    title_en: str
    title_zh: str
    anchor: str = ""  # empty for an absolute due time
    offset_minutes: int = 0
    at: datetime | None = None  # absolute (naive: local time of the visit)
    owner_role: str = ""
    owner_person: str = ""
    when: str = ""


@dataclass(frozen=True)
class Template:
    name: str  # file stem: standard, key_account…
    title_en: str
    title_zh: str
    items: tuple[TemplateItem, ...]

    def title(self, language: str) -> str:
        return self.title_zh if language.startswith("zh") else self.title_en


def parse_offset(text: str) -> int:
    """ "-7d", "+3d", "-90m", "-1d2h" → minutes."""
    match = OFFSET.match(text.strip()) if text else None
    if not match or not any(match.groups()[1:]):
        raise ValueError(f"not an offset: {text!r} (like -7d, +3d, -2h, -30m)")
    sign, days, hours, minutes = match.groups()
    total = int(days or 0) * 1440 + int(hours or 0) * 60 + int(minutes or 0)
    return -total if sign == "-" else total


def _line_of(text: str, index: int, key: str) -> int:
    """The line of `key` inside the index-th [[item]] (1-based), or of that [[item]] header."""
    lines = text.splitlines()
    seen = -1
    header = 0
    for number, line in enumerate(lines, 1):
        if line.strip() == "[[item]]":
            seen += 1
            if seen == index:
                header = number
            elif seen > index:
                break
        elif seen == index and key and re.match(rf"\s*{re.escape(key)}\s*=", line):
            return number
    return header or 1


def parse_template(text: str, source: str) -> Template:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        # tomllib's message ends in "(at line N, column M)"
        raise ValidationError(source, str(exc)) from None
    name = Path(source).stem
    title = data.get("name") or {}
    if not isinstance(title, dict) or not title.get("en") or not title.get("zh"):
        raise ValidationError(f"{source}, line 1", 'the template needs name = { en = "…", zh = "…" }')
    items = []
    keys = set()
    for index, entry in enumerate(data.get("item", [])):

        def fail(key: str, message: str, index=index) -> None:
            raise ValidationError(f"{source}, line {_line_of(text, index, key)}", message)

        unknown = set(entry) - {"key", "phase", "title", "due", "owner", "person", "when"}
        if unknown:
            fail(sorted(unknown)[0], f"unknown field {sorted(unknown)[0]!r}")
        key = entry.get("key", "")
        if not key:
            fail("", "every item needs a key")
        if key in keys:
            fail("key", f"the key {key!r} is used twice")
        keys.add(key)
        phase = entry.get("phase", "")
        if phase not in vocab.CHECKLIST_PHASES:
            fail("phase", f"unknown phase {phase!r} (one of: {', '.join(vocab.CHECKLIST_PHASES)})")
        item_title = entry.get("title") or {}
        if not isinstance(item_title, dict) or not item_title.get("en") or not item_title.get("zh"):
            fail("title", "title needs both en and zh")
        due = entry.get("due") or {}
        anchor, offset, at = "", 0, None
        if "at" in due:
            try:
                at = datetime.fromisoformat(str(due["at"]))
            except ValueError:
                fail("due", f"not a date and time: {due['at']!r}")
        else:
            anchor = due.get("anchor", "")
            if anchor not in ANCHORS:
                fail("due", f"unknown anchor {anchor!r} (one of: {', '.join(ANCHORS)})")
            try:
                offset = parse_offset(str(due.get("offset", "0m")))
            except ValueError as exc:
                fail("due", str(exc))
        owner, person = entry.get("owner", ""), entry.get("person", "")
        if owner and owner not in vocab.HOST_ROLES:
            fail("owner", f"unknown host role {owner!r} (one of: {', '.join(vocab.HOST_ROLES)})")
        when = entry.get("when", "")
        if when and when not in CONDITIONS:
            fail("when", f"unknown condition {when!r} (one of: {', '.join(CONDITIONS)})")
        items.append(
            TemplateItem(key, phase, item_title["en"], item_title["zh"], anchor, offset, at, owner, person, when)
        )
    if not items:
        raise ValidationError(source, "the template has no [[item]]")
    return Template(name, title["en"], title["zh"], tuple(items))


def load_templates(user_folder: Path | None = None) -> dict[str, Template]:
    """Shipped templates, overridden (or added to) by the user's own files of the same name."""
    from hospitality_app.resources import resource

    found: dict[str, Template] = {}
    for name in SHIPPED:
        text = resource("checklists", f"{name}.toml").read_text(encoding="utf-8")
        found[name] = parse_template(text, f"{name}.toml")
    if user_folder is not None and user_folder.is_dir():
        for path in sorted(user_folder.glob("*.toml")):
            found[path.stem] = parse_template(path.read_text(encoding="utf-8"), str(path))
    return found


def offset_text(minutes: int) -> str:
    sign = "-" if minutes < 0 else "+"
    rest = abs(minutes)
    parts = [(rest // 1440, "d"), (rest % 1440 // 60, "h"), (rest % 60, "m")]
    return sign + ("".join(f"{n}{u}" for n, u in parts if n) or "0m")


def as_delta(minutes: int) -> timedelta:
    return timedelta(minutes=minutes)
