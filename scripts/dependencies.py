"""Print the project's dependencies (from pyproject.toml), one per line; --without-qt prints
the runtime and test dependencies without PySide6 and pytest-qt, for the core's test run."""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    dependencies = list(project["dependencies"])
    if "--without-qt" in sys.argv:
        dependencies += project["optional-dependencies"]["test"]
        dependencies = [d for d in dependencies if not d.lower().startswith(("pyside6", "shiboken6", "pytest-qt"))]
    print("\n".join(dependencies))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
