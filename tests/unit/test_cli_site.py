"""The site's settings on the command line, and the check reading them."""

from __future__ import annotations

import json

import pytest

from hospitality_app.app import main
from tests.unit.cli_support import run


def test_site_settings_are_stored_and_bad_ones_refused_in_one_line(capsys, reference_db_file):
    db = reference_db_file
    assert run(capsys, "--db", db, "settings", "site.location", "24.48,118.09")[:2] == (
        0,
        "site.location = 24.48,118.09\n",
    )
    code, out, err = run(capsys, "--db", db, "settings", "factory.closures", "2026-12-03/2026-12-01")
    assert (code, out) == (2, "")
    assert err == "hospitality-app: error: factory.closures: '2026-12-03/2026-12-01' ends before it starts\n"
    code, out, _ = run(capsys, "--db", db, "settings")
    assert "factory.closures = \n" in out and "site.country = \n" in out and "company.name = " in out


def test_a_shutdown_set_on_the_command_line_reaches_the_check(capsys, reference_db_file):
    db = reference_db_file
    assert run(capsys, "--db", db, "settings", "factory.closures", "2026-12-03/2026-12-04")[0] == 0
    _code, out, _ = run(capsys, "--db", db, "check", "1", "--json", "--now", "2026-11-22T09:00")
    closed = [f for f in json.loads(out) if f["code"] == "calendar.factory_closed"]
    assert [(f["severity"], f["target"]) for f in closed] == [("error", "tour")]


def test_version_names_the_calendar_data(capsys):
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    out = capsys.readouterr().out
    assert exited.value.code == 0
    assert out.startswith("hospitality-app ") and "public holidays: holidays 0." in out and "hijridate" in out
