"""The client's itinerary, day by day, in the client's language, without internal notes (no
presenters' bottom lines, no dish lists, no notes fields)."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime, timedelta

from hospitality_app.exports.itinerary import DEFAULT_DRIVE_MINUTES, EXIT_MINUTES
from hospitality_app.exports.pdf.base import Letterhead, Renderer, table
from hospitality_app.exports.pdf.language import Texts, texts
from hospitality_app.services.dto import VisitPlan


def entries(plan: VisitPlan, t: Texts) -> list[tuple[datetime, str, str]]:
    """(start, what, where) for everything the client takes part in."""
    out = []
    for p in plan.pickups:
        if p.kind in ("airport", "station") and p.arrival is not None:
            flight = p.carrier_number.replace(" ", "\u00a0")  # "GA 898" on one line
            out.append((p.arrival, t["pickup"].format(place=p.destination or p.origin, flight=flight), ""))
        else:
            out.append((p.driver_due, t["transfer"], " → ".join(x for x in (p.origin, p.destination) if x)))
    arrivals = [p.arrival for p in plan.pickups if p.kind in ("airport", "station") and p.arrival is not None]
    for s in plan.hotel_stays:
        check_in = datetime.combine(s.check_in, datetime.min.time(), tzinfo=plan.zone).replace(hour=14)
        # After a late flight: when the guests can be at the hotel (out of the airport, then the drive).
        landed = [a for a in arrivals if plan.local(a).date() == s.check_in]
        if landed:
            drive = timedelta(minutes=EXIT_MINUTES + (s.hotel.drive_minutes or DEFAULT_DRIVE_MINUTES))
            check_in = max(check_in, max(landed) + drive)
        check_out = datetime.combine(s.check_out, datetime.min.time(), tzinfo=plan.zone).replace(hour=12)
        out.append((check_in, t["check_in"].format(hotel=s.hotel.name), s.hotel.address))
        out.append((check_out, t["check_out"].format(hotel=s.hotel.name), s.hotel.address))
    tour_slot = plan.tour is not None and plan.tour.stops
    # The programme itself is at our address, said once at the top (ItineraryRenderer).
    for a in plan.agenda:
        if a.kind == "factory_tour" and tour_slot:
            continue
        out.append((a.start, t.agenda(a.kind), ""))
    if tour_slot and plan.tour is not None:  # tour_slot implies a tour
        out.append((plan.tour.start, t["factory_tour"], ""))
    for m in plan.meals:
        r = m.restaurant
        out.append((m.start, t.meal(m.kind), ", ".join(x for x in (r.name, r.address) if x) if r else ""))
    return sorted(out, key=lambda e: e[0])


def zone_text(plan: VisitPlan, locale: str) -> tuple[str, str]:
    """The visit's time zone as the client's language names it, and its offset from UTC: ("China
    Standard Time", "GMT+08:00"); both offsets when the clocks change during the visit."""
    from babel.dates import get_timezone_gmt, get_timezone_name

    first, last = plan.local(plan.start), plan.local(plan.end)
    offsets = dict.fromkeys(get_timezone_gmt(moment, locale=locale) for moment in (first, last))
    return get_timezone_name(first, locale=locale), " / ".join(offsets)


def contact(plan: VisitPlan):
    """Whom the client calls during the visit: the sales lead (else the first host with a phone)."""
    leads = [h for h in plan.hosts if "sales_lead" in h.roles and h.phone] or [h for h in plan.hosts if h.phone]
    return leads[0] if leads else None


class ItineraryRenderer(Renderer):
    def __init__(self, letterhead: Letterhead, plan: VisitPlan, *, locale: str | None = None) -> None:
        self.t = texts(locale or plan.client_locale)
        super().__init__(letterhead, page_label=self.t["page"])
        self.language = self.t.locale
        self.plan = plan
        self.title = f"{self.t['itinerary']} — {plan.company.name}"

    def story(self) -> list:
        from reportlab.lib.enums import TA_LEFT, TA_RIGHT
        from reportlab.lib.units import mm
        from reportlab.platypus import Spacer

        t, plan = self.t, self.plan
        align = TA_RIGHT if t.rtl else TA_LEFT
        facts = self.style("body", alignment=align, spaceAfter=2)  # the practical lines, alike
        zone = dict(zip(("zone", "offset"), zone_text(plan, t.locale), strict=True))
        out = [
            Spacer(1, 4 * mm),
            self.para(t["itinerary"], self.style("h1", alignment=align)),
            self.para(plan.company.name, self.style("body", alignment=align), bold=True),
            self.para(t["local_times"].format_map(zone), facts),
        ]
        if plan.office_address:  # where the meetings are, for the taxi or the map
            out.append(self.para(t["meetings_at"].format(address=plan.office_address), facts))
        host = contact(plan)
        if host is not None:
            out.append(self.para(t["contact"].format(name=host.name, phone=host.phone), facts))
        days: dict = defaultdict(list)
        for start, what, where in entries(plan, t):
            days[plan.local(start).date()].append((start, what, where))
        first = min([plan.local(plan.start).date(), *days])
        # Every day of the visit, counted on the calendar: a day with nothing planned is there
        # too, as free time, rather than missing between day 2 and day 4. Outside the visit only
        # days with something planned (an item typed in the wrong year is one more day, not 365).
        visit = plan.local(plan.start).date(), plan.local(plan.end).date()
        shown = sorted({*days, *(visit[0] + timedelta(days=n) for n in range((visit[1] - visit[0]).days + 1))})
        for day in shown:
            n = (day - first).days + 1
            heading = t["day"].format(n=n, date=t.date(day, "full"))
            out.append(self.para(heading, self.style("h2", alignment=align)))
            items = days.get(day)
            if not items:
                out.append(self.para(t.values["agenda"]["free_time"], facts))
                continue
            rows = []
            for start, what, where in items:
                cells = [
                    self.para(plan.local(start).strftime("%H:%M"), self.style("cell")),
                    self.para(what, self.style("cell", alignment=align)),
                    self.para(where, self.style("cell", alignment=align)),
                ]
                rows.append(cells[::-1] if t.rtl else cells)
            widths = [18 * mm, 90 * mm, 62 * mm]
            out.append(table(self, rows, widths[::-1] if t.rtl else widths, header=False))
        return out
