"""Validation errors: English with their JSON path on the command line, the same error in the
interface language in the window — the template translated first, then filled."""

from __future__ import annotations

from dataclasses import replace

import pytest

from hospitality_app.errors import ValidationError
from hospitality_app.i18n import set_language
from hospitality_app.services.validation import validate_plan
from hospitality_app.ui.error_text import error_text


@pytest.fixture
def chinese():
    set_language("zh_CN")
    yield
    set_language("en")


def refused(plan) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        validate_plan(plan)
    return caught.value


def test_the_command_line_reads_the_english_message_with_its_path(reference_plan):
    visitors = (*reference_plan.visitors, reference_plan.visitors[0])
    error = refused(replace(reference_plan, visitors=visitors))
    name = reference_plan.visitors[0].name
    assert str(error) == f"visitors[{len(visitors) - 1}].name: visitor {name!r} is listed twice"
    assert error.template == "{what} {name!r} is listed twice"
    assert error.params == {"what": "visitor", "name": name}


def test_the_window_reads_it_in_chinese_with_the_noun_translated(reference_plan, chinese):
    visitors = (*reference_plan.visitors, reference_plan.visitors[0])
    error = refused(replace(reference_plan, visitors=visitors))
    assert error_text(error) == f"访客“{reference_plan.visitors[0].name}”列了两次"
    assert str(error).endswith("is listed twice")  # the command line stays English


def test_numbers_are_filled_after_translation(chinese):
    error = ValidationError(
        "visit.title", "too long: {length:,} characters (at most {limit:,})", length=1234, limit=200
    )
    assert error.message == "too long: 1,234 characters (at most 200)"
    assert error_text(error) == "太长：1,234 个字符（最多 200 个）"


def test_a_message_without_values_is_translated_whole(chinese):
    assert error_text(ValidationError("visitors[0].name", "must not be empty")) == "不能为空"


def test_a_message_the_catalog_lacks_is_shown_as_given(chinese):
    assert error_text(ValidationError("x", "{n} flying elephants", n=3)) == "3 flying elephants"


def test_an_empty_country_is_asked_for_not_called_unknown(reference_plan):
    error = refused(replace(reference_plan, company=replace(reference_plan.company, country="")))
    assert str(error) == "company.country: must not be empty"
