"""Team mode: the visit list (count and first page, as the window loads it) and the dashboard
with 100,000 visits on PostgreSQL, against the same on SQLite, in one run.

HOSPITALITY_TEST_PG_URL=postgresql://postgres@127.0.0.1:5432/test python benchmarks/backends.py
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VISITS = int(os.environ.get("BENCH_VISITS", "100000"))


def main() -> int:
    sys.path.insert(0, str(ROOT))
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from benchmarks.common import median_seconds, peak_mib
    from hospitality_app.db.session import open_database
    from hospitality_app.services import dashboard, demo_bulk, visits

    def median(work, repeat=5) -> float:
        work()  # the first run reads the files and compiles the statements
        return median_seconds(work, repeat)

    pg = os.environ.get("HOSPITALITY_TEST_PG_URL")
    if not pg:
        print("set HOSPITALITY_TEST_PG_URL to compare with PostgreSQL")
        return 2
    now = datetime.now(UTC)
    schema = f"bench_{uuid.uuid4().hex[:8]}"
    admin_url = make_url(pg).set(drivername="postgresql+psycopg")
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        with tempfile.TemporaryDirectory() as tmp:
            results = {}
            for name, url in (
                ("SQLite", f"sqlite:///{Path(tmp) / 'b.sqlite3'}"),
                (
                    "PostgreSQL",
                    admin_url.update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(
                        hide_password=False
                    ),
                ),
            ):
                db = open_database(url)
                t0 = time.perf_counter()
                demo_bulk.bulk_visits(db.engine, VISITS, now=now, history=True)
                insert = time.perf_counter() - t0

                def first_page(db=db):
                    with db.unit_of_work() as session:
                        visits.count_visits(session)
                        visits.list_visits(session, sort="start", descending=True, limit=200)

                def load_dashboard(db=db):
                    with db.unit_of_work() as session:
                        dashboard.everything(session, now)

                results[name] = (insert, median(first_page), median(load_dashboard, repeat=3), peak_mib(load_dashboard))
                db.dispose()
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()
    base = results["SQLite"]
    for name, (insert, page, dash, mib) in results.items():
        print(
            f"{name:<11} insert {VISITS:,} past visits: {insert:5.1f} s   visit list first page: {page * 1000:6.1f} ms "
            f"({page / base[1]:.1f}x SQLite)   dashboard: {dash * 1000:6.1f} ms ({dash / base[2]:.1f}x SQLite), "
            f"peak {mib:.1f} MiB"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
