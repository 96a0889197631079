"""`import FILE.json --into VISIT`: the visit keeps its id and its calendar history, so the next
calendar updates what moved and cancels what went, instead of duplicating everything."""

from __future__ import annotations

import json
import re

from tests.conftest import REFERENCE
from tests.unit.cli_support import run


def changed_file(tmp_path, change) -> str:
    data = json.loads(REFERENCE.read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "changed.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


def sequences(text: str) -> dict[str, tuple[int, str]]:
    blocks = re.findall(r"BEGIN:VEVENT(.*?)END:VEVENT", text, re.S)
    return {
        re.search(r"SUMMARY:(.*)", b).group(1).strip(): (
            int(re.search(r"SEQUENCE:(\d+)", b).group(1)),
            re.search(r"STATUS:(\w+)", b).group(1),
        )
        for b in blocks
    }


def test_a_moved_meal_raises_its_own_sequence_and_a_removed_item_is_cancelled(capsys, reference_db_file, tmp_path):
    first = tmp_path / "first.ics"
    run(capsys, "--db", reference_db_file, "ics", "1", "-o", str(first))

    def change(data):
        data["meals"][0]["start"], data["meals"][0]["end"] = "2026-12-03T12:30", "2026-12-03T13:45"
        del data["agenda"][-1]  # no group photo after all

    code, out, _ = run(capsys, "--db", reference_db_file, "import", changed_file(tmp_path, change), "--into", "1")
    assert code == 0 and out.strip().splitlines()[-1] == "1"
    assert run(capsys, "--db", reference_db_file, "list", "--json")[1].count('"id"') == 1  # replaced, not added
    second = tmp_path / "second.ics"
    run(capsys, "--db", reference_db_file, "ics", "1", "-o", str(second))
    before, after = sequences(first.read_text(encoding="utf-8")), sequences(second.read_text(encoding="utf-8"))
    assert set(before) == set(after)  # the same events: none duplicated
    moved = {name for name in after if after[name] != before[name]}
    assert moved == {"Lunch with PT Sinar Jaya Abadi", "Group photo in the showroom — PT Sinar Jaya Abadi"}
    assert after["Lunch with PT Sinar Jaya Abadi"] == (1, "CONFIRMED")
    assert after["Group photo in the showroom — PT Sinar Jaya Abadi"] == (1, "CANCELLED")


def test_a_file_without_a_checklist_leaves_the_visit_s_checklist(capsys, reference_db_file, tmp_path):
    assert run(capsys, "--db", reference_db_file, "checklist", "1", "--apply", "standard")[0] == 0
    items = json.loads(run(capsys, "--db", reference_db_file, "checklist", "1", "--json")[1])
    assert len(items["items"]) > 10
    run(capsys, "--db", reference_db_file, "import", changed_file(tmp_path, lambda data: None), "--into", "1")
    assert json.loads(run(capsys, "--db", reference_db_file, "checklist", "1", "--json")[1])["items"] == items["items"]
    run(
        capsys,
        "--db",
        reference_db_file,
        "import",
        changed_file(tmp_path, lambda data: data.update(checklist=[])),
        "--into",
        "1",
    )
    assert json.loads(run(capsys, "--db", reference_db_file, "checklist", "1", "--json")[1])["items"] == []


def test_an_unknown_visit_is_one_line_and_nothing_is_added(capsys, reference_db_file):
    code, out, err = run(capsys, "--db", reference_db_file, "import", str(REFERENCE), "--into", "9")
    assert (code, out, err.strip()) == (2, "", "hospitality-app: error: visit 9 does not exist")
    assert run(capsys, "--db", reference_db_file, "list", "--json")[1].count('"id"') == 1
