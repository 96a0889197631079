"""Paragraphs with Arabic: laid out line by line in logical order for the width they get, each
line then shaped and put in display order."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable

from hospitality_app.exports.pdf.text import LATIN, markup
from hospitality_app.exports.pdf.text import width as text_width


class RTLParagraph(Flowable):
    """A paragraph with Arabic: broken into lines for the width it gets, then each line shaped
    and put in display order (see text.rtl_lines). A `bullet` item starts with "•" at the right;
    its further lines hang under its text, not under the bullet."""

    def __init__(self, text: str, style, *, bold: bool = False, bullet: bool = False) -> None:
        super().__init__()
        self.text, self.style, self.bold, self.bullet = text, style, bold, bullet
        self._para: Any = None  # the Paragraph that wrap() laid out

    def _layout(self, available: float):
        from reportlab.platypus import Paragraph

        from hospitality_app.exports.pdf.text import rtl_lines

        size = self.style.fontSize
        mark = text_width(" •", size, bold=self.bold) if self.bullet else 0.0
        lines = rtl_lines(self.text, available * 0.97 - mark, size, bold=self.bold)
        body = [markup(line, bold=self.bold, is_visual=True) for line in lines]
        if self.bullet:  # display order: the end of a line is its right, where an Arabic line starts
            body = [body[0] + markup(" •", bold=self.bold), *(line + _blank(mark, size) for line in body[1:])]
        return Paragraph("<br/>".join(body), self.style)

    def wrap(self, available_width, available_height):
        self._para = self._layout(available_width)
        return self._para.wrap(available_width, available_height)

    def split(self, available_width, available_height):
        return self._layout(available_width).split(available_width, available_height)

    def getSpaceBefore(self):
        return self.style.spaceBefore

    def getSpaceAfter(self):
        return self.style.spaceAfter

    def drawOn(self, canvas, x, y, _sW=0):
        self._para.drawOn(canvas, x, y, _sW)


def _blank(width: float, size: float) -> str:
    """Markup for blank room `width` points wide: no-break spaces, in a size that makes them so."""
    from math import ceil

    from reportlab.pdfbase.pdfmetrics import stringWidth

    space = stringWidth("\u00a0", LATIN, size)
    count = ceil(width / space)
    return f'<font name="{LATIN}" size="{size * width / (count * space):.3f}">{"&nbsp;" * count}</font>'
