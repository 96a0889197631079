"""The readiness list says where a finding is in words, and its tooltip holds the whole of it:
never the path or the code the JSON carries."""

from __future__ import annotations

from PySide6.QtWidgets import QListWidget

from hospitality_app.rules.finding import WARNING, Finding
from hospitality_app.ui.findings_list import show_findings


def test_places_in_words_and_tooltips_without_codes(qtbot):
    view = QListWidget()
    qtbot.add_widget(view)
    letter = Finding("followup.letter_overdue", WARNING, "No thank-you letter.", "follow_up.letter_sent")
    holiday = Finding("calendar.host_holiday", WARNING, "A holiday.", "day:2027-10-01", "")
    named = Finding("dietary.allergen", WARNING, "Prawns.", "meals[0].dishes[1]", "meal 1 (lunch) / dish “Prawns”")
    show_findings(view, [letter, holiday, named])
    texts = [view.item(i).text() for i in range(3)]
    assert texts == [
        "No thank-you letter.\nThe follow-up (thank-you letter sent)",
        "A holiday.\n1 Oct 2027",
        "Prawns.\nMeal 1 (lunch) › dish “Prawns”",
    ]
    assert [view.item(i).toolTip() for i in range(3)] == texts
    assert view.item(1).data(0x0100) == "day:2027-10-01"  # Qt.UserRole: where a click goes


def test_where_is_not_said_again_when_the_message_names_it(qtbot):
    view = QListWidget()
    qtbot.add_widget(view)
    said = Finding(
        "religion.sabbath_meal",
        WARNING,
        "Meal 1 (dinner 22 Jan, 19:30) falls in David Cohen's Sabbath.",
        "meals[0]",
        "meal 1 (dinner 22 Jan, 19:30)",
    )
    half = Finding(
        "schedule.overlap", WARNING, "Meal 1 (lunch) overlaps.", "agenda[2]", "meal 1 (lunch) / agenda item “Talks”"
    )
    show_findings(view, [said, half])
    assert view.item(0).text() == "Meal 1 (dinner 22 Jan, 19:30) falls in David Cohen's Sabbath."
    assert view.item(1).text() == "Meal 1 (lunch) overlaps.\nMeal 1 (lunch) › agenda item “Talks”"  # part of it only
