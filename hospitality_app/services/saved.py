"""What earlier visits saved and a new plan can reuse: offered as the user types a name."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from hospitality_app.models import Company, Dish, Hotel, Restaurant, TourStop, Vehicle
from hospitality_app.services.dto import CompanyData


@dataclass(frozen=True)
class SavedNames:
    companies: dict[str, CompanyData] = field(default_factory=dict)
    hotels: dict[str, int | None] = field(default_factory=dict)  # name → minutes to the office
    restaurants: list[str] = field(default_factory=list)
    dishes: dict[str, tuple[str, ...]] = field(default_factory=dict)  # name → what it contains
    tour_stops: list[str] = field(default_factory=list)
    vehicles: dict[str, int] = field(default_factory=dict)  # name → seats


def saved_names(session: Session) -> SavedNames:
    # Whole records: choosing a saved company makes the visit that company's (services.shared_records).
    companies = {
        c.name: CompanyData(c.name, c.country, c.city, c.website, c.gift_policy, c.research, c.id)
        for c in session.scalars(select(Company).order_by(Company.name, Company.id.desc()))
    }
    dishes: dict[str, tuple[str, ...]] = {}
    for name, contains in session.execute(select(Dish.name, Dish.contains).order_by(Dish.name, Dish.id)):
        dishes.setdefault(name, tuple(contains or ()))
    return SavedNames(
        companies=companies,
        hotels=dict(session.execute(select(Hotel.name, Hotel.drive_minutes).order_by(Hotel.name)).all()),
        restaurants=list(session.scalars(select(Restaurant.name).order_by(Restaurant.name))),
        dishes=dishes,
        tour_stops=list(session.scalars(select(TourStop.name).order_by(TourStop.name))),
        vehicles=dict(session.execute(select(Vehicle.name, Vehicle.seats).order_by(Vehicle.name)).all()),
    )
