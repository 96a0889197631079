"""Every mistake of a visit's own fields is found at once (a planner shows them together); the
command line and imports still report the first."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from hospitality_app.errors import ValidationError
from hospitality_app.services.validation import validate_plan, validation_errors


def test_the_visit_s_own_mistakes_are_all_found_and_the_first_is_raised(reference_plan):
    bad = replace(
        reference_plan,
        title=" ",
        end=reference_plan.start - timedelta(hours=1),
        company=replace(reference_plan.company, name="", country="XX"),
        visitors=(*reference_plan.visitors, reference_plan.visitors[0]),  # a visitor twice
    )
    errors = validation_errors(bad)
    paths = ["visit.title", "visit.end", "company.name", "company.country", "visitors[3].name"]
    assert [e.path for e in errors] == paths
    with pytest.raises(ValidationError) as raised:
        validate_plan(bad)
    assert raised.value.path == "visit.title"


def test_a_field_is_named_once_and_a_good_plan_has_none(reference_plan):
    assert validation_errors(reference_plan) == []
    long_title = replace(reference_plan, title="x" * 300)  # too long for the limits, and not empty
    assert [e.path for e in validation_errors(long_title)] == ["visit.title"]


def test_the_mistakes_kept_hold_no_frames(reference_plan):
    """A kept traceback held the checking frames and their callers (a planner window) in a cycle,
    freed by the garbage collector in whatever thread it ran: Qt objects deleted off their thread."""
    import gc
    import weakref

    class Caller:
        pass

    def check(caller, plan):
        try:
            validate_plan(plan)
        except ValidationError as exc:
            return exc.path

    caller = Caller()
    alive = weakref.ref(caller)
    assert all(e.__traceback__ is None for e in validation_errors(replace(reference_plan, title="")))
    gc.disable()
    try:
        assert check(caller, replace(reference_plan, title="")) == "visit.title"
        del caller
        assert alive() is None  # freed at once, by reference counting, not left to the collector
    finally:
        gc.enable()
