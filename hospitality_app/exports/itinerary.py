"""The itinerary as calendar items, built by pure functions from a VisitPlan (no I/O).

Each item knows the people it concerns, so a person's calendar holds only their items: the
driver gets pickups and transfers, the guide and door keepers the tour, everyone at a meal
the meal, the hosting team the meetings. Negotiation bottom lines never enter an item.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from hospitality_app.i18n import label
from hospitality_app.services.dto import ARRIVAL_KINDS, HostData, VisitPlan

MEETING_ROLES = {"sales_lead", "manager", "interpreter", "greeter", "photographer", "guide"}
EXIT_MINUTES = 30  # from touchdown to the car: immigration, luggage
DEFAULT_DRIVE_MINUTES = 45


@dataclass(frozen=True)
class Attendee:
    name: str
    email: str
    role: str  # CHAIR / REQ-PARTICIPANT


COLORS = {
    "pickup": "steelblue",
    "hotel": "slateblue",
    "meal": "darkorange",
    "tour": "seagreen",
    "agenda": "royalblue",
    "checklist": "gray",
}


@dataclass(frozen=True)
class CalendarItem:
    key: str  # identity in the database ("meal/12"), the seed of the UID
    component: str  # VEVENT or VTODO
    summary: str
    start: datetime | date  # for a VTODO: its due time
    end: datetime | date | None = None
    description: str = ""
    location: str = ""
    categories: tuple[str, ...] = ()
    people: frozenset[str] = frozenset()
    alarm_minutes: int | None = None
    attendees: tuple[Attendee, ...] = ()
    completed: datetime | None = None  # a to-do done, and when
    # The plan's data the item shows, in no language: what decides whether calendars must update.
    source: str = ""
    # Visitors' diets, religion or allergies in the description: personal data (CLASS:PRIVATE).
    private: bool = False

    @property
    def color(self) -> str:
        """The CSS colour name (RFC 7986 COLOR) of the item's kind, as the planner's timeline
        would draw it: calendar programs that read it tell a pickup from a meal at a glance."""
        kind = self.key.split("/")[0].split("#")[0].split("-")[0]  # "hotel-checkin/5" → hotel
        return COLORS.get(kind, "gray")

    @property
    def all_day(self) -> bool:
        return not isinstance(self.start, datetime)

    def content_hash(self) -> str:
        """Changes exactly when what a calendar shows of the item changes (then SEQUENCE rises)."""
        # Not the texts (their language is the exporter's choice) nor the reminder (a person's
        # habit): another --lang or --reminder must not make every calendar update.
        parts = (
            self.component,
            self.source,
            _iso(self.start),
            _iso(self.end),
            self.location,
            "|".join(sorted(self.people)),
            _iso(self.completed),
            str(self.private),
        )
        return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def _iso(value) -> str:
    return "" if value is None else value.isoformat()


def _key(kind: str, row_id: int | None, index: int) -> str:
    # An unsaved plan (straight from a JSON file) falls back to positions.
    return f"{kind}/{row_id}" if row_id is not None else f"{kind}#{index}"


def items(plan: VisitPlan, tr: Callable[[str], str], *, reminder_minutes: int | None = 30) -> list[CalendarItem]:
    """Every itinerary item of `plan`, and its open checklist items as to-dos."""
    _ = tr
    zone = plan.zone
    company = plan.company.name
    hosts = {h.name: h for h in plan.hosts}

    def hm(moment: datetime) -> str:
        return moment.astimezone(zone).strftime("%H:%M")

    def attendees(names) -> tuple[Attendee, ...]:
        out = []
        for name in sorted(names):
            host = hosts.get(name)
            if host is not None and host.email:
                out.append(Attendee(name, host.email, "REQ-PARTICIPANT"))
        return tuple(out)

    def visitor_line(name: str) -> str:
        v = plan.visitor(name)
        if v is None:
            return name
        needs = [label(d, _) for d in v.dietary]
        needs += [_("allergic to {what}").format(what=_(a).replace("_", " ")) for a in v.allergies]
        title = f", {v.title}" if v.title else ""
        return f"{name}{title}" + (f" — {'; '.join(needs)}" if needs else "")

    pickup_titles = {
        "airport": _("Airport pickup"),
        "station": _("Station pickup"),
        "hotel_to_office": _("Transfer hotel → office"),
        "office_to_hotel": _("Transfer office → hotel"),
        "drop_off": _("Drop-off"),
    }
    out: list[CalendarItem] = []
    drive = next((s.hotel.drive_minutes for s in plan.hotel_stays if s.hotel.drive_minutes is not None), None)
    for i, p in enumerate(plan.pickups):
        minutes = drive or DEFAULT_DRIVE_MINUTES
        if p.arrival is not None:
            end = max(p.driver_due, p.arrival) + timedelta(minutes=EXIT_MINUTES + minutes)
        else:
            end = p.driver_due + timedelta(minutes=minutes)
        what = f"{p.carrier_number} " if p.carrier_number else ""
        lines = []
        if p.arrival is not None:
            lines.append(_("{what}arrives at {time}").format(what=what, time=hm(p.arrival)))
        lines.append(_("Driver: {name}").format(name=p.driver or "—"))
        if p.vehicle:
            lines.append(_("Vehicle: {name} ({seats} seats)").format(name=p.vehicle.name, seats=p.vehicle.seats))
        lines.append(_("Passengers: {names}").format(names=", ".join(p.passengers) or "—"))
        if p.luggage_pieces:
            lines.append(_("Luggage: {n} pieces").format(n=p.luggage_pieces))
        # The confirm call is half an hour (the plan's minutes) before the driver sets off, as the
        # checklist's "call before leaving" task: the alarm and the task agree.
        leaving = p.sets_off(None if p.kind in ARRIVAL_KINDS else drive)
        call_before = (
            int((p.driver_due - leaving).total_seconds() // 60) + p.confirm_call_minutes_before
            if p.confirm_call_minutes_before
            else None
        )
        if p.confirm_call_minutes_before:
            lines.append(
                _("Leave at {leave}; call the client at {call} to confirm.").format(
                    leave=hm(leaving), call=hm(leaving - timedelta(minutes=p.confirm_call_minutes_before))
                )
            )
        if p.notes:
            lines.append(p.notes)
        route = " → ".join(x for x in (p.origin, p.destination) if x)
        if route:
            lines.append(_("Route: {route}").format(route=route))
        # Where the driver goes: the arrival airport or station (and where in it), or the place a
        # transfer starts from; the flight's route is in the description.
        place = p.destination if p.kind in ("airport", "station") else p.origin
        where = ", ".join(x for x in (p.meeting_point, place) if x)
        out.append(
            CalendarItem(
                _key("pickup", p.id, i),
                "VEVENT",
                f"{pickup_titles[p.kind]}: {what}— {company}" if what else f"{pickup_titles[p.kind]} — {company}",
                p.driver_due,
                end,
                "\n".join(lines),
                where,
                (_("Pickup"),),
                frozenset({p.driver} if p.driver else ()),
                call_before,
                attendees({p.driver} - {None}),
                source=f"{company}|{p!r}",
            )
        )

    party = {"client": _("the client"), "us": _("us")}
    leads = frozenset(h.name for h in plan.hosts if "sales_lead" in h.roles)
    for i, s in enumerate(plan.hotel_stays):
        rooms = ", ".join(f"{r.count} × {r.type}" for r in s.rooms)
        desc = "\n".join(
            filter(
                None,
                (
                    _("Guests: {names}").format(names=", ".join(s.guests) or "—"),
                    _("Rooms: {rooms}").format(rooms=rooms) if rooms else "",
                    _("Booked by: {who}; paid by: {payer}").format(who=party[s.booked_by], payer=party[s.paid_by]),
                    s.notes,
                ),
            )
        )
        location = ", ".join(x for x in (s.hotel.name, s.hotel.address) if x)
        for kind, day, heading in (
            ("checkin", s.check_in, _("Hotel check-in")),
            ("checkout", s.check_out, _("Hotel check-out")),
        ):
            out.append(
                CalendarItem(
                    _key(f"hotel-{kind}", s.id, i),
                    "VEVENT",
                    f"{heading}: {s.hotel.name} — {company}",
                    day,
                    day + timedelta(days=1),
                    desc,
                    location,
                    (_("Hotel"),),
                    leads,
                    source=f"{company}|{kind}|{s!r}",
                )
            )

    for i, m in enumerate(plan.meals):
        r = m.restaurant
        visitors = [n for n in m.attendees if plan.visitor(n)]
        staff = frozenset(n for n in m.attendees if n in hosts)
        lines = [_("Guests:")] + [f"• {visitor_line(n)}" for n in visitors]
        if staff:
            lines.append(_("Hosts: {names}").format(names=", ".join(sorted(staff))))
        if m.dishes:
            lines.append(_("Dishes: {names}").format(names=", ".join(d.name for d in m.dishes)))
        if m.alcohol_served:
            lines.append(_("Alcohol is served."))
        if m.notes:
            lines.append(m.notes)
        location = ", ".join(x for x in ((r.name, r.address) if r else ()) if x)
        needs = any((v := plan.visitor(n)) is not None and (v.dietary or v.allergies) for n in visitors)
        out.append(
            CalendarItem(
                _key("meal", m.id, i),
                "VEVENT",
                _("{kind} with {company}").format(kind=label(m.kind, _), company=company),
                m.start,
                m.end,
                "\n".join(lines),
                location,
                (_("Meal"),),
                staff,
                reminder_minutes,
                attendees(staff),
                private=needs,
                source=f"{company}|{m!r}|{[plan.visitor(n) for n in visitors]!r}",
            )
        )

    tour = plan.tour
    if tour is not None and tour.stops:
        crew = frozenset(n for n in (tour.guide, tour.door_front, tour.door_back) if n)
        lines = [
            _("Guide: {name}").format(name=tour.guide or "—"),
            _("Front door: {name}").format(name=tour.door_front or "—"),
            _("Back door: {name}").format(name=tour.door_back or "—"),
            _("Route:"),
        ]
        for stop in tour.stops:
            glass = f" ({_('through the glass window')})" if stop.view == "glass_window" else ""
            hygiene = f" — {stop.hygiene}" if stop.hygiene else ""
            lines.append(f"• {stop.name}: {stop.minutes} min{glass}{hygiene}")
        out.append(
            CalendarItem(
                _key("tour", tour.id, 0),
                "VEVENT",
                _("Factory tour with {company}").format(company=company),
                tour.start,
                tour.end,
                "\n".join(lines),
                plan.office_address,
                (_("Factory tour"),),
                crew,
                reminder_minutes,
                attendees(crew),
                source=f"{company}|{tour!r}",
            )
        )

    team = frozenset(h.name for h in plan.hosts if set(h.roles) & MEETING_ROLES)
    for i, a in enumerate(plan.agenda):
        if a.kind == "factory_tour" and tour is not None and tour.stops:
            continue  # the tour's own event is this slot
        people = team | ({a.presenter} if a.presenter in hosts else set())
        lines = []
        if a.presenter:
            lines.append(_("Presenter: {name}").format(name=a.presenter))
        if a.topics:
            lines.append(_("Topics: {names}").format(names=", ".join(label(t, _) for t in a.topics)))
        if a.materials:
            lines.append(_("Materials: {names}").format(names=", ".join(a.materials)))
        # a.bottom_lines is confidential and deliberately never read here.
        out.append(
            CalendarItem(
                _key("agenda", a.id, i),
                "VEVENT",
                f"{a.title} — {company}",
                a.start,
                a.end,
                "\n".join(lines),
                plan.office_address,
                (_("Meeting"), label(a.kind, _)),
                frozenset(people),
                reminder_minutes,
                attendees(people),
                source=f"{company}|{replace(a, bottom_lines=None)!r}",  # never the bottom lines
            )
        )

    for i, c in enumerate(plan.checklist):
        if c.due is None:
            continue
        owners: set[str] = set()
        if c.assignee:
            owners.add(c.assignee)
        if c.assignee_role:
            owners |= {h.name for h in plan.hosts if c.assignee_role in h.roles}
        out.append(
            CalendarItem(
                _key("checklist", c.id, i),
                "VTODO",
                f"{c.title} — {company}",
                c.due,
                source=f"{company}|{c!r}|{sorted(owners)!r}",
                description=_("Checklist ({phase})").format(phase=label(c.phase, _)),
                categories=(_("Checklist"),),
                people=frozenset(owners),
                completed=c.done_at,  # done: COMPLETED in the to-do list, not withdrawn
            )
        )
    return out


def organizer(plan: VisitPlan) -> HostData | None:
    return next((h for h in plan.hosts if "sales_lead" in h.roles and h.email), None)


def for_person(all_items: list[CalendarItem], name: str) -> list[CalendarItem]:
    return [item for item in all_items if name in item.people]
