"""Validate a whole visit plan; the first problem raises ValidationError naming its JSON path."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from hospitality_app import limits, vocab
from hospitality_app.errors import ValidationError
from hospitality_app.i18n import N_
from hospitality_app.services.dto import VisitPlan


def check_code(path: str, value: str, allowed: Iterable[str], what: str) -> None:
    allowed = tuple(allowed)
    if value not in allowed:
        raise ValidationError(
            path,
            "unknown {what} {value!r} (expected one of: {allowed})",
            what=what,
            value=value,
            allowed=", ".join(allowed),
        )


def check_codes(path: str, values: Iterable[str], allowed: Iterable[str], what: str) -> None:
    allowed = tuple(allowed)
    for i, value in enumerate(values):
        check_code(f"{path}[{i}]", value, allowed, what)


def check_timezone(path: str, name: str) -> None:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # "Asia" is a folder of the zone data
        raise ValidationError(
            path, "unknown time zone {name!r} (use an IANA name such as Asia/Shanghai)", name=name[:80]
        ) from None


@cache
def _territories() -> frozenset[str]:
    from babel import Locale

    territories = Locale("en").territories  # keys typed str | int | None; they are str codes
    return frozenset(code for code in territories if isinstance(code, str) and len(code) == 2 and code.isalpha())


def check_country(path: str, code: str) -> None:
    _required(path, code)
    if code not in _territories():
        raise ValidationError(path, "unknown country code {code!r} (use ISO 3166 codes such as ID, DE)", code=code)


def check_locale(path: str, name: str) -> None:
    from babel import Locale, UnknownLocaleError

    try:
        Locale.parse(name)
    except (UnknownLocaleError, ValueError, TypeError):
        raise ValidationError(path, "unknown locale {name!r} (such as en, zh_CN, id_ID)", name=name) from None


MISSING = "must not be empty"  # a field not filled in yet: the window waits for Save to say it


def _required(path: str, value: str) -> None:
    if not value or not value.strip():
        raise ValidationError(path, MISSING)


def _unique_names(path: str, names: list[str], what: str) -> None:
    seen: set[str] = set()
    for i, name in enumerate(names):
        _required(f"{path}[{i}].name", name)
        if name in seen:
            raise ValidationError(f"{path}[{i}].name", "{what} {name!r} is listed twice", what=what, name=name)
        seen.add(name)


# The plan's field names where the file's differ; the plan's own fields are under "visit".
_JSON_NAMES = {"origin": "from", "destination": "to", "recipient": "for"}
_TOP_PARTS = {f.name for f in dataclasses.fields(VisitPlan)} - {
    "title", "timezone", "start", "end", "purpose", "status", "key_account", "first_visit",
    "client_locale", "office_address",
}  # fmt: skip
_NOT_CONTENT = {"id", "version", "given", "base"}


def check_limits(value: Any, path: str) -> None:
    """Every text, number, amount and date of the plan against `limits`, named by its JSON path."""
    if isinstance(value, str):
        limits.check_text(path, value)
    elif isinstance(value, bool) or value is None:
        return
    elif isinstance(value, int):
        limits.check_number(path, value)
    elif isinstance(value, Decimal):
        limits.check_amount(path, value)
    elif isinstance(value, date):
        limits.check_day(path, value)
    elif isinstance(value, tuple):
        for i, item in enumerate(value):
            if isinstance(item, str):
                limits.check_text(f"{path}[{i}]", item, multi_line=False, most=limits.ITEM_LENGTH)
            else:
                check_limits(item, f"{path}[{i}]")
    elif dataclasses.is_dataclass(value):
        for f in dataclasses.fields(value):
            if f.name in _NOT_CONTENT:
                continue
            name = _JSON_NAMES.get(f.name, f.name)
            if isinstance(value, VisitPlan):
                child = name if name in _TOP_PARTS else f"visit.{name}"
            else:
                child = f"{path}.{name}"
            check_limits(getattr(value, f.name), child)


def _no_repeats(path: str, names: Iterable[str], what: str) -> None:
    seen: set[str] = set()
    for i, name in enumerate(names):
        if name in seen:
            raise ValidationError(f"{path}[{i}]", "{what} {name!r} is listed twice", what=what, name=name)
        seen.add(name)


def validate_plan(plan: VisitPlan) -> None:
    """Raise ValidationError for the first thing in `plan` that breaks a rule of the domain."""
    errors = validation_errors(plan)
    if errors:
        try:
            raise errors[0]
        finally:
            del errors  # not kept by this frame, which the traceback holds: no cycle (see below)


def validation_errors(plan: VisitPlan) -> list[ValidationError]:
    """What in `plan` breaks a rule of the domain, first things first: each of the visit's and
    the company's own fields, then the first mistake among the rest. A planner shows them all at
    once (an empty title and an end before the start were said one Save after the other)."""
    checks = (
        lambda: check_limits(plan, ""),
        lambda: limits.check_length_of_visit("visit.end", plan.start, plan.end),
        lambda: _required("visit.title", plan.title),
        lambda: check_timezone("visit.timezone", plan.timezone),
        lambda: _ends_after_it_starts(plan),
        lambda: check_code("visit.status", plan.status, vocab.VISIT_STATUSES, N_("status")),
        lambda: check_locale("visit.client_locale", plan.client_locale),
        lambda: _required("company.name", plan.company.name),
        lambda: check_country("company.country", plan.company.country),
        lambda: check_code("company.gift_policy", plan.company.gift_policy, vocab.GIFT_POLICIES, N_("gift policy")),
        lambda: _check_parts(plan),
    )
    errors: list[ValidationError] = []
    for check in checks:
        try:
            check()
        except ValidationError as exc:
            if all(exc.path != known.path for known in errors):  # one mistake a field
                # Without its traceback: kept, it held this frame and its callers' (a planner
                # window) in a cycle that the garbage collector freed in whatever thread it ran,
                # and Qt objects must not be deleted off their own thread.
                errors.append(exc.with_traceback(None))
    return errors


def _ends_after_it_starts(plan: VisitPlan) -> None:
    if plan.end <= plan.start:
        raise ValidationError("visit.end", "the visit must end after it starts")


def _check_parts(plan: VisitPlan) -> None:
    """The people, pickups, stays, meals, tour, agenda, gifts and checklist of `plan`."""
    visitors = {v.name for v in plan.visitors}
    hosts = {h.name for h in plan.hosts}
    _unique_names("visitors", [v.name for v in plan.visitors], N_("visitor"))
    _unique_names("hosts", [h.name for h in plan.hosts], N_("host"))
    for i, v in enumerate(plan.visitors):
        check_codes(f"visitors[{i}].dietary", v.dietary, vocab.DIETARY, N_("restriction"))
        check_codes(f"visitors[{i}].allergies", v.allergies, vocab.ALLERGENS, N_("allergen"))
        if v.salutation:
            check_code(f"visitors[{i}].salutation", v.salutation, vocab.SALUTATIONS, N_("salutation"))
    for i, h in enumerate(plan.hosts):
        if h.name in visitors:
            raise ValidationError(f"hosts[{i}].name", "{name!r} is already a visitor", name=h.name)
        check_codes(f"hosts[{i}].roles", h.roles, vocab.HOST_ROLES, N_("host role"))
        _no_repeats(f"hosts[{i}].roles", h.roles, N_("role"))

    def person(path: str, name: str | None, pool: set[str], what: str) -> None:
        if name is not None and name not in pool:
            raise ValidationError(path, "{name!r} is not {what} of this visit", name=name, what=what)

    for i, p in enumerate(plan.pickups):
        at = f"pickups[{i}]"
        check_code(f"{at}.kind", p.kind, vocab.PICKUP_KINDS, N_("pickup kind"))
        person(f"{at}.driver", p.driver, hosts, N_("a host"))
        if p.vehicle is not None:
            _required(f"{at}.vehicle.name", p.vehicle.name)
            if p.vehicle.seats < 1:
                raise ValidationError(f"{at}.vehicle.seats", "a vehicle needs at least one seat")
        for j, name in enumerate(p.passengers):
            person(f"{at}.passengers[{j}]", name, visitors, N_("a visitor"))
        _no_repeats(f"{at}.passengers", p.passengers, N_("passenger"))
        if p.luggage_pieces < 0:
            raise ValidationError(f"{at}.luggage_pieces", "must not be negative")
        if p.confirm_call_minutes_before is not None and p.confirm_call_minutes_before < 0:
            raise ValidationError(f"{at}.confirm_call_minutes_before", "must not be negative")

    for i, s in enumerate(plan.hotel_stays):
        at = f"hotel_stays[{i}]"
        _required(f"{at}.hotel.name", s.hotel.name)
        if s.hotel.drive_minutes is not None and s.hotel.drive_minutes < 0:
            raise ValidationError(f"{at}.hotel.drive_minutes", "must not be negative")
        if s.check_out <= s.check_in:
            raise ValidationError(f"{at}.check_out", "check-out must be after check-in")
        check_code(f"{at}.booked_by", s.booked_by, vocab.PARTIES, N_("party"))
        check_code(f"{at}.paid_by", s.paid_by, vocab.PARTIES, N_("party"))
        for j, room in enumerate(s.rooms):
            if room.count < 1:
                raise ValidationError(f"{at}.rooms[{j}].count", "at least one room")
        for j, name in enumerate(s.guests):
            person(f"{at}.guests[{j}]", name, visitors, N_("a visitor"))
        _no_repeats(f"{at}.guests", s.guests, N_("guest"))

    for i, m in enumerate(plan.meals):
        at = f"meals[{i}]"
        if m.end <= m.start:
            raise ValidationError(f"{at}.end", "the meal must end after it starts")
        check_code(f"{at}.kind", m.kind, vocab.MEAL_KINDS, N_("meal kind"))
        if m.restaurant is not None:
            _required(f"{at}.restaurant.name", m.restaurant.name)
        for j, name in enumerate(m.attendees):
            person(f"{at}.attendees[{j}]", name, visitors | hosts, N_("a visitor or host"))
        _no_repeats(f"{at}.attendees", m.attendees, N_("attendee"))
        _no_repeats(f"{at}.dishes", [d.name for d in m.dishes], N_("dish"))
        for j, dish in enumerate(m.dishes):
            _required(f"{at}.dishes[{j}].name", dish.name)
            check_codes(f"{at}.dishes[{j}].contains", dish.contains, vocab.DISH_CONTENTS, N_("ingredient"))

    if plan.tour is not None:
        for role in ("guide", "door_front", "door_back"):
            person(f"tour.{role}", getattr(plan.tour, role), hosts, N_("a host"))
        for j, stop in enumerate(plan.tour.stops):
            _required(f"tour.stops[{j}].name", stop.name)
            if stop.minutes < 1:
                raise ValidationError(f"tour.stops[{j}].minutes", "at least one minute")
            check_code(f"tour.stops[{j}].view", stop.view, vocab.TOUR_VIEWS, N_("view"))

    for i, a in enumerate(plan.agenda):
        at = f"agenda[{i}]"
        _required(f"{at}.title", a.title)
        if a.minutes < 1:
            raise ValidationError(f"{at}.minutes", "at least one minute")
        check_code(f"{at}.kind", a.kind, vocab.AGENDA_KINDS, N_("agenda kind"))
        person(f"{at}.presenter", a.presenter, hosts | visitors, N_("a host or visitor"))
        check_codes(f"{at}.topics", a.topics, vocab.NEGOTIATION_TOPICS, N_("topic"))

    for i, g in enumerate(plan.gifts):
        _required(f"gifts[{i}].item", g.item)
        person(f"gifts[{i}].for", g.recipient, visitors, N_("a visitor"))

    for i, c in enumerate(plan.checklist):
        check_code(f"checklist[{i}].phase", c.phase, vocab.CHECKLIST_PHASES, N_("phase"))
        _required(f"checklist[{i}].title", c.title)
        if c.assignee_role:
            check_code(f"checklist[{i}].assignee_role", c.assignee_role, vocab.HOST_ROLES, N_("host role"))

    _consistent_places(plan)

    if plan.outcome is not None:
        check_code("outcome.status", plan.outcome.status, vocab.OUTCOMES, N_("outcome"))


def _consistent_places(plan: VisitPlan) -> None:
    """A vehicle, hotel, restaurant or dish is one thing however often the plan names it, so
    two mentions must agree (otherwise one would silently overwrite the other)."""
    seen: dict[tuple, tuple[str, object]] = {}

    def same(kind: str, name: str, value: object, path: str, what: str) -> None:
        first = seen.setdefault((kind, name), (path, value))
        if first[1] != value:
            raise ValidationError(path, "{what} {name!r} differs from {first}", what=what, name=name, first=first[0])

    for i, p in enumerate(plan.pickups):
        if p.vehicle is not None:
            same("vehicle", p.vehicle.name, p.vehicle.seats, f"pickups[{i}].vehicle", N_("vehicle"))
    for i, s in enumerate(plan.hotel_stays):
        same("hotel", s.hotel.name, s.hotel, f"hotel_stays[{i}].hotel", N_("hotel"))
    for i, m in enumerate(plan.meals):
        if m.restaurant is not None:
            same("restaurant", m.restaurant.name, m.restaurant, f"meals[{i}].restaurant", N_("restaurant"))
        where = m.restaurant.name if m.restaurant else ""
        for j, d in enumerate(m.dishes):
            same(f"dish@{where}", d.name, tuple(sorted(d.contains)), f"meals[{i}].dishes[{j}]", N_("dish"))
