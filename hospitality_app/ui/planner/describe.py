"""What a save changed in shared records, and what a conflict is about, in the user's words."""

from __future__ import annotations

from hospitality_app.i18n import _, list_text
from hospitality_app.services.shared_records import SharedChange
from hospitality_app.ui.record_form import field_labels

# The record pages' kinds (services.directory) for the kinds of shared records.
DIRECTORY_KIND = {
    "company": "companies",
    "visitor": "visitors",
    "staff": "staff",
    "vehicle": "vehicles",
    "hotel": "hotels",
    "restaurant": "restaurants",
    "dish": "dishes",
    "tour_stop": "tour_stops",
}


def kind_label(kind: str) -> str:
    return {
        "company": _("Company"),
        "visitor": _("Visitor"),
        "staff": _("Staff member"),
        "vehicle": _("Vehicle"),
        "hotel": _("Hotel"),
        "restaurant": _("Restaurant"),
        "dish": _("Dish"),
        "tour_stop": _("Tour stop"),
    }.get(kind, kind)


def field_label(kind: str, field: str) -> str:
    return field_labels(DIRECTORY_KIND.get(kind, kind)).get(field, field.replace("_", " "))


def change_text(change: SharedChange) -> str:
    fields = list_text(field_label(change.kind, f) for f in change.fields)
    return f"{kind_label(change.kind)} “{change.name}” ({fields})"


def part_label(part: str) -> str:
    """A part of a plan (services.plans.parts) or of a shared record (`kind:name:field`)."""
    if part.count(":") >= 2:
        kind, rest = part.split(":", 1)
        name, field = rest.rsplit(":", 1)
        return _("{what} of {kind} “{name}”").format(
            what=field_label(kind, field).lower(), kind=kind_label(kind).lower(), name=name
        )
    fields = {
        "visit.title": _("the visit's title"),
        "visit.purpose": _("the purpose"),
        "visit.status": _("the status"),
        "visit.timezone": _("the time zone"),
        "visit.start": _("the start"),
        "visit.end": _("the end"),
        "visit.key_account": _("key account"),
        "visit.first_visit": _("first visit"),
        "visit.client_locale": _("the client's language"),
        "visit.office_address": _("the office address"),
        "company": _("the company"),
        "visitors": _("the visitors"),
        "hosts": _("the hosts"),
        "pickups": _("the pickups"),
        "hotel_stays": _("the hotel stays"),
        "meals": _("the meals"),
        "tour": _("the factory tour"),
        "agenda": _("the agenda"),
        "gifts": _("the gifts"),
        "checklist": _("the checklist"),
        "outcome": _("the outcome"),
    }
    if part.startswith("follow_up."):
        field = part.removeprefix("follow_up.")
        named = {"letter_sent": _("thank-you letter sent"), "photos_sent": _("photos sent")}
        return _("the follow-up ({field})").format(field=named.get(field, field.replace("_", " ")))
    return fields.get(part, part)


def conflict_text(parts) -> str:
    return "\n".join(f"• {part_label(p)}" for p in parts) if parts else _("(the same record)")
