"""Client companies: who they are and what we learned about them before the visit."""

from __future__ import annotations

from sqlalchemy import String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from hospitality_app.models.base import Base, Versioned


class Company(Versioned, Base):
    __tablename__ = "company"
    __table_args__ = (UniqueConstraint("name", "country"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    country: Mapped[str] = mapped_column(String(2), index=True)  # ISO 3166-1 alpha-2
    city: Mapped[str] = mapped_column(String(120), default="")
    website: Mapped[str] = mapped_column(String(300), default="")
    gift_policy: Mapped[str] = mapped_column(String(16), default="accepts")
    research: Mapped[str] = mapped_column(Text, default="")
