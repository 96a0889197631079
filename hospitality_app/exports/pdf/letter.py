"""The thank-you letter (seed: after the client is home, greet them, restate the consensus and
the meeting minutes, to move the order on), in the client's language."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from hospitality_app.exports.pdf.addressing import greeting
from hospitality_app.exports.pdf.base import Letterhead, Renderer, table
from hospitality_app.exports.pdf.language import texts
from hospitality_app.exports.pdf.text import LATIN, has_cjk, is_rtl
from hospitality_app.services.dto import VisitPlan


@dataclass(frozen=True)
class LetterContent:
    """Everything the letter says; drafted from the plan, editable before the PDF is made."""

    locale: str
    date: date
    subject: str
    salutation: str
    opening: str
    consensus_heading: str
    consensus: tuple[str, ...]
    minutes_heading: str
    minutes: str
    next_steps_heading: str
    next_steps: tuple[str, ...]
    closing: str
    regards: str
    signers: tuple[tuple[str, str], ...]  # (name, title)
    # The recipient block, line by line: the client company, the visitors, the city and country.
    recipient: tuple[str, ...] = ()


def draft(plan: VisitPlan, our_company: str, today: date, locale: str | None = None) -> LetterContent:
    t = texts(locale or plan.client_locale)
    visit_day = plan.local(plan.start).date()
    signers: list[tuple[str, str]] = []
    for role in ("sales_lead", "manager"):
        host = next((h for h in plan.hosts if role in h.roles), None)
        if host is not None and all(host.name != n for n, _ in signers):
            signers.append((host.name, t.role(role)))
    f = plan.follow_up
    # To one reader some languages say it otherwise ("Non esiti", "您" for "各位"): *_one texts.
    one = "_one" if len(plan.visitors) == 1 else ""
    opening = t.values.get(f"opening{one}", t["opening"])
    listing, plain = closings(t.locale, readers=len(plan.visitors))
    closing = listing if f.consensus or f.next_steps else plain
    return LetterContent(
        locale=t.locale,
        date=today,
        subject=f.letter_subject or t["subject"],
        # A greeting the user wrote (and the follow-up stored) wins over the drafted one.
        salutation=f.greeting or greeting(plan.visitors, plan.company.name, t),
        opening=f.letter_opening or opening.format(company=name_in(our_company, t.language), date=t.date(visit_day)),
        consensus_heading=t["consensus"],
        consensus=tuple(f.consensus),
        minutes_heading=t["minutes"],
        minutes=f.minutes,
        next_steps_heading=t["next_steps"],
        next_steps=tuple(f.next_steps),
        closing=f.letter_closing or closing,
        regards=t["regards"],
        signers=tuple(signers),
        recipient=recipient_block(plan, t.locale),
    )


def closings(locale: str, *, readers: int) -> tuple[str, str]:
    """The drafted closings in `locale`: after agreements or next steps ("We will follow up on
    each of these points…"), and without any, which promises no follow-up of points."""
    t = texts(locale)
    one = "_one" if readers == 1 else ""
    return t.values.get(f"closing{one}", t["closing"]), t.values.get(f"closing_plain{one}", t["closing_plain"])


def name_in(company: str, language: str) -> str:
    """Our company's name in a sentence of `language`: a bilingual name ("厦门星光智能科技有限公司
    Xiamen Starlight RFID Co., Ltd.", as letterheads have it) gives its Chinese half to a Chinese
    or Japanese reader and its Latin half to the others; the letterhead keeps both."""
    words = company.split()
    chinese = [w for w in words if has_cjk(w)]
    latin = [w for w in words if not has_cjk(w)]
    if not chinese or not latin:
        return company
    return " ".join(chinese if language in ("zh_CN", "ja") else latin)


MAX_ADDRESSEES = 3  # more names than this make a list, not an address


def recipient_block(plan: VisitPlan, locale: str) -> tuple[str, ...]:
    """Who the letter goes to, as a window envelope would show it: the company, the people (the
    first three, then how many more), the city and the country in the letter's language."""
    from babel import Locale

    names = [v.name for v in plan.visitors]
    if len(names) > MAX_ADDRESSEES:
        names = [*names[: MAX_ADDRESSEES - 1], f"+{len(names) - MAX_ADDRESSEES + 1}"]
    country = Locale.parse(locale).territories.get(plan.company.country, plan.company.country)
    place = [plan.company.city] if plan.company.city else []
    return tuple(line for line in (plan.company.name, *names, *place, country) if line)


class LetterRenderer(Renderer):
    def __init__(self, letterhead: Letterhead, content: LetterContent) -> None:
        t = texts(content.locale)
        super().__init__(letterhead, page_label=t["page"])
        self.language = t.locale
        self.content = content
        self.rtl = t.rtl
        self.title = content.subject

    short_header_after_first = True

    def short_header(self) -> str:
        c = self.content
        return " · ".join((self.letterhead.name, texts(c.locale).date(c.date)))

    def story(self) -> list:
        from reportlab.lib.enums import TA_LEFT, TA_RIGHT
        from reportlab.lib.units import mm
        from reportlab.platypus import KeepTogether, ListFlowable, ListItem, Spacer

        c = self.content
        rtl = self.rtl
        align = TA_RIGHT if rtl else TA_LEFT

        def p(text, style="body", bold=False, bullet=False, **kw):
            kw.setdefault("alignment", align)
            return self.para(text, self.style(style, **kw), bold=bold, rtl=False, bullet=bullet)

        def bullets(items):
            if rtl:  # the bullet stands at the right, where an Arabic reader starts the line
                return [
                    p(i, spaceAfter=3, rightIndent=4, bullet=True)
                    if is_rtl(i)
                    else p(f"{i} •", spaceAfter=3, rightIndent=4)
                    for i in items
                ]
            return [
                ListFlowable(
                    [ListItem(p(i), leftIndent=12) for i in items],
                    bulletType="bullet",
                    start="•",
                    leftIndent=12,
                    bulletFontName="HospSans",
                )
            ]

        out = [
            Spacer(1, 4 * mm),
            self._address_and_date(p, align),
            Spacer(1, 6 * mm),
            p(c.subject, "h1"),
            p(c.salutation),
            p(c.opening),
        ]
        if c.consensus:
            out += [p(c.consensus_heading, "h2"), *bullets(c.consensus)]
        if c.minutes:
            out += [p(c.minutes_heading, "h2"), p(c.minutes)]
        if c.next_steps:
            out += [p(c.next_steps_heading, "h2"), *bullets(c.next_steps)]
        ending = [Spacer(1, 3 * mm), p(c.closing), Spacer(1, 4 * mm), p(c.regards)]
        if c.signers:
            cells = [[p(name, bold=True), p(title, "small")] for name, title in c.signers]
            row = [[a, b] for a, b in cells][:: -1 if rtl else 1]  # the first signer where lines start
            # Each signer half the text's width, from the side the letter starts on.
            half = self.text_width / 2
            signatures = table(self, [row], [half] * len(row), header=False, align="RIGHT" if rtl else "LEFT")
            ending += [Spacer(1, 12 * mm), signatures]
        # The closing and the signatures stay together: never the signatures alone on a page.
        return [*out, KeepTogether(ending)]

    def _address_and_date(self, p, align):
        """The recipient block at the left (at the right in a right-to-left letter) and the date
        at the other side, on the same level, as DIN 5008 and a window envelope have them."""
        from reportlab.lib.enums import TA_LEFT, TA_RIGHT
        from reportlab.platypus import Table, TableStyle

        c = self.content
        # One paragraph, so one line spacing: a Thai line among Latin ones had its own, taller.
        lines = p("\n".join(c.recipient), spaceAfter=0, alignment=align)
        dated = p(texts(c.locale).date(c.date), alignment=TA_LEFT if self.rtl else TA_RIGHT)
        width = self.text_width
        cells = [[dated, lines]] if self.rtl else [[lines, dated]]
        block = Table(cells, colWidths=[width * 0.6, width * 0.4] if not self.rtl else [width * 0.4, width * 0.6])
        block.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), LATIN),  # not the default Helvetica, unembedded
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                ]
            )
        )
        return block


def with_text(content: LetterContent, **changes) -> LetterContent:
    return replace(content, **changes)
