"""The text of a multi-line text box as the user typed it."""

from __future__ import annotations

from PySide6.QtWidgets import QPlainTextEdit, QTextEdit


def typed_text(box: QPlainTextEdit | QTextEdit) -> str:
    """`box`'s text, its no-break spaces kept: Qt's toPlainText() makes them spaces, so a Thai
    date drafted as "27 มีนาคม พ.ศ. 2570" with no-break spaces, edited in the letter's box,
    broke across lines ("พ.ศ." / "2570"), and a text holding one never matched what was saved."""
    return box.document().toRawText().replace("\u2029", "\n").replace("\u2028", "\n")
