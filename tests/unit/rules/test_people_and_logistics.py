"""staffing, tour, pickup, hotel and schedule rules."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from hospitality_app.rules.finding import Finding
from hospitality_app.services.dto import (
    HostData,
    HotelData,
    HotelStayData,
    MealData,
    PickupData,
    VehicleData,
    VisitorData,
)
from tests.unit.rules.helpers import clean_plan, codes, findings, t


def test_hosts_fewer_than_visitors_does_not_count_drivers():
    plan = clean_plan(hosts=(HostData("Li", ("sales_lead",)), HostData("Chen", ("driver",))))
    found = findings(plan, "staffing.hosts_fewer_than_visitors")
    assert [f.message for f in found] == ["1 host for 2 visitors at the welcome: add 1 more (drivers do not count)."]
    nobody = findings(replace(plan, hosts=()), "staffing.hosts_fewer_than_visitors")
    assert [f.message for f in nobody] == ["Nobody to welcome 2 visitors: add as many hosts (drivers do not count)."]
    both = clean_plan(hosts=(HostData("Li", ("sales_lead",)), HostData("Chen", ("driver", "greeter"))))
    assert "staffing.hosts_fewer_than_visitors" not in codes(both)


def test_tour_missing_roles():
    plan = clean_plan()
    no_guide = replace(plan, tour=replace(plan.tour, guide=None, door_back=None))
    found = findings(no_guide, "tour.missing_roles")
    assert [(f.target, f.message) for f in found] == [
        ("tour.guide", "The factory tour has nobody for: guide, back door.")
    ]
    [chinese] = findings(no_guide, "tour.missing_roles", locale="zh_CN")
    assert "讲解、后门" in chinese.message  # the language's own list separator
    assert "tour.missing_roles" not in codes(plan)


def pickup(**kw):
    base = dict(
        kind="airport",
        driver_due=t("08:00"),
        arrival=t("08:10"),
        driver="Chen",
        vehicle=VehicleData("Van", 7),
        passengers=("Anna", "Ben"),
    )
    base.update(kw)
    return PickupData(**base)


def test_driver_late_and_on_time():
    assert "pickup.driver_late" in codes(clean_plan(pickups=(pickup(driver_due=t("08:20")),)))
    assert "pickup.driver_late" not in codes(clean_plan(pickups=(pickup(),)))


def test_vehicle_too_small_counts_the_driver():
    small = clean_plan(pickups=(pickup(vehicle=VehicleData("Coupe", 2)),))
    assert [f.target for f in findings(small, "pickup.vehicle_too_small")] == ["pickups[0].vehicle"]
    assert "pickup.vehicle_too_small" not in codes(clean_plan(pickups=(pickup(vehicle=VehicleData("Car", 3)),)))


def stay(minutes):
    return HotelStayData(HotelData("Hotel", drive_minutes=minutes), date(2026, 12, 2), date(2026, 12, 4))


def test_hotel_too_far_over_thirty_minutes():
    assert "hotel.too_far" in codes(clean_plan(hotel_stays=(stay(31),)))
    assert "hotel.too_far" not in codes(clean_plan(hotel_stays=(stay(30),)))


def test_overlap_for_shared_people_only():
    plan = clean_plan()
    clash = MealData(t("12:30"), t("13:30"), "lunch", attendees=("Ben",))
    found = findings(replace(plan, meals=(*plan.meals, clash)), "schedule.overlap")
    assert [(f.target, f.related) for f in found] == [("meals[1]", ("meals[0]",))]  # the later, and the other
    assert found[0].message.startswith("Meal 1 (lunch 3 Dec, 12:00) and meal 2 (lunch 3 Dec, 12:30) overlap for Ben")
    assert found[0].as_dict()["related"] == ["meals[0]"]
    plain = Finding("hotel.too_far", "warning", "Too far.", "hotel_stays[0]")
    assert plain.as_dict() == {  # the JSON names related parts only when there are any
        "code": "hotel.too_far",
        "severity": "warning",
        "message": "Too far.",
        "target": "hotel_stays[0]",
        "subject": "",
    }
    apart = MealData(t("12:30"), t("13:30"), "tea", attendees=("Wang",))
    assert "schedule.overlap" not in codes(replace(plan, meals=(*plan.meals, apart)))


def test_tour_and_its_agenda_slot_are_not_an_overlap_but_a_meeting_is():
    plan = clean_plan()
    assert "schedule.overlap" not in codes(plan)
    from hospitality_app.services.dto import AgendaItemData

    talk = AgendaItemData(t("10:45"), 30, "Side talk", "other")
    assert "schedule.overlap" in codes(replace(plan, agenda=(*plan.agenda, talk)))


def test_transfer_lasts_the_hotel_drive():
    plan = clean_plan(
        hotel_stays=(stay(40),), pickups=(pickup(kind="hotel_to_office", driver_due=t("08:30"), arrival=None),)
    )
    assert "schedule.overlap" in codes(plan)  # 08:30 + 40 min runs into the 09:00 welcome
    early = replace(plan, pickups=(pickup(kind="hotel_to_office", driver_due=t("08:15"), arrival=None),))
    assert "schedule.overlap" not in codes(early)


def test_outside_visit_ignores_pickups():
    plan = clean_plan()
    late_dinner = MealData(t("18:00"), t("20:00"), "dinner", attendees=("Anna",))
    assert [f.target for f in findings(replace(plan, meals=(*plan.meals, late_dinner)), "schedule.outside_visit")] == [
        "meals[1]"
    ]
    early_pickup = clean_plan(pickups=(pickup(driver_due=t("06:00"), arrival=t("06:30")),))
    assert "schedule.outside_visit" not in codes(early_pickup)


def test_a_message_gives_the_year_unless_the_visit_and_its_times_are_all_in_one():
    plan = clean_plan()
    late_dinner = MealData(t("18:00"), t("20:00"), "dinner", attendees=("Anna",))
    within = findings(replace(plan, meals=(*plan.meals, late_dinner)), "schedule.outside_visit")[0]
    assert within.message.endswith("lies outside the visit (3 Dec, 09:00 to 3 Dec, 17:00).")
    assert within.message.startswith("Meal 2 ")  # a sentence, with its capital ("meal 2 …" before)
    typo = replace(plan, start=plan.start.replace(year=2025), meals=(*plan.meals, late_dinner))
    across = findings(typo, "schedule.outside_visit")
    assert across and across[0].message.endswith("(3 Dec 2025, 09:00 to 3 Dec 2026, 17:00).")


def test_unknown_visitor_in_a_meal_is_a_host_and_ignored_by_diet_rules():
    plan = clean_plan(visitors=(VisitorData("Anna"), VisitorData("Ben")))
    assert codes(plan) == []
