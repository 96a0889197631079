"""Translations: Babel/gettext catalogs from resources/locale, compiled in memory on first use.

`_` translates into the interface language chosen with `set_language` (the one app-wide
setting, as in Anki). Code that must speak another language — the CLI's `--lang`, a letter in
the client's language — asks for `translator(locale)` explicitly.
"""

from __future__ import annotations

import gettext
import io
from functools import cache

from hospitality_app.resources import resource

DOMAIN = "messages"
LANGUAGES = ("en", "zh_CN")


@cache
def translator(locale: str) -> gettext.NullTranslations:
    """The catalog for `locale` (zh, zh_CN, zh-Hans → zh_CN); English is the source language."""
    code = normalize(locale)
    if code == "en":
        return gettext.NullTranslations()
    po = resource("locale", code, "LC_MESSAGES", f"{DOMAIN}.po")
    if not po.is_file():
        return gettext.NullTranslations()
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as handle:
        catalog = read_po(handle, locale=code)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def normalize(locale: str | None) -> str:
    code = (locale or "en").replace("-", "_")
    return "zh_CN" if code.lower().startswith("zh") else "en"


class _Current:
    language = "en"


def set_language(locale: str) -> str:
    _Current.language = normalize(locale)
    return _Current.language


def current_language() -> str:
    return _Current.language


def _(message: str) -> str:
    return translator(_Current.language).gettext(message)


def N_(message: str) -> str:
    """Marks `message` for the catalog where it is translated later (a noun in an error)."""
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    return translator(_Current.language).ngettext(singular, plural, n)


def list_text(items, language: str | None = None) -> str:
    """Items as a cell or a line lists them in the interface language: "Fish, Soy", "鱼、大豆"
    (the language's own separator, without the "and" a sentence would put before the last)."""
    items = [str(item) for item in items]
    if not items:
        return ""
    middle = _list_middle(normalize(language) if language else _Current.language)
    text = items[0]
    for item in items[1:]:
        text = middle.format(text, item)
    return text


@cache
def _list_middle(language: str) -> str:
    from babel import Locale

    return str(Locale.parse(language).list_patterns["standard"]["middle"])


# English for the codes that the code itself says badly ("door_front" is not "Door front").
_ENGLISH = {
    "door_front": "Front door keeper",
    "door_back": "Back door keeper",
    "glass_window": "Through the glass window",
    "hotel_to_office": "Hotel to office",
    "office_to_hotel": "Office to hotel",
}


def label(code: str, tr=None) -> str:
    """A vocabulary code for people: its translation, or in English the code made readable
    ("in_progress" → "In progress"). `tr` is a gettext function; default: the interface's."""
    text = (tr or _)(code)
    if text != code:
        return text
    return _ENGLISH.get(code) or text.replace("_", " ").capitalize()
