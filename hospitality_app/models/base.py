"""Declarative base, naming convention and optimistic locking. (The aware-UTC datetime column
type lives in hospitality_app.column_types; the migrations name it here.)"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, Final

from sqlalchemy import Integer, MetaData
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

from hospitality_app.column_types import UTCDateTime  # noqa: F401 - the migrations name it here

if TYPE_CHECKING:
    from sqlalchemy.sql.expression import FromClause

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Versioned:
    """Optimistic locking: an UPDATE that finds another version raises StaleDataError."""

    version: Mapped[int] = mapped_column(Integer, nullable=False)

    if TYPE_CHECKING:
        __table__: ClassVar[FromClause]  # set by the declarative mapping of the concrete class

    @declared_attr.directive
    def __mapper_args__(cls) -> dict:
        return {"version_id_col": cls.__table__.c.version}


LAZY: Final = "raise_on_sql"  # relationships load only when a query asked for them (STYLE: lazy raise)
