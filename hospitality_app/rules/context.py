"""Everything a rule may read: the plan, the clock, the translator and outside knowledge."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from hospitality_app.formats import moment_text, short_moment_text, time_text
from hospitality_app.hosting_calendars.site import Site, site_for
from hospitality_app.i18n import list_text
from hospitality_app.rules.dietary_data import DietaryRules
from hospitality_app.services.dto import VisitPlan


@dataclass(frozen=True)
class Clash:
    """Another visit overlapping this one that uses the same driver, host or vehicle."""

    resource_kind: str  # staff / vehicle
    resource: str
    other_visit_id: int
    other_title: str


@dataclass(frozen=True)
class RegionFacts:
    """What the regional notes say that a rule acts on."""

    country_name: str = ""
    expect_delay: bool = False
    hotel_payment_is_bribe: bool = False


NO_FACTS = RegionFacts()


@dataclass(frozen=True)
class CheckContext:
    plan: VisitPlan
    now: datetime
    tr: Callable[[str], str]
    diet: DietaryRules
    region: RegionFacts = NO_FACTS
    clashes: tuple[Clash, ...] = field(default=())
    cache: dict = field(default_factory=dict, compare=False, repr=False)
    locale: str = "en"
    # Where the factory is (holidays, shutdowns, sunset): None, the visit's zone's country and city.
    where: Site | None = None

    @property
    def site(self) -> Site:
        return self.where if self.where is not None else site_for(self.plan.timezone)

    def _(self, message: str) -> str:
        return self.tr(message)

    def n_(self, singular: str, plural: str, n: int) -> str:
        """The message for `n` things, in the plural the language uses for `n`."""
        from hospitality_app.i18n import translator

        return translator(self.locale).ngettext(singular, plural, n)

    def list_text(self, items) -> str:
        """Items as the message's language lists them: "pork, alcohol", "猪肉、酒"."""
        return list_text(items, self.locale)

    def things(self, codes) -> str:
        """Codes (pork, shellfish) translated and listed; the same few lists recur in the
        thousands of findings a large plan can have, so each is written once."""
        key = ("things", tuple(codes))
        if key not in self.cache:
            self.cache[key] = self.list_text(self._(c) for c in key[1])
        return self.cache[key]

    def local(self, moment: datetime) -> str:
        """A day and time of the visit as the message's language writes it, in the visit's zone;
        without its year only when the visit and the moment are all in one year (a start typed
        in the wrong year read "2 Feb 07:02 to 3 Oct 14:00", hiding the mistake)."""
        here = self.plan.local(moment)
        if "year" not in self.cache:  # the visit's one year, or None when it spans two
            start, end = self.plan.local(self.plan.start).year, self.plan.local(self.plan.end).year
            self.cache["year"] = start if start == end else None
        if here.year == self.cache["year"]:
            return short_moment_text(here, self.locale)
        return moment_text(here, self.locale)

    def local_time(self, moment: datetime) -> str:
        return time_text(self.plan.local(moment), self.locale)
