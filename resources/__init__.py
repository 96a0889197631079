"""Shipped data files (regional notes, checklist templates, dietary rules, fonts, translations),
installed as the package hospitality_app.resources so they are found from a wheel."""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable


def resource(*parts: str) -> Traversable:
    """The shipped file or folder at `parts` below resources/."""
    node = files(__name__)
    for part in parts:
        node = node / part
    return node


def read_text(*parts: str) -> str:
    return resource(*parts).read_text(encoding="utf-8")
