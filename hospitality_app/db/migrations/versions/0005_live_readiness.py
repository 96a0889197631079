"""readiness is computed live, not cached on the visit; team mode tells about every table views show

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01
"""

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

# Tables whose changes a colleague's open window shows (0004 covered the first six).
NEW_TABLES = (
    "company",
    "visitor",
    "staff",
    "vehicle",
    "hotel",
    "hotel_stay",
    "restaurant",
    "dish",
    "tour_stop",
    "follow_up",
    "gift",
    "regional_note",
)


def upgrade() -> None:
    # The counts went stale whenever a dish, an allergy or the clock changed elsewhere: every
    # view now runs the one readiness check. visit is a parent table: on SQLite this batch
    # recreates it, which is only safe because db.migrate runs with foreign keys off.
    with op.batch_alter_table("visit", schema=None) as batch_op:
        batch_op.drop_column("warning_count")
        batch_op.drop_column("error_count")
    if op.get_bind().dialect.name == "postgresql":
        for table in NEW_TABLES:
            op.execute(f"""
                CREATE TRIGGER {table}_notify AFTER INSERT OR UPDATE OR DELETE ON {table}
                FOR EACH STATEMENT EXECUTE FUNCTION hospitality_notify()""")


def downgrade() -> None:
    import sqlalchemy as sa

    if op.get_bind().dialect.name == "postgresql":
        for table in NEW_TABLES:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_notify ON {table}")
    with op.batch_alter_table("visit", schema=None) as batch_op:
        batch_op.add_column(sa.Column("error_count", sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("warning_count", sa.Integer(), nullable=False, server_default="0"))
