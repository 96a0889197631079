"""A person renamed or removed is renamed or removed everywhere the plan names them."""

from __future__ import annotations

from dataclasses import replace

from hospitality_app.services.plan_people import forget_person, rename_person


def mentions(plan, name):
    found = []
    for i, p in enumerate(plan.pickups):
        found += [f"pickups[{i}].passengers"] * (name in p.passengers) + [f"pickups[{i}].driver"] * (p.driver == name)
    for i, s in enumerate(plan.hotel_stays):
        found += [f"hotel_stays[{i}].guests"] * (name in s.guests)
    for i, m in enumerate(plan.meals):
        found += [f"meals[{i}].attendees"] * (name in m.attendees)
    for i, a in enumerate(plan.agenda):
        found += [f"agenda[{i}].presenter"] * (a.presenter == name)
    for i, g in enumerate(plan.gifts):
        found += [f"gifts[{i}].for"] * (g.recipient == name)
    if plan.tour is not None:
        found += [f"tour.{r}" for r in ("guide", "door_front", "door_back") if getattr(plan.tour, r) == name]
    return found


def test_a_renamed_visitor_is_renamed_in_every_list(reference_plan):
    before = mentions(reference_plan, "Budi Santoso")
    assert before == [
        "pickups[0].passengers",
        "pickups[1].passengers",
        "hotel_stays[0].guests",
        "meals[0].attendees",
        "meals[1].attendees",
        "gifts[0].for",
    ]
    renamed = rename_person(reference_plan, "Budi Santoso", "Budi S.")
    assert mentions(renamed, "Budi Santoso") == []
    assert mentions(renamed, "Budi S.") == before
    assert renamed.pickups[0].passengers == ("Budi S.", "Siti Rahmawati", "Hendra Wijaya")  # in its place
    assert renamed.visitors == reference_plan.visitors  # the Visitors tab renames the visitor itself


def test_a_renamed_host_keeps_the_wheel_the_tour_and_the_talks(reference_plan):
    before = mentions(reference_plan, "Li Wei")
    assert "tour.guide" in before and "agenda[0].presenter" in before and "meals[0].attendees" in before
    renamed = rename_person(reference_plan, "Li Wei", "李伟")
    assert mentions(renamed, "李伟") == before and mentions(renamed, "Li Wei") == []
    assert rename_person(reference_plan, "Chen Jie", "Chen J.").pickups[0].driver == "Chen J."


def test_a_removed_person_leaves_the_lists_and_their_places_empty(reference_plan):
    gone = forget_person(reference_plan, "Li Wei")
    assert mentions(gone, "Li Wei") == []
    assert gone.tour.guide is None and gone.agenda[0].presenter is None
    assert gone.meals[0].attendees == ("Budi Santoso", "Siti Rahmawati", "Hendra Wijaya", "Zhang Min")
    assert forget_person(reference_plan, "Chen Jie").pickups[0].driver is None


def test_a_rename_onto_a_name_already_in_a_list_does_not_list_it_twice(reference_plan):
    plan = replace(reference_plan)
    merged = rename_person(plan, "Siti Rahmawati", "Budi Santoso")
    assert merged.pickups[0].passengers == ("Budi Santoso", "Hendra Wijaya")


def test_nothing_changes_for_an_empty_or_unchanged_name(reference_plan):
    assert rename_person(reference_plan, "", "Someone") is reference_plan
    assert rename_person(reference_plan, "Li Wei", "Li Wei") is reference_plan
    assert forget_person(reference_plan, "") is reference_plan
    assert forget_person(reference_plan, "Nobody") == reference_plan
