"""Property-based tests: any valid plan round-trips through JSON and the database, and the
readiness check never raises on it."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hospitality_app import vocab
from hospitality_app.rules.context import RegionFacts
from hospitality_app.rules.engine import run_check
from hospitality_app.services import interchange, plans
from hospitality_app.services.dto import (
    AgendaItemData,
    CompanyData,
    DishData,
    FollowUpData,
    HostData,
    HotelData,
    HotelStayData,
    MealData,
    PickupData,
    RestaurantData,
    TourData,
    TourStopData,
    VehicleData,
    VisitorData,
    VisitPlan,
)

ZONES = ("Asia/Shanghai", "Europe/Berlin", "America/New_York", "Asia/Kolkata")
text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=12).filter(
    lambda s: s.strip() != ""
)
names = ("Budi", "张伟", "Ayşe Yılmaz", "Дмитрий", "عبدالله", "O'Brien <b>&")


@st.composite
def visit_plans(draw) -> VisitPlan:
    zone = draw(st.sampled_from(ZONES))
    base = datetime(2026, 3, 1, tzinfo=UTC) + timedelta(minutes=draw(st.integers(0, 60 * 24 * 300)))
    start, end = base, base + timedelta(hours=draw(st.integers(1, 60)))

    def moment():
        return base + timedelta(minutes=draw(st.integers(-600, 3600)))

    n_visitors = draw(st.integers(0, 3))
    visitors = tuple(
        VisitorData(
            names[i],
            draw(text),
            dietary=tuple(draw(st.lists(st.sampled_from(vocab.DIETARY), unique=True, max_size=2))),
            allergies=tuple(draw(st.lists(st.sampled_from(vocab.ALLERGENS), unique=True, max_size=2))),
        )
        for i in range(n_visitors)
    )
    hosts = (
        HostData(
            "Li Wei", tuple(draw(st.lists(st.sampled_from(vocab.HOST_ROLES), unique=True, min_size=1, max_size=3)))
        ),
        HostData("Chen Jie", ("driver",)),
    )
    people = [v.name for v in visitors] + [h.name for h in hosts]
    meals = []
    for _ in range(draw(st.integers(0, 2))):
        s = moment()
        meals.append(
            MealData(
                s,
                s + timedelta(minutes=draw(st.integers(30, 120))),
                draw(st.sampled_from(vocab.MEAL_KINDS)),
                RestaurantData(f"Restaurant {len(meals)}", halal_certified=draw(st.booleans())),
                draw(st.booleans()),
                tuple(draw(st.lists(st.sampled_from(people), unique=True))) if people else (),
                tuple(
                    DishData(
                        f"{draw(text)} {k}",
                        tuple(draw(st.lists(st.sampled_from(vocab.DISH_CONTENTS), unique=True, max_size=3))),
                    )
                    for k in range(draw(st.integers(0, 3)))
                ),
            )
        )
    seats = draw(st.integers(1, 9))
    pickups = tuple(
        PickupData(
            draw(st.sampled_from(vocab.PICKUP_KINDS)),
            moment(),
            arrival=draw(st.none() | st.just(moment())),
            driver="Chen Jie",
            vehicle=VehicleData("GL8", seats),
            passengers=tuple(v.name for v in visitors),
        )
        for _ in range(draw(st.integers(0, 2)))
    )
    stays = tuple(
        HotelStayData(
            HotelData("Marriott", drive_minutes=draw(st.none() | st.integers(0, 90))),
            date(2026, 3, 1),
            date(2026, 3, 3),
            paid_by=draw(st.sampled_from(vocab.PARTIES)),
        )
        for _ in range(draw(st.integers(0, 1)))
    )
    tour = None
    if draw(st.booleans()):
        tour = TourData(
            moment(),
            draw(st.sampled_from((None, "Li Wei"))),
            None,
            "Li Wei",
            tuple(
                TourStopData(f"Stop {i}", draw(st.integers(1, 30)), draw(st.sampled_from(vocab.TOUR_VIEWS)))
                for i in range(draw(st.integers(0, 3)))
            ),
        )
    agenda = tuple(
        AgendaItemData(
            moment(),
            draw(st.integers(5, 120)),
            draw(text),
            draw(st.sampled_from(vocab.AGENDA_KINDS)),
            "Li Wei",
            topics=tuple(draw(st.lists(st.sampled_from(vocab.NEGOTIATION_TOPICS), unique=True))),
        )
        for _ in range(draw(st.integers(0, 3)))
    )
    return VisitPlan(
        title=draw(text),
        timezone=zone,
        start=start,
        end=end,
        company=CompanyData(
            draw(text),
            draw(st.sampled_from(("ID", "RU", "SA", "DE", "IN"))),
            gift_policy=draw(st.sampled_from(vocab.GIFT_POLICIES)),
        ),
        status=draw(st.sampled_from(vocab.VISIT_STATUSES)),
        visitors=visitors,
        hosts=hosts,
        pickups=pickups,
        hotel_stays=stays,
        meals=tuple(meals),
        tour=tour,
        agenda=agenda,
        follow_up=FollowUpData(consensus=tuple(draw(st.lists(text, max_size=2)))),
    )


@given(visit_plans())
@settings(max_examples=30, deadline=None)
def test_json_round_trip(plan):
    again = interchange.loads(interchange.dumps(plan))
    assert interchange.to_data(again) == interchange.to_data(plan)
    assert again.start == plan.start and [m.start for m in again.meals] == [m.start for m in plan.meals]


@given(visit_plans(), st.booleans(), st.booleans())
@settings(max_examples=50, deadline=None)
def test_check_never_raises(plan, delay, bribe):
    findings = run_check(
        plan, now=datetime(2026, 6, 1, tzinfo=UTC), region=RegionFacts("X", delay, bribe), locale="zh_CN"
    )
    assert all(f.severity in ("error", "warning", "info") and f.message for f in findings)


@given(visit_plans())
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_database_round_trip(tmp_path_factory, plan):
    # A fresh database per example: places are shared across visits by design, so an earlier
    # example's hotel would lend its drive minutes to this one.
    from hospitality_app.db.session import open_database

    db = open_database(f"sqlite:///{tmp_path_factory.mktemp('prop') / 'db.sqlite3'}")
    with db.unit_of_work() as session:
        visit_id = plans.save(session, plan).visit_id
    with db.unit_of_work() as session:
        loaded = plans.load_plan(session, visit_id)
    db.dispose()
    assert interchange.to_data(loaded) == interchange.to_data(plan)
