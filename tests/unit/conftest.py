"""Fixtures the core's tests share."""

from __future__ import annotations

import pytest

from hospitality_app.app import main
from tests.conftest import REFERENCE


@pytest.fixture
def reference_db_file(tmp_path, capsys):
    """A database file holding the reference visit (id 1), made by the command line."""
    path = str(tmp_path / "cli.sqlite3")
    assert main(["--db", path, "import", str(REFERENCE)]) == 0
    capsys.readouterr()
    return path
