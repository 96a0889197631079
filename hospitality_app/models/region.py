"""The team's own regional notes: edits and additions that override the shipped set."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from hospitality_app.column_types import UTCDateTime
from hospitality_app.models.base import Base, Versioned


class RegionalNote(Versioned, Base):
    __tablename__ = "regional_note"
    __table_args__ = (UniqueConstraint("country", "topic"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    country: Mapped[str] = mapped_column(String(2), index=True)
    topic: Mapped[str] = mapped_column(String(20))
    text_en: Mapped[str] = mapped_column(Text, default="")
    text_zh: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(String(300), default="")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
