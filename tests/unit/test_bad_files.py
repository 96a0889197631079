"""Broken visit files: each is refused with one line naming where, and changes nothing; every
file that is accepted also exports, checks, produces its calendar and its PDFs."""

from __future__ import annotations

import contextlib
import copy
import json
import shutil
import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from hospitality_app.app import main
from hospitality_app.errors import ValidationError
from hospitality_app.services import calendar, documents, interchange, plans, readiness
from tests.conftest import REFERENCE

CORPUS = json.loads((Path(__file__).parents[1] / "data" / "bad-visits.json").read_text(encoding="utf-8"))
NOW = datetime(2026, 11, 22, 1, tzinfo=UTC)


def expand(value):
    """The corpus's shorthand for long values: {"$repeat": c, "$times": n}, {"$concat": [...]}."""
    if isinstance(value, dict) and "$repeat" in value:
        return value["$repeat"] * value["$times"]
    if isinstance(value, dict) and "$concat" in value:
        return "".join(expand(part) for part in value["$concat"])
    if isinstance(value, list):
        return [expand(item) for item in value]
    return value


def put(data, path: str, value) -> None:
    """Set `visit.start` or `pickups[0].vehicle.seats` in a parsed JSON document."""
    parts = []
    for part in path.split("."):
        name, *indexes = part.replace("]", "").split("[")
        parts += [name, *(int(i) for i in indexes)]
    target = data
    for key in parts[:-1]:
        target = target[key]
    target[parts[-1]] = value


def rows(path: Path) -> list[str]:
    """Every row of every table: two equal lists mean the database did not change."""
    con = sqlite3.connect(path)
    try:
        return list(con.iterdump())
    finally:
        con.close()


@pytest.fixture(scope="module")
def base_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("bad-files") / "base.sqlite3"
    assert main(["--db", str(path), "import", str(REFERENCE)]) == 0
    return path


def variants():
    reference = REFERENCE.read_text(encoding="utf-8")
    for path, value, message in CORPUS["set"]:
        data = json.loads(reference)
        put(data, path, expand(value))
        yield pytest.param(json.dumps(data, ensure_ascii=False), message, id=f"set {path}")
    for old, new, message in CORPUS["replace"]:
        assert old in reference
        yield pytest.param(reference.replace(old, expand(new), 1), message, id=f"replace {old}")


@pytest.mark.parametrize(("text", "message"), list(variants()))
def test_a_broken_file_gets_its_one_line_and_changes_nothing(capsys, tmp_path, base_db, text, message):
    db = tmp_path / "visits.sqlite3"
    shutil.copyfile(base_db, db)
    before = rows(db)
    bad = tmp_path / "bad.json"
    bad.write_text(text, encoding="utf-8", errors="surrogatepass")
    capsys.readouterr()
    assert main(["--db", str(db), "import", str(bad)]) == 2
    assert capsys.readouterr().err == f"hospitality-app: error: {bad}: {message}\n"
    assert rows(db) == before


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'{"format": "hospitality-visit/1", "visit": {"title": "\xff"}}', "invalid start byte"),
        ("\ufeff{}".encode("utf-16"), "invalid start byte"),
        (b"\xed\xa0\x80", "invalid continuation byte"),
    ],
)
def test_a_file_that_is_not_utf8_is_refused_in_one_line(capsys, tmp_path, content, message):
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    assert main(["--db", str(tmp_path / "x.sqlite3"), "import", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"hospitality-app: error: {bad}: cannot read: 'utf-8' codec can't decode byte")
    assert err.endswith(f": {message}\n") and err.count("\n") == 1


# Values a tester would try anywhere: wrong types, extremes, text no calendar or PDF can carry.
NASTY = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.sampled_from([0, 1, -1, 2**31, 2**63, 1e308, 0.5, "NaN", "Infinity", "-0", "1e999"]),
    st.sampled_from(["", " ", "0001-01-01T00:00", "9999-12-31T23:59", "2026-03-29T02:30", "Asia", "halall"]),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=30),
    st.text(alphabet=st.sampled_from("a\n\r\t\x00\x1b\u2028عبد الله 中文ç"), max_size=12),
    st.lists(st.text(max_size=5), max_size=3),
    st.dictionaries(st.sampled_from(["name", "x"]), st.text(max_size=3), max_size=2),
)


def _paths(value, prefix=""):
    """Every place in a JSON document a value can be put (`visitors[0].name`, …)."""
    if isinstance(value, dict):
        for key, child in value.items():
            here = f"{prefix}.{key}" if prefix else key
            yield here
            yield from _paths(child, here)
    elif isinstance(value, list):
        for i, child in enumerate(value):
            here = f"{prefix}[{i}]"
            yield here
            yield from _paths(child, here)


REFERENCE_DATA = json.loads(REFERENCE.read_text(encoding="utf-8"))
PATHS = sorted(set(_paths(REFERENCE_DATA)))


def _get(data, path: str):
    target = data
    for part in path.split("."):
        name, *indexes = part.replace("]", "").split("[")
        target = target[name]
        for i in indexes:
            target = target[int(i)]
    return target


# Values of the same kind as the one they replace, at the edges of what is allowed: these are
# mostly accepted, and must then work everywhere (scripts of every kind, the limits' boundaries).
EDGE_TEXT = st.one_of(
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cc", "Cs"]), min_size=1, max_size=40),
    st.sampled_from(["عبد الله", "Иван Петрович", "İstanbul Şirketi", "สมชาย ใจดี", "‮evil‬", "z" * 200]),
)
EDGE_NUMBER = st.one_of(st.integers(min_value=0, max_value=1440), st.sampled_from([0, 1, 999, 1440, 1441]))


@st.composite
def changes(draw):
    out = []
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        path = draw(st.sampled_from(PATHS))
        original = _get(REFERENCE_DATA, path)
        if isinstance(original, str) and draw(st.booleans()):
            value = draw(EDGE_TEXT)
        elif isinstance(original, int) and not isinstance(original, bool) and draw(st.booleans()):
            value = draw(EDGE_NUMBER)
        else:
            value = draw(NASTY)
        out.append((path, value))
    return out


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(changes=changes())
@example(changes=[("hosts[0].email", "li.wei@example.com\r\nBCC: x@example.com")])
@example(changes=[("visit.title", "Visit\nof the year")])
@example(changes=[("hosts[1].name", "Zhang\u2028Min")])
@example(changes=[("gifts[0].value", "1e400")])
@example(changes=[("pickups[0].confirm_call_minutes_before", 10**15)])
@example(changes=[("visitors[0].title", "z" * 200), ("company.name", "عبد الله للتجارة")])
def test_every_file_is_refused_in_one_line_or_works_everywhere(db, changes):
    data = copy.deepcopy(REFERENCE_DATA)
    for path, value in changes:
        with contextlib.suppress(KeyError, IndexError, TypeError):
            put(data, path, value)  # fails where an earlier change replaced the object on the way
    try:
        plan = interchange.loads(json.dumps(data))
    except ValidationError as refused:
        text = str(refused)
        assert text and "\n" not in text and "Traceback" not in text
        return
    with db.unit_of_work() as session:
        visit_id = plans.save(session, plan, now=NOW).visit_id
    with db.unit_of_work() as session:
        again = interchange.loads(interchange.dumps(plans.load_plan(session, visit_id)))
        assert again.title == plan.title
        readiness.check_visit(session, visit_id, now=NOW, locale="zh_CN")
        assert b"BEGIN:VCALENDAR" in calendar.export_visit(session, visit_id, now=NOW, lang="en")
        for pdf in (
            documents.letter_pdf(session, visit_id, today=date(2026, 12, 6), locale=None),
            documents.sign_pdf(session, visit_id, size="A4"),
            documents.brief_pdf(session, visit_id, language="zh_CN", manager=True, now=NOW),
            documents.itinerary_pdf(session, visit_id, locale=None),
        ):
            assert pdf.startswith(b"%PDF")
