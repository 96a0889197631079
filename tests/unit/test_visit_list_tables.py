"""The visit list queries lightweight tables (so the window's first rows do not wait for the
mapped classes): they must name what the mapping names, with the same kinds of types."""

from __future__ import annotations

import json
import subprocess
import sys

from sqlalchemy import Integer, String

from hospitality_app.column_types import UTCDateTime
from hospitality_app.models import Base
from hospitality_app.services.visits import LIGHT_TABLES


def test_every_column_of_the_lists_tables_is_mapped_with_the_same_kind_of_type():
    assert {t.name for t in LIGHT_TABLES} == {"visit", "company", "staff", "visit_host", "checklist_item"}
    for light in LIGHT_TABLES:
        mapped = Base.metadata.tables[light.name]
        for column in light.c:
            assert column.name in mapped.c, f"{light.name}.{column.name} is not in the mapping"
            assert isinstance(mapped.c[column.name].type, type(column.type)), (
                f"{light.name}.{column.name}: {mapped.c[column.name].type!r} is mapped, {column.type!r} queried"
            )


def test_the_dates_are_read_as_aware_datetimes_and_the_keys_as_integers():
    visit = next(t for t in LIGHT_TABLES if t.name == "visit")
    assert isinstance(visit.c.start.type, UTCDateTime) and isinstance(visit.c.end.type, UTCDateTime)
    assert isinstance(visit.c.id.type, Integer) and isinstance(visit.c.title.type, String)


def imported_by(module: str, prefixes: tuple[str, ...]) -> list[str]:
    """The modules starting with `prefixes` that importing `module` loads, in a fresh process."""
    loaded = f"sorted(m for m in sys.modules if m.startswith({prefixes!r}))"
    code = f"import json, sys, {module}; print(json.dumps({loaded}))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def test_the_visit_list_does_not_build_the_mapped_classes():
    """In a process of its own: this one has imported the models already."""
    heavy = ("hospitality_app.models", "hospitality_app.services.dto")
    assert imported_by("hospitality_app.services.visits", heavy) == []
