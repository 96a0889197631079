"""Generated visits inserted in bulk, for benchmarks and the list's paging (`demo --visits N`):
100,000 in a few seconds with Core executemany, around today, across the shipped countries."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from sqlalchemy import Engine, func, insert, select

from hospitality_app.models import Company, Staff, Visit, VisitHost
from hospitality_app.services.demo import OFFICE, TZ


def bulk_visits(engine: Engine, count: int, *, now: datetime, seed: int = 7, history: bool = False) -> int:
    """Insert `count` generated visits with Core executemany (100,000 in a few seconds): from two
    years back to one year ahead, or with `history`, all of them over before `now` (a team's past,
    for measuring what must not grow with it)."""
    from hospitality_app.services.regions import shipped

    rng = random.Random(seed)
    countries = sorted(shipped())
    statuses = ("draft", "confirmed", "in_progress", "completed", "cancelled")
    with engine.begin() as conn:
        existing = set(conn.scalars(select(Company.name).where(Company.name.like("Generated Client %"))))
        missing = [i for i in range(500) if f"Generated Client {i:04d}" not in existing]
        if missing:
            conn.execute(
                insert(Company),
                [
                    {
                        "name": f"Generated Client {i:04d}",
                        "country": countries[i % len(countries)],
                        "city": "",
                        "website": "",
                        "gift_policy": "accepts",
                        "research": "",
                        "version": 1,
                    }
                    for i in missing
                ],
            )
        company_ids = list(conn.scalars(select(Company.id).where(Company.name.like("Generated Client %"))))
        staff_ids = list(conn.scalars(select(Staff.id).where(Staff.name.like("Generated Sales %"))))
        if not staff_ids:
            conn.execute(
                insert(Staff),
                [
                    {
                        "name": f"Generated Sales {i:02d}",
                        "department": "Sales",
                        "job_title": "",
                        "languages": ["zh", "en"],
                        "phone": "",
                        "email": "",
                        "drives": False,
                        "manages": False,
                        "version": 1,
                    }
                    for i in range(20)
                ],
            )
            staff_ids = list(conn.scalars(select(Staff.id).where(Staff.name.like("Generated Sales %"))))
        first_id = (conn.scalar(select(func.max(Visit.id))) or 0) + 1
        chunk = 10_000
        for offset in range(0, count, chunk):
            rows, hosts = [], []
            for i in range(offset, min(count, offset + chunk)):
                if history:
                    start = now - timedelta(days=rng.randint(4, 20 * 365), hours=rng.randint(0, 8))
                else:
                    start = now + timedelta(days=rng.randint(-720, 360), hours=rng.randint(0, 8))
                visit_id = first_id + i
                rows.append(
                    {
                        "id": visit_id,
                        "company_id": rng.choice(company_ids),
                        "title": f"Generated visit {i + 1}",
                        "purpose": "",
                        "status": rng.choice(statuses),
                        "timezone": TZ,
                        "start": start,
                        "end": start + timedelta(hours=rng.choice((8, 32, 56))),
                        "key_account": rng.random() < 0.1,
                        "first_visit": False,
                        "client_locale": "en",
                        "office_address": OFFICE,
                        "order_currency": "",
                        "outcome_notes": "",
                        "updated_at": now,
                        "version": 1,
                    }
                )
                hosts.append(
                    {"visit_id": visit_id, "staff_id": rng.choice(staff_ids), "role": "sales_lead", "position": 0}
                )
            conn.execute(insert(Visit), rows)
            conn.execute(insert(VisitHost), hosts)
        if conn.dialect.name == "postgresql":
            # Explicit ids do not advance PostgreSQL's sequence; the next visit would collide.
            conn.exec_driver_sql("SELECT setval(pg_get_serial_sequence('visit', 'id'), (SELECT max(id) FROM visit))")
    return count
