"""Getting the visitors around and to bed: vehicles, pickups and transfers, hotels and stays."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Column, Date, ForeignKey, Integer, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hospitality_app.column_types import UTCDateTime
from hospitality_app.models.base import LAZY, Base, Versioned
from hospitality_app.models.people import Staff, Visitor


class Vehicle(Versioned, Base):
    __tablename__ = "vehicle"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    seats: Mapped[int] = mapped_column(Integer)


pickup_passenger = Table(
    "pickup_passenger",
    Base.metadata,
    Column("pickup_id", ForeignKey("pickup.id", ondelete="CASCADE"), primary_key=True),
    Column("visitor_id", ForeignKey("visitor.id"), primary_key=True, index=True),
)


class Pickup(Versioned, Base):
    """A pickup or transfer. Times are UTC; the visit's zone gives their local reading."""

    __tablename__ = "pickup"

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visit.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    kind: Mapped[str] = mapped_column(String(20))
    carrier_number: Mapped[str] = mapped_column(String(40), default="")
    origin: Mapped[str] = mapped_column(String(200), default="")
    destination: Mapped[str] = mapped_column(String(200), default="")
    meeting_point: Mapped[str] = mapped_column(String(200), default="")  # terminal, exit, gate
    arrival: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    driver_due: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    driver_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"), index=True)
    vehicle_id: Mapped[int | None] = mapped_column(ForeignKey("vehicle.id"), index=True)
    luggage_pieces: Mapped[int] = mapped_column(Integer, default=0)
    confirm_call_minutes_before: Mapped[int | None] = mapped_column(Integer, default=30)
    notes: Mapped[str] = mapped_column(Text, default="")

    driver: Mapped[Staff | None] = relationship(lazy=LAZY)
    vehicle: Mapped[Vehicle | None] = relationship(lazy=LAZY)
    passengers: Mapped[list[Visitor]] = relationship(secondary=pickup_passenger, lazy=LAZY, passive_deletes=True)


class Hotel(Versioned, Base):
    __tablename__ = "hotel"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    address: Mapped[str] = mapped_column(String(300), default="")
    drive_minutes: Mapped[int | None] = mapped_column(Integer, default=None)


hotel_stay_guest = Table(
    "hotel_stay_guest",
    Base.metadata,
    Column("stay_id", ForeignKey("hotel_stay.id", ondelete="CASCADE"), primary_key=True),
    Column("visitor_id", ForeignKey("visitor.id"), primary_key=True, index=True),
)


class HotelStay(Versioned, Base):
    __tablename__ = "hotel_stay"

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visit.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    hotel_id: Mapped[int] = mapped_column(ForeignKey("hotel.id"), index=True)
    check_in: Mapped[date] = mapped_column(Date)
    check_out: Mapped[date] = mapped_column(Date)
    booked_by: Mapped[str] = mapped_column(String(8), default="client")
    paid_by: Mapped[str] = mapped_column(String(8), default="client")
    notes: Mapped[str] = mapped_column(Text, default="")

    hotel: Mapped[Hotel] = relationship(lazy=LAZY)
    rooms: Mapped[list[HotelRoom]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="HotelRoom.id", lazy=LAZY
    )
    guests: Mapped[list[Visitor]] = relationship(secondary=hotel_stay_guest, lazy=LAZY, passive_deletes=True)


class HotelRoom(Base):
    __tablename__ = "hotel_room"

    id: Mapped[int] = mapped_column(primary_key=True)
    stay_id: Mapped[int] = mapped_column(ForeignKey("hotel_stay.id", ondelete="CASCADE"), index=True)
    room_type: Mapped[str] = mapped_column(String(40))
    count: Mapped[int] = mapped_column(Integer, default=1)
