"""What a dish most likely contains, read from its name ("Garlic butter prawns" → shellfish and
dairy, "宫保鸡丁" → peanuts and chicken), so that naming a dish ticks its contents for the user to
confirm. The words live in resources/dietary/dish_words.toml."""

from __future__ import annotations

import re
import tomllib
from functools import cache

from hospitality_app.resources import read_text
from hospitality_app.vocab import DISH_CONTENTS


@cache
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    data = tomllib.loads(read_text("dietary", "dish_words.toml"))
    patterns = []
    for content in DISH_CONTENTS:  # in the vocabulary's order, as the planner lists them
        words = data.get(content, {})
        english = [r"\b" + re.escape(w).replace(r"\ ", r"\s+") + r"(?:e?s)?\b" for w in words.get("en", [])]
        chinese = [re.escape(w) for w in words.get("zh", [])]
        if english or chinese:
            patterns.append((content, re.compile("|".join([*english, *chinese]), re.IGNORECASE)))
    return tuple(patterns)


def contents_named(name: str) -> tuple[str, ...]:
    """The dish contents whose words the name has, in the vocabulary's order."""
    return tuple(content for content, pattern in _patterns() if pattern.search(name))
