"""After the visit: the thank-you letter's content and what was sent when; gifts."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import JSON, Date, ForeignKey, Integer, Numeric, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hospitality_app.models.base import LAZY, Base, Versioned
from hospitality_app.models.people import Visitor


class FollowUp(Versioned, Base):
    __tablename__ = "follow_up"

    visit_id: Mapped[int] = mapped_column(ForeignKey("visit.id", ondelete="CASCADE"), primary_key=True)
    greeting: Mapped[str] = mapped_column(Text, default="")
    consensus: Mapped[list[str]] = mapped_column(JSON, default=list)
    minutes: Mapped[str] = mapped_column(Text, default="")
    next_steps: Mapped[list[str]] = mapped_column(JSON, default=list)
    # What the user wrote instead of the letter's drafted subject, opening and closing ("" : drafted).
    letter_subject: Mapped[str] = mapped_column(Text, default="")
    letter_opening: Mapped[str] = mapped_column(Text, default="")
    letter_closing: Mapped[str] = mapped_column(Text, default="")
    letter_due: Mapped[date | None] = mapped_column(Date, default=None)
    letter_sent: Mapped[date | None] = mapped_column(Date, default=None)
    photos_due: Mapped[date | None] = mapped_column(Date, default=None)
    photos_sent: Mapped[date | None] = mapped_column(Date, default=None)
    callback_due: Mapped[date | None] = mapped_column(Date, default=None)
    callback_done: Mapped[date | None] = mapped_column(Date, default=None)


class Gift(Base):
    __tablename__ = "gift"

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visit.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    item: Mapped[str] = mapped_column(String(200))
    recipient_id: Mapped[int | None] = mapped_column(ForeignKey("visitor.id"))
    value: Mapped[Decimal | None] = mapped_column(Numeric(14, 2), default=None)
    currency: Mapped[str] = mapped_column(String(3), default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    recipient: Mapped[Visitor | None] = relationship(lazy=LAZY)
