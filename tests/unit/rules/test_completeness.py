"""plan.no_visitors, plan.no_hosts, plan.no_agenda: notes on what a plan still lacks."""

from __future__ import annotations

from hospitality_app.rules.engine import counts, run_check
from hospitality_app.services.dto import CompanyData, HostData, VisitorData, VisitPlan
from tests.unit.rules.helpers import NOW, clean_plan, codes, findings, t

NO_VISITORS = (
    "plan.no_visitors",
    "info",
    "visitors",
    "No visitors yet: add who is coming, with their diet and allergies.",
)
NO_HOSTS = ("plan.no_hosts", "info", "hosts", "No hosts yet: add the colleagues who receive the visitors.")
NO_AGENDA = ("plan.no_agenda", "info", "agenda", "No agenda yet: add the items of the meeting.")
PLAN_CODES = ("plan.no_visitors", "plan.no_hosts", "plan.no_agenda")


def new_plan() -> VisitPlan:
    # What File → New visit starts from: dates and nothing else.
    return VisitPlan(title="", timezone="Asia/Shanghai", start=t("09:00"), end=t("17:00"), company=CompanyData("", ""))


def described(found) -> list[tuple[str, str, str, str]]:
    return [(f.code, f.severity, f.target, f.message) for f in found]


def test_a_new_plan_is_not_ready_but_has_no_error_either():
    found = run_check(new_plan(), now=NOW)
    assert described(found) == [NO_VISITORS, NO_HOSTS, NO_AGENDA]
    assert [f.subject for f in found] == ["Visitors", "Hosts", "Agenda"]
    # The list's readiness column counts errors and warnings: notes are neither.
    assert counts(found) == (0, 0)


def test_one_visitor_and_no_hosts():
    plan = clean_plan(visitors=(VisitorData("Anna"),), hosts=())
    assert described(findings(plan, "plan.no_hosts")) == [NO_HOSTS]
    assert not set(codes(plan)) & {"plan.no_visitors", "plan.no_agenda"}
    # The welcome rule still warns on its own: nobody at all receives the visitor.
    assert "staffing.hosts_fewer_than_visitors" in codes(plan)


def test_hosts_and_no_visitors():
    plan = clean_plan(visitors=(), hosts=(HostData("Li", ("sales_lead",)),))
    assert [f for f in codes(plan) if f.startswith("plan.")] == ["plan.no_visitors"]


def test_a_driver_alone_is_a_host():
    plan = clean_plan(hosts=(HostData("Chen", ("driver",)),))
    assert "plan.no_hosts" not in codes(plan)


def test_a_tour_is_no_agenda():
    plan = clean_plan(agenda=())
    assert plan.tour is not None
    assert described(findings(plan, "plan.no_agenda")) == [NO_AGENDA]


def test_a_full_plan_has_none_of_them():
    assert not set(codes(clean_plan())) & set(PLAN_CODES)
