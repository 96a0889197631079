"""Dashboard aggregates in SQL: outcomes, recording an outcome, calendar entries, the report."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from hospitality_app.errors import ValidationError
from hospitality_app.services import dashboard, demo, plans

NOW = datetime(2026, 11, 22, 1, tzinfo=UTC)


@pytest.fixture
def demo_db(db):
    with db.unit_of_work() as session:
        demo.create_demo_visits(session, now=NOW)
    return db


def test_outcomes_by_region_type_and_time_to_order(demo_db):
    with demo_db.unit_of_work() as session:
        o = dashboard.outcomes(session, NOW - timedelta(days=365), NOW + timedelta(days=365))
    assert o.conversion_by_region["americas"] == (1, 2)  # Brightline won, Festa Brasil lost
    assert o.conversion_by_region["middle_east"] == (1, 1)  # Yıldız (Turkey) won
    assert o.conversion_by_type["regular"] == (2, 3)
    assert o.amounts == {"USD": Decimal("45000.00"), "EUR": Decimal("120000.00")}
    assert round(o.average_days_to_order, 1) == 13.8  # Yıldız: ordered two weeks after the visit
    assert sum(sum(m.values()) for m in o.visits_by_month_region.values()) == 12


def test_record_outcome_validates(demo_db):
    with demo_db.unit_of_work() as session:
        with pytest.raises(ValidationError, match="not a currency code"):
            dashboard.record_outcome(session, 1, status="won", amount=Decimal(5), currency="dollars")
        with pytest.raises(ValidationError, match="unknown outcome"):
            dashboard.record_outcome(session, 1, status="maybe")
        dashboard.record_outcome(session, 1, status="won", amount=Decimal("1000"), currency="idr", order_date=NOW)
    with demo_db.unit_of_work() as session:
        o = dashboard.outcomes(session, NOW - timedelta(days=365), NOW + timedelta(days=365))
    assert o.amounts["IDR"] == Decimal("1000.00")


def test_the_calendar_s_items_in_a_window(demo_db, reference_plan):
    from hospitality_app.services.calendar_week import week_items

    with demo_db.unit_of_work() as session:
        items = week_items(session, NOW, NOW + timedelta(days=3))
    kinds = {(i.company, i.block.kind) for i in items}
    assert ("Müller Etiketten GmbH", "meal") in kinds and ("Müller Etiketten GmbH", "tour") in kinds
    assert all(NOW <= i.block.start < NOW + timedelta(days=3) for i in items)
    assert not any(i.block.kind == "agenda" and i.block.title == "Factory tour" for i in items)  # the tour's slot


def test_double_bookings_within_the_horizon_only(db, reference_plan):
    with db.unit_of_work() as session:
        plans.save(session, reference_plan, now=NOW)
        later = replace(
            reference_plan,
            title="Later",
            start=reference_plan.start + timedelta(hours=2),
            end=reference_plan.end + timedelta(hours=2),
        )
        plans.save(session, later, now=NOW)
        near = dashboard.double_bookings(session, NOW)
        far = dashboard.double_bookings(session, NOW, horizon_days=5)
    assert {d.resource for d in near} == {"Li Wei", "Zhang Min", "Chen Jie", "Wang Fang", "Buick GL8"}
    assert far == []


def test_monthly_report_pdf(demo_db, tmp_path):
    from hospitality_app.exports.pdf.base import Letterhead
    from hospitality_app.exports.pdf.report import MonthlyReportRenderer

    with demo_db.unit_of_work() as session:
        report = dashboard.monthly_report(session, 2026, 11)
    assert {v.company for v in report.visits} >= {"Brightline Events Inc.", "Müller Etiketten GmbH"}
    assert report.outcomes.get("won") == 1
    data = MonthlyReportRenderer(Letterhead("Acme"), report, language="zh_CN").render()
    assert data.startswith(b"%PDF")


def test_a_visit_belongs_to_the_month_of_its_own_local_start(db, reference_plan):
    """1 January 09:00 in Xiamen is 31 December 01:00 in UTC: the report of January has it."""
    from zoneinfo import ZoneInfo

    xiamen = ZoneInfo("Asia/Shanghai")
    new_year = replace(
        reference_plan,
        start=datetime(2027, 1, 1, 9, tzinfo=xiamen),
        end=datetime(2027, 1, 1, 17, tzinfo=xiamen),
        pickups=(),
        hotel_stays=(),
        meals=(),
        tour=None,
        agenda=(),
    )
    with db.unit_of_work() as session:
        plans.save(session, new_year, now=NOW)
    with db.unit_of_work() as session:
        january = dashboard.monthly_report(session, 2027, 1)
        december = dashboard.monthly_report(session, 2026, 12)
    assert [v.company for v in january.visits] == ["PT Sinar Jaya Abadi"]
    assert december.visits == ()
