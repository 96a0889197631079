"""team mode: NOTIFY listeners when visits or checklist items change (PostgreSQL only)

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22
"""

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

CHANNEL = "hospitality_changes"
TABLES = ("visit", "checklist_item", "pickup", "meal", "agenda_item", "tour")


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return  # one SQLite file has one user: nobody to tell
    # Statement-level: a bulk insert of 100,000 visits sends one notification, not 100,000.
    op.execute(f"""
        CREATE OR REPLACE FUNCTION hospitality_notify() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM pg_notify('{CHANNEL}', TG_TABLE_NAME);
            RETURN NULL;
        END $$""")
    for table in TABLES:
        op.execute(f"""
            CREATE TRIGGER {table}_notify AFTER INSERT OR UPDATE OR DELETE ON {table}
            FOR EACH STATEMENT EXECUTE FUNCTION hospitality_notify()""")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in TABLES:
        op.execute(f"DROP TRIGGER IF EXISTS {table}_notify ON {table}")
    op.execute("DROP FUNCTION IF EXISTS hospitality_notify()")
