"""Contents read from a dish's name: whole English words (singular or plural), Chinese anywhere."""

from __future__ import annotations

import pytest

from hospitality_app.services.dish_words import contents_named


@pytest.mark.parametrize(
    ("name", "contents"),
    [
        ("Garlic butter prawns", ("shellfish", "dairy")),
        ("Sweet and sour pork", ("pork",)),
        ("Hand-pulled beef noodles", ("beef", "gluten")),
        ("Kung Pao chicken", ("chicken", "peanuts")),
        ("KUNG  PAO CHICKEN", ("chicken", "peanuts")),  # any case, any spacing
        ("宫保鸡丁", ("chicken", "peanuts")),
        ("红烧肉", ("pork",)),
        ("清蒸石斑鱼", ("fish",)),
        ("Stir-fried seasonal greens", ()),
        ("Eggplant with garlic", ()),  # "egg" only as a word of its own
        ("Egg fried rice", ("eggs",)),
        ("Hamburger", ()),  # not "ham": no guess from inside a word
        ("Shrimp dumplings", ("shellfish", "gluten")),
        ("", ()),
    ],
)
def test_the_name_says_what_the_dish_contains(name, contents):
    assert contents_named(name) == contents
