"""The reusable records behind the plans — client companies and their visitors, our staff and
vehicles, hotels, restaurants, dishes and tour stops — listed, edited and deleted on their own.

One description per kind of record (its fields, which of them name a record) drives listing,
validation and saving alike, so the Clients, Staff and Places pages share one implementation.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from sqlalchemy import Column, Table, and_, func, select
from sqlalchemy.orm import Session

from hospitality_app import vocab
from hospitality_app.errors import ConflictError, InUseError, NotFoundError, ValidationError
from hospitality_app.models import Base, Company, Dish, Hotel, Restaurant, Staff, TourStop, Vehicle, Visitor
from hospitality_app.services.validation import check_code, check_codes, check_country
from hospitality_app.services.visits import contains_pattern

LIMIT = 1000  # a page lists this many; the search narrows larger lists in SQL


@dataclass(frozen=True)
class Field:
    """kind: text | note (several lines) | int | bool | list (comma-separated words) | country |
    choice (one code of `vocab`) | codes (any codes of `vocab`) | ref (a record of kind `ref`)."""

    key: str
    kind: str = "text"
    vocab: tuple[str, ...] = ()
    ref: str = ""
    required: bool = False
    optional_number: bool = False  # an int that may be left blank (None)


@dataclass(frozen=True)
class Kind:
    key: str
    model: type[Any]  # a mapped class of hospitality_app.models
    fields: tuple[Field, ...]
    columns: tuple[str, ...]  # the fields the list shows
    unique: tuple[str, ...] = ("name",)  # together, these name one record

    def field(self, key: str) -> Field:
        return next(f for f in self.fields if f.key == key)


@dataclass(frozen=True)
class Record:
    id: int | None
    version: int | None
    values: Mapping[str, object] = field(default_factory=dict)


NAME = Field("name", required=True)
KINDS: dict[str, Kind] = {
    k.key: k
    for k in (
        Kind(
            "companies",
            Company,
            (
                NAME,
                Field("country", "country", required=True),
                Field("city"),
                Field("website"),
                Field("gift_policy", "choice", vocab.GIFT_POLICIES),
                Field("research", "note"),
            ),
            ("name", "country", "city"),
            ("name", "country"),
        ),
        Kind(
            "visitors",
            Visitor,
            (
                NAME,
                Field("company_id", "ref", ref="companies", required=True),
                Field("title"),
                Field("languages", "list"),
                Field("dietary", "codes", vocab.DIETARY),
                Field("allergies", "codes", vocab.ALLERGENS),
                Field("notes", "note"),
            ),
            ("name", "company_id", "title"),
            ("company_id", "name"),
        ),
        Kind(
            "staff",
            Staff,
            (
                NAME,
                Field("department"),
                Field("job_title"),
                Field("languages", "list"),
                Field("phone"),
                Field("email"),
                Field("drives", "bool"),
                Field("manages", "bool"),
            ),
            ("name", "department", "phone"),
        ),
        Kind("vehicles", Vehicle, (NAME, Field("seats", "int", required=True)), ("name", "seats")),
        Kind(
            "hotels",
            Hotel,
            (NAME, Field("address"), Field("drive_minutes", "int", optional_number=True)),
            ("name", "drive_minutes", "address"),
        ),
        Kind(
            "restaurants",
            Restaurant,
            (
                NAME,
                Field("address"),
                Field("drive_minutes", "int", optional_number=True),
                Field("private_room", "bool"),
                Field("halal_certified", "bool"),
                Field("kosher_certified", "bool"),
            ),
            ("name", "drive_minutes", "address"),
        ),
        Kind(
            "dishes",
            Dish,
            (NAME, Field("restaurant_id", "ref", ref="restaurants"), Field("contains", "codes", vocab.DISH_CONTENTS)),
            ("name", "restaurant_id", "contains"),
            ("restaurant_id", "name"),
        ),
        Kind("tour_stops", TourStop, (NAME, Field("hygiene", "note")), ("name", "hygiene")),
    )
}


def _values(kind: Kind, row) -> Mapping[str, object]:
    values = {}
    for f in kind.fields:
        value = getattr(row, f.key)
        values[f.key] = tuple(value or ()) if f.kind in ("list", "codes") else value
    return MappingProxyType(values)


def list_records(session: Session, kind: Kind, text: str = "", *, limit: int = LIMIT) -> tuple[list[Record], int]:
    """Records whose name contains `text` (any case), by name; and how many there are in all."""
    model = kind.model
    # True (no condition) is what SQLAlchemy accepts at runtime but its typing does not admit
    where: Any = model.name.ilike(contains_pattern(text), escape="\\") if text.strip() else True
    total = session.scalar(select(func.count()).select_from(model).where(where)) or 0
    rows = session.scalars(select(model).where(where).order_by(model.name, model.id).limit(limit))
    return [Record(row.id, row.version, _values(kind, row)) for row in rows], total


def get_record(session: Session, kind: Kind, record_id: int) -> Record:
    row = session.get(kind.model, record_id)
    if row is None:
        raise NotFoundError(f"{kind.key}: no record {record_id} (deleted by someone else?)")
    return Record(row.id, row.version, _values(kind, row))


def ref_choices(session: Session, ref: str) -> list[tuple[int, str]]:
    """The records a `ref` field can point at, as (id, what the user reads)."""
    if ref == "companies":
        rows = session.execute(select(Company.id, Company.name, Company.country).order_by(Company.name))
        return [(rid, f"{name} ({country})") for rid, name, country in rows]
    model = KINDS[ref].model
    return [(rid, name) for rid, name in session.execute(select(model.id, model.name).order_by(model.name))]


def _clean(kind: Kind, values: Mapping[str, object]) -> dict[str, object]:
    """The values checked and normalised; the first problem raises ValidationError naming the field."""
    clean: dict[str, Any] = {}
    columns = kind.model.__table__.c
    for f in kind.fields:
        value: Any = values.get(f.key)
        if f.kind in ("text", "note", "country"):
            value = (value or "").strip()
            if f.kind == "country":
                value = value.upper()
            length = getattr(columns[f.key].type, "length", None)
            if length and len(value) > length:
                raise ValidationError(f.key, f"too long: {len(value)} characters, at most {length}")
        elif f.kind in ("list", "codes"):
            value = tuple(dict.fromkeys(str(v).strip() for v in (value or ()) if str(v).strip()))
        elif f.kind == "bool":
            value = bool(value)
        if f.required and value in ("", None, ()):
            raise ValidationError(f.key, "must not be empty")
        if f.kind == "int" and value is not None:
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise ValidationError(f.key, f"not a whole number of at least 0: {value!r}")
        elif f.kind == "country" and value:
            check_country(f.key, value)
        elif f.kind == "choice":
            value = value or f.vocab[0]
            check_code(f.key, value, f.vocab, f.key)
        elif f.kind == "codes":
            check_codes(f.key, value, f.vocab, f.key)
        clean[f.key] = list(value) if f.kind in ("list", "codes") else value
    if kind.key == "vehicles" and clean["seats"] < 1:
        raise ValidationError("seats", "a vehicle has at least 1 seat")
    return clean


def save_record(session: Session, kind: Kind, record: Record) -> int:
    """Create (id None) or update the record; an update must name the version it was loaded at."""
    clean = _clean(kind, record.values)
    model = kind.model
    for f in kind.fields:
        if f.kind == "ref" and clean[f.key] is not None and session.get(KINDS[f.ref].model, clean[f.key]) is None:
            raise ValidationError(f.key, f"no such record: {clean[f.key]} (deleted by someone else?)")
    same = and_(*(getattr(model, key) == clean[key] for key in kind.unique))
    if kind.model is Dish and clean["restaurant_id"] is None:
        same = and_(Dish.name == clean["name"], Dish.restaurant_id.is_(None))
    clash = session.scalar(select(model.id).where(same, model.id != (record.id or -1)))
    if clash is not None:
        raise ValidationError("name", f"{clean['name']!r} exists already; edit that record instead")
    if record.id is None:
        row = model(version=1, **clean)
        session.add(row)
    else:
        row = session.get(model, record.id)
        if row is None:
            raise NotFoundError(f"{clean['name']!r} was deleted by someone else; nothing was saved")
        if row.version != record.version:
            raise ConflictError(repr(clean["name"]), record.version, row.version)
        for key, value in clean.items():
            if getattr(row, key) != value:
                setattr(row, key, value)
    session.flush()
    return row.id


def _referencing(table: Table) -> list[tuple[Table, Column[Any], bool]]:
    """(table, column, whether its rows go with the referenced row) for each foreign key to `table`."""
    found: list[tuple[Table, Column[Any], bool]] = []
    for other in Base.metadata.sorted_tables:
        for fk in other.foreign_keys:
            if fk.column.table is table:
                found.append((other, fk.parent, fk.ondelete == "CASCADE"))
    return found


def uses(session: Session, kind: Kind, record_id: int) -> dict[str, int]:
    """What still points at the record (table name → rows), following rows that would go with it."""
    counts: dict[str, int] = {}

    def visit(table: Table, ids: list[int]) -> None:
        for other, column, cascades in _referencing(table):
            if cascades:
                owned = list(session.scalars(select(other.c.id).where(column.in_(ids)))) if "id" in other.c else []
                if owned:
                    visit(other, owned)
                continue
            n = session.scalar(select(func.count()).select_from(other).where(column.in_(ids))) or 0
            if n:
                counts[other.name] = counts.get(other.name, 0) + n

    visit(kind.model.__table__, [record_id])
    return counts


def delete_record(session: Session, kind: Kind, record_id: int, version: int | None) -> None:
    """Delete a record nothing uses any more (plans keep their history); raises what still uses it."""
    row = session.get(kind.model, record_id)
    if row is None:
        return  # gone already: what the user wanted
    if version is not None and row.version != version:
        raise ConflictError(repr(row.name), version, row.version)
    used = uses(session, kind, record_id)
    if used:
        raise InUseError(row.name, used)
    session.delete(row)
    session.flush()
