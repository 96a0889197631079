"""schedule.before_arrival: nothing starts before the last flight or train in has landed and
the visitors have been driven over (the plan's other timing rules: test_people_and_logistics)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from hospitality_app.services.dto import HotelData, HotelStayData, MealData, PickupData
from tests.unit.rules.helpers import Z, clean_plan, codes, findings, t

CODE = "schedule.before_arrival"


def flight(arrival: datetime, number: str = "GA 892", kind: str = "airport") -> PickupData:
    return PickupData(kind, arrival, number, arrival=arrival, driver="Chen", passengers=("Anna", "Ben"))


def stay(minutes: int | None) -> HotelStayData:
    return HotelStayData(HotelData("Hotel", drive_minutes=minutes), date(2026, 12, 2), date(2026, 12, 4))


def on(day: int, text: str) -> datetime:
    return datetime.fromisoformat(f"2026-12-{day:02d}T{text}").replace(tzinfo=Z)


def described(plan) -> list[tuple[str, str, str, str]]:
    return [(f.severity, f.target, f.subject, f.message) for f in findings(plan, CODE)]


def test_landing_as_the_welcome_starts_is_in_time_a_minute_later_is_not():
    assert CODE not in codes(clean_plan(pickups=(flight(t("09:00")),)))
    assert described(clean_plan(pickups=(flight(t("09:01")),))) == [
        (
            "warning",
            "agenda[0]",
            'agenda item "Welcome" (3 Dec, 09:00)',
            'The agenda item "Welcome" starts at 09:00, before the visitors arrive (GA 892 arrives at 09:01).',
        )
    ]


def test_the_drive_from_the_hotel_is_added():
    # 08:20 + 40 minutes ends at 09:00 exactly, as the welcome starts.
    assert CODE not in codes(clean_plan(pickups=(flight(t("08:20")),), hotel_stays=(stay(40),)))
    late = clean_plan(pickups=(flight(t("08:21")),), hotel_stays=(stay(40),))
    assert [f.message for f in findings(late, CODE)] == [
        'The agenda item "Welcome" starts at 09:00, before the visitors can be there '
        "(GA 892 arrives at 08:21, then a 40-minute drive)."
    ]


def test_a_hotel_of_unknown_distance_adds_nothing():
    assert CODE not in codes(clean_plan(pickups=(flight(t("09:00")),), hotel_stays=(stay(None),)))


def test_the_tour_and_its_agenda_slot_each_named():
    found = findings(clean_plan(pickups=(flight(t("10:31")),)), CODE)
    assert [(f.target, f.subject) for f in found] == [
        ("agenda[0]", 'agenda item "Welcome" (3 Dec, 09:00)'),
        ("agenda[1]", 'agenda item "Tour" (3 Dec, 10:30)'),
        ("tour", "factory tour"),
    ]
    assert found[2].message == "The factory tour starts at 10:30, before the visitors arrive (GA 892 arrives at 10:31)."


def test_only_meals_with_visitors():
    plan = clean_plan(pickups=(flight(t("12:30")),))
    staff_lunch = MealData(t("12:00"), t("12:30"), "lunch", attendees=("Wang", "Sun"))
    plan = replace(plan, meals=(*plan.meals, staff_lunch))
    meals = [f for f in findings(plan, CODE) if f.target.startswith("meals")]
    assert [(f.target, f.subject, f.message) for f in meals] == [
        (
            "meals[0]",
            "meal 1 (lunch 3 Dec, 12:00)",
            "Meal 1 starts at 12:00, before the visitors arrive (GA 892 arrives at 12:30).",
        )
    ]


def test_the_last_arrival_counts():
    plan = clean_plan(pickups=(flight(t("09:30"), "MF 8"), flight(t("07:00"), "CZ 3")))
    assert [f.message for f in findings(plan, CODE)] == [
        'The agenda item "Welcome" starts at 09:00, before the visitors arrive (MF 8 arrives at 09:30).'
    ]


def test_the_evening_before_is_fine():
    assert CODE not in codes(clean_plan(pickups=(flight(on(2, "21:35")),), hotel_stays=(stay(40),)))


def test_the_day_after_is_fine_even_inside_a_drive_past_midnight():
    # 23:50 + 40 minutes ends at 00:30 the next day: a meal at 00:10 that day is not compared.
    late_supper = MealData(on(3, "00:10"), on(3, "00:40"), "other", attendees=("Anna",))
    plan = clean_plan(pickups=(flight(on(2, "23:50")),), hotel_stays=(stay(40),))
    assert CODE not in codes(replace(plan, meals=(late_supper,)))
    on_the_day = MealData(on(2, "23:55"), on(3, "00:40"), "other", attendees=("Anna",))
    assert [f.target for f in findings(replace(plan, meals=(on_the_day,)), CODE)] == ["meals[0]"]


def test_an_item_on_an_earlier_day_says_the_dates():
    plan = clean_plan(agenda=clean_plan().agenda[:1], tour=None, meals=(), pickups=(flight(on(4, "08:00")),))
    assert [f.message for f in findings(plan, CODE)] == [
        'The agenda item "Welcome" starts at 3 Dec, 09:00, before the visitors arrive (GA 892 arrives at 4 Dec, 08:00).'
    ]


def test_a_train_without_a_number():
    plan = clean_plan(pickups=(flight(t("09:10"), "", "station"),))
    assert [f.message for f in findings(plan, CODE)] == [
        'The agenda item "Welcome" starts at 09:00, before the visitors arrive (the train arrives at 09:10).'
    ]


def test_no_pickups_no_arrival_time_and_transfers_are_not_arrivals():
    assert CODE not in codes(clean_plan())
    assert CODE not in codes(clean_plan(pickups=(replace(flight(t("10:00")), arrival=None),)))
    transfer = replace(flight(t("10:00")), kind="hotel_to_office")
    assert CODE not in codes(clean_plan(pickups=(transfer,)))
    drop_off = replace(flight(t("10:00")), kind="drop_off")
    assert CODE not in codes(clean_plan(pickups=(drop_off,)))


def test_in_chinese_the_dates_are_written_the_chinese_way():
    plan = clean_plan(agenda=clean_plan().agenda[:1], tour=None, meals=(), pickups=(flight(on(4, "08:00")),))
    [found] = findings(plan, CODE, locale="zh_CN")
    assert (found.subject, found.message) == (
        "议程“Welcome”（12月3日 09:00）",
        "议程“Welcome”于 12月3日 09:00 开始，早于访客到达（GA 892于 12月4日 08:00 到达）。",
    )
