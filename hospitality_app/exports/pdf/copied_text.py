"""What a reader gets when copying text out of our PDFs or searching it: each font's ToUnicode
table, which maps the glyphs drawn back to characters.

Some characters are drawn through stand-ins. Thai marks are drawn through the font's positioned
variants, whose code points are private-use (see shaping). Arabic letters are drawn through the
presentation forms the reshaper joins them into ("ﺷ", the initial form of "ش"). By default the
table gives back the stand-in: a Thai mark copied as nothing, and Arabic copied as compatibility
characters that search, spell-checking and a pasted e-mail treat as other letters ("ﺷﻜﺮﺍ" is
not "شكرا"). Brackets on a right-to-left run are drawn mirrored, through stand-ins of their own
(mirror_images). Each font's table here maps its stand-ins to the characters they draw."""

from __future__ import annotations

import unicodedata

from reportlab.pdfbase import pdfmetrics, ttfonts

_TEXT_OF: dict[str, dict[int, str]] = {}  # a font's face name: its stand-ins and their text
MIRROR = 0xF0000  # + a character's code: the character drawn for its mirror image (plane 15, private use)
_ARABIC_FORMS = (range(0xFB50, 0xFE00), range(0xFE70, 0xFF00))


def copy_as(font_name: str, stand_ins: dict[int, str]) -> None:
    """In every PDF made from now on, `font_name`'s glyph for each code point of `stand_ins`
    copies as its text."""
    face = pdfmetrics.getFont(font_name).face.name.decode("latin-1")
    _TEXT_OF.setdefault(face, {}).update(stand_ins)
    if not getattr(ttfonts.makeToUnicodeCMap, "copies_stand_ins", False):
        ttfonts.makeToUnicodeCMap = _copying(ttfonts.makeToUnicodeCMap)


def arabic_forms(font_name: str) -> dict[int, str]:
    """The Arabic presentation forms `font_name` has, each with the letters it is a form of.
    Forms of a vowel mark alone ("ﹰ", a space and the mark) are left as they are.

    A ligature's letters are given in the order it is drawn in: right-to-left lines are drawn in
    display order, and a reader (poppler, which Evince and Okular use) puts a copied line back
    in reading order character by character. "ﻷ" (lam with alef) is written alef, lam: written
    lam, alef, "الأحمد" copied as "األحمد"."""
    has = pdfmetrics.getFont(font_name).face.charToGlyph
    out = {}
    for forms in _ARABIC_FORMS:
        for code in forms:
            if code in has:
                letters = unicodedata.normalize("NFKC", chr(code))
                if letters != chr(code) and " " not in letters:
                    out[code] = letters[::-1]
    return out


def mirror_images(font_name: str) -> dict[int, str]:
    """Stand-ins for the characters drawn for their mirror image, each with the character it
    stands for. On a right-to-left run "(" is drawn with the glyph of ")" (UAX #9, rule L4), and
    a reader putting the line back in reading order copied "(بالريال)" as ")بالريال(". Drawn
    through its stand-in, MIRROR + the code of ")", in the same font (a change of font would
    cut the line into pieces that Firefox's viewer puts in display order), it copies as "(".

    The stand-ins are added to `font_name`'s characters, with the glyph and width of the
    character drawn."""
    from bidi.algorithm import MIRRORED

    face = pdfmetrics.getFont(font_name).face
    out = {}
    for drawn, written in MIRRORED.items():
        if (code := ord(drawn)) in face.charToGlyph:
            face.charToGlyph[MIRROR + code] = face.charToGlyph[code]
            face.charWidths[MIRROR + code] = face.charWidths.get(code, face.defaultWidth)
            out[MIRROR + code] = written
    return out


def _copying(make_cmap):
    def make(font_name: str, subset: list[int]) -> str:
        texts = _TEXT_OF.get(font_name.split("+", 1)[-1])  # "AAAAAA+Waree": the face after the tag
        if not texts:
            return make_cmap(font_name, subset)
        wanted = [texts.get(code, chr(code)) for code in subset]
        cmap = make_cmap(font_name, [ord(text[0]) for text in wanted])
        for index, text in enumerate(wanted):
            if len(text) > 1:  # a ligature: its letters (ReportLab writes one character a glyph)
                one = f"<{index:02X}> <{ord(text[0]):04X}>"
                cmap = cmap.replace(one, f"<{index:02X}> <{text.encode('utf-16-be').hex().upper()}>", 1)
        return cmap

    make.copies_stand_ins = True  # type: ignore[attr-defined]
    return make
