"""Team mode on PostgreSQL: roles and grants that keep the negotiation bottom lines for
managers (enforced by the database, not by the client), and copying a laptop's visits in."""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

from sqlalchemy import Engine, select, text
from sqlalchemy.orm import Session

from hospitality_app.errors import ValidationError
from hospitality_app.models import AppSetting, Company, RegionalNote, Visit
from hospitality_app.services import calendar, plans
from hospitality_app.services.dto import detached


@dataclass(frozen=True)
class Roles:
    staff: str = "hospitality_staff"
    managers: str = "hospitality_managers"


def init_statements(schema: str, roles: Roles = Roles()) -> list[str]:
    """What `hospitality-app team init` runs (and what an administrator may run by hand)."""
    for name in (schema, roles.staff, roles.managers):
        if not name.replace("_", "").isalnum():
            raise ValidationError("team init", f"not a plain SQL name: {name!r}")
    s, staff, managers = f'"{schema}"', roles.staff, roles.managers
    create = (
        "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{0}') "
        "THEN CREATE ROLE {0} NOLOGIN; END IF; END $$"
    )
    return [
        create.format(staff),
        create.format(managers),
        f"GRANT {staff} TO {managers}",
        f"REVOKE ALL ON ALL TABLES IN SCHEMA {s} FROM PUBLIC",  # nobody outside the team's roles
        f"GRANT USAGE ON SCHEMA {s} TO {staff}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {s} TO {staff}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {s} TO {staff}",
        f"REVOKE ALL ON {s}.bottom_line FROM PUBLIC, {staff}",
        # Which items have bottom lines, never what they say: staff know the manager set limits.
        f"GRANT SELECT (agenda_item_id) ON {s}.bottom_line TO {staff}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON {s}.bottom_line TO {managers}",
        f"REVOKE ALL ON {s}.alembic_version FROM {staff}",
        f"GRANT SELECT ON {s}.alembic_version TO {staff}",
        *_keep_bottom_lines(s),
    ]


def _keep_bottom_lines(s: str) -> list[str]:
    """Staff may delete agenda items and visits, but the foreign keys' cascade deletes the bottom
    lines with them, and a cascade runs with the table owner's rights, not the login's. This
    trigger asks the login itself (`session_user`) whether it may delete bottom lines."""
    return [
        f"CREATE OR REPLACE FUNCTION {s}.keep_bottom_lines() RETURNS trigger LANGUAGE plpgsql AS $$ "
        f"BEGIN IF NOT has_table_privilege(session_user, '{s}.bottom_line', 'DELETE') THEN "
        "RAISE EXCEPTION 'only a manager may remove a negotiation item that has bottom lines, "
        "or the visit that holds it' USING ERRCODE = 'insufficient_privilege'; "
        "END IF; RETURN OLD; END $$",
        f"DROP TRIGGER IF EXISTS keep_bottom_lines ON {s}.bottom_line",
        f"CREATE TRIGGER keep_bottom_lines BEFORE DELETE ON {s}.bottom_line "
        f"FOR EACH ROW EXECUTE FUNCTION {s}.keep_bottom_lines()",
    ]


def init_team(engine: Engine, roles: Roles = Roles()) -> list[str]:
    """Create the roles and grants on a migrated PostgreSQL database; returns the statements."""
    if engine.dialect.name != "postgresql":
        raise ValidationError("--db", "team mode needs a PostgreSQL database (postgresql://…)")
    with engine.begin() as conn:
        schema = cast(str, conn.execute(text("SELECT current_schema()")).scalar())  # the schema being used
        statements = init_statements(schema, roles)
        for statement in statements:
            conn.exec_driver_sql(statement)
    return statements


def _natural_key(session: Session, visit_id: int) -> tuple:
    row = session.execute(
        select(Company.name, Company.country, Visit.title, Visit.start)
        .join(Company, Company.id == Visit.company_id)
        .where(Visit.id == visit_id)
    ).one()
    return tuple(row)


def copy_all(source: Session, target: Session, *, now) -> tuple[int, int]:
    """Copy every visit (with its company, people and places, and what its calendars were sent),
    the team's regional notes and the letterhead from `source` to `target`. A visit already there
    (same company, title and start) is skipped, so a second run adds nothing twice. Returns
    (copied, skipped)."""
    have = {
        tuple(r)
        for r in target.execute(
            select(Company.name, Company.country, Visit.title, Visit.start).join(
                Company, Company.id == Visit.company_id
            )
        )
    }
    copied = skipped = 0
    for visit_id in source.scalars(select(Visit.id).order_by(Visit.id)):
        if _natural_key(source, visit_id) in have:
            skipped += 1
            continue
        plan = plans.load_plan(source, visit_id)
        saved = plans.save(target, detached(plan), now=now)
        calendar.carry_calendars(source, visit_id, target, saved.visit_id, now=now)  # the same UIDs
        copied += 1
    for note in source.scalars(select(RegionalNote)):
        exists = target.scalar(
            select(RegionalNote.id).where(RegionalNote.country == note.country, RegionalNote.topic == note.topic)
        )
        if exists is None:
            target.add(
                RegionalNote(
                    country=note.country,
                    topic=note.topic,
                    text_en=note.text_en,
                    text_zh=note.text_zh,
                    source=note.source,
                    updated_at=note.updated_at,
                    version=1,
                )
            )
    for setting in source.scalars(select(AppSetting).where(AppSetting.key.like("company.%"))):
        if target.get(AppSetting, setting.key) is None:
            target.add(AppSetting(key=setting.key, value=setting.value))
    return copied, skipped
