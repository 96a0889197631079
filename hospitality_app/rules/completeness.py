"""What a plan still lacks: visitors, hosts, an agenda (notes, so a new plan is not "ready")."""

from __future__ import annotations

from collections.abc import Iterator

from hospitality_app.rules.context import CheckContext
from hospitality_app.rules.finding import INFO, Finding


def no_visitors(ctx: CheckContext) -> Iterator[Finding]:
    """plan.no_visitors: nobody is coming yet, so no diet or allergy can be checked."""
    if not ctx.plan.visitors:
        yield Finding(
            "plan.no_visitors",
            INFO,
            ctx._("No visitors yet: add who is coming, with their diet and allergies."),
            "visitors",
            ctx._("Visitors"),
        )


def no_hosts(ctx: CheckContext) -> Iterator[Finding]:
    """plan.no_hosts: nobody of ours receives the visitors yet."""
    if not ctx.plan.hosts:
        yield Finding(
            "plan.no_hosts",
            INFO,
            ctx._("No hosts yet: add the colleagues who receive the visitors."),
            "hosts",
            ctx._("Hosts"),
        )


def no_agenda(ctx: CheckContext) -> Iterator[Finding]:
    """plan.no_agenda: the meeting has no items yet."""
    if not ctx.plan.agenda:
        yield Finding(
            "plan.no_agenda",
            INFO,
            ctx._("No agenda yet: add the items of the meeting."),
            "agenda",
            ctx._("Agenda"),
        )
