"""Find-or-create of the reusable things a plan names: people, companies, places, vehicles."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from hospitality_app.models import (
    Company,
    Dish,
    Hotel,
    Restaurant,
    Staff,
    TourStop,
    Vehicle,
    Visitor,
)
from hospitality_app.services.dto import (
    CompanyData,
    HostData,
    HotelData,
    RestaurantData,
    VehicleData,
    VisitorData,
)


class Catalog:
    """Resolves names to rows within one unit of work, creating what does not exist yet."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._cache: dict[tuple, object] = {}

    def _get(self, key: tuple, stmt, create):
        if key in self._cache:
            return self._cache[key]
        row = self.session.scalars(stmt).first()
        if row is None:
            row = create()
            self.session.add(row)
        self._cache[key] = row
        return row

    def company(self, data: CompanyData) -> Company:
        row = self._get(
            ("company", data.name, data.country),
            select(Company).where(Company.name == data.name, Company.country == data.country),
            lambda: Company(name=data.name, country=data.country, version=1),
        )
        _assign(row, city=data.city, website=data.website, gift_policy=data.gift_policy, research=data.research)
        return row

    def visitor(self, company: Company, data: VisitorData) -> Visitor:
        if company.id is None:
            self.session.flush()
        row = self._get(
            ("visitor", company.id, data.name),
            select(Visitor).where(Visitor.company_id == company.id, Visitor.name == data.name),
            lambda: Visitor(company_id=company.id, name=data.name, version=1),
        )
        _assign(
            row,
            title=data.title,
            languages=list(data.languages),
            dietary=list(data.dietary),
            allergies=list(data.allergies),
            preferences=list(data.preferences),
            interests=list(data.interests),
            notes=data.notes,
        )
        return row

    def staff(self, name: str, data: HostData | None = None) -> Staff:
        row = self._get(
            ("staff", name), select(Staff).where(Staff.name == name), lambda: Staff(name=name, version=1, languages=[])
        )
        if data is not None:
            _assign(
                row,
                languages=list(data.languages) or row.languages,
                phone=data.phone or row.phone,
                email=data.email or row.email,
                department=data.department or row.department,
            )
            if "driver" in data.roles:
                _assign(row, drives=True)
            if "manager" in data.roles:
                _assign(row, manages=True)
        return row

    def vehicle(self, data: VehicleData) -> Vehicle:
        row = self._get(
            ("vehicle", data.name),
            select(Vehicle).where(Vehicle.name == data.name),
            lambda: Vehicle(name=data.name, seats=data.seats, version=1),
        )
        _assign(row, seats=data.seats)
        return row

    def hotel(self, data: HotelData) -> Hotel:
        row = self._get(
            ("hotel", data.name), select(Hotel).where(Hotel.name == data.name), lambda: Hotel(name=data.name, version=1)
        )
        _assign(
            row,
            address=data.address or row.address or "",
            drive_minutes=data.drive_minutes if data.drive_minutes is not None else row.drive_minutes,
        )
        return row

    def restaurant(self, data: RestaurantData) -> Restaurant:
        row = self._get(
            ("restaurant", data.name),
            select(Restaurant).where(Restaurant.name == data.name),
            lambda: Restaurant(name=data.name, version=1),
        )
        _assign(
            row,
            address=data.address or row.address or "",
            private_room=data.private_room,
            halal_certified=data.halal_certified,
            kosher_certified=data.kosher_certified,
            drive_minutes=data.drive_minutes if data.drive_minutes is not None else row.drive_minutes,
        )
        return row

    def dish(self, restaurant: Restaurant | None, name: str, contains: tuple[str, ...]) -> Dish:
        if restaurant is not None and restaurant.id is None:
            self.session.flush()
        rid = restaurant.id if restaurant is not None else None
        where = Dish.restaurant_id.is_(None) if rid is None else Dish.restaurant_id == rid
        row = self._get(
            ("dish", rid, name),
            select(Dish).where(where, Dish.name == name),
            lambda: Dish(restaurant_id=rid, name=name, version=1),
        )
        # What a dish contains is a fact about the dish: the newest knowledge wins for all meals.
        _assign(row, contains=list(contains))
        return row

    def tour_stop(self, name: str, hygiene: str) -> TourStop:
        row = self._get(
            ("stop", name), select(TourStop).where(TourStop.name == name), lambda: TourStop(name=name, version=1)
        )
        _assign(row, hygiene=hygiene or row.hygiene or "")
        return row


def _assign(row, **values) -> None:
    """Set only the attributes that change, so unchanged rows keep their version."""
    for key, value in values.items():
        if getattr(row, key, None) != value:
            setattr(row, key, value)
