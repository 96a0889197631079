"""The factory tour: reusable stops and a visit's ordered route with its guide and door keepers."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hospitality_app.column_types import UTCDateTime
from hospitality_app.models.base import LAZY, Base, Versioned
from hospitality_app.models.people import Staff


class TourStop(Versioned, Base):
    __tablename__ = "tour_stop"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    hygiene: Mapped[str] = mapped_column(Text, default="")


class Tour(Versioned, Base):
    __tablename__ = "tour"

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visit.id", ondelete="CASCADE"), unique=True, index=True)
    start: Mapped[datetime] = mapped_column(UTCDateTime)
    guide_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    door_front_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    door_back_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))

    guide: Mapped[Staff | None] = relationship(foreign_keys=[guide_id], lazy=LAZY)
    door_front: Mapped[Staff | None] = relationship(foreign_keys=[door_front_id], lazy=LAZY)
    door_back: Mapped[Staff | None] = relationship(foreign_keys=[door_back_id], lazy=LAZY)
    route: Mapped[list[TourRouteStop]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="TourRouteStop.position", lazy=LAZY
    )


class TourRouteStop(Base):
    __tablename__ = "tour_route_stop"

    id: Mapped[int] = mapped_column(primary_key=True)
    tour_id: Mapped[int] = mapped_column(ForeignKey("tour.id", ondelete="CASCADE"), index=True)
    stop_id: Mapped[int] = mapped_column(ForeignKey("tour_stop.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    minutes: Mapped[int] = mapped_column(Integer)
    view: Mapped[str] = mapped_column(String(16), default="walk_in")

    stop: Mapped[TourStop] = relationship(lazy=LAZY)
