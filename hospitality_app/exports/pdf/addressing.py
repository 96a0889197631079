"""How a letter greets its readers, by each visitor's salutation and the name a letter uses
(PRODUCT: `salutation` mr, ms, mx, dr, prof; `family_name`), in the grammar of the letter's
language: singular or plural, gendered where the language is ("Уважаемый господин Петров!",
"Estimadas Sra. López y Sra. Ruiz:"), one greeting per person where that is the custom ("Sehr
geehrter Herr Müller, sehr geehrte Frau Weiß,", "Sayın A, Sayın B ve Sayın C,")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from hospitality_app.exports.pdf.language import Texts
from hospitality_app.services.dto import VisitorData

MALE, FEMALE = "mr", "ms"  # the only salutations that say a gender


def greeting(visitors: Sequence[VisitorData], company: str, t: Texts) -> str:
    """The greeting line of a letter in the language of `t`, to `visitors` (or, without any,
    to the team of `company`)."""
    a = t.values["address"]
    if not visitors:
        return a["team"].format(company=company)
    persons = [person(v, a) for v in visitors]
    genders = [v.salutation if v.salutation in (MALE, FEMALE) else "" for v in visitors]
    style = a["each"]
    if style == "each" or (style == "gendered" and len(visitors) > 1 and all(genders)):
        greeted = [_dear(a, [g]) + p for g, p in zip(genders, persons, strict=True)]
        if style == "gendered":  # "Sehr geehrter Herr A, sehr geehrte Frau B,": one sentence
            greeted = [greeted[0], *(g[:1].lower() + g[1:] for g in greeted[1:])]
            return ", ".join(greeted) + a["end"]
        return _listed(greeted, t.locale) + a["end"]
    return _dear(a, genders) + _listed(persons, t.locale) + a["end"]


def _listed(items: list[str], locale: str) -> str:
    """`items` as the language lists them ("A, B and C"). Thai writes no space between words:
    "คุณสมชายและคุณสุดา"; but a Latin name stands apart, "คุณ Klaus Müller และคุณ Sabine Weiß"
    (CLDR's "{0}และ{1}" ran it into the next word)."""
    from babel.lists import format_list

    text = format_list(items, locale=locale)
    if locale.startswith("th"):
        text = re.sub(r"คุณ (?=[\u0e00-\u0e7f])", "คุณ", text)
        text = re.sub(r"(?<=[^\s\u0e00-\u0e7f])(?=และ)", " ", text)
    return text


def person(visitor: VisitorData, a: dict) -> str:
    """One visitor as the letter names them: "Mr Santoso", "Santoso先生", or the full name."""
    form = a.get(visitor.salutation or "none", a["none"])
    return form.format(family=visitor.family_name.strip() or visitor.name, name=visitor.name)


def _dear(a: dict, genders: list[str]) -> str:
    if len(genders) == 1:
        return {MALE: a["dear_male"], FEMALE: a["dear_female"]}.get(genders[0], a["dear"])
    return a["dear_many_female"] if all(g == FEMALE for g in genders) else a["dear_many"]
