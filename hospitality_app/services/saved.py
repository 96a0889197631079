"""What earlier visits saved and a new plan can reuse: offered as the user types a name."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from hospitality_app.models import Company, Dish, Hotel, Restaurant, TourStop, Vehicle
from hospitality_app.services.dto import CompanyData, HotelData, RestaurantData


@dataclass(frozen=True)
class SavedNames:
    companies: dict[str, CompanyData] = field(default_factory=dict)
    # Whole records, so that picking a saved hotel or restaurant brings its address, drive time
    # and certificates into the plan, and the check sees them at once.
    hotels: dict[str, HotelData] = field(default_factory=dict)
    restaurants: dict[str, RestaurantData] = field(default_factory=dict)
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
        hotels={
            h.name: HotelData(h.name, h.address, h.drive_minutes, h.id)
            for h in session.scalars(select(Hotel).order_by(Hotel.name))
        },
        restaurants={
            r.name: RestaurantData(
                r.name, r.address, r.private_room, r.halal_certified, r.kosher_certified, r.drive_minutes, r.id
            )
            for r in session.scalars(select(Restaurant).order_by(Restaurant.name))
        },
        dishes=dishes,
        tour_stops=list(session.scalars(select(TourStop.name).order_by(TourStop.name))),
        vehicles=dict(session.execute(select(Vehicle.name, Vehicle.seats).order_by(Vehicle.name)).all()),
    )
