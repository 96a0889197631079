"""The monthly report of visits (the seeds ask for monthly statistics): how many visits, from
where, with what outcome and orders, and the list of visits."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from hospitality_app.exports.pdf.base import Letterhead, Renderer, table
from hospitality_app.i18n import label, translator


@dataclass(frozen=True)
class ReportVisit:
    start: datetime
    company: str
    country: str
    status: str
    outcome: str | None
    amount: Decimal | None
    currency: str
    timezone: str


@dataclass(frozen=True)
class MonthlyReport:
    month: date  # the first day of the month
    visits: tuple[ReportVisit, ...]
    by_region: dict[str, int]
    outcomes: dict[str, int]
    amounts: dict[str, Decimal]


class MonthlyReportRenderer(Renderer):
    def __init__(self, letterhead: Letterhead, report: MonthlyReport, *, language: str = "en") -> None:
        self.tr = _ = translator(language).gettext
        super().__init__(letterhead, page_label=_("Page {n} of {total}"))
        self.report, self.language = report, language
        self.locale = "zh_Hans_CN" if language.startswith("zh") else "en"
        self.title = _("Monthly visit report")

    def story(self) -> list:
        from zoneinfo import ZoneInfo

        from babel.dates import format_date
        from babel.numbers import format_currency
        from reportlab.lib.units import mm
        from reportlab.platypus import Spacer

        _, r = self.tr, self.report
        month = format_date(r.month, "LLLL y", locale=self.locale)
        out = [Spacer(1, 2 * mm), self.para(f"{self.title} — {month}", self.style("h1"))]
        decided = r.outcomes.get("won", 0) + r.outcomes.get("lost", 0)
        rate = f"{round(100 * r.outcomes.get('won', 0) / decided)}%" if decided else "—"
        summary = [
            (_("Visits"), str(len(r.visits))),
            (_("Orders won"), str(r.outcomes.get("won", 0))),
            (_("Lost"), str(r.outcomes.get("lost", 0))),
            (_("Pending"), str(r.outcomes.get("pending", 0))),
            (_("Conversion"), rate),
            (
                _("Order value"),
                ", ".join(format_currency(v, c, locale=self.locale) for c, v in sorted(r.amounts.items())) or "—",
            ),
        ]
        cell = self.style("cell")
        # Columns in shares of the frame's width: the tables used to be 8 mm wider than the page's
        # text, and "Country" broke as "Countr/y".
        frame = self.text_width
        out.append(
            table(
                self,
                [[self.para(k, cell, bold=True), self.para(v, cell)] for k, v in summary],
                [frame * 0.3, frame * 0.7],
                header=False,
            )
        )
        out.append(self.para(_("Visits by region"), self.style("h2")))
        rows = [[self.para(_("Region"), cell, bold=True), self.para(_("Visits"), cell, bold=True)]]
        for region, n in sorted(r.by_region.items(), key=lambda kv: -kv[1]):
            rows.append([self.para(label(region, _), cell), self.para(str(n), cell)])
        out.append(table(self, rows, [frame * 0.5, frame * 0.2]))
        out.append(self.para(_("Visits"), self.style("h2")))
        rows = [
            [
                self.para(h, cell, bold=True)
                for h in (_("Start"), _("Company"), _("Country"), _("Status"), _("Outcome"), _("Order value"))
            ]
        ]
        for v in r.visits:
            amount = format_currency(v.amount, v.currency, locale=self.locale) if v.amount is not None else ""
            rows.append(
                [
                    self.para(v.start.astimezone(ZoneInfo(v.timezone)).strftime("%m-%d"), cell),
                    self.para(v.company, cell),
                    self.para(v.country, cell),
                    self.para(label(v.status, _), cell),
                    self.para(label(v.outcome, _) if v.outcome else "—", cell),
                    self.para(amount, cell),
                ]
            )
        out.append(table(self, rows, [frame * share for share in (0.09, 0.33, 0.13, 0.15, 0.13, 0.17)]))
        return out
