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


def node(script: str, path: Path) -> str:
    """What tests/js/`script` prints about the file at `path`."""
    return subprocess.run(["node", str(JS / script), str(path)], capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="session")
def icaljs():
    """What Thunderbird's parser (ical.js) reads from an .ics file: a dict for each event."""
    node_modules()
    return lambda path: json.loads(node("parse_ics.mjs", path))


@pytest.fixture(scope="session")
def pdfjs():
    """The text of a PDF as Firefox's viewer (pdf.js) gives it when copied: a list of lines."""
    node_modules()
    return lambda path: json.loads(node("pdf_text.mjs", path).splitlines()[-1])
