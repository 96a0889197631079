"""The records plans share — companies, visitors, staff, vehicles, hotels, restaurants, dishes and
tour stops: found (or created) for the names a plan uses, and written only where the plan itself
changed them.

What "changed" means depends on where the plan came from:
- a plan loaded from the database (`plan.base`): the fields that differ from what was loaded; a
  field someone else changed meanwhile to another value is a conflict, never overwritten;
- a file (`given`, import): the fields the file names replace what is stored; absent ones stay;
- anything else (a new row typed in the planner): the fields it sets to something other than
  the default — it never saw the stored values, so it cannot mean to clear them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from hospitality_app.errors import ConflictError, ValidationError
from hospitality_app.models import Company, Dish, Hotel, Restaurant, Staff, TourStop, Vehicle, Visitor
from hospitality_app.services.dto import (
    CompanyData,
    DishData,
    HostData,
    HotelData,
    RestaurantData,
    TourStopData,
    VehicleData,
    VisitorData,
    VisitPlan,
)

# The fields of each kind that belong to the shared record (the rest of a DTO belongs to the plan).
FIELDS: dict[str, tuple[str, ...]] = {
    "company": ("name", "country", "city", "website", "gift_policy", "research"),
    "visitor": (
        "name",
        "title",
        "languages",
        "dietary",
        "allergies",
        "preferences",
        "interests",
        "notes",
        "salutation",
        "family_name",
        "observes_fasting",
    ),
    "staff": ("languages", "phone", "email", "department"),
    "vehicle": ("seats",),
    "hotel": ("address", "drive_minutes"),
    "restaurant": ("address", "private_room", "halal_certified", "kosher_certified", "drive_minutes"),
    "dish": ("contains",),
    "tour_stop": ("hygiene",),
}
DEFAULTS: dict[str, Any] = {"gift_policy": "accepts"}


@dataclass(frozen=True)
class SharedChange:
    """A shared record whose stored values a save changed (creations are not listed)."""

    kind: str
    name: str
    fields: tuple[str, ...]

    def describe(self) -> str:
        return f"{self.kind.replace('_', ' ')} {self.name!r}: {', '.join(self.fields)}"


def _stored(value: Any) -> Any:
    """A DTO value as the column holds it (tuples are JSON lists)."""
    return list(value) if isinstance(value, tuple) else value


def _is_default(key: str, value: Any) -> bool:
    return value == DEFAULTS.get(key) if key in DEFAULTS else value in (None, "", (), [], False)


class SharedRecords:
    """Resolves and writes the shared records of one plan within one unit of work."""

    def __init__(self, session: Session, base: VisitPlan | None, *, create_only: bool = False) -> None:
        self.session = session
        self.create_only = create_only
        self.changes: list[SharedChange] = []
        self._done: dict[tuple, Any] = {}
        self._base = _BaseIndex(base)

    # kinds -------------------------------------------------------------------------------
    def company(self, data: CompanyData) -> Company:
        base = self._base.company if self._base.company and self._base.company.id == data.id else None
        row = self.session.get(Company, data.id) if data.id is not None else None
        if row is None:
            row = self._find(
                ("company", data.name, data.country),
                select(Company).where(Company.name == data.name, Company.country == data.country),
            )
            base = base if row is not None and base is not None and row.id == base.id else None
        if row is None:
            return self._create(Company(version=1), "company", data)
        if data.name != row.name or data.country != row.country:
            clash = self.session.scalar(
                select(Company.id).where(
                    Company.name == data.name, Company.country == data.country, Company.id != row.id
                )
            )
            if clash is not None:
                raise ValidationError(
                    "company.name",
                    f"a company called {data.name!r} in {data.country} exists already: "
                    "pick it instead of renaming this one",
                )
        return self._write(row, "company", data, base, data.name)

    def visitor(self, company: Company, data: VisitorData, path: str) -> Visitor:
        known: int | None
        if data.id is not None:
            base, known = self._base.visitors_by_id.get(data.id), data.id
        else:
            base = self._base.visitors.get(data.name)
            known = base.id if base is not None else None
        row = self.session.get(Visitor, known) if known is not None else None
        if row is None:
            self._flush_new(company)
            row = self._find(
                ("visitor", company.id, data.name),
                select(Visitor).where(Visitor.company_id == company.id, Visitor.name == data.name),
            )
            base = base if row is not None and base is not None and base.id == row.id else None
        if row is None:
            return self._create(Visitor(company_id=company.id, version=1), "visitor", data)
        if data.name != row.name:
            clash = self.session.scalar(
                select(Visitor.id).where(
                    Visitor.company_id == row.company_id, Visitor.name == data.name, Visitor.id != row.id
                )
            )
            if clash is not None:
                raise ValidationError(f"{path}.name", f"a visitor called {data.name!r} exists already for this company")
        return self._write(row, "visitor", data, base, data.name)

    def staff(self, name: str, data: HostData | None = None) -> Staff:
        base = self._base.hosts.get(name)
        row = self.session.get(Staff, base.id) if base is not None and base.id else None
        if row is None:
            row = self._find(("staff", name), select(Staff).where(Staff.name == name))
            base = base if row is not None and base is not None and base.id == row.id else None
        if row is None:
            created = Staff(name=name, version=1, languages=[])
            if data is not None:
                created.drives = "driver" in data.roles
                created.manages = "manager" in data.roles
            return self._create(created, "staff", data or HostData(name))
        if data is None:
            return row
        return self._write(row, "staff", data, base, name)

    def vehicle(self, data: VehicleData) -> Vehicle:
        return self._named(Vehicle, "vehicle", data, self._base.vehicles.get(data.name), select(Vehicle))

    def hotel(self, data: HotelData) -> Hotel:
        return self._named(Hotel, "hotel", data, self._base.hotels.get(data.name), select(Hotel))

    def restaurant(self, data: RestaurantData) -> Restaurant:
        return self._named(Restaurant, "restaurant", data, self._base.restaurants.get(data.name), select(Restaurant))

    def tour_stop(self, data: TourStopData) -> TourStop:
        return self._named(TourStop, "tour_stop", data, self._base.stops.get(data.name), select(TourStop))

    def dish(self, restaurant: Restaurant | None, data: DishData) -> Dish:
        self._flush_new(restaurant)
        rid = restaurant.id if restaurant is not None else None
        restaurant_name = self._base.restaurant_names.get(rid) if rid is not None else None
        base = self._base.dishes.get((restaurant_name, data.name))
        row = self.session.get(Dish, base.id) if base is not None and base.id else None
        if row is not None and row.restaurant_id != rid:
            row, base = None, None
        if row is None:
            where = Dish.restaurant_id.is_(None) if rid is None else Dish.restaurant_id == rid
            row = self._find(("dish", rid, data.name), select(Dish).where(where, Dish.name == data.name))
            base = base if row is not None and base is not None and base.id == row.id else None
        if row is None:
            return self._create(Dish(restaurant_id=rid, name=data.name, version=1), "dish", data)
        return self._write(row, "dish", data, base, data.name)

    # the mechanism ---------------------------------------------------------------------
    def _named(self, model, kind: str, data, base, stmt):
        row = self.session.get(model, base.id) if base is not None and base.id else None
        if row is None:
            row = self._find((kind, data.name), stmt.where(model.name == data.name))
            base = base if row is not None and base is not None and base.id == row.id else None
        if row is None:
            return self._create(model(name=data.name, version=1), kind, data)
        return self._write(row, kind, data, base, data.name)

    def _find(self, key: tuple, stmt):
        if key in self._done:
            return self._done[key]
        row = self.session.scalars(stmt).first()
        self._done[key] = row
        return row

    def _flush_new(self, row) -> None:
        if row is not None and row.id is None:
            self.session.flush()

    def _create(self, row, kind: str, data):
        for key in FIELDS[kind]:
            value = getattr(data, key)
            if key == "gift_policy" and not value:
                value = "accepts"
            setattr(row, key, _stored(value))
        self.session.add(row)
        self.session.flush()
        done_key = {
            "company": ("company", data.name, getattr(data, "country", None)),
            "visitor": ("visitor", getattr(row, "company_id", None), data.name),
            "staff": ("staff", getattr(row, "name", None)),
            "dish": ("dish", getattr(row, "restaurant_id", None), data.name),
        }.get(kind, (kind, data.name))
        self._done[done_key] = row
        return row

    def _write(self, row, kind: str, data, base, name: str):
        """Write the fields the plan changed (see the module's docstring); a field that someone
        else changed to another value since the plan was loaded is a conflict."""
        if self.create_only or ("written", kind, row.id) in self._done:
            return row  # the same record named twice in one plan (a dish in two meals), changed once
        given = getattr(data, "given", None)
        if given is not None:
            wanted = [key for key in FIELDS[kind] if key in given]
        elif base is not None:
            wanted = [key for key in FIELDS[kind] if getattr(data, key) != getattr(base, key)]
        else:
            wanted = [key for key in FIELDS[kind] if not _is_default(key, getattr(data, key))]
        changed, clashes = [], []
        for key in wanted:
            new, current = _stored(getattr(data, key)), getattr(row, key)
            if new == current:
                continue
            if given is None and base is not None and current != _stored(getattr(base, key)):
                clashes.append(key)  # someone else changed it to something else meanwhile
                continue
            setattr(row, key, new)
            changed.append(key)
        if clashes:
            raise ConflictError(
                f"{kind.replace('_', ' ').capitalize()} {name!r} ({', '.join(clashes)})",
                parts=tuple(f"{kind}:{name}:{key}" for key in clashes),
            )
        if changed:
            self.changes.append(SharedChange(kind, name, tuple(changed)))
            self._done[("written", kind, row.id)] = True
        return row


class _BaseIndex:
    """The shared records of the plan as loaded, by what the plan calls them."""

    def __init__(self, base: VisitPlan | None) -> None:
        self.company = base.company if base else None
        visitors = base.visitors if base else ()
        self.visitors = {v.name: v for v in visitors}
        self.visitors_by_id = {v.id: v for v in visitors if v.id is not None}
        self.hosts = {h.name: h for h in (base.hosts if base else ())}
        self.vehicles = {p.vehicle.name: p.vehicle for p in (base.pickups if base else ()) if p.vehicle}
        self.hotels = {s.hotel.name: s.hotel for s in (base.hotel_stays if base else ())}
        meals = base.meals if base else ()
        self.restaurants = {m.restaurant.name: m.restaurant for m in meals if m.restaurant}
        self.restaurant_names = {r.id: r.name for r in self.restaurants.values() if r.id is not None}
        self.dishes = {(m.restaurant.name if m.restaurant else None, d.name): d for m in meals for d in m.dishes}
        self.stops = {s.name: s for s in (base.tour.stops if base and base.tour else ())}
