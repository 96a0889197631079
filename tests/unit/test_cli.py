"""The command line contract: output, exit codes, and nothing written on bad input."""

from __future__ import annotations

import json

import pytest

from hospitality_app.app import main


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def dbfile(tmp_path):
    return str(tmp_path / "cli.sqlite3")


def test_import_prints_the_id_last_and_export_round_trips(capsys, dbfile, tmp_path, reference_data):
    from tests.conftest import REFERENCE

    code, out, _ = run(capsys, "--db", dbfile, "import", str(REFERENCE))
    assert code == 0 and out.strip().splitlines()[-1] == "1"
    target = tmp_path / "out.json"
    code, _, _ = run(capsys, "--db", dbfile, "export", "1", "-o", str(target))
    assert code == 0
    assert json.loads(target.read_text(encoding="utf-8")) == reference_data


def test_list_json(capsys, dbfile):
    from tests.conftest import REFERENCE

    run(capsys, "--db", dbfile, "import", str(REFERENCE))
    code, out, _ = run(capsys, "--db", dbfile, "list", "--json")
    rows = json.loads(out)
    assert code == 0
    assert [(r["id"], r["company"], r["country"], r["start"], r["sales_lead"]) for r in rows] == [
        (1, "PT Sinar Jaya Abadi", "ID", "2026-12-03T09:00:00+08:00", "Li Wei")
    ]


def test_check_json_and_text(capsys, dbfile):
    from tests.conftest import REFERENCE

    run(capsys, "--db", dbfile, "import", str(REFERENCE))
    code, out, _ = run(capsys, "--db", dbfile, "check", "1", "--json", "--now", "2026-11-22T09:00")
    found = json.loads(out)
    assert code == 0
    assert sorted(f["code"] for f in found) == sorted(
        [
            "dietary.forbidden",
            "dietary.forbidden",
            "dietary.allergen",
            "pickup.driver_late",
            "hotel.too_far",
            "tour.missing_roles",
        ]
    )
    assert all({"code", "severity", "message", "target"} <= set(f) for f in found)
    code, out, _ = run(capsys, "--db", dbfile, "--lang", "zh_CN", "check", "1", "--now", "2026-11-22T09:00")
    assert "错误 (4):" in out and "[tour.missing_roles] 参观工厂缺少负责人：后门。" in out


def test_bad_import_exits_2_and_writes_nothing(capsys, tmp_path, reference_data):
    reference_data["visitors"][1]["dietary"][0] = "halall"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(reference_data), encoding="utf-8")
    dbfile = tmp_path / "never.sqlite3"
    code, out, err = run(capsys, "--db", str(dbfile), "import", str(bad))
    assert code == 2 and out == ""
    assert err.strip() == (
        f"hospitality-app: error: {bad}: visitors[1].dietary[0]: unknown "
        "restriction 'halall' (expected one of: halal, kosher, vegetarian, "
        "vegan, no_pork, no_beef, no_alcohol)"
    )
    assert not dbfile.exists()


def test_bad_import_leaves_an_existing_database_unchanged(capsys, dbfile, tmp_path, reference_data):
    from tests.conftest import REFERENCE

    run(capsys, "--db", dbfile, "import", str(REFERENCE))
    reference_data["meals"][0]["attendees"].append("Stranger")
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(reference_data), encoding="utf-8")
    assert run(capsys, "--db", dbfile, "import", str(bad))[0] == 2
    _, out, _ = run(capsys, "--db", dbfile, "list", "--json")
    assert len(json.loads(out)) == 1


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["export", "7", "-o", "x.json"], "visit 7 does not exist"),
        (["check", "7"], "visit 7 does not exist"),
        (["import", "missing.json"], "missing.json: no such file"),
    ],
)
def test_bad_input_gives_one_line_and_exit_2(capsys, dbfile, argv, message):
    code, _, err = run(capsys, "--db", dbfile, *argv)
    assert code == 2
    assert err.count("\n") == 1 and message in err


def test_argument_errors_exit_2(capsys, dbfile):
    with pytest.raises(SystemExit) as caught:
        main(["--db", dbfile, "check", "abc"])
    assert caught.value.code == 2
    assert "not a visit id: 'abc'" in capsys.readouterr().err


def test_bad_now_and_bad_database_folder(capsys, dbfile, tmp_path):
    from tests.conftest import REFERENCE

    run(capsys, "--db", dbfile, "import", str(REFERENCE))
    code, _, err = run(capsys, "--db", dbfile, "check", "1", "--now", "soon")
    assert code == 2 and "--now: not a date and time: 'soon'" in err
    code, _, err = run(capsys, "--db", str(tmp_path / "no" / "such" / "x.sqlite3"), "list")
    assert code == 2 and "does not exist" in err


def test_default_database_lives_in_the_user_data_folder(capsys, isolated_home):
    code, out, _ = run(capsys, "demo")
    assert code == 0 and out.startswith("Added 12 demo visits")
    assert list(isolated_home.rglob("hospitality.sqlite3"))


def test_demo_bulk_visits(capsys, dbfile):
    code, out, _ = run(capsys, "--db", dbfile, "demo", "--visits", "500")
    assert code == 0 and "Added 500 generated visits." in out
    _, out, _ = run(capsys, "--db", dbfile, "list", "--json")
    assert len(json.loads(out)) == 512


def test_ics_command(capsys, dbfile, tmp_path):
    from tests.conftest import REFERENCE

    run(capsys, "--db", dbfile, "import", str(REFERENCE))
    target = tmp_path / "visit.ics"
    code, out, _ = run(capsys, "--db", dbfile, "ics", "1", "-o", str(target), "--staff", "Chen Jie")
    assert code == 0 and out.strip() == f"Wrote 2 events and 0 to-dos to {target}"
    assert target.read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")
    code, _, err = run(capsys, "--db", dbfile, "ics", "1", "-o", str(target), "--staff", "Nobody")
    assert code == 2 and "'Nobody' is not a host of visit 1" in err
    code, _, err = run(capsys, "--db", dbfile, "ics", "1", "-o", str(tmp_path / "no" / "x.ics"))
    assert code == 2 and "cannot write" in err


def test_checklist_command(capsys, dbfile):
    from tests.conftest import REFERENCE

    run(capsys, "--db", dbfile, "import", str(REFERENCE))
    code, out, _ = run(
        capsys,
        "--db",
        dbfile,
        "checklist",
        "1",
        "--apply",
        "standard",
        "key_account",
        "--json",
        "--now",
        "2026-11-25T09:00",
    )
    data = json.loads(out)
    assert code == 0 and data["added"] == 27 and data["total"] == 27 and data["overdue"] == 2
    first = next(i for i in data["items"] if i["title"].startswith("Offer to book the hotel"))
    assert (first["due"], first["assignee_role"], first["overdue"]) == ("2026-11-18T21:35:00+08:00", "sales_lead", True)
    code, out, _ = run(capsys, "--db", dbfile, "--lang", "zh_CN", "checklist", "1", "--now", "2026-11-25T09:00")
    assert (
        "来访前 (0%)" in out
        and "[!] 2026-11-18 21:35  主动询问是否需要帮忙预订酒店，问清人数和房型  (业务负责人)" in out
    )
    code, _, err = run(capsys, "--db", dbfile, "checklist", "1", "--apply", "bogus")
    assert code == 2 and "unknown template 'bogus'" in err


def test_a_second_import_says_which_shared_records_it_changed(capsys, dbfile, tmp_path, reference_data):
    from tests.conftest import REFERENCE

    run(capsys, "--db", dbfile, "import", str(REFERENCE))
    later = json.loads(json.dumps(reference_data))
    later["visit"].update(title="Second visit", start="2027-03-01T09:00", end="2027-03-02T17:00")
    for key in ("pickups", "hotel_stays", "meals", "agenda"):
        later[key] = []
    later.pop("tour")
    later["visitors"][1]["allergies"] = ["shellfish", "peanuts"]
    for visitor in later["visitors"]:
        if visitor["name"] != "Siti Rahmawati":
            visitor.pop("dietary")  # absent: kept as stored
    path = tmp_path / "later.json"
    path.write_text(json.dumps(later), encoding="utf-8")
    code, out, err = run(capsys, "--db", dbfile, "import", str(path))
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "Imported visit 'Second visit' (PT Sinar Jaya Abadi, ID).",
        "Updated visitor 'Siti Rahmawati': allergies",
        "2",
    ]
    code, out, _ = run(capsys, "--db", dbfile, "check", "1", "--json", "--now", "2026-11-22T09:00")
    assert sum(f["code"] == "dietary.forbidden" for f in json.loads(out)) == 2  # Budi is still halal


def test_an_import_says_whom_a_checklist_added_to_the_staff(capsys, dbfile, tmp_path, reference_data):
    data = json.loads(json.dumps(reference_data))
    data["checklist"] = [
        {"phase": "before", "title": "Book the hotel", "assignee": "Huang Lei"},  # a colleague, not a host
        {"phase": "before", "title": "Print the sign", "assignee": "Li Wei", "done_by": "Huang Lei"},
        {"phase": "before", "title": "Call the driver", "assignee": "Li Wie", "done_at": "2026-11-30T10:00"},
    ]
    path = tmp_path / "checklist.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    code, out, err = run(capsys, "--db", dbfile, "import", str(path))
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        f"Imported visit {data['visit']['title']!r} (PT Sinar Jaya Abadi, ID).",
        "Added staff member 'Huang Lei' (checklist[0].assignee), who is not a host of this visit: "
        "check the name on the Staff page",
        "Added staff member 'Li Wie' (checklist[2].assignee), who is not a host of this visit: "
        "check the name on the Staff page",
        "1",
    ]
    code, out, _ = run(capsys, "--db", dbfile, "import", str(path))  # they are on the staff now
    assert (code, out.splitlines()[1:]) == (0, ["2"])


@pytest.mark.parametrize("suffix", ["", "-wal", "-shm"])
def test_no_command_writes_over_the_database(capsys, dbfile, suffix):
    from pathlib import Path

    from tests.conftest import REFERENCE

    run(capsys, "--db", dbfile, "import", str(REFERENCE))
    before = Path(dbfile).read_bytes()
    for command in (["export", "1"], ["ics", "1"], ["letter", "1"]):
        code, _, err = run(capsys, "--db", dbfile, *command, "-o", dbfile + suffix)
        assert code == 2
        refused = "that is the database file itself; choose another file to write"
        assert err == f"hospitality-app: error: {dbfile}{suffix}: {refused}\n"
    assert Path(dbfile).read_bytes() == before


def _exit_of(argv: list[str], capsys) -> tuple[int, str]:
    """Exit code and stderr, whether the parser exits or main returns."""
    try:
        code = main(argv)
    except SystemExit as stop:
        code = stop.code
    return code, capsys.readouterr().err


BIG = str(2**63)
SUPPORTED = "(a file path, sqlite:///… or postgresql://…)"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["check", "0"],
            "check: VISIT: not a visit id: '0' (ids are numbers, see 'list'); usage: hospitality-app check --help",
        ),
        (
            ["check", BIG],
            f"check: VISIT: not a visit id: '{BIG}' (ids are numbers, see 'list'); usage: hospitality-app check --help",
        ),
        (
            ["export", "9" * 30, "-o", "x.json"],
            f"export: VISIT: not a visit id: '{'9' * 30}' (ids are numbers, see 'list'); "
            "usage: hospitality-app export --help",
        ),
        (["check", str(2**63 - 1)], f"visit {2**63 - 1} does not exist"),
        (["ics", "1"], "ics: the following arguments are required: -o/--output; usage: hospitality-app ics --help"),
        (
            ["ics", "1", "-o", "x.ics", "--reminder", "10081"],
            "ics: --reminder: at most 10080: '10081'; usage: hospitality-app ics --help",
        ),
        (
            ["ics", "1", "-o", "x.ics", "--reminder", "-1"],
            "ics: --reminder: must not be negative: '-1'; usage: hospitality-app ics --help",
        ),
        (
            ["frobnicate"],
            "COMMAND: invalid choice: 'frobnicate' (choose from 'import', 'export', 'schema', 'list', 'dashboard', "
            "'check', 'ics', 'delete', 'checklist', 'letter', 'sign', 'brief', 'itinerary', 'settings', 'team', "
            "'copy', 'notes', 'demo'); "
            "usage: hospitality-app --help",
        ),
        (["list", "extra"], "unrecognized arguments: extra; usage: hospitality-app --help"),
        (
            ["--lang", "xx", "list"],
            "--lang: not a language of the interface: 'xx' (en or zh_CN); usage: hospitality-app --help",
        ),
        (
            ["letter", "1", "-o", "x.pdf", "--locale", "klingon"],
            "letter: --locale: unknown locale: 'klingon' (like de_DE, ar_SA or zh_CN); "
            "usage: hospitality-app letter --help",
        ),
        (
            ["itinerary", "1", "-o", "x.pdf", "--locale", "../../etc/passwd"],
            "itinerary: --locale: unknown locale: '../../etc/passwd' (like de_DE, ar_SA or zh_CN); "
            "usage: hospitality-app itinerary --help",
        ),
        (
            ["notes", "XX"],
            "notes: COUNTRY: not a country code: 'XX' (ISO 3166, such as ID or DE); "
            "usage: hospitality-app notes --help",
        ),
        (
            ["notes", "I"],
            "notes: COUNTRY: not a country code: 'I' (ISO 3166, such as ID or DE); usage: hospitality-app notes --help",
        ),
        (
            ["ics", "1", "-o", "x.ics", "--staff", "Li\nWei"],
            "--staff: 'Li\\nWei' is not a host of visit 1 (hosts: Li Wei, Zhang Min, Chen Jie, Wang Fang)",
        ),
        (
            ["demo", "--visits", "1000001"],
            "demo: --visits: at most 1000000: '1000001'; usage: hospitality-app demo --help",
        ),
        (["team"], "team: the following arguments are required: ACTION; usage: hospitality-app team --help"),
        (["copy", "--to", "garbage://x"], f"--to: 'garbage' databases are not supported {SUPPORTED}"),
    ],
)
def test_each_bad_command_line_gets_its_one_line(capsys, dbfile, argv, message):
    from tests.conftest import REFERENCE

    assert main(["--db", dbfile, "import", str(REFERENCE)]) == 0
    capsys.readouterr()
    code, err = _exit_of(["--db", dbfile, *argv], capsys)
    assert (code, err) == (2, f"hospitality-app: error: {message}\n")


@pytest.mark.parametrize(
    ("db", "message"),
    [
        ("garbage://x", f"--db: 'garbage' databases are not supported {SUPPORTED}"),
        ("mysql://user@host/db", f"--db: 'mysql' databases are not supported {SUPPORTED}"),
        ("postgresql+nodriver://u@h/d", "--db: the driver 'postgresql+nodriver' is not installed (use postgresql://…)"),
    ],
)
def test_unknown_kinds_of_database_are_named(capsys, db, message):
    assert _exit_of(["--db", db, "list"], capsys) == (2, f"hospitality-app: error: {message}\n")


def test_files_that_are_no_database_are_refused_and_left_alone(capsys, tmp_path):
    text = tmp_path / "notes.db"
    text.write_text("my shopping list\n")
    folder = tmp_path / "folder.db"
    folder.mkdir()
    cases = [
        (text, f"cannot open the database {text}: the database file is damaged (file is not a database)"),
        (folder, f"--db: {str(folder)!r} is a folder, not a database file"),
    ]
    for path, message in cases:
        assert _exit_of(["--db", str(path), "list"], capsys) == (2, f"hospitality-app: error: {message}\n")
    assert text.read_text() == "my shopping list\n" and list(folder.iterdir()) == []


def test_without_a_display_the_window_says_so(capsys, monkeypatch):
    monkeypatch.setattr("sys.platform", "linux")
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    assert _exit_of([], capsys) == (
        2,
        "hospitality-app: error: no display to open the window on (DISPLAY is not set); "
        "the commands work without one\n",
    )


def test_a_database_where_one_may_not_write_or_read_says_so(capsys, tmp_path, monkeypatch):
    import os

    locked = tmp_path / "locked"
    locked.mkdir()
    existing = tmp_path / "secret.sqlite3"
    assert main(["--db", str(existing), "list"]) == 0
    capsys.readouterr()
    # The tests may run as root, whom the file system lets do anything: ask the question instead.
    real = os.access
    denied = {str(locked): os.W_OK, str(existing): os.R_OK}
    monkeypatch.setattr(os, "access", lambda p, mode: not (denied.get(str(p), 0) & mode) and real(p, mode))
    assert _exit_of(["--db", str(locked / "new.sqlite3"), "list"], capsys) == (
        2,
        f"hospitality-app: error: --db: cannot create a database in {str(locked)!r}: no permission to write there\n",
    )
    assert _exit_of(["--db", str(existing), "list"], capsys) == (
        2,
        f"hospitality-app: error: --db: cannot read {str(existing)!r}: no permission\n",
    )
    assert list(locked.iterdir()) == []
