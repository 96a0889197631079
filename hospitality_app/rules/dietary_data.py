"""The dietary knowledge shipped in resources/dietary/restrictions.toml, loaded and checked."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache

from hospitality_app import vocab
from hospitality_app.errors import ValidationError
from hospitality_app.resources import read_text


@dataclass(frozen=True)
class Restriction:
    code: str
    forbids: frozenset[str]
    forbids_together: tuple[frozenset[str], ...]
    certified_meat: str  # "", "halal" or "kosher"


@dataclass(frozen=True)
class DietaryRules:
    restrictions: dict[str, Restriction]
    certifiable: frozenset[str]

    def violations(self, restriction: str, contains: tuple[str, ...]) -> list[str]:
        """The ingredients (or pairs, as "beef + dairy") of a dish that break `restriction`."""
        rule = self.restrictions[restriction]
        present = set(contains)
        found = [c for c in contains if c in rule.forbids]
        for pair in rule.forbids_together:
            if pair <= present:
                found.append(" + ".join(sorted(pair)))
        return found


def parse_rules(text: str, source: str = "restrictions.toml") -> DietaryRules:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ValidationError(source, str(exc)) from None
    contents = set(vocab.DISH_CONTENTS)
    restrictions = {}
    for code in vocab.DIETARY:
        entry = data.get(code)
        if entry is None:
            raise ValidationError(f"{source}: [{code}]", "restriction missing")
        for item in entry.get("forbids", []):
            if item not in contents:
                raise ValidationError(f"{source}: [{code}].forbids", f"unknown ingredient {item!r}")
        restrictions[code] = Restriction(
            code=code,
            forbids=frozenset(entry.get("forbids", [])),
            forbids_together=tuple(frozenset(p) for p in entry.get("forbids_together", [])),
            certified_meat=entry.get("certified_meat", ""),
        )
    return DietaryRules(restrictions, frozenset(data.get("meat", {}).get("certifiable", [])))


@cache
def shipped_rules() -> DietaryRules:
    return parse_rules(read_text("dietary", "restrictions.toml"))
