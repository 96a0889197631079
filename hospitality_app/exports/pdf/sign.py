"""The welcome sign: landscape, large type, readable across a lobby or an airport exit."""

from __future__ import annotations

from pathlib import Path

from hospitality_app.exports.pdf.base import ACCENT, INK, MUTED, Letterhead, Renderer
from hospitality_app.exports.pdf.language import texts
from hospitality_app.exports.pdf.text import LATIN, LATIN_BOLD, width
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

    def _fit(self, text: str, size: float, available: float, *, bold: bool) -> float:
        """The largest font size up to `size` at which `text` fits on one line."""
        while size > 12 and width(text, size, bold=bold) > available:
            size *= 0.92
        return size

    def story(self) -> list:
        from reportlab.lib.enums import TA_CENTER
        from reportlab.lib.units import mm
        from reportlab.platypus import Image, Spacer

        local = texts(self.plan.client_locale)
        english = texts("en")
        s = self.scale
        page_w = self.page_size[0] - 30 * mm
        out = [Spacer(1, 14 * mm * s)]
        logo = self.letterhead.logo
        if logo is not None and Path(logo).is_file():
            # Within 80 × 25 mm, its proportions kept ("proportional" needs both bounds: given
            # none, ReportLab failed with a TypeError and no sign was made whenever a logo was set).
            out.append(Image(str(logo), width=80 * mm * s, height=25 * mm * s, kind="proportional", hAlign="CENTER"))
            out.append(Spacer(1, 6 * mm * s))
        else:
            out.append(
                self.para(
                    self.letterhead.name,
                    self.style("body", fontSize=14 * s, leading=18 * s, alignment=TA_CENTER, textColor=MUTED),
                )
            )
            out.append(Spacer(1, 8 * mm * s))

        def line(text, size, color, bold=True, after=4):
            size = self._fit(text, size * s, page_w, bold=bold)
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

        out.append(line(local["welcome"], 64, ACCENT))
        if local.language != "en":
            out.append(line(english["welcome"], 40, ACCENT, after=8))
        out.append(line(self.plan.company.name, 30, INK, bold=False, after=6))
        # The names are what a visitor looks for across an arrivals hall: the largest after the
        # greeting, smaller only as there are more of them to fit.
        names = 44 if len(self.plan.visitors) <= 3 else 34 if len(self.plan.visitors) <= 5 else 26
        for visitor in self.plan.visitors:
            out.append(line(visitor.name, names, INK, after=2))
        return out
