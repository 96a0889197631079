"""dietary.forbidden, dietary.allergen, dietary.uncertified, meal.alcohol_before_negotiation."""

from __future__ import annotations

from dataclasses import replace

import pytest

from hospitality_app.errors import ValidationError
from hospitality_app.rules.dietary_data import parse_rules, shipped_rules
from hospitality_app.services.dto import DishData, RestaurantData, VisitorData
from tests.unit.rules.helpers import clean_plan, codes, findings


def with_dishes(*dishes, visitors=None, **meal_changes):
    plan = clean_plan()
    meal = replace(plan.meals[0], dishes=tuple(dishes), **meal_changes)
    return replace(plan, meals=(meal,), **({"visitors": visitors} if visitors else {}))


def test_pork_for_a_halal_visitor_is_forbidden():
    found = findings(with_dishes(DishData("Pork buns", ("pork", "gluten"))), "dietary.forbidden")
    assert [(f.target, f.severity) for f in found] == [("meals[0].dishes[0]", "error")]
    assert found[0].message == '"Pork buns" contains pork, which Anna does not eat (halal).'


def test_visitor_not_attending_is_not_concerned():
    plan = with_dishes(DishData("Pork buns", ("pork",)), attendees=("Ben", "Li"))
    assert "dietary.forbidden" not in codes(plan)


@pytest.mark.parametrize(
    ("restriction", "contains", "bad"),
    [
        ("vegetarian", ("chicken",), True),
        ("vegetarian", ("eggs", "dairy"), False),
        ("vegan", ("eggs",), True),
        ("vegan", ("soy",), False),
        ("no_beef", ("beef",), True),
        ("no_beef", ("lamb",), False),
        ("kosher", ("shellfish",), True),
        ("kosher", ("beef", "dairy"), True),
        ("kosher", ("fish", "dairy"), False),
        ("no_alcohol", ("alcohol",), True),
    ],
)
def test_restrictions(restriction, contains, bad):
    visitors = (VisitorData("Anna", dietary=(restriction,)), VisitorData("Ben"))
    plan = with_dishes(
        DishData("Dish", contains),
        visitors=visitors,
        restaurant=RestaurantData("R", halal_certified=True, kosher_certified=True),
    )
    assert ("dietary.forbidden" in codes(plan)) is bad


def test_alcohol_served_at_the_table_is_a_warning_for_halal():
    found = findings(with_dishes(DishData("Rice", ()), alcohol_served=True), "dietary.forbidden")
    assert [(f.severity, f.target) for f in found] == [("warning", "meals[0].alcohol_served")]


def test_allergen():
    found = findings(with_dishes(DishData("Kung pao", ("peanuts", "chicken"))), "dietary.allergen")
    assert [(f.target, f.message) for f in found] == [
        ("meals[0].dishes[0]", '"Kung pao" contains peanuts: Anna is allergic.')
    ]
    assert "dietary.allergen" not in codes(with_dishes(DishData("Rice", ("gluten",))))


def test_uncertified_meat_for_halal():
    plan = with_dishes(DishData("Lemon chicken", ("chicken",)), restaurant=RestaurantData("Canteen"))
    found = findings(plan, "dietary.uncertified")
    assert [(f.target, f.severity) for f in found] == [("meals[0].dishes[0]", "warning")]
    assert "Canteen is not halal-certified" in found[0].message
    fish = with_dishes(DishData("Fish", ("fish",)), restaurant=RestaurantData("Canteen"))
    assert "dietary.uncertified" not in codes(fish)
    certified = with_dishes(DishData("Chicken", ("chicken",)), restaurant=RestaurantData("H", halal_certified=True))
    assert "dietary.uncertified" not in codes(certified)


def test_alcohol_before_negotiation_same_day_only():
    drinks = with_dishes(DishData("Beer", ("alcohol",)), visitors=(VisitorData("Anna"), VisitorData("Ben")))
    found = findings(drinks, "meal.alcohol_before_negotiation")
    assert [f.target for f in found] == ["meals[0]"]
    no_talks = replace(drinks, agenda=drinks.agenda[:2])
    assert "meal.alcohol_before_negotiation" not in codes(no_talks)


def test_dietary_data_validates():
    assert shipped_rules().violations("kosher", ("beef", "dairy")) == ["beef + dairy"]
    with pytest.raises(ValidationError, match=r"\[halal\].forbids"):
        parse_rules('[halal]\nforbids = ["bacon"]\n')
