"""Regional notes as HTML for a text browser (the main window and the planner show them)."""

from __future__ import annotations

from html import escape

from hospitality_app.formats import short_day_text
from hospitality_app.i18n import _


def notes_html(country, language: str, holidays=(), halal: bool = False) -> str:
    """`holidays`: the country's public holidays to come, (day, name); `halal`: some visitor keeps
    halal, and the notes say how to host their prayers."""
    topics = {
        "language": _("Language"),
        "punctuality": _("Punctuality"),
        "dining": _("Dining and religion"),
        "gifts": _("Gifts"),
        "payment": _("Payment"),
        "negotiation": _("Negotiation"),
        "communication": _("Communication"),
    }
    parts = [f"<h3>{escape(country.name(language))}</h3>"]
    if not country.notes:
        parts.append(f"<p>{escape(_('No notes for this country yet.'))}</p>")
    for note in country.notes:
        parts.append(f"<p><b>{escape(topics[note.topic])}:</b> {escape(note.text(language))}</p>")
    if halal:
        prayer = _(
            "Muslim visitors pray five times a day, at midday on Fridays together: offer a quiet, clean room "
            "with the direction of Mecca marked, a place to wash, and time in the agenda."
        )
        parts.append(f"<p><b>{escape(_('Prayer room'))}:</b> {escape(prayer)}</p>")
    if holidays:
        days = "".join(f"<li>{escape(short_day_text(day, language))}: {escape(name)}</li>" for day, name in holidays)
        parts.append(f"<p><b>{escape(_('Public holidays in the coming months'))}:</b></p><ul>{days}</ul>")
    return "".join(parts)
