"""People: the client's visitors and our own staff. Both are reused across visits."""

from __future__ import annotations

from sqlalchemy import JSON, Boolean, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from hospitality_app.models.base import Base, Versioned


class Visitor(Versioned, Base):
    """A person of a client company. Diet and allergies are sensitive personal data."""

    __tablename__ = "visitor"
    __table_args__ = (UniqueConstraint("company_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("company.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    title: Mapped[str] = mapped_column(String(200), default="")
    languages: Mapped[list[str]] = mapped_column(JSON, default=list)
    dietary: Mapped[list[str]] = mapped_column(JSON, default=list)
    allergies: Mapped[list[str]] = mapped_column(JSON, default=list)
    preferences: Mapped[list[str]] = mapped_column(JSON, default=list)
    interests: Mapped[list[str]] = mapped_column(JSON, default=list)
    notes: Mapped[str] = mapped_column(Text, default="")
    # How a letter addresses the person: "Dear Dr. Santoso" needs both.
    salutation: Mapped[str] = mapped_column(String(10), default="")
    family_name: Mapped[str] = mapped_column(String(200), default="")
    # None: not said. Sensitive like the diet; a visitor may tell us they do not fast.
    observes_fasting: Mapped[bool | None] = mapped_column(Boolean, default=None)


class Staff(Versioned, Base):
    """One of our people; a visit gives them host roles."""

    __tablename__ = "staff"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    department: Mapped[str] = mapped_column(String(120), default="")
    job_title: Mapped[str] = mapped_column(String(120), default="")
    languages: Mapped[list[str]] = mapped_column(JSON, default=list)
    phone: Mapped[str] = mapped_column(String(60), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    drives: Mapped[bool] = mapped_column(Boolean, default=False)
    manages: Mapped[bool] = mapped_column(Boolean, default=False)
