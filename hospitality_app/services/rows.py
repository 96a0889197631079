"""The visit list's rows and readiness figures: what the window needs for its first paint, apart
from the whole plan's data transfer objects (services.dto), which load after it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class VisitRow:
    """One row of the visit list (its readiness comes from services.readiness, live)."""

    id: int
    title: str
    company: str
    country: str
    status: str
    start: datetime
    end: datetime
    timezone: str
    sales_lead: str
    key_account: bool
    checklist_done: int = 0
    checklist_total: int = 0


@dataclass(frozen=True)
class Readiness:
    """A visit's readiness in numbers, as the visit list and the dashboard show it."""

    errors: int
    warnings: int
    missing: int = 0  # parts a plan still lacks (visitors, hosts, agenda): not ready, though not wrong
