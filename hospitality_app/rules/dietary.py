"""Meals against the visitors who attend them: restrictions, allergens, certified kitchens."""

from __future__ import annotations

from collections.abc import Iterator

from hospitality_app.rules import labels
from hospitality_app.rules.context import CheckContext
from hospitality_app.rules.finding import ERROR, WARNING, Finding


def _attending(ctx: CheckContext, meal):
    # A dict by name, built once per check: a large visit asks about each guest at every meal.
    by_name = ctx.cache.get("visitors by name")
    if by_name is None:
        by_name = ctx.cache["visitors by name"] = {v.name: v for v in reversed(ctx.plan.visitors)}
    for name in meal.attendees:
        visitor = by_name.get(name)
        if visitor is not None:
            yield visitor


def forbidden(ctx: CheckContext) -> Iterator[Finding]:
    """dietary.forbidden: a dish (or the meal's alcohol) breaks an attending visitor's restriction."""
    template = ctx._('"{dish}" contains {what}, which {name} does not eat ({restriction}).')
    # The same dishes and the same guests recur at many meals: each verdict and each message is
    # worked out once, and a guest is only walked through the dishes their diet forbids (a large
    # visit has thousands of findings, and this rule was most of its check).
    verdicts: dict[tuple[str, tuple[str, ...]], list[str]] = {}
    messages: dict[tuple[str, str, str], str] = {}
    for i, meal in enumerate(ctx.plan.meals):
        meal_label = labels.meal(ctx, i)
        # For each combination of restrictions, the (dish, restriction) pairs it forbids here,
        # in the order of the dishes; guests who keep the same diet share it.
        forbidden_here: dict[tuple[str, ...], list[tuple[int, str]]] = {}
        where: dict[int, tuple[str, str]] = {}
        for visitor in _attending(ctx, meal):
            hits = forbidden_here.get(visitor.dietary)
            if hits is None:
                hits = forbidden_here[visitor.dietary] = []
                for j, dish in enumerate(meal.dishes):
                    for restriction in visitor.dietary:
                        key = (restriction, tuple(dish.contains))
                        if key not in verdicts:
                            verdicts[key] = ctx.diet.violations(restriction, dish.contains)
                        if verdicts[key]:
                            hits.append((j, restriction))
            visitor_label = labels.visitor(ctx, visitor.name)
            for j, restriction in hits:
                dish = meal.dishes[j]
                if j not in where:
                    where[j] = (f"meals[{i}].dishes[{j}]", f"{meal_label} / {labels.dish(ctx, dish.name)} / ")
                said = (dish.name, visitor.name, restriction)
                message = messages.get(said)
                if message is None:
                    message = messages[said] = template.format(
                        dish=dish.name,
                        what=ctx.things(verdicts[(restriction, tuple(dish.contains))]),
                        name=visitor.name,
                        restriction=ctx._(restriction),
                    )
                path, subject = where[j]
                yield Finding("dietary.forbidden", ERROR, message, path, subject + visitor_label)
            if meal.alcohol_served:
                for restriction in visitor.dietary:
                    if "alcohol" in ctx.diet.restrictions[restriction].forbids:
                        yield Finding(
                            "dietary.forbidden",
                            WARNING,
                            ctx._(
                                "Alcohol is served at this meal and {name} does not drink "
                                "({restriction}); keep it away from their seat."
                            ).format(name=visitor.name, restriction=ctx._(restriction)),
                            f"meals[{i}].alcohol_served",
                            labels.join(labels.meal(ctx, i), labels.visitor(ctx, visitor.name)),
                        )
                        break


def allergen(ctx: CheckContext) -> Iterator[Finding]:
    """dietary.allergen: a dish contains something an attending visitor is allergic to."""
    for i, meal in enumerate(ctx.plan.meals):
        for visitor in _attending(ctx, meal):
            if not visitor.allergies:
                continue  # most guests: nothing to look for in the dishes
            for j, dish in enumerate(meal.dishes):
                hits = [a for a in visitor.allergies if a in dish.contains]
                if hits:
                    yield Finding(
                        "dietary.allergen",
                        ERROR,
                        ctx._('"{dish}" contains {what}: {name} is allergic.').format(
                            dish=dish.name, what=ctx.things(hits), name=visitor.name
                        ),
                        f"meals[{i}].dishes[{j}]",
                        labels.join(
                            labels.meal(ctx, i), labels.dish(ctx, dish.name), labels.visitor(ctx, visitor.name)
                        ),
                    )


def uncertified(ctx: CheckContext) -> Iterator[Finding]:
    """dietary.uncertified: meat for halal (kosher) visitors from a kitchen not so certified.
    One finding per dish and certification, naming every visitor concerned."""
    template = ctx._('"{dish}" has {meat} but {place} is not {cert}-certified; {name} eats {cert} only.')
    for i, meal in enumerate(ctx.plan.meals):
        r = meal.restaurant
        certified = {"halal": bool(r and r.halal_certified), "kosher": bool(r and r.kosher_certified)}
        needs: dict[str, list[str]] = {}
        for visitor in _attending(ctx, meal):
            for d in visitor.dietary:
                cert = ctx.diet.restrictions[d].certified_meat
                if cert and not certified[cert] and visitor.name not in needs.get(cert, []):
                    needs.setdefault(cert, []).append(visitor.name)
        if not needs:
            continue
        place = r.name if r else ctx._("the restaurant")
        meal_label = labels.meal(ctx, i)
        for cert, names in sorted(needs.items()):
            # The same guests at every dish of the meal: their names, and their part of the
            # subject, written once for all of its dishes.
            who = ctx.list_text(names)
            guests = " / ".join(labels.visitor(ctx, n) for n in names)
            for j, dish in enumerate(meal.dishes):
                meat = [c for c in dish.contains if c in ctx.diet.certifiable]
                if meat:
                    yield Finding(
                        "dietary.uncertified",
                        WARNING,
                        template.format(dish=dish.name, meat=ctx.things(meat), place=place, cert=ctx._(cert), name=who),
                        f"meals[{i}].dishes[{j}]",
                        labels.join(meal_label, labels.dish(ctx, dish.name), guests),
                    )


def alcohol_before_negotiation(ctx: CheckContext) -> Iterator[Finding]:
    """meal.alcohol_before_negotiation: drinks at a meal with a negotiation later that day
    (seed: keep lunch clean and quick when talks go on in the afternoon)."""
    for i, meal in enumerate(ctx.plan.meals):
        drinks = meal.alcohol_served or any("alcohol" in d.contains for d in meal.dishes)
        if not drinks:
            continue
        day = ctx.plan.local(meal.start).date()
        for j, item in enumerate(ctx.plan.agenda):
            if item.kind == "negotiation" and item.start >= meal.start and ctx.plan.local(item.start).date() == day:
                yield Finding(
                    "meal.alcohol_before_negotiation",
                    WARNING,
                    ctx._(
                        'Alcohol at this meal, and the negotiation "{title}" follows at '
                        "{time}: keep the meal dry until the talks are done."
                    ).format(title=item.title, time=ctx.local_time(item.start)),
                    f"meals[{i}]",
                    labels.join(labels.meal(ctx, i), labels.agenda(ctx, j)),
                )
                break
