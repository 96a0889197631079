"""A small, clean plan to bend one way or another in rule tests."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

from hospitality_app.rules.context import NO_FACTS, Clash, RegionFacts
from hospitality_app.rules.engine import run_check
from hospitality_app.services.dto import (
    AgendaItemData,
    CompanyData,
    DishData,
    HostData,
    MealData,
    RestaurantData,
    TourData,
    TourStopData,
    VisitorData,
    VisitPlan,
)

Z = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 11, 22, 9, tzinfo=Z)


def t(text: str) -> datetime:
    return datetime.fromisoformat(f"2026-12-03T{text}").replace(tzinfo=Z)


def clean_plan(**changes) -> VisitPlan:
    plan = VisitPlan(
        title="Clean visit",
        timezone="Asia/Shanghai",
        start=t("09:00"),
        end=t("17:00"),
        company=CompanyData("Acme", "DE"),
        visitors=(VisitorData("Anna", dietary=("halal",), allergies=("peanuts",)), VisitorData("Ben")),
        hosts=(
            HostData("Li", ("sales_lead", "guide")),
            HostData("Wang", ("door_front",)),
            HostData("Sun", ("door_back",)),
            HostData("Chen", ("driver",)),
        ),
        meals=(
            MealData(
                t("12:00"),
                t("13:00"),
                "lunch",
                RestaurantData("Halal place", halal_certified=True),
                attendees=("Anna", "Ben", "Li"),
                dishes=(DishData("Lamb skewers", ("lamb",)), DishData("Rice", ())),
            ),
        ),
        tour=TourData(t("10:30"), "Li", "Wang", "Sun", (TourStopData("Line", 30),)),
        agenda=(
            AgendaItemData(t("09:00"), 30, "Welcome", "welcome", "Li"),
            AgendaItemData(t("10:30"), 30, "Tour", "factory_tour"),
            AgendaItemData(t("14:00"), 60, "Price", "negotiation", "Li"),
        ),
    )
    return replace(plan, **changes)


def codes(
    plan: VisitPlan, now: datetime = NOW, region: RegionFacts = NO_FACTS, clashes: tuple[Clash, ...] = ()
) -> list[str]:
    return [f.code for f in run_check(plan, now=now, region=region, clashes=clashes)]


def findings(plan: VisitPlan, code: str, **kw):
    return [f for f in run_check(plan, now=kw.pop("now", NOW), **kw) if f.code == code]
