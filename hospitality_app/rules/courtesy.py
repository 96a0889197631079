"""Gifts, regional customs and what is owed after the visit."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

from hospitality_app.rules.context import CheckContext
from hospitality_app.rules.finding import ERROR, INFO, WARNING, Finding

LETTER_DAYS = 3  # seed: write once the client is home; we allow three days


def gift_forbidden(ctx: CheckContext) -> Iterator[Finding]:
    """gift.forbidden: a gift for a company whose rules forbid accepting gifts."""
    if ctx.plan.company.gift_policy != "forbids":
        return
    for i, gift in enumerate(ctx.plan.gifts):
        yield Finding(
            "gift.forbidden",
            ERROR,
            ctx._('{company} does not allow its people to accept gifts: drop "{item}".').format(
                company=ctx.plan.company.name, item=gift.item
            ),
            f"gifts[{i}]",
            gift.item,
        )


def hotel_payment(ctx: CheckContext) -> Iterator[Finding]:
    """region.hotel_payment: we pay the hotel for a client whose country reads that as a bribe."""
    if not ctx.region.hotel_payment_is_bribe:
        return
    for i, stay in enumerate(ctx.plan.hotel_stays):
        if stay.paid_by == "us":
            yield Finding(
                "region.hotel_payment",
                WARNING,
                ctx._(
                    "Clients from {country} may see a hotel paid by us as a bribe: let them pay "
                    "{hotel} themselves and invite them to meals instead."
                ).format(country=ctx.region.country_name or ctx.plan.company.country, hotel=stay.hotel.name),
                f"hotel_stays[{i}].paid_by",
                stay.hotel.name,
            )


def expect_delay(ctx: CheckContext) -> Iterator[Finding]:
    """region.expect_delay: the client's region tends to run late; plan a buffer."""
    if ctx.region.expect_delay:
        yield Finding(
            "region.expect_delay",
            INFO,
            ctx._(
                "Clients from {country} often run late: let them choose the pickup time and "
                "keep a buffer before fixed appointments."
            ).format(country=ctx.region.country_name or ctx.plan.company.country),
            "visit.start",
            ctx.plan.company.name,
        )


def checklist_overdue(ctx: CheckContext) -> Iterator[Finding]:
    """checklist.overdue: an item past its due time and not done."""
    for i, item in enumerate(ctx.plan.checklist):
        if item.due is not None and item.done_at is None and item.due < ctx.now:
            who = item.assignee or (ctx._(item.assignee_role) if item.assignee_role else "")
            yield Finding(
                "checklist.overdue",
                WARNING,
                ctx._('"{title}" was due {due}{who} and is not done.').format(
                    title=item.title_in(ctx.locale), due=ctx.local(item.due), who=f" ({who})" if who else ""
                ),
                f"checklist[{i}]",
                item.title_in(ctx.locale),
            )


def letter_overdue(ctx: CheckContext) -> Iterator[Finding]:
    """followup.letter_overdue: the visit ended over three days ago and no thank-you letter."""
    plan = ctx.plan
    if plan.status == "cancelled" or plan.follow_up.letter_sent is not None:
        return
    if ctx.now - plan.end > timedelta(days=LETTER_DAYS):
        days = (ctx.now - plan.end).days
        yield Finding(
            "followup.letter_overdue",
            WARNING,
            ctx._("The visit ended {days} days ago and no thank-you letter has been sent.").format(days=days),
            "follow_up.letter_sent",
            plan.company.name,
        )


def double_booked(ctx: CheckContext) -> Iterator[Finding]:
    """resource.double_booked: a driver, host or vehicle is also in an overlapping visit."""
    plan = ctx.plan
    for clash in ctx.clashes:
        if clash.resource_kind == "vehicle":
            i = next((i for i, p in enumerate(plan.pickups) if p.vehicle and p.vehicle.name == clash.resource), 0)
            target = f"pickups[{i}].vehicle"
        else:
            i = next((i for i, h in enumerate(plan.hosts) if h.name == clash.resource), 0)
            target = f"hosts[{i}]"
        yield Finding(
            "resource.double_booked",
            ERROR,
            ctx._('{resource} is also booked for the overlapping visit #{id} "{title}".').format(
                resource=clash.resource, id=clash.other_visit_id, title=clash.other_title
            ),
            target,
            clash.resource,
        )
