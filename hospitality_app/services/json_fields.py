"""Reading JSON objects field by field, with the JSON path in every error."""

from __future__ import annotations

import builtins
import datetime as _dt
import re
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any, Literal, overload
from zoneinfo import ZoneInfo

from hospitality_app import limits
from hospitality_app.errors import ValidationError

# ISO 8601 as the format writes it: a date, a time to the minute or second (a fraction to the
# microsecond), and an optional offset.
MOMENT = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})?")


class JsonObject:
    """A JSON object being read, which knows its path and refuses unknown fields."""

    def __init__(self, value: Any, path: str, zone: ZoneInfo | None, fields: set[str]) -> None:
        if not isinstance(value, dict):
            raise ValidationError(path, f"expected an object, got {kind_of(value)}")
        unknown = sorted(set(value) - fields)
        if unknown:
            raise ValidationError(path, f"unknown field {unknown[0]!r}")
        self.value, self.path, self.zone = value, path, zone

    def keys(self) -> frozenset[str]:
        """The fields this object gives (a null counts as not given)."""
        return frozenset(key for key, value in self.value.items() if value is not None)

    def at(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def raw(self, key: str, default: Any = None) -> Any:
        return self.value.get(key, default)

    def str(self, key: str, default: str | None = "", required: bool = False) -> Any:
        value = self.value.get(key)
        if value is None:
            if required:
                raise ValidationError(self.at(key), "is required")
            return default
        if not isinstance(value, str):
            raise ValidationError(self.at(key), f"expected text, got {kind_of(value)}")
        return value

    def int(self, key: builtins.str, default: builtins.int | None = None, required: builtins.bool = False) -> Any:
        value = self.value.get(key)
        if value is None:
            if required:
                raise ValidationError(self.at(key), "is required")
            return default
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValidationError(self.at(key), f"expected a whole number, got {kind_of(value)}")
        return value

    def bool(self, key: builtins.str, default: builtins.bool = False) -> builtins.bool:
        value = self.value.get(key)
        if value is None:
            return default
        if not isinstance(value, bool):
            raise ValidationError(self.at(key), f"expected true or false, got {kind_of(value)}")
        return value

    def decimal(self, key: builtins.str) -> Decimal | None:
        value = self.value.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            raise ValidationError(self.at(key), f"expected an amount, got {kind_of(value)}")
        try:
            return Decimal(str(value))
        except InvalidOperation:
            raise ValidationError(self.at(key), f"not an amount: {value!r}") from None

    def strs(self, key: builtins.str) -> tuple[builtins.str, ...]:
        value = self.value.get(key)
        if value is None:
            return ()
        if not isinstance(value, list):
            raise ValidationError(self.at(key), f"expected a list, got {kind_of(value)}")
        for i, item in enumerate(value):
            if not isinstance(item, str):
                raise ValidationError(f"{self.at(key)}[{i}]", f"expected text, got {kind_of(item)}")
        return tuple(value)

    def list(self, key: builtins.str) -> builtins.list[tuple[builtins.str, Any]]:
        value = self.value.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            raise ValidationError(self.at(key), f"expected a list, got {kind_of(value)}")
        return [(f"{self.at(key)}[{i}]", item) for i, item in enumerate(value)]

    @overload
    def datetime(self, key: builtins.str, required: Literal[True]) -> _dt.datetime: ...
    @overload
    def datetime(self, key: builtins.str, required: builtins.bool = False) -> _dt.datetime | None: ...
    def datetime(self, key: builtins.str, required: builtins.bool = False) -> _dt.datetime | None:
        text = self.str(key, None, required)
        if text is None:
            return None
        try:
            if not MOMENT.fullmatch(text):
                raise ValueError(text)  # Python reads week dates and nanoseconds too; the format does not
            moment = datetime.fromisoformat(text)
        except ValueError:
            raise ValidationError(self.at(key), f"not a date and time: {text[:40]!r} (like 2026-12-03T09:00)") from None
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=self.zone)
            limits.check_day(self.at(key), moment)
            if self.zone is not None and moment.astimezone(UTC).astimezone(self.zone).replace(tzinfo=None) != (
                moment.replace(tzinfo=None)
            ):
                raise ValidationError(
                    self.at(key),
                    f"{text} does not exist in {self.zone.key}: the clocks go forward over it; write the time after",
                )
        return moment

    @overload
    def date(self, key: builtins.str, required: Literal[True]) -> _dt.date: ...
    @overload
    def date(self, key: builtins.str, required: builtins.bool = False) -> _dt.date | None: ...
    def date(self, key: builtins.str, required: builtins.bool = False) -> _dt.date | None:
        text = self.str(key, None, required)
        if text is None:
            return None
        try:
            return date.fromisoformat(text)
        except ValueError:
            raise ValidationError(self.at(key), f"not a date: {text!r} (like 2026-12-03)") from None

    def obj(self, key: builtins.str, fields: set[builtins.str]) -> JsonObject | None:
        value = self.value.get(key)
        return None if value is None else JsonObject(value, self.at(key), self.zone, fields)


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
