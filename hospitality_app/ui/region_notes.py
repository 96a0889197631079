"""Regional notes as HTML for a text browser (the main window and the planner show them)."""

from __future__ import annotations

from html import escape

from hospitality_app.i18n import _


def notes_html(country, language: str) -> str:
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
    return "".join(parts)
