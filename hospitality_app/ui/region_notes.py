"""Regional notes as HTML for a text browser (the main window and the planner show them)."""

from __future__ import annotations

from html import escape

from hospitality_app.formats import short_day_text
from hospitality_app.i18n import _


def notes_html(country, language: str, holidays=None, halal: bool = False, holidays_title: str = "") -> str:
    """`holidays`: the country's public holidays (first day, last day, name) under
    `holidays_title`, None when not looked up; `halal`: some visitor keeps halal, and the notes say
    how to host their prayers."""
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
    if holidays is not None:
        title = holidays_title or _("Public holidays in the coming months")
        if holidays:
            days = "".join(
                f"<li>{escape(span_text(first, last, language))}: {escape(name)}</li>" for first, last, name in holidays
            )
            parts.append(f"<p><b>{escape(title)}:</b></p><ul>{days}</ul>")
        else:
            parts.append(f"<p><b>{escape(title)}:</b> {escape(_('none'))}</p>")
    return "".join(parts)


def span_text(first, last, language: str) -> str:
    """ "Thu 1 Oct" or "Thu 1 Oct – Wed 7 Oct"."""
    if first == last:
        return short_day_text(first, language)
    return f"{short_day_text(first, language)} – {short_day_text(last, language)}"
