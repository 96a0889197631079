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
