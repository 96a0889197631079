"""Fixtures the calendar and document tests share."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

JS = Path(__file__).resolve().parents[2] / "js"


def node_modules() -> None:
    """Mozilla's JavaScript readers, installed once into tests/js (by one test process at a time:
    pytest-xdist runs several)."""
    import fcntl

    if shutil.which("node") is None or shutil.which("npm") is None:
        pytest.skip("Node.js is not installed")
    with (JS / ".install.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not all((JS / "node_modules" / name).exists() for name in ("ical.js", "pdfjs-dist")):
            subprocess.run(
                ["npm", "install", "--no-audit", "--no-fund", "--silent", "--omit=optional"],
                cwd=JS,
                check=True,
                capture_output=True,
                timeout=300,
            )


@pytest.fixture(scope="session")
def icaljs():
    node_modules()

    def parse(path: Path) -> list[dict]:
        result = subprocess.run(
            ["node", str(JS / "parse_ics.mjs"), str(path)], capture_output=True, text=True, check=True
        )
        return json.loads(result.stdout)

    return parse


@pytest.fixture(scope="session")
def pdfjs():
    """The text of a PDF as Firefox's viewer (pdf.js) gives it when copied: a list of lines."""
    node_modules()

    def read(path: Path) -> list[str]:
        result = subprocess.run(
            ["node", str(JS / "pdf_text.mjs"), str(path)], capture_output=True, text=True, check=True
        )
        return json.loads(result.stdout.splitlines()[-1])

    return read
