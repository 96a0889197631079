"""Bring an edited plan up to date with the database while keeping its edits: what the user did
not change comes from the fresh plan, what they changed stays theirs (a three-way merge of the
plan's values, field by field and item by item)."""

from __future__ import annotations

import dataclasses
from typing import Any

from hospitality_app.services.dto import VisitPlan

_SKIP = ("base", "given")  # not values of the plan


def rebase(mine: VisitPlan, fresh: VisitPlan, *, prefer: str = "mine") -> tuple[VisitPlan, tuple[str, ...]]:
    """`mine` (edited from `mine.base`) moved onto `fresh` (the database's plan now, with its own
    base). Returns the plan and where both sides changed the same value differently (the
    `prefer`red side wins there: "mine" keeps the edit, "theirs" takes the database's)."""
    base = mine.base
    if base is None:
        return mine, ()
    conflicts: list[str] = []
    merged = _merge(base, mine, fresh, "", conflicts, prefer)
    return dataclasses.replace(merged, base=fresh.base or fresh), tuple(conflicts)


def _merge(base: Any, mine: Any, theirs: Any, path: str, conflicts: list[str], prefer: str) -> Any:
    if mine == base:
        return theirs
    if theirs in (base, mine):
        return mine
    if dataclasses.is_dataclass(mine) and type(mine) is type(base) is type(theirs) and not isinstance(mine, type):
        changes = {}
        for f in dataclasses.fields(mine):
            if f.name in _SKIP or not f.init:
                continue
            at = f"{path}.{f.name}" if path else f.name
            value = _merge(getattr(base, f.name), getattr(mine, f.name), getattr(theirs, f.name), at, conflicts, prefer)
            if value is not getattr(mine, f.name):
                changes[f.name] = value
        return dataclasses.replace(mine, **changes) if changes else mine
    if (
        isinstance(mine, tuple)
        and isinstance(base, tuple)
        and isinstance(theirs, tuple)
        and _same_items(base, mine, theirs)
    ):
        return tuple(
            _merge(b, m, t, f"{path}[{i}]", conflicts, prefer)
            for i, (b, m, t) in enumerate(zip(base, mine, theirs, strict=True))
        )
    conflicts.append(path)
    return mine if prefer == "mine" else theirs


def _same_items(*lists: tuple) -> bool:
    """Items with ids, the same ones in the same order on all three sides: merged one by one.
    Anything else (codes, names, items added or removed) is merged as one value."""
    if len({len(items) for items in lists}) != 1:
        return False
    keys = []
    for items in lists:
        if not all(dataclasses.is_dataclass(i) and getattr(i, "id", None) is not None for i in items):
            return False
        keys.append(tuple(i.id for i in items))
    return keys[0] == keys[1] == keys[2]
