"""gift, region, checklist, follow-up and double-booking rules."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

from hospitality_app.rules.context import Clash, RegionFacts
from hospitality_app.services.dto import (
    ChecklistItemData,
    FollowUpData,
    GiftData,
    HotelData,
    HotelStayData,
)
from tests.unit.rules.helpers import Z, clean_plan, codes, findings, t


def test_gift_forbidden():
    plan = clean_plan(gifts=(GiftData("Tea"),))
    forbids = replace(plan, company=replace(plan.company, gift_policy="forbids"))
    assert [f.target for f in findings(forbids, "gift.forbidden")] == ["gifts[0]"]
    assert "gift.forbidden" not in codes(plan)


def test_hotel_payment_reads_region_facts():
    stay = HotelStayData(HotelData("H", drive_minutes=10), date(2026, 12, 2), date(2026, 12, 4), paid_by="us")
    plan = clean_plan(hotel_stays=(stay,))
    bribe = RegionFacts("Russia", hotel_payment_is_bribe=True)
    assert [f.target for f in findings(plan, "region.hotel_payment", region=bribe)] == ["hotel_stays[0].paid_by"]
    assert "region.hotel_payment" not in codes(plan)
    client_pays = clean_plan(hotel_stays=(replace(stay, paid_by="client"),))
    assert "region.hotel_payment" not in codes(client_pays, region=bribe)


def test_expect_delay_is_info():
    found = findings(clean_plan(), "region.expect_delay", region=RegionFacts("India", expect_delay=True))
    assert [(f.severity, f.target) for f in found] == [("info", "visit.start")]
    assert "region.expect_delay" not in codes(clean_plan())


def test_checklist_overdue_only_when_past_due_and_open():
    due = datetime(2026, 11, 20, 18, tzinfo=Z)
    open_item = ChecklistItemData("before", "Book hotel", due=due, assignee="Li")
    done_item = replace(open_item, done_at=due)
    future = replace(open_item, due=datetime(2026, 11, 30, tzinfo=Z))
    plan = clean_plan(checklist=(open_item, done_item, future))
    found = findings(plan, "checklist.overdue")
    assert [(f.target, f.message) for f in found] == [
        ("checklist[0]", '"Book hotel" was due 20 Nov, 18:00 (Li) and is not done.')
    ]


def test_letter_overdue_after_three_days():
    plan = clean_plan()
    after = plan.end + timedelta(days=3, minutes=1)
    assert "followup.letter_overdue" in codes(plan, now=after)
    assert "followup.letter_overdue" not in codes(plan, now=plan.end + timedelta(days=2))
    sent = replace(plan, follow_up=FollowUpData(letter_sent=date(2026, 12, 4)))
    assert "followup.letter_overdue" not in codes(sent, now=after)
    cancelled = replace(plan, status="cancelled")
    assert "followup.letter_overdue" not in codes(cancelled, now=after)


def test_double_booked_points_at_the_host():
    clash = Clash("staff", "Wang", 7, "Other visit")
    found = findings(clean_plan(), "resource.double_booked", clashes=(clash,))
    assert [(f.target, f.message) for f in found] == [
        ("hosts[1]", 'Wang is also booked for the overlapping visit #7 "Other visit".')
    ]
    assert t("09:00")  # the helper's clock is Shanghai time
