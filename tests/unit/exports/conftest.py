"""Fixtures the calendar and document tests share."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

JS = Path(__file__).resolve().parents[2] / "js"


@pytest.fixture(scope="session")
def icaljs():
    if shutil.which("node") is None or shutil.which("npm") is None:
        pytest.skip("Node.js is not installed")
    if not (JS / "node_modules" / "ical.js").exists():
        subprocess.run(
            ["npm", "install", "--no-audit", "--no-fund", "--silent"],
            cwd=JS,
            check=True,
            capture_output=True,
            timeout=300,
        )

    def parse(path: Path) -> list[dict]:
        result = subprocess.run(
            ["node", str(JS / "parse_ics.mjs"), str(path)], capture_output=True, text=True, check=True
        )
        return json.loads(result.stdout)

    return parse
