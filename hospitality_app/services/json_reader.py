"""Read `hospitality-visit/1` JSON into a VisitPlan, with the JSON path in every error.

The format itself is declared in `visit_format`; this module parses the text (refusing what
Python's `json` would let through: NaN, duplicate keys, numbers of thousands of digits), turns
the declaration's errors into the app's one-line messages, and checks the domain's rules."""

from __future__ import annotations

import json
from typing import Any
from zoneinfo import ZoneInfo

import pydantic

from hospitality_app.errors import ValidationError
from hospitality_app.services.dto import VisitPlan
from hospitality_app.services.validation import validate_plan
from hospitality_app.services.visit_format import FORMAT, VisitFile
from hospitality_app.services.visit_format_base import kind_of

__all__ = ["FORMAT", "loads", "parse"]

# The declaration's error types, in the words a person who edits a visit file would use.
_EXPECTED = {
    "model_type": "an object",
    "model_attributes_type": "an object",
    "dict_type": "an object",
    "string_type": "text",
    "int_type": "a whole number",
    "bool_type": "true or false",
    "list_type": "a list",
}


def loads(text: str) -> VisitPlan:
    """Parse and validate a JSON document; raises ValidationError naming the JSON path."""
    try:
        data = json.loads(text, parse_constant=_no_constant, parse_int=_whole_number, object_pairs_hook=_no_twice)
    except json.JSONDecodeError as exc:
        raise ValidationError(f"line {exc.lineno} column {exc.colno}", f"not valid JSON: {exc.msg}") from None
    except RecursionError:
        raise ValidationError("", "not a visit: lists or objects nested too deeply") from None
    plan = parse(data)
    validate_plan(plan)
    _check_anchors(plan)
    return plan


def parse(data: Any) -> VisitPlan:
    """A parsed JSON document as a plan, if it has the declared shape; the domain's rules are
    `validate_plan`'s."""
    try:
        return VisitFile.model_validate(data, context={"zone": _zone_of(data)}).to_plan()
    except pydantic.ValidationError as exc:
        raise _one_line(_first(exc.errors(include_url=False))) from None
    except RecursionError:
        raise ValidationError("", "not a visit: lists or objects nested too deeply") from None


def _zone_of(data: Any) -> ZoneInfo | None:
    """The visit's zone, which every local time of the file is read in; None when it is not a
    zone (the declaration's validation then says so at `visit.timezone`, before any time)."""
    try:
        return ZoneInfo(data["visit"]["timezone"])
    except Exception:  # any shape at all: not a dict, no zone, not text, not a zone
        return None


def _first(errors: list[Any]) -> Any:
    """The error a reader meets first: an object's unknown field before anything inside it
    (the declaration lists unknown fields after the fields' own errors)."""
    first = errors[0]
    unknown = [
        e
        for e in errors
        if e["type"] == "extra_forbidden" and tuple(first["loc"][: len(e["loc"]) - 1]) == e["loc"][:-1]
    ]
    return min(unknown, key=lambda e: len(e["loc"])) if unknown else first


def _one_line(error: Any) -> ValidationError:
    loc = tuple(error["loc"])
    kind = error["type"]
    if kind == "extra_forbidden":
        return ValidationError(_path(loc[:-1]), f"unknown field {str(loc[-1])[:80]!r}")
    if kind == "missing":
        return ValidationError(_path(loc), "is required")
    if kind in _EXPECTED:
        got = error["input"]
        what = repr(got) if isinstance(got, float) else kind_of(got)  # 7.5 seats: say so
        return ValidationError(_path(loc), f"expected {_EXPECTED[kind]}, got {what}")
    return ValidationError(_path(loc), error["msg"])


def _path(loc: tuple[str | int, ...]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _check_anchors(plan: VisitPlan) -> None:
    """A checklist item due relative to a moment the plan does not have would never be due."""
    from hospitality_app.checklists.engine import anchors

    known = anchors(plan)
    for i, item in enumerate(plan.checklist):
        if item.due_anchor and item.due_anchor not in known:
            raise ValidationError(
                f"checklist[{i}].due_anchor",
                f"unknown anchor {item.due_anchor[:40]!r} (expected one of: {', '.join(known)})",
            )


def _no_constant(name: str) -> Any:
    raise ValidationError("", f"{name} is not a number JSON allows; write the amount, or leave it out")


def _whole_number(digits: str) -> int:
    # Python refuses to read 4,300 digits and more; far fewer are refused later, by their path.
    if len(digits.lstrip("-")) > 400:
        raise ValidationError("", f"a number of {len(digits):,} digits is in the file ({digits[:12]}…)")
    return int(digits)


def _no_twice(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """Python keeps the last of two equal keys; a file that says two things is refused instead."""
    seen: dict[str, Any] = {}
    for key, value in pairs:
        if key in seen:
            raise ValidationError(str(key)[:80], "given twice in the same object")
        seen[key] = value
    return seen
