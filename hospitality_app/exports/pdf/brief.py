"""The staff brief: one or two pages a host can carry — who does what, who the visitors are
(diet and allergies highlighted), the day's schedule, the country's customs, open tasks. The
negotiation bottom lines appear only in a manager's brief."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from hospitality_app import vocab
from hospitality_app.exports.pdf.base import WARN, Letterhead, Renderer, table
from hospitality_app.i18n import label, translator
from hospitality_app.services.dto import VisitPlan

TOPICS = {
    "language": lambda _: _("Language"),
    "punctuality": lambda _: _("Punctuality"),
    "dining": lambda _: _("Dining and religion"),
    "gifts": lambda _: _("Gifts"),
    "payment": lambda _: _("Payment"),
    "negotiation": lambda _: _("Negotiation"),
    "communication": lambda _: _("Communication"),
}


class BriefRenderer(Renderer):
    margins = (16, 16, 30, 16)

    def __init__(
        self,
        letterhead: Letterhead,
        plan: VisitPlan,
        *,
        country,
        language: str = "en",
        manager: bool = False,
        now: datetime,
    ) -> None:
        self.tr = _ = translator(language).gettext
        # The manager's copy holds the bottom lines: marked on every page, and titled apart.
        page = _("Confidential — for managers only — page {n} of {total}") if manager else _("Page {n} of {total}")
        super().__init__(letterhead, page_label=page)
        self.footer_always = manager
        self.plan, self.country, self.language, self.manager, self.now = plan, country, language, manager, now
        brief = _("Manager's brief (confidential)") if manager else _("Staff brief")
        self.title = brief + f" — {plan.company.name}"
        self.subject = brief

    def _schedule(self) -> list[tuple[datetime, str, str]]:
        _, plan = self.tr, self.plan

        def labelled(label: str, text: str) -> str:
            return _("{label}: {text}").format(label=label, text=text)  # Chinese: "语言：…"

        items = []
        for p in plan.pickups:
            what = f"{label(p.kind, _)} {p.carrier_number}".strip()
            detail = _("Driver: {name}").format(name=p.driver or "—")
            if p.vehicle:
                detail += f" · {p.vehicle.name}"
            if p.arrival:
                detail += " · " + _("{what}arrives at {time}").format(
                    what="", time=plan.local(p.arrival).strftime("%H:%M")
                )
            items.append((p.driver_due, what, detail))
        clashes = self._diet_clashes()
        for i, m in enumerate(plan.meals):
            place = m.restaurant.name if m.restaurant else ""
            # A dish a guest must not eat is marked where the staff read the menu, with why.
            marked = [f"{d.name} ⚠" if f"meals[{i}].dishes[{j}]" in clashes else d.name for j, d in enumerate(m.dishes)]
            why = [msg for j in range(len(m.dishes)) for msg in clashes.get(f"meals[{i}].dishes[{j}]", ())]
            items.append(
                (m.start, f"{label(m.kind, _)} — {place}", "\n".join([", ".join(marked), *(f"⚠ {w}" for w in why)]))
            )
        if plan.tour is not None and plan.tour.stops:
            t = plan.tour
            crew = " · ".join(
                [
                    _("Guide: {name}").format(name=t.guide or "—"),
                    _("Front door: {name}").format(name=t.door_front or "—"),
                    _("Back door: {name}").format(name=t.door_back or "—"),
                ]
            )
            stops = " → ".join(s.name for s in t.stops)
            items.append((t.start, _("Factory tour"), f"{crew}\n{stops}"))
        for a in plan.agenda:
            if a.kind == "factory_tour" and plan.tour is not None:
                continue
            detail = _("Presenter: {name}").format(name=a.presenter) if a.presenter else ""
            items.append((a.start, a.title, detail))
        return sorted(items, key=lambda i: i[0])

    def _diet_clashes(self) -> dict[str, list[str]]:
        """The dishes (by their place in the plan) that break a guest's diet or allergy, with the
        readiness check's own words for each, in the brief's language."""
        from hospitality_app.rules.engine import run_check

        out: dict[str, list[str]] = {}
        for f in run_check(self.plan, now=self.now, locale=self.language):
            if f.code in ("dietary.forbidden", "dietary.allergen") and ".dishes[" in f.target:
                out.setdefault(f.target, []).append(f.message)
        return out

    def story(self) -> list:
        from babel.dates import format_date
        from reportlab.lib.units import mm
        from reportlab.platypus import KeepTogether, Spacer

        from hospitality_app.exports.pdf.itinerary import zone_text
        from hospitality_app.formats import format_locale

        _, plan = self.tr, self.plan

        def labelled(label: str, text: str) -> str:
            return _("{label}: {text}").format(label=label, text=text)  # Chinese: "语言：…"

        # Dates as the interface writes them (British English: "3 Dec 2026", not "Dec 3, 2026").
        locale = format_locale(self.language)
        zh = self.language.startswith("zh")
        start, end = plan.local(plan.start), plan.local(plan.end)
        span = (
            f"{format_date(start.date(), 'medium', locale=locale)} – {format_date(end.date(), 'medium', locale=locale)}"
        )
        zone, offset = zone_text(plan, str(locale))  # "China Standard Time (GMT+08:00)", not its IANA name
        out = [
            Spacer(1, 2 * mm),
            self.para(self.title, self.style("h1")),
            self.para(f"{span} · {zone} ({offset}) · {plan.purpose}", self.style("small")),
        ]

        out.append(self.para(_("Who does what"), self.style("h2")))
        rows = [
            [self.para(_("Role"), self.style("cell"), bold=True), self.para(_("Hosts"), self.style("cell"), bold=True)]
        ]
        for role in vocab.HOST_ROLES:
            names = [h.name + (f" ({h.phone})" if h.phone else "") for h in plan.hosts if role in h.roles]
            if names:
                rows.append(
                    [self.para(label(role, _), self.style("cell")), self.para(", ".join(names), self.style("cell"))]
                )
        out.append(table(self, rows, [40 * mm, 138 * mm]))

        out.append(self.para(_("Visitors"), self.style("h2")))
        rows = [[self.para(h, self.style("cell"), bold=True) for h in (_("Name"), _("Title"), _("Diet and allergies"))]]
        for v in plan.visitors:
            needs = [label(d, _) for d in v.dietary] + [
                _("allergic to {what}").format(what=_(a).replace("_", " ")) for a in v.allergies
            ]
            rows.append(
                [
                    self.para(v.name, self.style("cell"), bold=True),
                    self.para(v.title, self.style("cell")),
                    self.para(
                        ("；" if zh else "; ").join(needs) or "—",
                        self.style("cell", textColor=WARN if needs else "#1f2933"),
                        bold=bool(needs),
                    ),
                ]
            )
        out.append(table(self, rows, [50 * mm, 55 * mm, 73 * mm]))

        out.append(self.para(_("Schedule"), self.style("h2")))
        days = defaultdict(list)
        for moment, what, detail in self._schedule():
            days[plan.local(moment).date()].append((moment, what, detail))
        for day, items in sorted(days.items()):
            rows = []
            for moment, what, detail in items:
                rows.append(
                    [
                        self.para(plan.local(moment).strftime("%H:%M"), self.style("cell")),
                        self.para(what, self.style("cell"), bold=True),
                        self.para(detail, self.style("cell")),
                    ]
                )
            heading = self.para(format_date(day, "full", locale=locale), self.style("body", spaceAfter=2), bold=True)
            out.append(KeepTogether([heading, table(self, rows, [16 * mm, 62 * mm, 100 * mm], header=False)]))
            out.append(Spacer(1, 3 * mm))

        if self.country.notes:
            out.append(
                self.para(_("Customs of {country}").format(country=self.country.name(self.language)), self.style("h2"))
            )
            for note in self.country.notes:
                out.append(
                    self.para(
                        labelled(TOPICS[note.topic](_), note.text(self.language)),
                        self.style("body", fontSize=9.5, leading=13, spaceAfter=3),
                    )
                )

        open_items = [c for c in plan.checklist if not c.done]
        if open_items:
            out.append(self.para(_("Open checklist items"), self.style("h2")))
            rows = [[self.para(h, self.style("cell"), bold=True) for h in (_("Due"), _("Task"), _("Owner"))]]
            for c in sorted(open_items, key=lambda c: (c.due is None, c.due or self.now)):
                late = c.due is not None and c.due < self.now
                due = plan.local(c.due).strftime("%m-%d %H:%M") if c.due else "—"
                style = self.style("cell", textColor=WARN if late else "#1f2933")
                rows.append(
                    [
                        self.para(due, style),
                        self.para(c.title_in("zh" if zh else "en"), style),
                        self.para(c.assignee or label(c.assignee_role, _), style),
                    ]
                )
            out.append(table(self, rows, [24 * mm, 118 * mm, 36 * mm]))

        if self.manager:
            hidden = [a.title for a in plan.agenda if a.kind == "negotiation" and a.bottom_lines is None]
            if hidden:
                out.append(self.para(_("Confidential: negotiation bottom lines"), self.style("h2", textColor=WARN)))
                for title in hidden:
                    out.append(
                        self.para(labelled(title, _("confidential — only managers can read it")), self.style("body"))
                    )
            lines = [(a.title, a.bottom_lines) for a in plan.agenda if a.bottom_lines]
            if lines:
                out.append(self.para(_("Confidential: negotiation bottom lines"), self.style("h2", textColor=WARN)))
                for title, text in lines:
                    out.append(self.para(labelled(title, text), self.style("body")))
        return out
