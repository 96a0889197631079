"""The wheel ships resources/ as hospitality_app.resources and works from an unrelated folder;
the core runs without Qt."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    return next(out.glob("hospitality_app-*.whl"))


@pytest.mark.slow
def test_wheel_contains_the_resources(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in (
        "hospitality_app/resources/__init__.py",
        "hospitality_app/resources/regions/notes.toml",
        "hospitality_app/resources/dietary/restrictions.toml",
        "hospitality_app/resources/locale/zh_CN/LC_MESSAGES/messages.po",
        "hospitality_app/db/migrations/env.py",
        "hospitality_app/db/migrations/script.py.mako",
        "hospitality_app/db/migrations/versions/0002_regional_notes_readiness.py",
    ):
        assert required in names, required
    assert not any(n.startswith(("tests/", "resources/")) for n in names)


@pytest.mark.slow
def test_installed_wheel_imports_and_exports_from_an_unrelated_folder(wheel, tmp_path):
    from tests.conftest import REFERENCE

    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target), str(wheel)],
        check=True,
        capture_output=True,
    )
    work = tmp_path / "elsewhere"
    work.mkdir()
    env = {**os.environ, "PYTHONPATH": str(target), "HOSPITALITY_DB": str(work / "db.sqlite3")}

    def app(*args):
        return subprocess.run(
            [sys.executable, "-m", "hospitality_app", *args],
            cwd=work,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout

    where = subprocess.run(
        [sys.executable, "-c", "import hospitality_app.resources as r; print(r.__file__)"],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert where.startswith(str(target))
    assert app("import", str(REFERENCE)).splitlines()[-1] == "1"
    assert '"country": "ID"' in app("list", "--json")
    app("export", "1", "-o", "out.json")
    exported = json.loads((work / "out.json").read_text(encoding="utf-8"))
    assert exported == json.loads(REFERENCE.read_text(encoding="utf-8"))


def test_core_runs_without_qt(tmp_path):
    """Everything but hospitality_app.ui must work with PySide6 absent (napari's rule)."""
    from tests.conftest import REFERENCE

    script = f"""
import sys
sys.modules["PySide6"] = None  # any import of PySide6 now fails
from hospitality_app.app import main
code = main(["--db", {str(tmp_path / "x.sqlite3")!r}, "import", {str(REFERENCE)!r}])
code |= main(["--db", {str(tmp_path / "x.sqlite3")!r}, "check", "1", "--json"])
assert not any(m.startswith("PySide6") and sys.modules[m] for m in sys.modules)
sys.exit(code)
"""
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_no_module_outside_ui_imports_qt():
    offenders = []
    for path in (ROOT / "hospitality_app").rglob("*.py"):
        if "ui" in path.relative_to(ROOT / "hospitality_app").parts:
            continue
        text = path.read_text(encoding="utf-8")
        uses_qt = "import PySide6" in text or "from PySide6" in text or "hospitality_app.ui" in text
        if uses_qt and path.name != "app.py":
            offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def test_every_message_is_translated():
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        from update_catalog import messages
    finally:
        sys.path.pop(0)
    from babel.messages.pofile import read_po
    from hospitality_app.resources import resource

    with resource("locale", "zh_CN", "LC_MESSAGES", "messages.po").open("rb") as handle:
        catalog = read_po(handle)

    def translated(message) -> bool:
        string = message.string if message else ""
        return all(string) if isinstance(string, tuple) else bool(string)

    missing = [m for m in messages() if not translated(catalog.get(m))]
    assert missing == []
    QtCore = pytest.importorskip("PySide6.QtCore", reason="the core's own run has no Qt")
    QLocale = QtCore.QLocale

    assert QLocale("zh_CN").language() == QLocale.Language.Chinese


def test_ruff_is_clean():
    pytest.importorskip("ruff", reason="a linter, not a dependency of the core's own run")
    result = subprocess.run([sys.executable, "-m", "ruff", "check", str(ROOT)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
