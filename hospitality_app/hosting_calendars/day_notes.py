"""What each day of a visit holds on the hosting calendars, for the planner: holidays at the site
and at home, the factory's shutdown, China's make-up working weekends, and for the visitors who
keep them the Ramadan fast (dawn to sunset), the Friday prayer and Shabbat, as lines to read
and windows for the timeline to shade."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from hospitality_app.formats import country_text, time_text
from hospitality_app.hosting_calendars import islamic, public_holidays, sky
from hospitality_app.hosting_calendars.site import Site
from hospitality_app.i18n import translator
from hospitality_app.services.dto import VisitPlan

FRIDAY, SATURDAY = 4, 5


@dataclass(frozen=True)
class Window:
    kind: str  # fast, prayer, shabbat, closed
    start: datetime
    end: datetime


@dataclass(frozen=True)
class DayNotes:
    day: date
    lines: tuple[str, ...] = ()
    windows: tuple[Window, ...] = ()


def day_notes(plan: VisitPlan, site: Site, locale: str = "en") -> dict[date, DayNotes]:
    """The notes of every day of the visit that has any."""
    _ = translator(locale).gettext
    zone = plan.zone
    first, last = plan.local(plan.start).date(), plan.local(plan.end).date()
    days = [first + timedelta(days=n) for n in range(max(0, (last - first).days) + 1)]
    if not days:
        return {}
    diets = {d for v in plan.visitors for d in v.dietary}
    fasting = any("halal" in v.dietary and v.observes_fasting is not False for v in plan.visitors)
    client = plan.company.country.upper()
    at_site = public_holidays.between(site.country, first, last, locale)
    at_home = public_holidays.between(client, first, last, locale) if client != site.country else {}
    working = public_holidays.working_weekend_days(site.country, first, last)
    ramadan = islamic.ramadan_days(first, last, site.ramadan_starts) if "halal" in diets else set()
    where = site.coordinates
    out = {}
    for day in days:
        lines: list[str] = []
        windows: list[Window] = []
        midnight = datetime.combine(day, time(), zone)
        if day in at_site:
            lines.append(
                _("Public holiday in {country}: {holiday}").format(
                    country=country_text(site.country, locale), holiday=at_site[day]
                )
            )
        if day in at_home:
            lines.append(
                _("Public holiday in {country}: {holiday}").format(
                    country=country_text(client, locale), holiday=at_home[day]
                )
            )
        if day in working:
            lines.append(_("A working day: the weekend day worked in exchange for a holiday"))
        if any(a <= day <= b for a, b in site.closures):
            lines.append(_("The factory is shut down"))
            windows.append(Window("closed", midnight, midnight + timedelta(days=1)))
        if where is not None and day in ramadan and fasting:
            dawn, sunset = sky.dawn(where, day, plan.timezone), sky.sunset(where, day, plan.timezone)
            if dawn is not None and sunset is not None:
                lines.append(
                    _(
                        "Ramadan: the fast runs from dawn {dawn} to sunset {sunset}; offer an iftar dinner after "
                        "sunset rather than lunch (Umm al-Qura dates; the local announcement may differ by a day)"
                    ).format(dawn=time_text(dawn, locale), sunset=time_text(sunset, locale))
                )
                windows.append(Window("fast", dawn, sunset))
        if where is not None and day.weekday() == FRIDAY and "halal" in diets:
            start, end = sky.jumuah(where, day, plan.timezone)
            lines.append(
                _("Friday prayer {start}–{end}: keep it free for the Muslim visitors").format(
                    start=time_text(start, locale), end=time_text(end, locale)
                )
            )
            windows.append(Window("prayer", start, end))
        if where is not None and "kosher" in diets and day.weekday() in (FRIDAY, SATURDAY):
            if day.weekday() == FRIDAY and (sunset := sky.sunset(where, day, plan.timezone)) is not None:
                lines.append(_("Shabbat begins at sunset, {time}").format(time=time_text(sunset, locale)))
                windows.append(Window("shabbat", sunset, midnight + timedelta(days=1)))
            if day.weekday() == SATURDAY and (nightfall := sky.nightfall(where, day, plan.timezone)) is not None:
                lines.append(_("Shabbat until nightfall, {time}").format(time=time_text(nightfall, locale)))
                windows.append(Window("shabbat", midnight, nightfall))
        if lines:
            out[day] = DayNotes(day, tuple(lines), tuple(windows))
    return out
