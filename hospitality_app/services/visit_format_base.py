"""The building blocks of the `hospitality-visit/1` declaration (`visit_format`): its kinds of
value (local times, days, amounts, codes), and `Part`, the base of every object of the file,
which reads and writes one of the plan's data classes."""

from __future__ import annotations

import dataclasses
import re
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any, ClassVar
from zoneinfo import ZoneInfo

from pydantic import (
    BaseModel,
    ConfigDict,
    PlainSerializer,
    PlainValidator,
    SerializationInfo,
    SerializerFunctionWrapHandler,
    ValidationInfo,
    WithJsonSchema,
    model_serializer,
    model_validator,
)
from pydantic_core import PydanticCustomError

from hospitality_app import limits, vocab
from hospitality_app.errors import ValidationError

# ISO 8601 as the format writes it: a date, a time to the minute or second (a fraction to the
# microsecond), and an optional offset. Python reads week dates and nanoseconds too; the format
# does not.
MOMENT = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,6})?)?(Z|[+-][0-9]{2}:[0-9]{2})?"
)
DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def kind_of(value: Any) -> str:
    return {
        dict: "an object",
        list: "a list",
        str: "text",
        bool: "true/false",
        type(None): "null",
        int: "a number",
        float: "a number",
    }.get(type(value), type(value).__name__)


def refuse(message: str) -> PydanticCustomError:
    return PydanticCustomError("visit_format", "{message}", {"message": message})


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise refuse(f"expected text, got {kind_of(value)}")
    return value


def _read_moment(value: Any, info: ValidationInfo) -> datetime:
    text = _text(value)
    try:
        if not MOMENT.fullmatch(text):
            raise ValueError(text)
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise refuse(f"not a date and time: {text[:40]!r} (like 2026-12-03T09:00)") from None
    zone: ZoneInfo | None = (info.context or {}).get("zone")
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone)
        try:
            limits.check_day("", moment)  # before the arithmetic below, which year 1 overflows
        except ValidationError as exc:
            raise refuse(exc.message) from None
        if zone is not None and moment.astimezone(UTC).astimezone(zone).replace(tzinfo=None) != moment.replace(
            tzinfo=None
        ):
            raise refuse(f"{text} does not exist in {zone.key}: the clocks go forward over it; write the time after")
    return moment


def local_text(moment: datetime | None, zone: ZoneInfo) -> str | None:
    """Local wall time in `zone`; with the offset only where the wall time alone is ambiguous
    (the repeated hour when DST ends) or does not exist."""
    if moment is None:
        return None
    local = moment.astimezone(zone)
    naive = local.replace(tzinfo=None, fold=0)  # as a reader of the file will parse it
    spec = "seconds" if local.second or local.microsecond else "minutes"
    # Compare instants: PEP 495 makes aware datetimes in a fold unequal across zones.
    if naive.replace(tzinfo=zone).timestamp() == moment.timestamp():
        return naive.isoformat(timespec=spec)
    return local.isoformat(timespec=spec)


def _write_moment(moment: datetime, info: SerializationInfo) -> str | None:
    return local_text(moment, (info.context or {})["zone"])


def _read_day(value: Any) -> date:
    text = _text(value)
    try:
        if not DAY.fullmatch(text):
            raise ValueError(text)  # Python also reads 20261203 and week dates
        return date.fromisoformat(text)
    except ValueError:
        raise refuse(f"not a date: {text[:40]!r} (like 2026-12-03)") from None


def _read_amount(value: Any) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise refuse(f"expected an amount, got {kind_of(value)}")
    try:
        return Decimal(str(value))
    except InvalidOperation:
        raise refuse(f"not an amount: {value!r}") from None


def _write_amount(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


Moment = Annotated[
    datetime,
    PlainValidator(_read_moment),
    PlainSerializer(_write_moment),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": f"^{MOMENT.pattern}$",
            "description": "Date and time, like 2026-12-03T09:00; without an offset, in the visit's time zone",
        }
    ),
]
Day = Annotated[
    date,
    PlainValidator(_read_day),
    PlainSerializer(date.isoformat),
    WithJsonSchema({"type": "string", "format": "date", "pattern": f"^{DAY.pattern}$"}),
]
Amount = Annotated[
    Decimal,
    PlainValidator(_read_amount),
    PlainSerializer(_write_amount),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "number", "minimum": 0, "exclusiveMaximum": int(limits.MAX_AMOUNT)},
                {"type": "string", "pattern": "^[0-9]{1,13}(\\.[0-9]{1,2})?$"},
            ]
        }
    ),
]


def codes(values: tuple[str, ...]) -> WithJsonSchema:
    return WithJsonSchema({"type": "string", "enum": list(values)})


def whole(name: str) -> WithJsonSchema:
    low, high = limits.NUMBERS.get(name, (0, 1_000_000))
    return WithJsonSchema({"type": "integer", "minimum": low, "maximum": high})


Minutes = Annotated[int, whole("minutes")]
DriveMinutes = Annotated[int, whole("drive_minutes")]
Restriction = Annotated[str, codes(vocab.DIETARY)]
Allergen = Annotated[str, codes(vocab.ALLERGENS)]
Ingredient = Annotated[str, codes(vocab.DISH_CONTENTS)]
HostRole = Annotated[str, codes(vocab.HOST_ROLES)]
Topic = Annotated[str, codes(vocab.NEGOTIATION_TOPICS)]
Party = Annotated[str, codes(vocab.PARTIES)]
Person = Annotated[str, WithJsonSchema({"type": "string", "description": "the name of a visitor or host of the visit"})]


_DTO_PARTS: dict[type, type[Part]] = {}


class Part(BaseModel):
    """One object of the file, which maps onto one of the plan's data classes."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)

    dto: ClassVar[type | None] = None
    # Written even when empty; and fields whose false or zero is left out like an empty one.
    always: ClassVar[frozenset[str]] = frozenset()
    omit_falsy: ClassVar[frozenset[str]] = frozenset()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if cls.__dict__.get("dto") is not None:
            _DTO_PARTS[cls.__dict__["dto"]] = cls

    @model_validator(mode="before")
    @classmethod
    def _null_is_absent(cls, value: Any) -> Any:
        # 7.0 is a whole number to JSON Schema and to anyone who wrote it: read it as 7.
        if isinstance(value, dict):
            return {
                key: int(item) if isinstance(item, float) and item.is_integer() and abs(item) < 2**53 else item
                for key, item in value.items()
                if item is not None
            }
        return value

    @model_serializer(mode="wrap")
    def _leave_out_empty(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        data: dict[str, Any] = handler(self)
        return {
            key: item
            for key, item in data.items()
            if key in self.always or not (item in (None, "", [], {}) or (key in self.omit_falsy and not item))
        }

    def to_dto(self) -> Any:
        assert self.dto is not None
        values = {name: plan_value(getattr(self, name)) for name in type(self).model_fields}
        if "given" in {f.name for f in dataclasses.fields(self.dto)}:
            values["given"] = frozenset(self.model_fields_set)
        return self.dto(**values)

    @classmethod
    def from_dto(cls, data: Any) -> Any:
        return cls.model_construct(**{name: file_value(getattr(data, name)) for name in cls.model_fields})


def plan_value(value: Any) -> Any:
    if isinstance(value, Part):
        return value.to_dto()
    if isinstance(value, list):
        return tuple(plan_value(item) for item in value)
    return value


def file_value(value: Any) -> Any:
    if type(value) in _DTO_PARTS:
        return _DTO_PARTS[type(value)].from_dto(value)
    if isinstance(value, tuple):
        return [file_value(item) for item in value]
    return value
