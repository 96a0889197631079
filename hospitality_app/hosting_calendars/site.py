"""The site: where the factory is. Its country and coordinates come from the visit's time zone
in the IANA data (the zone's principal city) unless the settings say otherwise, and its
shutdowns from the settings."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from hospitality_app.errors import ValidationError

SETTING_KEYS = ("site.country", "site.location", "factory.closures", "calendar.ramadan_starts")


@dataclass(frozen=True)
class Site:
    country: str  # ISO 3166 alpha-2, "" when the zone belongs to none (UTC)
    latitude: float | None = None
    longitude: float | None = None
    closures: tuple[tuple[date, date], ...] = ()  # first and last day, inclusive
    # First days of Ramadan where the team's sighting differs from the Umm al-Qura calendar.
    ramadan_starts: tuple[date, ...] = ()

    @property
    def coordinates(self) -> tuple[float, float] | None:
        """Latitude and longitude, where the site is known."""
        if self.latitude is None or self.longitude is None:
            return None
        return self.latitude, self.longitude


def site_for(timezone: str, settings: dict[str, str] | None = None) -> Site:
    """The site of a visit in `timezone`, with what `settings` (keys of SETTING_KEYS) correct."""
    settings = settings or {}
    country, latitude, longitude = _zone_table().get(timezone, ("", None, None))
    if settings.get("site.country"):
        country = parse_country(settings["site.country"])
    if settings.get("site.location"):
        latitude, longitude = parse_location(settings["site.location"])
    return Site(
        country,
        latitude,
        longitude,
        parse_closures(settings.get("factory.closures", "")),
        parse_days("calendar.ramadan_starts", settings.get("calendar.ramadan_starts", "")),
    )


def parse_country(text: str) -> str:
    """A country as a code (cn, CN) or by its name in English or Chinese (China, 中国)."""
    code = text.strip().upper()
    if re.fullmatch(r"[A-Z]{2}", code):
        return code
    found = _country_names().get(text.strip().casefold())
    if found is None:
        raise ValidationError(
            "site.country", "{value!r} is not a country: write its two-letter code, such as CN or DE", value=text
        )
    return found


def parse_location(text: str) -> tuple[float, float]:
    """ "LAT,LON" in degrees; a Chinese keyboard's full-width comma is a comma too."""
    try:
        latitude, longitude = (float(part) for part in text.replace("，", ",").split(","))
    except ValueError:
        raise ValidationError(
            "site.location", "{value!r} is not a latitude and longitude such as 24.48,118.09", value=text
        ) from None
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        raise ValidationError(
            "site.location", "{value!r}: the latitude is from -90 to 90, the longitude from -180 to 180", value=text
        )
    return latitude, longitude


def parse_closures(text: str) -> tuple[tuple[date, date], ...]:
    """ISO 8601 date intervals separated by commas: "2027-01-28/2027-02-12,2027-08-02/2027-08-06";
    a single day stands for itself."""
    closures = []
    for part in filter(None, (p.strip() for p in text.replace("，", ",").split(","))):
        first_text, _, last_text = part.partition("/")
        try:
            first = date.fromisoformat(first_text.strip())
            last = date.fromisoformat(last_text.strip()) if last_text else first
        except ValueError:
            raise ValidationError(
                "factory.closures", "{value!r} is not a period such as 2027-01-28/2027-02-12", value=part
            ) from None
        if last < first:
            raise ValidationError("factory.closures", "{value!r} ends before it starts", value=part)
        closures.append((first, last))
    return tuple(sorted(closures))


def parse_days(key: str, text: str) -> tuple[date, ...]:
    try:
        return tuple(sorted(date.fromisoformat(p.strip()) for p in text.replace("，", ",").split(",") if p.strip()))
    except ValueError:
        raise ValidationError(key, "{value!r} is not a list of dates such as 2027-02-09", value=text) from None


def normalized(key: str, value: str) -> str:
    """The value of a site setting as it is stored: checked, and written one way (CN, not China;
    commas, not full-width ones). Raises ValidationError naming the setting."""
    if not value.strip():
        return ""
    if key == "site.country":
        return parse_country(value)
    if key == "site.location":
        return ",".join(str(x) for x in parse_location(value))
    if key == "factory.closures":
        return ",".join(
            f"{a.isoformat()}/{b.isoformat()}" if a != b else a.isoformat() for a, b in parse_closures(value)
        )
    if key == "calendar.ramadan_starts":
        from hospitality_app.hosting_calendars.islamic import check_correction

        days = parse_days(key, value)
        for day in days:
            check_correction(day)
        return ",".join(d.isoformat() for d in days)
    raise KeyError(key)


@cache
def _country_names() -> dict[str, str]:
    from babel import Locale

    names: dict[str, str] = {}
    for language in ("en", "zh"):
        for code, name in Locale.parse(language).territories.items():
            if len(code) == 2 and code.isalpha():
                names[name.casefold()] = code
    return names


@cache
def _zone_table() -> dict[str, tuple[str, float, float]]:
    """zone.tab of the IANA data: each zone's country and its principal city's coordinates."""
    from importlib.resources import files

    table = {}
    text = files("tzdata").joinpath("zoneinfo", "zone.tab").read_text("utf-8")
    for line in text.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        country, coordinates, zone = line.split("\t")[:3]
        latitude, longitude = _coordinates(coordinates)
        table[zone] = (country, latitude, longitude)
    return table


def _coordinates(text: str) -> tuple[float, float]:
    """ISO 6709 as zone.tab writes it: ±DDMM±DDDMM or ±DDMMSS±DDDMMSS."""
    m = re.fullmatch(r"([+-])(\d{2})(\d{2})(\d{2})?([+-])(\d{3})(\d{2})(\d{2})?", text)
    if m is None:
        raise ValueError(f"zone.tab coordinates {text!r}")
    sign_a, dd, mm, ss, sign_o, ddd, mm_o, ss_o = m.groups()

    def degrees(sign, d, minutes, seconds):
        value = int(d) + int(minutes) / 60 + int(seconds or 0) / 3600
        return -value if sign == "-" else value

    return degrees(sign_a, dd, mm, ss), degrees(sign_o, ddd, mm_o, ss_o)
