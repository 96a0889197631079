"""The gate's visitor register (seed: register at the gate, escorted entry)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from hospitality_app.column_types import UTCDateTime
from hospitality_app.models.base import Base


class FrontDeskEntry(Base):
    __tablename__ = "front_desk_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int | None] = mapped_column(ForeignKey("visit.id", ondelete="SET NULL"), index=True)
    visitor_name: Mapped[str] = mapped_column(String(200))
    company_name: Mapped[str] = mapped_column(String(200), default="")
    to_see_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    purpose: Mapped[str] = mapped_column(Text, default="")
    arrived: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    left: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    badge: Mapped[str] = mapped_column(String(40), default="")
    escort_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
