"""The readiness check's findings in a list, as the side panel and the planner show them: an
icon for the severity, the message and where it is; the finding's target and code in the item.
And the titled boxes the two windows put them (and the regional notes) in."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QStyle, QVBoxLayout, QWidget

from hospitality_app.i18n import _

SEVERITY_ICON = {
    "error": QStyle.SP_MessageBoxCritical,
    "warning": QStyle.SP_MessageBoxWarning,
    "info": QStyle.SP_MessageBoxInformation,
}


def where(finding) -> str:
    """The part of the plan a finding is about, as a line to read: "Meal 1 (lunch …) › dish …",
    not the path-like "meal 1 (lunch …) / dish …" the command line prints."""
    text = (finding.subject or _place(finding.target)).replace(" / ", " › ")
    return text[:1].upper() + text[1:]


def _place(target: str) -> str:
    """A finding's target in words when the rule named no subject ("the follow-up (letter sent)",
    a day as the interface writes days), never the path the JSON carries."""
    from datetime import date

    from hospitality_app.formats import day_text
    from hospitality_app.ui.planner.describe import part_label

    if target.startswith("day:"):
        try:
            return day_text(date.fromisoformat(target.removeprefix("day:")))
        except ValueError:
            return target
    return part_label(target)


def finding_text(finding) -> str:
    """The message, and under it where the finding is unless the message names that already
    (the meal's name said twice, once in the sentence and once below it)."""
    place = where(finding)
    message = finding.message.casefold()
    if all(part.casefold() in message for part in place.split(" › ")):
        return finding.message
    return f"{finding.message}\n{place}"


def show_findings(view: QListWidget, found) -> None:
    view.clear()
    style = view.style()
    for f in found:
        text = finding_text(f)
        item = QListWidgetItem(style.standardIcon(SEVERITY_ICON[f.severity]), text)
        item.setToolTip(text)  # the whole of it, where the list cuts it short
        item.setData(Qt.UserRole, f.target)
        item.setData(Qt.UserRole + 1, f.code)
        view.addItem(item)
    if not found:
        view.addItem(QListWidgetItem(style.standardIcon(QStyle.SP_DialogApplyButton), _("Ready: no findings.")))


def titled(parent: QWidget, title: str, widget: QWidget, *, margin: int = 6) -> QWidget:
    box = QWidget(parent)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(margin, margin, margin, margin)
    layout.addWidget(QLabel(f"<b>{title}</b>", box))
    layout.addWidget(widget)
    return box
