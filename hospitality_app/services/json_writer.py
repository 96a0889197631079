"""Write a VisitPlan as `hospitality-visit/1` JSON (declared in `visit_format`): local times in
the visit's zone, people in the order the plan lists them."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from hospitality_app.services.dto import VisitPlan
from hospitality_app.services.visit_format import VisitFile
from hospitality_app.services.visit_format_base import local_text

__all__ = ["dumps", "local_text", "to_data"]


def dumps(plan: VisitPlan) -> str:
    return json.dumps(to_data(plan), ensure_ascii=False, indent=2) + "\n"


def to_data(plan: VisitPlan) -> dict[str, Any]:
    data: dict[str, Any] = VisitFile.from_plan(_in_plan_order(plan)).model_dump(
        mode="json", by_alias=True, context={"zone": plan.zone}
    )
    return data


def _in_plan_order(plan: VisitPlan) -> VisitPlan:
    """Passengers, guests and attendees as the plan lists its people, whatever order they were
    picked in: a file that is read and written again does not change."""

    def each(parts: tuple, field: str) -> tuple:
        return tuple(dataclasses.replace(part, **{field: plan.in_plan_order(getattr(part, field))}) for part in parts)

    return dataclasses.replace(
        plan,
        pickups=each(plan.pickups, "passengers"),
        hotel_stays=each(plan.hotel_stays, "guests"),
        meals=each(plan.meals, "attendees"),
    )
