"""The team's settings, stored in the database: the letterhead and the site (where the factory
is, its shutdowns, the Ramadan dates as announced). Each value is checked before it is stored."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from hospitality_app.errors import ValidationError
from hospitality_app.hosting_calendars.site import SETTING_KEYS as SITE_KEYS
from hospitality_app.hosting_calendars.site import Site, normalized, site_for
from hospitality_app.models import AppSetting
from hospitality_app.services.documents import LETTERHEAD_KEYS
from hospitality_app.services.dto import VisitPlan

KEYS = (*LETTERHEAD_KEYS, *SITE_KEYS)


def set_setting(session: Session, key: str, value: str) -> None:
    if key not in KEYS:
        raise ValidationError("setting", f"unknown setting {key!r} (one of: {', '.join(KEYS)})")
    if key == "company.logo" and value and not Path(value).is_file():
        raise ValidationError("company.logo", "no image at {value!r}", value=value)
    if key in SITE_KEYS:
        value = normalized(key, value)  # refuses what it cannot read, naming the setting
    row = session.get(AppSetting, key)
    if row is None:
        session.add(AppSetting(key=key, value=value))
    else:
        row.value = value


def settings(session: Session) -> dict[str, str]:
    rows = session.query(AppSetting).filter(AppSetting.key.in_(KEYS))
    found = {row.key: row.value for row in rows}
    return {key: found.get(key, "") for key in KEYS}


def site_settings(session: Session) -> dict[str, str]:
    """The site's settings as stored (site_for reads them)."""
    return {row.key: row.value for row in session.query(AppSetting).filter(AppSetting.key.in_(SITE_KEYS))}


def site_of(session: Session | None, plan: VisitPlan) -> Site:
    """The site of `plan`: its zone's country and city, corrected by the settings."""
    return site_for(plan.timezone, site_settings(session) if session is not None else None)
