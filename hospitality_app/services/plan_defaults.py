"""What a new person or meal in a plan starts with, so that the planner asks only for what
differs: the languages people most likely speak, and who sits at the table."""

from __future__ import annotations

from babel.core import get_global
from babel.languages import get_territory_language_info

from hospitality_app.services.dto import VisitPlan

# The hosts who keep the visitors company at meals, as the practice has it; drivers, guides and
# door keepers go back to work.
TABLE_ROLES = ("sales_lead", "manager")


def territory_language(territory: str | None) -> str | None:
    """The official language most people of a country speak (CN → zh, ID → id, US → en)."""
    if not territory:
        return None
    info = get_territory_language_info(territory)
    ranked = sorted(
        info.items(),
        key=lambda kv: (kv[1].get("official_status") is None, -float(kv[1].get("population_percent") or 0)),
    )
    return next((code for code, _ in ranked if "_" not in code), None)  # zh, not zh_Hant


def site_languages(plan: VisitPlan) -> tuple[str, ...]:
    """A new host's languages: the language of the country the visit's time zone is in."""
    code = territory_language(get_global("zone_territories").get(plan.timezone))
    return (code,) if code else ()


def visitor_languages(plan: VisitPlan) -> tuple[str, ...]:
    """A new visitor's languages: the one the client reads (id_ID → id)."""
    code = (plan.client_locale or "").split("_")[0]
    return (code,) if code and plan.company.country else ()


def meal_guests(plan: VisitPlan) -> tuple[str, ...]:
    """Every visitor, and the hosts who eat with them (all hosts when none has such a role)."""
    visitors = [v.name for v in plan.visitors if v.name]
    hosts = [h for h in plan.hosts if h.name]
    at_table = [h.name for h in hosts if set(h.roles) & set(TABLE_ROLES)] or [h.name for h in hosts]
    return (*visitors, *at_table)
