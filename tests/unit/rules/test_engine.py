"""The engine as a whole: the reference visit, a clean plan, the language of messages."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from hospitality_app.rules.engine import ALL_CODES, run_check
from tests.unit.rules.helpers import NOW, clean_plan, codes

PRODUCT_CODES = {
    "plan.no_visitors",
    "plan.no_hosts",
    "plan.no_agenda",
    "dietary.forbidden",
    "dietary.allergen",
    "dietary.uncertified",
    "meal.alcohol_before_negotiation",
    "staffing.hosts_fewer_than_visitors",
    "schedule.overlap",
    "schedule.outside_visit",
    "schedule.before_arrival",
    "pickup.driver_late",
    "pickup.vehicle_too_small",
    "hotel.too_far",
    "tour.missing_roles",
    "gift.forbidden",
    "region.hotel_payment",
    "region.expect_delay",
    "resource.double_booked",
    "checklist.overdue",
    "followup.letter_overdue",
    "calendar.host_holiday",
    "calendar.client_holiday",
    "calendar.factory_closed",
    "religion.fasting_meal",
    "religion.prayer_overlap",
    "religion.shabbat",
}


def test_every_product_code_has_a_rule():
    assert set(ALL_CODES) == PRODUCT_CODES


def test_reference_visit_reports_exactly_the_expected_findings(reference_plan):
    now = datetime(2026, 11, 22, 9, tzinfo=ZoneInfo("Asia/Shanghai"))
    found = [(f.code, f.target, f.subject.split(" / ")[-1]) for f in run_check(reference_plan, now=now)]
    assert sorted(found) == sorted(
        [
            ("dietary.forbidden", "meals[0].dishes[2]", 'visitor "Budi Santoso"'),
            ("dietary.forbidden", "meals[0].dishes[2]", 'visitor "Siti Rahmawati"'),
            ("dietary.allergen", "meals[0].dishes[1]", 'visitor "Siti Rahmawati"'),
            ("pickup.driver_late", "pickups[0].driver_due", "pickup 1 (GA 898 2 Dec, 21:45)"),
            ("hotel.too_far", "hotel_stays[0].hotel.drive_minutes", "Xiamen Marriott Hotel"),
            ("tour.missing_roles", "tour.door_back", "factory tour"),
        ]
    )


def test_a_clean_plan_has_no_findings():
    assert codes(clean_plan()) == []


def test_findings_come_most_severe_first(reference_plan):
    severities = [f.severity for f in run_check(reference_plan, now=NOW)]
    assert severities == sorted(severities, key=["error", "warning", "info"].index)


def test_messages_in_chinese(reference_plan):
    found = run_check(reference_plan, now=NOW, locale="zh_CN")
    late = next(f for f in found if f.code == "pickup.driver_late")
    assert late.message == "司机 21:45 才到，比 GA 898 的到达时间 21:35 晚 10 分钟：客人将需等待。"
    pork = next(f for f in found if f.code == "dietary.forbidden")
    assert pork.message == "“Sweet and sour pork”含有猪肉，Budi Santoso 不能吃（清真）。"
