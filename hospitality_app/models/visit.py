"""The visit aggregate root: company, visitors, hosts in roles, dates in one time zone, outcome."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import Boolean, ForeignKey, Index, Integer, Numeric, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hospitality_app.column_types import UTCDateTime
from hospitality_app.models.base import LAZY, Base, Versioned
from hospitality_app.models.company import Company
from hospitality_app.models.people import Staff, Visitor


class Visit(Versioned, Base):
    __tablename__ = "visit"
    # The visits overlapping a window, found in the index alone (a check's double bookings).
    __table_args__ = (Index("ix_visit_window", "start", "end", "status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("company.id"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    purpose: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), default="draft", index=True)
    timezone: Mapped[str] = mapped_column(String(64))
    start: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    end: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    key_account: Mapped[bool] = mapped_column(Boolean, default=False)
    first_visit: Mapped[bool] = mapped_column(Boolean, default=False)
    client_locale: Mapped[str] = mapped_column(String(16), default="en")
    office_address: Mapped[str] = mapped_column(String(300), default="")
    outcome: Mapped[str | None] = mapped_column(String(16), default=None)
    order_amount: Mapped[Decimal | None] = mapped_column(Numeric(16, 2), default=None)
    order_currency: Mapped[str] = mapped_column(String(3), default="")
    outcome_notes: Mapped[str] = mapped_column(Text, default="")
    order_date: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)

    company: Mapped[Company] = relationship(lazy=LAZY)
    visitor_links: Mapped[list[VisitVisitor]] = relationship(
        back_populates="visit",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="VisitVisitor.position",
        lazy=LAZY,
    )
    hosts: Mapped[list[VisitHost]] = relationship(
        back_populates="visit",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="VisitHost.position",
        lazy=LAZY,
    )


class VisitVisitor(Base):
    __tablename__ = "visit_visitor"

    visit_id: Mapped[int] = mapped_column(ForeignKey("visit.id", ondelete="CASCADE"), primary_key=True)
    visitor_id: Mapped[int] = mapped_column(ForeignKey("visitor.id"), primary_key=True, index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)

    visit: Mapped[Visit] = relationship(back_populates="visitor_links", lazy=LAZY)
    visitor: Mapped[Visitor] = relationship(lazy=LAZY)


class VisitHost(Base):
    """A staff member in one role on one visit (the same person may hold several roles)."""

    __tablename__ = "visit_host"
    __table_args__ = (UniqueConstraint("visit_id", "staff_id", "role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visit.id", ondelete="CASCADE"), index=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"), index=True)
    role: Mapped[str] = mapped_column(String(20))
    position: Mapped[int] = mapped_column(Integer, default=0)

    visit: Mapped[Visit] = relationship(back_populates="hosts", lazy=LAZY)
    staff: Mapped[Staff] = relationship(lazy=LAZY)
