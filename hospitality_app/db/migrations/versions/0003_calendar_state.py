"""calendar export state (for SEQUENCE and cancellations) and database settings

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""

import uuid

import sqlalchemy as sa
from alembic import op

import hospitality_app.models.base

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "calendar_item_state",
        sa.Column("uid", sa.String(length=120), nullable=False),
        sa.Column("visit_id", sa.Integer(), nullable=False),
        sa.Column("component", sa.String(length=8), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("people", sa.JSON(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("start", hospitality_app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("end", hospitality_app.models.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("all_day", sa.Boolean(), nullable=False),
        sa.Column("cancelled", sa.Boolean(), nullable=False),
        sa.Column("exported_at", hospitality_app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["visit_id"], ["visit.id"], name=op.f("fk_calendar_item_state_visit_id_visit"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("uid", name=op.f("pk_calendar_item_state")),
    )
    with op.batch_alter_table("calendar_item_state", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_calendar_item_state_visit_id"), ["visit_id"], unique=False)
    table = op.create_table(
        "app_setting",
        sa.Column("key", sa.String(length=60), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_app_setting")),
    )
    # The database's identity: calendar UIDs derive from it, so two databases never collide.
    op.bulk_insert(table, [{"key": "database_uuid", "value": str(uuid.uuid4())}])


def downgrade() -> None:
    op.drop_table("app_setting")
    with op.batch_alter_table("calendar_item_state", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_calendar_item_state_visit_id"))
    op.drop_table("calendar_item_state")
