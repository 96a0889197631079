"""Lists of labels in a cell or a line: the interface language's own separator."""

from __future__ import annotations

import pytest

from hospitality_app.i18n import current_language, list_text, set_language


@pytest.fixture
def language():
    before = current_language()
    yield set_language
    set_language(before)


@pytest.mark.parametrize(
    ("lang", "items", "shown"),
    [
        ("en", [], ""),
        ("en", ["Halal"], "Halal"),
        ("en", ["Fish", "Soy"], "Fish, Soy"),
        ("en", ["Sales lead", "Guide", "Driver"], "Sales lead, Guide, Driver"),
        ("zh_CN", ["鱼", "大豆", "猪肉"], "鱼、大豆、猪肉"),
        ("zh_CN", ["清真"], "清真"),
    ],
)
def test_a_list_uses_the_language_s_separator(language, lang, items, shown):
    language(lang)
    assert list_text(items) == shown


@pytest.mark.parametrize(
    ("lang", "code", "shown"),
    [
        ("en", "door_front", "Front door keeper"),  # what the code says badly is said in words
        ("en", "in_progress", "In progress"),  # the others: the code made readable
        ("zh_CN", "door_front", "前门"),
        ("zh_CN", "halal", "清真"),
    ],
)
def test_a_code_is_shown_as_a_label(language, lang, code, shown):
    from hospitality_app.i18n import label

    language(lang)
    assert label(code) == shown


def test_a_list_in_a_language_named_not_the_interface_s(language):
    language("en")
    assert list_text(["讲解", "后门"], "zh_CN") == "讲解、后门"
