"""How findings name the parts of a plan for people: meal 2 (lunch 2026-12-03 12:00) / …"""

from __future__ import annotations

from hospitality_app.rules.context import CheckContext


def _once(ctx: CheckContext, kind: str, i: int | str, make) -> str:
    # Large plans produce many findings per item, and several rules name the same items; the
    # label (a date and time written by Babel) is the same each time.
    key = (kind, i)
    if key not in ctx.cache:
        ctx.cache[key] = make(ctx, i)
    return ctx.cache[key]


def meal(ctx: CheckContext, i: int) -> str:
    return _once(ctx, "meal", i, _meal)


def _meal(ctx: CheckContext, i: int) -> str:
    m = ctx.plan.meals[i]
    return ctx._("meal {n} ({kind} {time})").format(n=i + 1, kind=ctx._(m.kind), time=ctx.local(m.start))


def dish(ctx: CheckContext, name: str) -> str:
    return _once(ctx, "dish", name, lambda ctx, name: ctx._('dish "{name}"').format(name=name))


def visitor(ctx: CheckContext, name: str) -> str:
    return _once(ctx, "visitor", name, lambda ctx, name: ctx._('visitor "{name}"').format(name=name))


def pickup(ctx: CheckContext, i: int) -> str:
    return _once(ctx, "pickup", i, _pickup)


def _pickup(ctx: CheckContext, i: int) -> str:
    p = ctx.plan.pickups[i]
    what = f"{p.carrier_number} " if p.carrier_number else ""
    return ctx._("pickup {n} ({what}{time})").format(n=i + 1, what=what, time=ctx.local(p.driver_due))


def agenda(ctx: CheckContext, i: int) -> str:
    return _once(ctx, "agenda", i, _agenda)


def _agenda(ctx: CheckContext, i: int) -> str:
    a = ctx.plan.agenda[i]
    return ctx._('agenda item "{title}" ({time})').format(title=a.title, time=ctx.local(a.start))


def join(*parts: str) -> str:
    return " / ".join(p for p in parts if p)
