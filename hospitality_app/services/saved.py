"""What earlier visits saved and a new plan can reuse: offered as the user types a name."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from hospitality_app.models import Company, Dish, Hotel, Restaurant, Staff, TourStop, Vehicle, Visitor
from hospitality_app.services.dto import CompanyData, HostData, HotelData, RestaurantData, VisitorData
from hospitality_app.services.plan_loading import visitor_data


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
    # Our people, with the roles their record implies (a driver drives), and each company's
    # visitors by (company name, country): a returning client's people come back as they were.
    staff: dict[str, HostData] = field(default_factory=dict)
    visitors: dict[tuple[str, str], dict[str, VisitorData]] = field(default_factory=dict)


def saved_names(session: Session) -> SavedNames:
    # Whole records: choosing a saved company makes the visit that company's (services.shared_records).
    companies = {
        c.name: CompanyData(c.name, c.country, c.city, c.website, c.gift_policy, c.research, c.id)
        for c in session.scalars(select(Company).order_by(Company.name, Company.id.desc()))
    }
    dishes: dict[str, tuple[str, ...]] = {}
    for name, contains in session.execute(select(Dish.name, Dish.contains).order_by(Dish.name, Dish.id)):
        dishes.setdefault(name, tuple(contains or ()))
    visitors: dict[tuple[str, str], dict[str, VisitorData]] = {}
    for company_name, country, visitor in session.execute(
        select(Company.name, Company.country, Visitor)
        .join(Visitor, Visitor.company_id == Company.id)
        .order_by(Visitor.name)
    ):
        visitors.setdefault((company_name, country), {})[visitor.name] = visitor_data(visitor)
    staff = {
        s.name: HostData(
            s.name,
            tuple(role for role, has in (("driver", s.drives), ("manager", s.manages)) if has),
            tuple(s.languages or ()),
            s.phone,
            s.email,
            s.department,
            s.id,
        )
        for s in session.scalars(select(Staff).order_by(Staff.name))
    }
    return SavedNames(
        staff=staff,
        visitors=visitors,
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
