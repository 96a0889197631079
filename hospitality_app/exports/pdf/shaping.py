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


def narrow_no_break_spaces(font_names: tuple[str, ...]) -> None:
    """Give a no-break space shaped in `font_names` the width of a space. Waree draws U+00A0 with
    a glyph twice as wide as its space, and HarfBuzz uses it: a Thai date, whose spaces are
    no-break spaces so that it stays on one line, read "6  ธันวาคม  พ.ศ.  2569"."""
    from reportlab.platypus import paragraph

    if getattr(paragraph.shapeFragWord, "narrows", None) is not None:
        paragraph.shapeFragWord.narrows.update(font_names)
        return
    shape = paragraph.shapeFragWord
    narrows = set(font_names)

    def shaped(word, *args, **kwargs):
        new = shape(word, *args, **kwargs)
        if new is word:
            return new
        for frag, text in new[1:]:
            data = getattr(text, "__shapeData__", None)
            if getattr(frag, "fontName", None) not in narrows or data is None or "\u00a0" not in text:
                continue
            for i, (ch, glyph) in enumerate(zip(text, data, strict=False)):
                if ch == "\u00a0" and glyph.x_advance > glyph.width:
                    new[0] -= (glyph.x_advance - glyph.width) * frag.fontSize / 1000
                    data[i] = glyph._replace(x_advance=glyph.width)
        return new

    shaped.narrows = narrows  # type: ignore[attr-defined]
    paragraph.shapeFragWord = shaped
