"""The checklist engine (no Qt): apply templates to a plan, resolve due times from the plan's
anchors, move open items when the plan moves, and measure progress."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from hospitality_app import vocab
from hospitality_app.checklists.templates import Template, TemplateItem
from hospitality_app.services.dto import ARRIVAL_KINDS, DRIVE_TO_PICKUP_MINUTES, ChecklistItemData, VisitPlan


def anchors(plan: VisitPlan) -> dict[str, datetime]:
    """The moments items can be due relative to. Arrival falls back to the visit's start."""
    found = {"visit_start": plan.start, "visit_end": plan.end, "arrival": plan.arrival or plan.start}
    # When the driver sets off for the airport or station (the seed: call the client half an hour
    # before); with no such pickup, the usual drive before the arrival.
    inbound = [p for p in plan.pickups if p.kind in ARRIVAL_KINDS]
    found["set_off"] = (
        min(p.sets_off() for p in inbound) if inbound else found["arrival"] - timedelta(minutes=DRIVE_TO_PICKUP_MINUTES)
    )
    if plan.tour is not None:
        found["tour"] = plan.tour.start
    for i, meal in enumerate(plan.meals):
        found[f"meal:{i}"] = meal.start
    return found


def conditions(plan: VisitPlan) -> set[str]:
    met = set()
    if plan.key_account:
        met.add("key_account")
    if plan.first_visit:
        met.add("first_visit")
    if any(s.booked_by == "us" for s in plan.hotel_stays):
        met.add("we_book_hotel")
    if any(s.paid_by == "us" for s in plan.hotel_stays):
        met.add("we_pay_hotel")
    if plan.gifts:
        met.add("gifts_planned")
    if plan.pickups:
        met.add("has_pickups")
    if plan.tour is not None:
        met.add("has_tour")
    if plan.meals:
        met.add("has_meals")
    if any(a.kind == "negotiation" for a in plan.agenda):
        met.add("has_negotiation")
    return met


def resolve(anchor: str, offset_minutes: int, plan: VisitPlan) -> datetime | None:
    moment = anchors(plan).get(anchor)
    return None if moment is None else moment + timedelta(minutes=offset_minutes)


def apply_templates(plan: VisitPlan, templates: list[Template]) -> VisitPlan:
    """The plan with the templates' items added. Items the plan already has from the same
    template (same template key and anchor) are not added twice; conditions filter items."""
    met = conditions(plan)
    have = {(c.template, c.due_anchor) for c in plan.checklist}
    added = []
    for template in templates:
        for item in template.items:
            if item.when and item.when not in met:
                continue
            for anchor in _anchors_for(item, plan):
                tag = f"{template.name}:{item.key}"
                if (tag, anchor) in have:
                    continue
                have.add((tag, anchor))
                added.append(_item(item, tag, anchor, plan))
    return replace(plan, checklist=(*plan.checklist, *added))


def _anchors_for(item: TemplateItem, plan: VisitPlan) -> list[str]:
    if item.at is not None:
        return [""]
    if item.anchor == "meal":
        return [f"meal:{i}" for i in range(len(plan.meals))]
    if item.anchor == "tour" and plan.tour is None:
        return []
    return [item.anchor]


def _item(item: TemplateItem, tag: str, anchor: str, plan: VisitPlan) -> ChecklistItemData:
    if item.at is not None:
        due: datetime | None = item.at if item.at.tzinfo else item.at.replace(tzinfo=plan.zone)
        offset = 0
    else:
        due = resolve(anchor, item.offset_minutes, plan)
        offset = item.offset_minutes
    title_en, title_zh = item.title_en, item.title_zh
    if anchor.startswith("meal:"):
        meal = plan.meals[int(anchor.split(":")[1])]
        when = plan.local(meal.start).strftime("%m-%d %H:%M")
        title_en, title_zh = f"{title_en} ({meal.kind} {when})", f"{title_zh}（{when}）"
    return ChecklistItemData(
        phase=item.phase,
        title=title_en,
        title_zh=title_zh,
        due=due,
        due_anchor=anchor,
        due_offset_minutes=offset,
        assignee=item.owner_person or None,
        assignee_role=item.owner_role,
        template=tag,
    )


def reschedule(plan: VisitPlan) -> VisitPlan:
    """Open items follow their anchors (the arrival moved, a meal moved); done items keep their
    due time, who did them and when. Items whose anchor is gone keep their last due time."""
    points = anchors(plan)
    items = []
    for c in plan.checklist:
        if not c.done and c.due_anchor in points:
            c = replace(c, due=points[c.due_anchor] + timedelta(minutes=c.due_offset_minutes))
        items.append(c)
    return replace(plan, checklist=tuple(items))


@dataclass(frozen=True)
class Progress:
    by_phase: dict[str, tuple[int, int]]  # phase -> (done, total)
    done: int
    total: int
    overdue: int

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 100

    def phase_percent(self, phase: str) -> int:
        done, total = self.by_phase.get(phase, (0, 0))
        return round(100 * done / total) if total else 100


def progress(plan: VisitPlan, now: datetime) -> Progress:
    by_phase = {p: (0, 0) for p in vocab.CHECKLIST_PHASES}
    overdue = 0
    for c in plan.checklist:
        done, total = by_phase[c.phase]
        by_phase[c.phase] = (done + c.done, total + 1)
        if not c.done and c.due is not None and c.due < now:
            overdue += 1
    done = sum(d for d, _ in by_phase.values())
    total = sum(t for _, t in by_phase.values())
    return Progress(by_phase, done, total, overdue)


def is_for(item: ChecklistItemData, person: str, plan: VisitPlan) -> bool:
    """Whether `person` owns the item: named, or holding its role on this visit."""
    if item.assignee:
        return item.assignee == person
    host = plan.host(person)
    return bool(item.assignee_role and host is not None and item.assignee_role in host.roles)
