"""`copy --to`: a visit moved to the team database keeps the calendar UIDs its people's calendars
know, so the team's next export updates those events instead of adding a second set."""

from __future__ import annotations

import re

from tests.unit.cli_support import run


def events(text: str) -> dict[str, tuple[str, int, str]]:
    """SUMMARY → (UID, SEQUENCE, STATUS) of every event of an .ics text."""
    found = {}
    for block in re.findall(r"BEGIN:VEVENT(.*?)END:VEVENT", text, re.S):
        unfolded = block.replace("\r\n ", "")
        found[re.search(r"SUMMARY:(.*)", unfolded).group(1).strip()] = (
            re.search(r"UID:(.*)", unfolded).group(1).strip(),
            int(re.search(r"SEQUENCE:(\d+)", unfolded).group(1)),
            re.search(r"STATUS:(\w+)", unfolded).group(1),
        )
    return found


def test_copied_visit_updates_the_same_events(capsys, reference_db_file, tmp_path):
    laptop, team = reference_db_file, f"sqlite:///{tmp_path / 'team.sqlite3'}"
    before = tmp_path / "before.ics"
    run(capsys, "--db", laptop, "ics", "1", "-o", str(before))
    sent = events(before.read_text(encoding="utf-8"))
    assert len(sent) >= 10 and {seq for _uid, seq, _status in sent.values()} == {0}

    code, out, err = run(capsys, "--db", laptop, "copy", "--to", team)
    assert (code, out.strip(), err) == (0, "Copied 1 visits; 0 were already there.", "")
    after = tmp_path / "after.ics"
    assert run(capsys, "--db", team, "ics", "1", "-o", str(after))[0] == 0
    again = events(after.read_text(encoding="utf-8"))
    assert again == sent  # the same UIDs, nothing changed: the same SEQUENCE


def test_after_the_copy_a_moved_item_raises_only_its_own_sequence(capsys, reference_db_file, tmp_path):
    laptop, team = reference_db_file, f"sqlite:///{tmp_path / 'team.sqlite3'}"
    before = tmp_path / "before.ics"
    run(capsys, "--db", laptop, "ics", "1", "-o", str(before))
    sent = events(before.read_text(encoding="utf-8"))
    run(capsys, "--db", laptop, "copy", "--to", team)
    moved = tmp_path / "moved.json"
    run(capsys, "--db", team, "export", "1", "-o", str(moved))
    moved.write_text(moved.read_text(encoding="utf-8").replace("2026-12-03T19:00", "2026-12-03T19:30"), "utf-8")
    assert run(capsys, "--db", team, "import", str(moved), "--into", "1")[0] == 0
    after = tmp_path / "after.ics"
    run(capsys, "--db", team, "ics", "1", "-o", str(after))
    again = events(after.read_text(encoding="utf-8"))
    changed = {title for title in sent if again[title] != sent[title]}
    assert changed == {"Dinner with PT Sinar Jaya Abadi"}
    assert all(again[t][0] == sent[t][0] for t in sent)  # every UID kept


def test_an_item_cancelled_before_the_copy_stays_cancellable_after_it(capsys, reference_db_file, tmp_path):
    laptop, team = reference_db_file, f"sqlite:///{tmp_path / 'team.sqlite3'}"
    run(capsys, "--db", laptop, "ics", "1", "-o", str(tmp_path / "first.ics"))
    run(capsys, "--db", team, "list")  # an empty team database, made before the copy
    run(capsys, "--db", laptop, "copy", "--to", team)
    run(capsys, "--db", team, "delete", "1", "--cancellations", str(tmp_path / "gone.ics"))
    gone = events((tmp_path / "gone.ics").read_text(encoding="utf-8"))
    first = events((tmp_path / "first.ics").read_text(encoding="utf-8"))
    assert {t: uid for t, (uid, _s, _st) in gone.items()} == {t: uid for t, (uid, _s, _st) in first.items()}
    assert {status for _uid, _seq, status in gone.values()} == {"CANCELLED"}
