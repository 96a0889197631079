"""Regional notes: the shipped set merged with the team's edits (the edits win)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from hospitality_app.errors import ValidationError
from hospitality_app.models import RegionalNote
from hospitality_app.resources import read_text
from hospitality_app.rules.context import RegionFacts

TOPICS = ("language", "punctuality", "dining", "gifts", "payment", "negotiation", "communication")


@dataclass(frozen=True)
class Note:
    country: str
    topic: str
    text_en: str
    text_zh: str
    source: str
    edited: bool = False  # True when the team's edit overrides (or adds to) the shipped note

    def text(self, language: str) -> str:
        return self.text_zh if language.startswith("zh") and self.text_zh else self.text_en


@dataclass(frozen=True)
class Country:
    code: str
    name_en: str
    name_zh: str
    region: str
    expect_delay: bool
    hotel_payment_is_bribe: bool
    source: str
    notes: tuple[Note, ...]

    def name(self, language: str) -> str:
        return self.name_zh if language.startswith("zh") and self.name_zh else self.name_en


def parse_shipped(text: str, source: str = "regions/notes.toml") -> dict[str, Country]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ValidationError(source, str(exc)) from None
    countries = {}
    for code, entry in data.items():
        if len(code) != 2 or not code.isupper():
            raise ValidationError(f"{source}: [{code}]", "not an ISO 3166 country code")
        notes = []
        for topic in TOPICS:
            if topic in entry:
                texts = entry[topic]
                if not texts.get("en") or not texts.get("zh"):
                    raise ValidationError(f"{source}: [{code}].{topic}", "needs both en and zh")
                notes.append(Note(code, topic, texts["en"], texts["zh"], entry.get("source", "")))
        unknown = set(entry) - {*TOPICS, "name", "region", "expect_delay", "hotel_payment_is_bribe", "source"}
        if unknown:
            raise ValidationError(f"{source}: [{code}]", f"unknown key {sorted(unknown)[0]!r}")
        countries[code] = Country(
            code=code,
            name_en=entry["name"]["en"],
            name_zh=entry["name"]["zh"],
            region=entry.get("region", ""),
            expect_delay=bool(entry.get("expect_delay", False)),
            hotel_payment_is_bribe=bool(entry.get("hotel_payment_is_bribe", False)),
            source=entry.get("source", ""),
            notes=tuple(notes),
        )
    return countries


@cache
def shipped() -> dict[str, Country]:
    return parse_shipped(read_text("regions", "notes.toml"))


def country(session: Session | None, code: str) -> Country:
    """The country's notes, the team's edits applied over the shipped ones."""
    base = shipped().get(code) or _unknown_country(code)
    if session is None:
        return base
    edits = {n.topic: n for n in session.scalars(select(RegionalNote).where(RegionalNote.country == code))}
    if not edits:
        return base
    notes = {n.topic: n for n in base.notes}
    for topic, e in edits.items():
        notes[topic] = Note(code, topic, e.text_en, e.text_zh, e.source, edited=True)
    ordered = tuple(notes[t] for t in TOPICS if t in notes)
    return Country(
        base.code,
        base.name_en,
        base.name_zh,
        base.region,
        base.expect_delay,
        base.hotel_payment_is_bribe,
        base.source,
        ordered,
    )


def _unknown_country(code: str) -> Country:
    """A country the shipped set lacks: named by Babel (CLDR), with no notes until the team adds some."""
    from babel import Locale

    en = Locale("en").territories.get(code, code)
    zh = Locale("zh", "Hans").territories.get(code, code)
    return Country(code, en, zh, "other", False, False, "", ())


def facts(session: Session | None, code: str, language: str = "en") -> RegionFacts:
    c = country(session, code)
    return RegionFacts(
        country_name=c.name(language), expect_delay=c.expect_delay, hotel_payment_is_bribe=c.hotel_payment_is_bribe
    )


def save_note(session: Session, code: str, topic: str, text_en: str, text_zh: str, source: str = "team") -> None:
    """Store the team's note for (country, topic); it overrides the shipped one from now on."""
    if len(code) != 2 or not code.isalpha():
        raise ValidationError("country", f"not a country code: {code!r}")
    if topic not in TOPICS:
        raise ValidationError("topic", f"unknown topic {topic!r} (one of: {', '.join(TOPICS)})")
    code = code.upper()
    row = session.scalars(select(RegionalNote).where(RegionalNote.country == code, RegionalNote.topic == topic)).first()
    if row is None:
        row = RegionalNote(country=code, topic=topic, version=1)
        session.add(row)
    row.text_en, row.text_zh, row.source = text_en, text_zh, source
    row.updated_at = datetime.now(UTC)


def country_codes(session: Session | None) -> list[str]:
    codes = set(shipped())
    if session is not None:
        codes |= set(session.scalars(select(RegionalNote.country).distinct()))
    return sorted(codes)
