"""Bold Chinese, Japanese and Korean, drawn as a synthetic bold: the bundled CJK fonts have no bold
face (no CJK font ReportLab can embed does), so a heading mixed Latin bold with CJK regular.

Each regular face is registered a second time under its bold name (text.SYNTHETIC_BOLDS);
wherever text is set in that name, the glyphs are filled and then stroked in their own colour
with a line of a few percent of the font's size (STROKES; PDF text render mode 2), which
thickens them as a bold would, and copies as the same text."""

from __future__ import annotations

import copy
from weakref import WeakKeyDictionary

from reportlab.pdfgen.textobject import PDFTextObject

from hospitality_app.exports.pdf.text import CJK_BOLD, JAPANESE_BOLD

# The stroke, as a share of the font size: as heavy as the Latin bold beside it. IPAex Gothic's
# strokes are thinner than WenQuanYi's: at 3% its kanji looked lighter than the bold digits.
STROKES = {CJK_BOLD: 0.03, JAPANESE_BOLD: 0.05}


def register(regular_name: str, bold_name: str) -> None:
    """Register `bold_name`, the bold twin of the font `regular_name` (its glyphs and metrics shared)."""
    from reportlab.pdfbase import pdfmetrics

    regular = pdfmetrics.getFont(regular_name)
    bold = copy.copy(regular)
    bold.fontName = bold_name
    bold.state = WeakKeyDictionary()  # its own subsets in each document
    bold.face = copy.copy(regular.face)
    bold.face.name = regular.face.name + b"-Bold"  # the embedded subsets say which they are
    pdfmetrics.registerFont(bold)


class TextObject(PDFTextObject):
    """A text object that sets text in a synthetic bold filled and stroked, everything else filled."""

    def _set_bold(self, name: str, size: float) -> None:
        # The render mode outlives the text object (a paragraph's next line is a new one): the
        # canvas remembers whether the last one set was the bold's.
        bold = name in STROKES
        if bold:
            self._code.append(f"2 Tr {size * STROKES[name]:.3f} w")
        elif getattr(self._canvas, "_cjk_stroking", False):
            self._code.append("0 Tr")
        self._canvas._cjk_stroking = bold

    def setFont(self, psfontname, size, leading=None):
        super().setFont(psfontname, size, leading)
        self._set_bold(psfontname, size)

    def _setFont(self, psfontname, size):
        super()._setFont(psfontname, size)
        self._set_bold(psfontname, size)

    def setFillColor(self, aColor, alpha=None):
        super().setFillColor(aColor, alpha)
        self.setStrokeColor(aColor, alpha)  # the stroke that thickens bold glyphs: their colour
