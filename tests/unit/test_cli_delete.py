"""`delete VISIT [--cancellations FILE.ics]`: the visit goes, and with the option its calendar
events are withdrawn first — or nothing happens at all."""

from __future__ import annotations

import re
from dataclasses import replace

from tests.unit.cli_support import run


def test_the_cancellations_withdraw_every_event_ever_sent(capsys, reference_db_file, tmp_path):
    sent = tmp_path / "sent.ics"
    assert run(capsys, "--db", reference_db_file, "ics", "1", "-o", str(sent))[0] == 0
    uids = re.findall(r"UID:(\S+)", sent.read_text(encoding="utf-8"))
    withdrawn = tmp_path / "cancel.ics"
    code, out, _ = run(capsys, "--db", reference_db_file, "delete", "1", "--cancellations", str(withdrawn))
    assert code == 0
    assert out.splitlines() == [
        f"Wrote {len(uids)} cancellations to {withdrawn}: send it to everyone who had the calendar",
        "Deleted visit 1 ('PT Sinar Jaya Abadi — first factory visit')",
    ]
    text = withdrawn.read_text(encoding="utf-8")
    found = re.findall(r"UID:(\S+)", text)
    assert len(found) == len(uids) and set(found) == set(uids)  # the same events, each once
    assert text.count("STATUS:CANCELLED") == len(uids) and "BEGIN:VALARM" not in text
    assert re.findall(r"SEQUENCE:(\d+)", text) == ["1"] * len(uids)  # one step past what was sent
    assert run(capsys, "--db", reference_db_file, "list")[1].strip() == "No visits."


def test_a_visit_never_exported_is_deleted_with_nothing_to_withdraw(capsys, reference_db_file, tmp_path):
    target = tmp_path / "cancel.ics"
    code, out, _ = run(capsys, "--db", reference_db_file, "delete", "1", "--cancellations", str(target))
    assert code == 0 and not target.exists()
    assert out.splitlines()[0] == "Nothing of this visit was ever exported to a calendar: no cancellations to write"


def test_a_cancellations_file_that_cannot_be_written_deletes_nothing(capsys, reference_db_file, tmp_path):
    run(capsys, "--db", reference_db_file, "ics", "1", "-o", str(tmp_path / "sent.ics"))
    code, _, err = run(capsys, "--db", reference_db_file, "delete", "1", "--cancellations", reference_db_file)
    assert code == 2 and err.strip().endswith("that is the database file itself; choose another file to write")
    code, _, err = run(
        capsys, "--db", reference_db_file, "delete", "1", "--cancellations", str(tmp_path / "no" / "x.ics")
    )
    assert code == 2 and "cannot write" in err
    assert "PT Sinar Jaya Abadi" in run(capsys, "--db", reference_db_file, "list")[1]


def test_an_unknown_visit_is_one_line(capsys, reference_db_file):
    code, out, err = run(capsys, "--db", reference_db_file, "delete", "7")
    assert (code, out, err.strip()) == (2, "", "hospitality-app: error: visit 7 does not exist")


def test_a_cancelled_visit_exports_only_cancellations_and_comes_back_when_confirmed(
    capsys, reference_db_file, tmp_path
):
    from hospitality_app.db.session import open_database
    from hospitality_app.services import plans

    first = tmp_path / "first.ics"
    run(capsys, "--db", reference_db_file, "ics", "1", "-o", str(first))
    db = open_database(f"sqlite:///{reference_db_file}")

    def set_status(status):
        with db.unit_of_work() as session:
            plan = plans.load_plan(session, 1)
            plans.save(session, replace(plan, status=status))

    try:
        set_status("cancelled")
        off = tmp_path / "off.ics"
        assert run(capsys, "--db", reference_db_file, "ics", "1", "-o", str(off))[0] == 0
        text = off.read_text(encoding="utf-8")
        events = first.read_text(encoding="utf-8").count("BEGIN:VEVENT")
        assert text.count("STATUS:CANCELLED") == events and "STATUS:CONFIRMED" not in text
        assert "BEGIN:VALARM" not in text
        set_status("confirmed")
        on = tmp_path / "on.ics"
        run(capsys, "--db", reference_db_file, "ics", "1", "-o", str(on))
        text = on.read_text(encoding="utf-8")
        assert text.count("STATUS:CONFIRMED") == events and set(re.findall(r"SEQUENCE:(\d+)", text)) == {"2"}
    finally:
        db.dispose()
