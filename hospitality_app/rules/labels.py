"""How findings name the parts of a plan for people: meal 2 (lunch 2026-12-03 12:00) / …"""

from __future__ import annotations

from hospitality_app.rules.context import CheckContext


def meal(ctx: CheckContext, i: int) -> str:
    # Large plans produce many findings per meal; the label is the same for each of them.
    key = ("meal", i)
    if key not in ctx.cache:
        ctx.cache[key] = _meal(ctx, i)
    return ctx.cache[key]


def _meal(ctx: CheckContext, i: int) -> str:
    m = ctx.plan.meals[i]
    return ctx._("meal {n} ({kind} {time})").format(n=i + 1, kind=ctx._(m.kind), time=ctx.local(m.start))


def dish(ctx: CheckContext, name: str) -> str:
    return ctx._('dish "{name}"').format(name=name)


def visitor(ctx: CheckContext, name: str) -> str:
    return ctx._('visitor "{name}"').format(name=name)


def pickup(ctx: CheckContext, i: int) -> str:
    p = ctx.plan.pickups[i]
    what = f"{p.carrier_number} " if p.carrier_number else ""
    return ctx._("pickup {n} ({what}{time})").format(n=i + 1, what=what, time=ctx.local(p.driver_due))


def agenda(ctx: CheckContext, i: int) -> str:
    a = ctx.plan.agenda[i]
    return ctx._('agenda item "{title}" ({time})').format(title=a.title, time=ctx.local(a.start))


def join(*parts: str) -> str:
    return " / ".join(p for p in parts if p)
