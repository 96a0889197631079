"""Documents as use cases: the letterhead from the preferences, PDFs built from DTOs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from hospitality_app.errors import NotFoundError
from hospitality_app.models import AppSetting, FollowUp
from hospitality_app.services import plans, regions

LETTERHEAD_KEYS = ("company.name", "company.address", "company.phone", "company.email", "company.logo")
DEFAULT_NAME = "Our Company Co., Ltd."


def letterhead(session: Session):
    from hospitality_app.exports.pdf.base import Letterhead

    values = {row.key: row.value for row in session.query(AppSetting).filter(AppSetting.key.in_(LETTERHEAD_KEYS))}
    logo = values.get("company.logo") or ""
    return Letterhead(
        name=values.get("company.name") or DEFAULT_NAME,
        address=values.get("company.address", ""),
        phone=values.get("company.phone", ""),
        email=values.get("company.email", ""),
        logo=Path(logo) if logo else None,
    )


def letter_draft(session: Session, visit_id: int, *, today: date, locale: str | None = None):
    from hospitality_app.exports.pdf.letter import draft

    return draft(plans.load_plan(session, visit_id), letterhead(session).name, today, locale)


def letter_pdf(session: Session, visit_id: int, *, today: date, locale: str | None = None, content=None) -> bytes:
    from hospitality_app.exports.pdf.letter import LetterRenderer

    content = content or letter_draft(session, visit_id, today=today, locale=locale)
    return LetterRenderer(letterhead(session), content).render()


def record_letter_sent(session: Session, visit_id: int, day: date) -> None:
    """The follow-up's own write: the plan's save never touches it (see services.plans)."""
    from hospitality_app.models import Visit

    if session.get(Visit, visit_id) is None:
        raise NotFoundError(f"visit {visit_id} does not exist")
    row = session.get(FollowUp, visit_id)
    if row is None:
        row = FollowUp(visit_id=visit_id, version=1)
        session.add(row)
    row.letter_sent = day


def sign_pdf(session: Session, visit_id: int, *, size: str = "A4") -> bytes:
    from hospitality_app.exports.pdf.sign import SignRenderer

    return SignRenderer(letterhead(session), plans.load_plan(session, visit_id), size=size).render()


def itinerary_pdf(session: Session, visit_id: int, *, locale: str | None = None) -> bytes:
    from hospitality_app.exports.pdf.itinerary import ItineraryRenderer

    return ItineraryRenderer(letterhead(session), plans.load_plan(session, visit_id), locale=locale).render()


def brief_pdf(session: Session, visit_id: int, *, language: str, manager: bool, now: datetime) -> bytes:
    from hospitality_app.exports.pdf.brief import BriefRenderer

    plan = plans.load_plan(session, visit_id)
    country = regions.country(session, plan.company.country)
    return BriefRenderer(
        letterhead(session), plan, country=country, language=language, manager=manager, now=now
    ).render()


@dataclass(frozen=True)
class DocumentsInput:
    """Everything the visit's documents are made from, read in one unit of work: the Documents
    window renders from it off the database thread, as often as the user asks."""

    plan: Any  # VisitPlan
    letterhead: Any  # exports.pdf.base.Letterhead
    country: Any  # services.regions.Country, for the staff brief


def documents_input(session: Session, visit_id: int) -> DocumentsInput:
    plan = plans.load_plan(session, visit_id)
    return DocumentsInput(plan, letterhead(session), regions.country(session, plan.company.country))


def render_document(
    inputs: DocumentsInput, kind: str, *, language: str, interface: str, size: str, content=None, now: datetime
) -> bytes:
    """A document from `inputs`: letter (with `content` as edited), sign, itinerary, brief or
    manager_brief (the brief in the interface's language), timeline (every lane) or
    timeline:NAME (one person's days, for a driver), in the interface's language."""
    if kind == "letter":
        from hospitality_app.exports.pdf.letter import LetterRenderer, draft

        content = content or draft(inputs.plan, inputs.letterhead.name, now.date(), language)
        return LetterRenderer(inputs.letterhead, content).render()
    if kind == "sign":
        from hospitality_app.exports.pdf.sign import SignRenderer

        return SignRenderer(inputs.letterhead, inputs.plan, size=size).render()
    if kind == "timeline" or kind.startswith("timeline:"):
        from hospitality_app.exports.pdf.timeline import TimelineRenderer

        person = kind.partition(":")[2] or None
        return TimelineRenderer(inputs.letterhead, inputs.plan, language=interface, person=person).render()
    if kind == "itinerary":
        from hospitality_app.exports.pdf.itinerary import ItineraryRenderer

        return ItineraryRenderer(inputs.letterhead, inputs.plan, locale=language).render()
    from hospitality_app.exports.pdf.brief import BriefRenderer

    return BriefRenderer(
        inputs.letterhead,
        inputs.plan,
        country=inputs.country,
        language=interface,
        manager=kind == "manager_brief",
        now=now,
    ).render()
