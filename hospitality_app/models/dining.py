"""Meals: restaurants (with their certifications), dishes and what they contain, who attends."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    ForeignKey,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hospitality_app.column_types import UTCDateTime
from hospitality_app.models.base import LAZY, Base, Versioned
from hospitality_app.models.people import Staff, Visitor


class Restaurant(Versioned, Base):
    __tablename__ = "restaurant"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    address: Mapped[str] = mapped_column(String(300), default="")
    private_room: Mapped[bool] = mapped_column(Boolean, default=False)
    halal_certified: Mapped[bool] = mapped_column(Boolean, default=False)
    kosher_certified: Mapped[bool] = mapped_column(Boolean, default=False)
    drive_minutes: Mapped[int | None] = mapped_column(Integer, default=None)


class Dish(Versioned, Base):
    """A dish on a restaurant's menu; what it contains is a fact about the dish, shared by meals."""

    __tablename__ = "dish"
    __table_args__ = (UniqueConstraint("restaurant_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    restaurant_id: Mapped[int | None] = mapped_column(ForeignKey("restaurant.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    contains: Mapped[list[str]] = mapped_column(JSON, default=list)


meal_visitor = Table(
    "meal_visitor",
    Base.metadata,
    Column("meal_id", ForeignKey("meal.id", ondelete="CASCADE"), primary_key=True),
    Column("visitor_id", ForeignKey("visitor.id"), primary_key=True, index=True),
)
meal_staff = Table(
    "meal_staff",
    Base.metadata,
    Column("meal_id", ForeignKey("meal.id", ondelete="CASCADE"), primary_key=True),
    Column("staff_id", ForeignKey("staff.id"), primary_key=True, index=True),
)


class Meal(Versioned, Base):
    __tablename__ = "meal"

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visit.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    start: Mapped[datetime] = mapped_column(UTCDateTime)
    end: Mapped[datetime] = mapped_column(UTCDateTime)
    kind: Mapped[str] = mapped_column(String(20), default="lunch")
    restaurant_id: Mapped[int | None] = mapped_column(ForeignKey("restaurant.id"), index=True)
    alcohol_served: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str] = mapped_column(Text, default="")

    restaurant: Mapped[Restaurant | None] = relationship(lazy=LAZY)
    dish_links: Mapped[list[MealDish]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="MealDish.position", lazy=LAZY
    )
    visitors: Mapped[list[Visitor]] = relationship(secondary=meal_visitor, lazy=LAZY, passive_deletes=True)
    staff: Mapped[list[Staff]] = relationship(secondary=meal_staff, lazy=LAZY, passive_deletes=True)


class MealDish(Base):
    __tablename__ = "meal_dish"

    id: Mapped[int] = mapped_column(primary_key=True)
    meal_id: Mapped[int] = mapped_column(ForeignKey("meal.id", ondelete="CASCADE"), index=True)
    dish_id: Mapped[int] = mapped_column(ForeignKey("dish.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)

    dish: Mapped[Dish] = relationship(lazy=LAZY)
