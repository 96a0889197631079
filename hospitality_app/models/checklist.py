"""Checklist items of a visit, created from templates or by hand."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hospitality_app.column_types import UTCDateTime
from hospitality_app.models.base import LAZY, Base, Versioned
from hospitality_app.models.people import Staff


class ChecklistItem(Versioned, Base):
    __tablename__ = "checklist_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visit.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    phase: Mapped[str] = mapped_column(String(12))
    title: Mapped[str] = mapped_column(String(300))
    title_zh: Mapped[str] = mapped_column(String(300), default="")
    # Due: absolute (`due` only) or relative (anchor + offset, and `due` resolved from the plan).
    due: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None, index=True)
    due_anchor: Mapped[str] = mapped_column(String(20), default="")
    due_offset_minutes: Mapped[int] = mapped_column(Integer, default=0)
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"), index=True)
    assignee_role: Mapped[str] = mapped_column(String(20), default="")
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    done_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    template: Mapped[str] = mapped_column(String(60), default="")

    assignee: Mapped[Staff | None] = relationship(foreign_keys=[assignee_id], lazy=LAZY)
    done_by: Mapped[Staff | None] = relationship(foreign_keys=[done_by_id], lazy=LAZY)
