"""People: enough hosts at the welcome, the tour's guide and door keepers."""

from __future__ import annotations

from collections.abc import Iterator

from hospitality_app.rules.context import CheckContext
from hospitality_app.rules.finding import WARNING, Finding


def hosts_fewer_than_visitors(ctx: CheckContext) -> Iterator[Finding]:
    """staffing.hosts_fewer_than_visitors: the seed's rule, our people at the lift at least as
    many as theirs. Hosts who only drive are not at the welcome."""
    hosts = [h for h in ctx.plan.hosts if not h.only_driver]
    visitors = len(ctx.plan.visitors)
    if len(hosts) < visitors:
        yield Finding(
            "staffing.hosts_fewer_than_visitors",
            WARNING,
            (
                ctx._("{hosts} for {visitors} at the welcome: add {missing} more (drivers do not count).")
                if hosts
                else ctx._("Nobody to welcome {visitors}: add as many hosts (drivers do not count).")
            ).format(
                hosts=ctx.n_("{n} host", "{n} hosts", len(hosts)).format(n=len(hosts)),
                visitors=ctx.n_("{n} visitor", "{n} visitors", visitors).format(n=visitors),
                missing=visitors - len(hosts),
            ),
            "hosts",
            ctx._("hosts"),
        )


def tour_missing_roles(ctx: CheckContext) -> Iterator[Finding]:
    """tour.missing_roles: a tour needs a guide and someone at the front and back doors."""
    tour = ctx.plan.tour
    if tour is None:
        return
    names = {"guide": ctx._("guide"), "door_front": ctx._("front door"), "door_back": ctx._("back door")}
    missing = [role for role in names if getattr(tour, role) is None]
    if missing:
        yield Finding(
            "tour.missing_roles",
            WARNING,
            ctx._("The factory tour has nobody for: {roles}.").format(roles=ctx.list_text(names[r] for r in missing)),
            f"tour.{missing[0]}",
            ctx._("factory tour"),
        )
