"""The welcome sign: landscape, large type, readable across a lobby or an airport exit."""

from __future__ import annotations

from pathlib import Path

from hospitality_app.exports.pdf.base import ACCENT, INK, MUTED, Letterhead, Renderer
from hospitality_app.exports.pdf.language import texts
from hospitality_app.exports.pdf.text import LATIN, LATIN_BOLD, has_thai, width
from hospitality_app.services.dto import VisitPlan


class SignRenderer(Renderer):
    letterhead_on_pages = False
    margins = (15, 15, 15, 12)

    def __init__(self, letterhead: Letterhead, plan: VisitPlan, *, size: str = "A4") -> None:
        from reportlab.lib.pagesizes import A3, A4, landscape

        if size not in ("A4", "A3"):
            raise ValueError(f"size must be A4 or A3, not {size!r}")
        self.pagesize = landscape(A3 if size == "A3" else A4)
        super().__init__(letterhead, page_label="")
        self.language = texts(plan.client_locale).locale
        self.plan = plan
        self.scale = 1.414 if size == "A3" else 1.0
        self.title = f"{texts(plan.client_locale)['welcome']} — {plan.company.name}"

    def _fit(self, text: str, size: float, available: float, *, bold: bool, lines: int = 1) -> float:
        """The largest font size up to `size` at which `text` fits on one line (a name too long
        even at 12 pt wraps onto a second line rather than shrinking out of sight). With `lines`
        2, a text that would shrink below 70% of `size` on one line is set larger, on two: a long
        company name was 12 pt, under half the sign empty."""
        one = size
        while one > 12 and width(text, one, bold=bold) > available:
            one *= 0.92
        if lines == 1 or one >= 0.7 * size:
            return one
        two = size  # 1.8 lines' worth: a line breaks between words, never quite full
        while two > one and width(text, two, bold=bold) > 1.8 * available:
            two *= 0.92
        return max(one, two)

    def story(self) -> list:
        from reportlab.lib.units import mm
        from reportlab.platypus import PageBreak

        s = self.scale
        page_w = self.page_size[0] - 30 * mm
        page_h = self.page_size[1] - (self.margins[2] + self.margins[3]) * mm
        heading, heading_h = self._heading(page_w)
        # The names are what a visitor looks for across an arrivals hall: the largest after the
        # greeting, as large as the room under the heading allows for all of them. Below 18 pt they
        # go on as many pages as they need, each with the heading, rather than shrinking further.
        names = [v.name for v in self.plan.visitors]
        room = (page_h - heading_h) * 0.97  # a little slack: the frame rounds, and a full page spills
        largest = 44 if len(names) <= 3 else 34 if len(names) <= 5 else 26
        gap = 2 * mm * s  # after each name
        # A name's line is 1.2 times its size; a Thai one 2 (its marks stack: Renderer.para).
        tall = 2.0 if any(has_thai(name) for name in names) else 1.2
        size = max(18.0 * s, min(largest * s, (room / max(len(names), 1) - gap) / tall))
        per_page = max(1, int(room / (size * tall + gap) + 1e-6))  # 4.9999… names are five
        # The same number of names on each page (eight are four and four, not seven and one), as
        # large as that number allows.
        pages = -(-max(len(names), 1) // per_page)
        per_page = -(-max(len(names), 1) // pages)
        size = max(18.0 * s, min(largest * s, (room / per_page - gap) / tall))
        out: list = []
        for start in range(0, max(len(names), 1), per_page):
            if start:
                out += [PageBreak(), *self._heading(page_w)[0]]
            else:
                out += heading
            out += [self._line(n, size / s, INK, page_w, after=2) for n in names[start : start + per_page]]
        return out

    def _heading(self, page_w: float) -> tuple[list, float]:
        """The logo or our name, the greeting (in the client's language and in English), and the
        client company; with the height they take."""
        from reportlab.lib.enums import TA_CENTER
        from reportlab.lib.units import mm
        from reportlab.platypus import Image, Spacer

        local = texts(self.plan.client_locale)
        english = texts("en")
        s = self.scale
        out: list = [Spacer(1, 14 * mm * s)]
        logo = self.letterhead.logo
        if logo is not None and Path(logo).is_file():
            # Within 80 × 25 mm, its proportions kept ("proportional" needs both bounds: given
            # none, ReportLab failed with a TypeError and no sign was made whenever a logo was set).
            out.append(Image(str(logo), width=80 * mm * s, height=25 * mm * s, kind="proportional", hAlign="CENTER"))
            out.append(Spacer(1, 6 * mm * s))
        else:
            style = self.style("body", fontSize=14 * s, leading=18 * s, alignment=TA_CENTER, textColor=MUTED)
            out += [self.para(self.letterhead.name, style), Spacer(1, 8 * mm * s)]
        out.append(self._line(local["welcome"], 64, ACCENT, page_w))
        if local.language != "en":
            out.append(self._line(english["welcome"], 40, ACCENT, page_w, after=8))
        out.append(self._line(self.plan.company.name, 30, INK, page_w, bold=False, after=6, lines=2))
        height = 0.0
        for flowable in out:
            _, h = flowable.wrap(page_w, self.page_size[1])
            height += h + flowable.getSpaceBefore() + flowable.getSpaceAfter()
        return out, height

    def _line(
        self, text: str, size: float, color: str, page_w: float, *, bold: bool = True, after: float = 4, lines: int = 1
    ):
        from reportlab.lib.enums import TA_CENTER
        from reportlab.lib.units import mm

        s = self.scale
        size = self._fit(text, size * s, page_w, bold=bold, lines=lines)
        style = self.style(
            "body",
            fontName=LATIN_BOLD if bold else LATIN,
            fontSize=size,
            leading=size * 1.2,
            alignment=TA_CENTER,
            textColor=color,
            spaceAfter=after * mm * s,
        )
        return self.para(text, style, bold=bold, rtl=False)
