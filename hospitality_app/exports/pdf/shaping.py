"""Thai shaped by HarfBuzz (ReportLab's `shaping`, with uharfbuzz): tone marks and vowels stack
as the font designs them instead of colliding.

HarfBuzz picks the font's positioned variants of the marks ("uni0E48.low", the tone mark
lowered where no vowel stands above). Their code points in the font are private-use (U+F70A),
so a PDF viewer copying the text got nothing for them: "ท่าน" copied as "ทาน". The variants are
named after the character they draw (the Adobe glyph-naming convention, `uniXXXX.suffix`), and
the PDF's ToUnicode table maps them back to it (copied_text)."""

from __future__ import annotations

import re
from functools import cache

_VARIANT = re.compile(r"^uni([0-9A-F]{4})(?:\.|$)")


def available() -> bool:
    try:
        import uharfbuzz  # noqa: F401
    except ImportError:
        return False
    return True


@cache
def variants_of(font_name: str) -> dict[int, int]:
    """The font's private-use code points and the characters their glyphs are variants of."""
    from reportlab.pdfbase import pdfmetrics

    font = pdfmetrics.getFont(font_name)
    names = font.hbFont(10).glyph_to_string
    out = {}
    for code, gid in font.face.charToGlyph.items():
        if 0xE000 <= code <= 0xF8FF and (match := _VARIANT.match(names(gid))):
            out[code] = int(match.group(1), 16)
    return out


def prepare(font_names: tuple[str, ...]) -> None:
    """Give each font its HarfBuzz face before a word is shaped: ReportLab sets a font up only
    when a word starts in it, and a word that only ends in it failed (no `hbAddPrivate`)."""
    from reportlab.pdfbase import pdfmetrics

    for name in font_names:
        pdfmetrics.getFont(name).hbFont(10)
