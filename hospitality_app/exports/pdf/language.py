"""The client-document texts of one language (resources/letters/<lang>.toml)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache

from hospitality_app.errors import ValidationError
from hospitality_app.resources import resource

BUDDHIST_ERA = 543  # years the Thai solar calendar counts ahead of the Gregorian
LANGUAGES = ("en", "zh_CN", "id", "ru", "es", "tr", "ar", "de", "fr", "pt", "it", "ja", "ko", "vi", "th")


@dataclass(frozen=True)
class Texts:
    language: str  # the file's name: en, zh_CN, id…
    locale: str  # the Babel locale for dates and lists
    values: dict

    def __getitem__(self, key: str) -> str:
        return self.values[key]

    def meal(self, kind: str) -> str:
        return self.values["meals"].get(kind, self.values["meals"]["other"])

    def agenda(self, kind: str) -> str:
        return self.values["agenda"].get(kind, self.values["agenda"]["other"])

    def date_format(self, length: str) -> str:
        """The pattern of a date of `length` ("long", "full"): CLDR's, unless the language's
        letters write it otherwise (Vietnamese: "ngày 8 tháng 12 năm 2026", not "8 tháng 12, 2026")."""
        return self.values.get(f"{length}_date", length)

    def date(self, day, length: str = "long") -> str:
        """`day` as the language's letters write it. Thai letters count years in the Buddhist
        era (2026 is พ.ศ. 2569): its pattern has the year as a quoted '{be}', Babel writes the rest."""
        from babel.dates import format_date

        text = format_date(day, self.date_format(length), locale=self.locale)
        # A date is one thing to read: never "15 / Desember" across two lines.
        return text.replace("{be}", str(day.year + BUDDHIST_ERA)).replace(" ", "\u00a0")

    def role(self, role: str) -> str:
        return self.values["roles"].get(role, "")

    @property
    def rtl(self) -> bool:
        return self.values["direction"] == "rtl"


def language_of(locale: str) -> str:
    """id_ID → id, zh → zh_CN, ja_JP → ja; a language without texts (he_IL) → en, the fallback."""
    code = (locale or "en").replace("-", "_")
    if code.lower().startswith("zh"):
        return "zh_CN"
    base = code.split("_")[0].lower()
    return base if base in LANGUAGES else "en"


@cache
def _load(language: str) -> dict:
    return tomllib.loads(resource("letters", f"{language}.toml").read_text(encoding="utf-8"))


def texts(locale: str) -> Texts:
    language = language_of(locale)
    values = _load(language)
    reference = _load("en")
    for key, value in reference.items():
        if key not in values:
            raise ValidationError(f"letters/{language}.toml", f"missing {key!r}")
        if isinstance(value, dict):
            missing = set(value) - set(values[key])
            if missing:
                raise ValidationError(f"letters/{language}.toml", f"missing {key}.{sorted(missing)[0]}")
    # The client's own locale for dates and lists when the texts are in its language (de_AT with
    # German texts); otherwise the texts' language: a letter in English, the English fallback for a
    # language without texts, must not write "1. Dezember 2026".
    own = (locale or "en").replace("-", "_")
    babel_locale = own if "_" in own and own.split("_")[0].lower() == language.split("_")[0] else language
    if language == "zh_CN":
        babel_locale = "zh_Hans_CN"
    elif babel_locale == "en":  # British conventions, as the interface (day before month)
        babel_locale = "en_GB"
    return Texts(language, babel_locale, values)
