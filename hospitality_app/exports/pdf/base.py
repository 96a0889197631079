"""The one PDF renderer: page templates, the bundled fonts, the letterhead on every page, page
numbers. Each document is a small subclass that builds its story from DTOs."""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from hospitality_app.exports.pdf.text import (
    CJK,
    LATIN,
    LATIN_BOLD,
    has_cjk,
    has_thai,
    is_rtl,
    markup,
    register_fonts,
    written_in,
)
from hospitality_app.exports.pdf.text import width as text_width

INK = "#1f2933"
MUTED = "#616e7c"
ACCENT = "#1f5f8b"
WARN = "#b00020"


@dataclass(frozen=True)
class Letterhead:
    """Our company as it appears on documents (from the preferences)."""

    name: str
    address: str = ""
    phone: str = ""
    email: str = ""
    logo: Path | None = None


def pdf_language(locale: str) -> str:
    """A Babel locale as a PDF's /Lang (BCP 47): zh_Hans_CN → zh-CN, de_DE → de-DE."""
    parts = [p for p in (locale or "en").replace("-", "_").split("_") if p != "Hans"]
    return "-".join(parts)


LETTERHEAD_TOP = 12  # mm from the page's top edge
RULE_BELOW = 17  # mm below that: the rule under the letterhead, unless a long one needs more
SHORT_HEADER_DEPTH = 26  # mm from the top where the text of a page with the short header starts


class Renderer:
    """Subclasses set `pagesize` and implement `story()`; `render()` returns the PDF bytes."""

    pagesize: tuple[float, float] | None = None  # default A4, set in __init__ (reportlab is imported lazily)
    margins = (20, 20, 32, 20)  # mm: left, right, top (below the letterhead), bottom
    title = ""
    subject = ""  # what the document is, for the PDF's properties
    language = "en"  # the document's language, as a Babel locale (zh_Hans_CN, de_DE): the PDF's /Lang
    letterhead_on_pages = True
    short_header_after_first = False  # the letterhead on page one only, a short header after
    footer_always = False  # the footer says more than the page's number (a confidential mark)

    def __init__(self, letterhead: Letterhead, *, page_label: str = "{n}") -> None:
        register_fonts()
        from reportlab.lib.pagesizes import A4

        self.letterhead = letterhead
        self.page_label = page_label
        self._letterheads: dict[float, tuple] = {}  # by width: the laid-out letterhead
        if self.pagesize is None:
            self.pagesize = A4

    @property
    def page_size(self) -> tuple[float, float]:
        """(width, height) in points: `pagesize`, which __init__ has set."""
        if self.pagesize is None:
            raise TypeError(f"{type(self).__name__}: Renderer.__init__ has not set the page size")
        return self.pagesize

    @property
    def text_width(self) -> float:
        """The width of the page's text in points: the page less its left and right margins."""
        from reportlab.lib.units import mm

        return self.page_size[0] - (self.margins[0] + self.margins[1]) * mm

    # styles ---------------------------------------------------------------
    def style(self, name: str = "body", **overrides):
        from reportlab.lib.enums import TA_LEFT
        from reportlab.lib.styles import ParagraphStyle

        base = {
            "body": dict(fontName=LATIN, fontSize=10.5, leading=15, textColor=INK, spaceAfter=6),
            "small": dict(fontName=LATIN, fontSize=8.5, leading=11, textColor=MUTED),
            "h1": dict(fontName=LATIN_BOLD, fontSize=17, leading=22, textColor=ACCENT, spaceAfter=8),
            "h2": dict(
                fontName=LATIN_BOLD,
                fontSize=12.5,
                leading=17,
                textColor=ACCENT,
                spaceBefore=10,
                spaceAfter=4,
                keepWithNext=1,
            ),
            "cell": dict(fontName=LATIN, fontSize=9, leading=12, textColor=INK),
        }[name]
        base.update(alignment=TA_LEFT)
        base.update(overrides)
        return ParagraphStyle(name, **base)

    def para(self, text: str, style=None, *, bold: bool = False, rtl: bool | None = None, bullet: bool = False):
        """A paragraph of user text (escaped, shaped, font-fallback); right-aligned if RTL. A
        right-to-left `bullet` item has its bullet at the right and its further lines indented."""
        from reportlab.lib.enums import TA_RIGHT
        from reportlab.platypus import Paragraph

        style = style or self.style()
        # A bold style (the headings) is bold in every script: its Chinese in the synthetic bold.
        bold = bold or style.fontName == LATIN_BOLD
        if rtl if rtl is not None else is_rtl(text):
            style = self.style(
                style.name,
                alignment=TA_RIGHT,
                fontName=style.fontName,
                fontSize=style.fontSize,
                leading=style.leading,
                textColor=style.textColor,
                spaceAfter=style.spaceAfter,
                spaceBefore=style.spaceBefore,
            )
        if is_rtl(text):
            from hospitality_app.exports.pdf.rtl_paragraph import RTLParagraph

            return RTLParagraph(text, style, bold=bold, bullet=bullet)
        if has_thai(text):  # shaped by HarfBuzz: Thai marks stack as the font designs them
            from hospitality_app.exports.pdf import shaping

            # Stacked marks make Thai lines taller: the font's height is 1.7 times its size.
            thai = {
                **_settings(style),
                "leading": max(style.leading, 1.7 * style.fontSize),
                "spaceBefore": max(style.spaceBefore, 0.3 * style.fontSize),  # marks above the first line
            }
            # Not with Chinese in it too: ReportLab shapes a word in the font of its first letter,
            # and a word of Chinese and Latin ("pork”含有") came out in the wrong glyphs, or not at all.
            shaped = shaping.available() and not has_cjk(text)
            style = self.style(style.name, **{**thai, "shaping": 1} if shaped else thai)
            from hospitality_app.exports.pdf.linebreak import ThaiParagraph

            return ThaiParagraph(markup(text, bold=bold), style)
        if has_cjk(text):  # broken by the Unicode rules: no "，" starting a line, no "（" ending one
            from hospitality_app.exports.pdf.linebreak import UnicodeParagraph

            return UnicodeParagraph(
                markup(text, bold=bold), self.style(style.name, **{**_settings(style), "wordWrap": "CJK"})
            )
        return Paragraph(markup(text, bold=bold), style)

    # pages ----------------------------------------------------------------
    def story(self) -> list:
        raise NotImplementedError

    def render(self) -> bytes:
        with written_in(self.language):  # a Japanese document's kanji in the Japanese font
            return self._render()

    def _render(self) -> bytes:
        from reportlab.lib.units import mm
        from reportlab.platypus import BaseDocTemplate, Frame, NextPageTemplate, PageTemplate

        buffer = io.BytesIO()
        left, right, top, bottom = (m * mm for m in self.margins)
        height = self.page_size[1]
        if self.letterhead_on_pages:
            # The text starts below the letterhead's rule (3 mm), and a letterhead longer than
            # its usual room pushes the rule and the text down.
            rule = self._letterhead_block(self.text_width)[2]
            top = max(top, (LETTERHEAD_TOP + 3) * mm + rule)
        doc = BaseDocTemplate(
            buffer,
            pagesize=self.pagesize,
            leftMargin=left,
            rightMargin=right,
            topMargin=top,
            bottomMargin=bottom,
            title=self.title,
            author=self.letterhead.name,
            subject=self.subject or self.title,
            creator="Hospitality",
            # The real time it was made (ReportLab reads SOURCE_DATE_EPOCH, for reproducible files).
            invariant=0,
            lang=pdf_language(self.language),
            # ReportLab's canvas otherwise starts in Helvetica, listed unembedded in every PDF.
            initialFontName=LATIN,
        )

        def frame(top: float):
            box = dict(leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
            return Frame(left, bottom, self.text_width, height - top - bottom, id="body", **box)

        story = self.story()
        templates = [PageTemplate(id="page", frames=[frame(top)], onPage=self._decorate)]
        if self.short_header_after_first:
            # The full letterhead on the first page; the following ones carry a one-line header
            # and their text starts higher (DIN 5008's follow-up pages).
            later = PageTemplate(id="later", frames=[frame(SHORT_HEADER_DEPTH * mm)], onPage=self._short_header)
            templates.append(later)
            story = [NextPageTemplate("later"), *story]
        doc.addPageTemplates(templates)
        doc.build(story, canvasmaker=self._counting_canvas())
        return buffer.getvalue()

    def short_header(self) -> str:
        """What the header of the pages after the first says: whose document it is."""
        return self.letterhead.name

    def _short_header(self, canvas, doc) -> None:
        from reportlab.lib.colors import HexColor
        from reportlab.lib.units import mm

        width, height = self.page_size
        left, right = self.margins[0] * mm, self.margins[1] * mm
        room = self.text_width
        text, size = self.short_header(), 8.5
        # One line, always: smaller type, then the text cut short, rather than a second line
        # running into the page's text.
        while size > 6 and text_width(text, size) > room:
            size -= 0.5
        while len(text) > 1 and text_width(text + "…", size) > room:
            text = text[:-1]
        if text != self.short_header():
            text += "…"
        canvas.saveState()
        line = self.para(text, self.style("small", fontSize=size, leading=size * 1.3))
        _, h = line.wrap(room + 1, 20 * mm)
        line.drawOn(canvas, left, height - LETTERHEAD_TOP * mm - h)
        canvas.setStrokeColor(HexColor(ACCENT))
        canvas.setLineWidth(0.5)
        rule = height - LETTERHEAD_TOP * mm - h - 2 * mm
        canvas.line(left, rule, width - right, rule)
        canvas.restoreState()

    def _decorate(self, canvas, doc) -> None:
        from reportlab.lib.units import mm

        height = self.page_size[1]
        if self.letterhead_on_pages:
            # As wide as the page's text (the brief's margins are narrower than the letter's).
            canvas.saveState()
            self.draw_letterhead(canvas, self.margins[0] * mm, height - LETTERHEAD_TOP * mm, self.text_width)
            canvas.restoreState()

    def _footer(self, canvas, page: int, pages: int) -> None:
        """The page's number, only when there are several: "Page 1" on a one-page letter says
        nothing (the footer is drawn once the number of pages is known)."""
        from reportlab.lib.units import mm

        if (pages < 2 and not self.footer_always) or not self.page_label:
            return
        width, _height = self.page_size
        canvas.saveState()
        footer = self.para(self.page_label.format(n=page, total=pages), self.style("small", alignment=1))
        footer.wrap(width - 40 * mm, 10 * mm)
        footer.drawOn(canvas, 20 * mm, 10 * mm)
        canvas.restoreState()

    def _counting_canvas(self):
        """A canvas that keeps its pages until the end, to number them knowing how many there are
        (ReportLab's recipe for "page x of y")."""
        from reportlab.pdfgen.canvas import Canvas

        renderer = self

        class CountingCanvas(Canvas):
            def __init__(self, *args, **kwargs) -> None:
                super().__init__(*args, **kwargs)
                self._kept: list[dict] = []

            def beginText(self, x=0, y=0, direction=None):
                # Text set in the bold CJK face is drawn as a synthetic bold (synthetic_bold).
                from hospitality_app.exports.pdf.synthetic_bold import TextObject

                return TextObject(self, x, y, direction=direction)

            def showPage(self) -> None:
                self._kept.append(dict(self.__dict__))
                self._startPage()

            def save(self) -> None:
                pages = len(self._kept)
                for number, state in enumerate(self._kept, 1):
                    self.__dict__.update(state)
                    renderer._footer(self, number, pages)
                    Canvas.showPage(self)
                Canvas.save(self)

        return CountingCanvas

    def draw_letterhead(self, canvas, x: float, top: float, width: float) -> None:
        from reportlab.lib.colors import HexColor

        logo = self._logo
        if logo is not None:
            image, logo_w, logo_h = logo
            canvas.drawImage(image, x + width - logo_w, top - logo_h, logo_w, logo_h, mask="auto")
        name, contact, rule = self._letterhead_block(width)
        _, nh = name.wrap(*self._letterhead_room(width))
        name.drawOn(canvas, x, top - nh)
        if contact is not None:
            _, ch = contact.wrap(*self._letterhead_room(width))
            contact.drawOn(canvas, x, top - nh - ch - 1)
        canvas.setStrokeColor(HexColor(ACCENT))
        canvas.setLineWidth(0.8)
        canvas.line(x, top - rule, x + width, top - rule)

    @cached_property
    def _logo(self):
        """The letterhead's logo as (image, width, height) in points, 14 mm high; None without one
        (read once: every page's letterhead draws it)."""
        from reportlab.lib.units import mm

        head = self.letterhead
        if head.logo is None or not Path(head.logo).is_file():
            return None
        from reportlab.lib.utils import ImageReader

        image = ImageReader(str(head.logo))
        iw, ih = image.getSize()
        return image, 14 * mm * iw / ih, 14 * mm

    def _letterhead_room(self, width: float) -> tuple[float, float]:
        from reportlab.lib.units import mm

        logo = self._logo
        return width - (logo[1] if logo else 0.0) - 4 * mm, 200 * mm

    def _letterhead_block(self, width: float):
        """The company's name and contact line, and how far below the top the rule goes. A long
        name or address is set smaller (down to 70%), and what still does not fit pushes the rule,
        and the page's text with it, down: the letterhead never runs into what follows. Laid out
        once for the document, drawn on every page."""
        if width not in self._letterheads:
            self._letterheads[width] = self._lay_out_letterhead(width)
        return self._letterheads[width]

    def _lay_out_letterhead(self, width: float):
        from reportlab.lib.units import mm

        head = self.letterhead
        contact_text = " · ".join(p for p in (head.address, head.phone, head.email) if p)
        room = self._letterhead_room(width)
        scales = (1.0, 0.9, 0.8, 0.7)

        def lay_out(step: int, text: str, style: str, size: float, leading: float, bold: bool):
            """The paragraph at scales[step], its depth and how many lines it takes."""
            scale = scales[step]
            para = self.para(
                text,
                self.style(style, spaceBefore=0, spaceAfter=0, fontSize=size * scale, leading=leading * scale),
                bold=bold,
            )
            depth = para.wrap(*room)[1]
            return para, depth, round(depth / (leading * scale))

        # Only what wraps is set smaller, the one that wraps most first: a long name left the
        # address line, which fitted, shrunk with it.
        steps = {"name": 0, "contact": 0}
        while True:
            name, name_depth, name_lines = lay_out(steps["name"], head.name, "h2", 12.5, 17, True)
            contact, contact_depth, contact_lines = None, 0.0, 0
            if contact_text:
                contact, contact_depth, contact_lines = lay_out(steps["contact"], contact_text, "small", 8.5, 11, False)
                contact_depth += 1
            depth = name_depth + contact_depth
            wrapping = [
                (lines, part)
                for lines, part in ((name_lines, "name"), (contact_lines, "contact"))
                if lines > 1 and steps[part] < len(scales) - 1
            ]
            if depth <= (RULE_BELOW - 2) * mm or not wrapping:
                break
            steps[max(wrapping, key=lambda found: (found[0], found[1] == "name"))[1]] += 1
        return name, contact, max(RULE_BELOW * mm, depth + 2 * mm)


def _settings(style) -> dict:
    """`style`'s settings, to make a variant of it."""
    return {k: v for k, v in style.__dict__.items() if k not in ("name", "parent")}


def table(renderer: Renderer, rows: list[list], widths: list[float], *, header: bool = True, align: str = "LEFT"):
    """A grid of paragraphs with a tinted header row and thin rules, at the left of the page
    (`align` "RIGHT" in a right-to-left document)."""
    from reportlab.lib.colors import HexColor
    from reportlab.platypus import Table, TableStyle

    t = Table(rows, colWidths=widths, repeatRows=1 if header else 0, hAlign=align)
    commands = [
        ("FONT", (0, 0), (-1, -1), LATIN),  # the default (Helvetica) would be set, unembedded
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, HexColor("#cbd2d9")),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), HexColor("#e4ecf3")))
    t.setStyle(TableStyle(commands))
    return t


__all__ = ["CJK", "Letterhead", "Renderer", "table"]
