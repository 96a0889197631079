"""Agenda items of the meeting; a negotiation's bottom lines live apart (they are confidential)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hospitality_app.column_types import UTCDateTime
from hospitality_app.models.base import LAZY, Base, Versioned
from hospitality_app.models.people import Staff


class AgendaItem(Versioned, Base):
    __tablename__ = "agenda_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visit.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    start: Mapped[datetime] = mapped_column(UTCDateTime)
    minutes: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(20), default="other")
    presenter_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"), index=True)
    materials: Mapped[list[str]] = mapped_column(JSON, default=list)
    topics: Mapped[list[str]] = mapped_column(JSON, default=list)

    presenter: Mapped[Staff | None] = relationship(lazy=LAZY)


class BottomLine(Base):
    """The manager's bottom lines for a negotiation item: a table of its own so that team mode
    can grant it to managers only."""

    __tablename__ = "bottom_line"

    agenda_item_id: Mapped[int] = mapped_column(ForeignKey("agenda_item.id", ondelete="CASCADE"), primary_key=True)
    text: Mapped[str] = mapped_column(Text, default="")
