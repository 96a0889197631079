"""The usual programme of a client's day at the factory, as the hosting practice has it: welcome
at the lift, our company's introduction, theirs, the samples, the tour, the talks, a group photo.
A planner starts from it and changes what differs."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from hospitality_app.i18n import _
from hospitality_app.services.dto import AgendaItemData, VisitPlan

# (kind, minutes, the host role who presents it). The tour has its own guide: its agenda slot
# names no presenter, or the guide would be shown twice.
USUAL = (
    ("welcome", 15, "sales_lead"),
    ("company_intro", 30, "manager"),
    ("client_intro", 30, None),
    ("samples", 15, "sales_lead"),
    ("factory_tour", 60, None),
    ("negotiation", 90, "manager"),
    ("photo", 15, "photographer"),
)


def _titles() -> dict[str, str]:
    return {
        "welcome": _("Welcome at the lift, exchange of business cards"),
        "company_intro": _("Our company: video and slides"),
        "client_intro": _("The client introduces its business and the purpose of the visit"),
        "samples": _("Samples in the showroom"),
        "factory_tour": _("Factory tour"),
        "negotiation": _("Order details and quotation"),
        "photo": _("Group photo"),
    }


def usual_programme(plan: VisitPlan) -> tuple[AgendaItemData, ...]:
    """The usual items, one after the other from when the agenda ends (the visit's start when it
    is empty), each presented by the host who has the role. The tour's slot is when and as long
    as the tour; another item that would run into the tour or into a meal the visitors are at
    comes after it."""
    start = max((a.end for a in plan.agenda), default=plan.start)
    titles = _titles()
    visitors = {v.name for v in plan.visitors}
    busy = [(m.start, m.end) for m in plan.meals if visitors & set(m.attendees) or not visitors]
    tour = plan.tour if plan.tour is not None and plan.tour.minutes else None
    if tour is not None:
        busy.append((tour.start, tour.end))
    busy.sort()
    items = []
    for kind, minutes, role in USUAL:
        if kind == "factory_tour" and tour is not None:
            at, minutes = tour.start, tour.minutes
        else:
            at = start
            for busy_start, busy_end in busy:
                if at < busy_end and busy_start < at + timedelta(minutes=minutes):
                    at = busy_end
        presenter = next((h.name for h in plan.hosts if role in h.roles), None) if role else None
        items.append(AgendaItemData(at, minutes, titles[kind], kind, presenter))
        start = max(start, at + timedelta(minutes=minutes))
    return tuple(items)


def tour_slot(plan: VisitPlan):
    """When the tour comes in the usual day: after the welcome, both introductions and the
    samples (the first morning at 10:30 for a visit starting at 09:00)."""
    morning = replace(plan, agenda=(), tour=None)
    return next(a.start for a in usual_programme(morning) if a.kind == "factory_tour")
