"""Run every rule over a plan and return the findings, most severe first."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import datetime

from hospitality_app.hosting_calendars.site import Site
from hospitality_app.i18n import translator
from hospitality_app.rules import (
    closures,
    completeness,
    courtesy,
    dietary,
    fasting,
    logistics,
    prayer,
    public_holidays,
    schedule,
    shabbat,
    staffing,
)
from hospitality_app.rules.context import NO_FACTS, CheckContext, Clash, RegionFacts
from hospitality_app.rules.dietary_data import shipped_rules
from hospitality_app.rules.finding import ERROR, SEVERITY_ORDER, WARNING, Finding
from hospitality_app.services.dto import VisitPlan

Rule = Callable[[CheckContext], Iterator[Finding]]

# Rules that read only the plan itself.
PLAN_RULES: dict[str, Rule] = {
    "plan.no_visitors": completeness.no_visitors,
    "plan.no_hosts": completeness.no_hosts,
    "plan.no_agenda": completeness.no_agenda,
    "dietary.forbidden": dietary.forbidden,
    "dietary.allergen": dietary.allergen,
    "dietary.uncertified": dietary.uncertified,
    "meal.alcohol_before_negotiation": dietary.alcohol_before_negotiation,
    "staffing.hosts_fewer_than_visitors": staffing.hosts_fewer_than_visitors,
    "schedule.overlap": schedule.overlap,
    "schedule.outside_visit": schedule.outside_visit,
    "schedule.before_arrival": schedule.before_arrival,
    "pickup.driver_late": logistics.driver_late,
    "pickup.vehicle_too_small": logistics.vehicle_too_small,
    "hotel.too_far": logistics.hotel_too_far,
    "tour.missing_roles": staffing.tour_missing_roles,
    "gift.forbidden": courtesy.gift_forbidden,
    "region.hotel_payment": courtesy.hotel_payment,
    "region.expect_delay": courtesy.expect_delay,
    # Hosting calendars: the site's and the client's holidays, shutdowns, religious practice.
    "calendar.host_holiday": public_holidays.host_holiday,
    "calendar.client_holiday": public_holidays.client_holiday,
    "calendar.factory_closed": closures.factory_closed,
    "religion.fasting_meal": fasting.fasting_meal,
    "religion.prayer_overlap": prayer.prayer_overlap,
    "religion.shabbat": shabbat.shabbat,
}
# Rules that depend on the clock or on other visits.
TIMED_RULES: dict[str, Rule] = {
    "resource.double_booked": courtesy.double_booked,
    "checklist.overdue": courtesy.checklist_overdue,
    "followup.letter_overdue": courtesy.letter_overdue,
}
ALL_CODES = (*PLAN_RULES, *TIMED_RULES)


def run_check(
    plan: VisitPlan,
    *,
    now: datetime,
    locale: str = "en",
    region: RegionFacts = NO_FACTS,
    clashes: Iterable[Clash] = (),
    site: Site | None = None,
) -> list[Finding]:
    if now.tzinfo is None:
        raise ValueError("run_check needs an aware 'now'")
    ctx = CheckContext(
        plan=plan,
        now=now,
        tr=translator(locale).gettext,
        diet=shipped_rules(),
        region=region,
        clashes=tuple(clashes),
        locale=locale,
        where=site,
    )
    rules = [*PLAN_RULES.values(), *TIMED_RULES.values()]
    findings = [finding for rule in rules for finding in rule(ctx)]
    return sorted(findings, key=lambda f: SEVERITY_ORDER[f.severity])


def counts(findings: Iterable[Finding]) -> tuple[int, int]:
    findings = list(findings)
    return (sum(f.severity == ERROR for f in findings), sum(f.severity == WARNING for f in findings))
