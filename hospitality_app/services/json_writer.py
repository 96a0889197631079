"""Write a VisitPlan as `hospitality-visit/1` JSON: local times in the visit's zone."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from hospitality_app.services.dto import RestaurantData, VisitPlan
from hospitality_app.services.json_reader import FORMAT


def local_text(moment: datetime | None, zone: ZoneInfo) -> str | None:
    """Local wall time in `zone`; with the offset only where the wall time alone is ambiguous
    (the repeated hour when DST ends) or does not exist."""
    if moment is None:
        return None
    local = moment.astimezone(zone)
    naive = local.replace(tzinfo=None, fold=0)  # as a reader of the file will parse it
    spec = "seconds" if local.second or local.microsecond else "minutes"
    # Compare instants: PEP 495 makes aware datetimes in a fold unequal across zones.
    if naive.replace(tzinfo=zone).timestamp() == moment.timestamp():
        return naive.isoformat(timespec=spec)
    return local.isoformat(timespec=spec)


def dumps(plan: VisitPlan) -> str:
    return json.dumps(to_data(plan), ensure_ascii=False, indent=2) + "\n"


def _drop_empty(d: dict) -> dict:
    return {k: v for k, v in d.items() if v not in (None, "", [], {})}


def to_data(plan: VisitPlan) -> dict:
    z = plan.zone

    def t(moment):
        return local_text(moment, z)

    def d(day):
        return day.isoformat() if day else None

    def amount(value):
        if value is None:
            return None
        return int(value) if value == value.to_integral_value() else float(value)

    c = plan.company
    data: dict[str, Any] = {
        "format": FORMAT,
        "visit": _drop_empty(
            {
                "title": plan.title,
                "purpose": plan.purpose,
                "status": plan.status,
                "timezone": plan.timezone,
                "start": t(plan.start),
                "end": t(plan.end),
                "key_account": plan.key_account,
                "first_visit": plan.first_visit or None,
                "client_locale": plan.client_locale,
                "office_address": plan.office_address,
            }
        ),
        "company": _drop_empty(
            {
                "name": c.name,
                "country": c.country,
                "city": c.city,
                "website": c.website,
                "gift_policy": c.gift_policy,
                "research": c.research,
            }
        ),
        # A visitor's diet and allergies are always written, empty or not: absence would read
        # as "unknown" to a person checking the file.
        "visitors": [
            {
                **_drop_empty({"name": v.name, "title": v.title, "languages": list(v.languages)}),
                "dietary": list(v.dietary),
                "allergies": list(v.allergies),
                "preferences": list(v.preferences),
                "interests": list(v.interests),
                **_drop_empty({"notes": v.notes}),
            }
            for v in plan.visitors
        ],
        "hosts": [
            _drop_empty(
                {
                    "name": h.name,
                    "roles": list(h.roles),
                    "languages": list(h.languages),
                    "phone": h.phone,
                    "email": h.email,
                    "department": h.department,
                }
            )
            for h in plan.hosts
        ],
        "pickups": [
            _drop_empty(
                {
                    "kind": p.kind,
                    "carrier_number": p.carrier_number,
                    "from": p.origin,
                    "to": p.destination,
                    "arrival": t(p.arrival),
                    "driver_due": t(p.driver_due),
                    "driver": p.driver,
                    "vehicle": {"name": p.vehicle.name, "seats": p.vehicle.seats} if p.vehicle else None,
                    "passengers": list(plan.in_plan_order(p.passengers)),
                    "luggage_pieces": p.luggage_pieces or None,
                    "confirm_call_minutes_before": p.confirm_call_minutes_before,
                    "notes": p.notes,
                }
            )
            for p in plan.pickups
        ],
        "hotel_stays": [
            _drop_empty(
                {
                    "hotel": _drop_empty(
                        {"name": s.hotel.name, "address": s.hotel.address, "drive_minutes": s.hotel.drive_minutes}
                    ),
                    "check_in": d(s.check_in),
                    "check_out": d(s.check_out),
                    "rooms": [{"type": r.type, "count": r.count} for r in s.rooms],
                    "booked_by": s.booked_by,
                    "paid_by": s.paid_by,
                    "guests": list(plan.in_plan_order(s.guests)),
                    "notes": s.notes,
                }
            )
            for s in plan.hotel_stays
        ],
        "meals": [
            _drop_empty(
                {
                    "start": t(m.start),
                    "end": t(m.end),
                    "kind": m.kind,
                    "restaurant": _restaurant(m.restaurant),
                    "alcohol_served": m.alcohol_served,
                    "attendees": list(plan.in_plan_order(m.attendees)),
                    "dishes": [{"name": x.name, "contains": list(x.contains)} for x in m.dishes],
                    "notes": m.notes,
                }
            )
            for m in plan.meals
        ],
    }
    if plan.tour is not None:
        data["tour"] = {
            "start": t(plan.tour.start),
            "guide": plan.tour.guide,
            "door_front": plan.tour.door_front,
            "door_back": plan.tour.door_back,
            "stops": [
                _drop_empty({"name": s.name, "minutes": s.minutes, "view": s.view, "hygiene": s.hygiene})
                for s in plan.tour.stops
            ],
        }
    data["agenda"] = [
        _drop_empty(
            {
                "start": t(a.start),
                "minutes": a.minutes,
                "title": a.title,
                "kind": a.kind,
                "presenter": a.presenter,
                "materials": list(a.materials),
                "topics": list(a.topics),
                "bottom_lines": a.bottom_lines,
            }
        )
        for a in plan.agenda
    ]
    data["gifts"] = [
        _drop_empty(
            {"item": g.item, "for": g.recipient, "value": amount(g.value), "currency": g.currency, "notes": g.notes}
        )
        for g in plan.gifts
    ]
    f = plan.follow_up
    data["follow_up"] = {
        **_drop_empty({"greeting": f.greeting}),
        "consensus": list(f.consensus),
        "minutes": f.minutes,
        "next_steps": list(f.next_steps),
        "letter_sent": d(f.letter_sent),
        **_drop_empty(
            {
                "letter_subject": f.letter_subject,
                "letter_opening": f.letter_opening,
                "letter_closing": f.letter_closing,
                "photos_sent": d(f.photos_sent),
                "callback_due": d(f.callback_due),
                "callback_done": d(f.callback_done),
            }
        ),
    }
    if plan.checklist:
        data["checklist"] = [
            _drop_empty(
                {
                    "phase": c.phase,
                    "title": c.title,
                    "title_zh": c.title_zh,
                    "due": t(c.due),
                    "due_anchor": c.due_anchor,
                    "due_offset_minutes": c.due_offset_minutes or None,
                    "assignee": c.assignee,
                    "assignee_role": c.assignee_role,
                    "done_at": t(c.done_at),
                    "done_by": c.done_by,
                    "template": c.template,
                }
            )
            for c in plan.checklist
        ]
    if plan.outcome is not None:
        o = plan.outcome
        data["outcome"] = _drop_empty(
            {
                "status": o.status,
                "amount": amount(o.amount),
                "currency": o.currency,
                "notes": o.notes,
                "order_date": t(o.order_date),
            }
        )
    return data


def _restaurant(r: RestaurantData | None) -> dict | None:
    if r is None:
        return None
    return _drop_empty(
        {
            "name": r.name,
            "address": r.address,
            "private_room": r.private_room,
            "halal_certified": r.halal_certified,
            "kosher_certified": r.kosher_certified or None,
            "drive_minutes": r.drive_minutes,
        }
    )
