"""What each calendar export sent, so the next one can raise SEQUENCE or cancel; app settings."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from hospitality_app.column_types import UTCDateTime
from hospitality_app.models.base import Base


class CalendarItemState(Base):
    """One calendar item (VEVENT or VTODO) as last exported, keyed by its UID."""

    __tablename__ = "calendar_item_state"
    __table_args__ = (Index("ix_calendar_item_state_item_key", "visit_id", "item_key"),)

    uid: Mapped[str] = mapped_column(String(120), primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visit.id", ondelete="CASCADE"), index=True)
    # The item of this database the UID stands for ("meal/12"); a copied visit keeps its UIDs.
    item_key: Mapped[str | None] = mapped_column(String(80), default=None)
    component: Mapped[str] = mapped_column(String(8), default="VEVENT")
    sequence: Mapped[int] = mapped_column(Integer, default=0)
    content_hash: Mapped[str] = mapped_column(String(64))
    people: Mapped[list[str]] = mapped_column(JSON, default=list)
    summary: Mapped[str] = mapped_column(Text, default="")
    start: Mapped[datetime] = mapped_column(UTCDateTime)
    end: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    all_day: Mapped[bool] = mapped_column(Boolean, default=False)
    cancelled: Mapped[bool] = mapped_column(Boolean, default=False)
    # When what the calendars were sent last changed (new, moved, cancelled): LAST-MODIFIED.
    exported_at: Mapped[datetime] = mapped_column(UTCDateTime)


class AppSetting(Base):
    """Settings that belong to the database, not to one user (e.g. its identity for UIDs)."""

    __tablename__ = "app_setting"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
