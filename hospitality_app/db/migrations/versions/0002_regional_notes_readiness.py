"""regional notes edited by the team; readiness counts cached on the visit

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""
import sqlalchemy as sa
from alembic import op

import hospitality_app.models.base

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "regional_note",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("country", sa.String(length=2), nullable=False),
        sa.Column("topic", sa.String(length=20), nullable=False),
        sa.Column("text_en", sa.Text(), nullable=False),
        sa.Column("text_zh", sa.Text(), nullable=False),
        sa.Column("source", sa.String(length=300), nullable=False),
        sa.Column("updated_at", hospitality_app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_regional_note")),
        sa.UniqueConstraint("country", "topic", name=op.f("uq_regional_note_country_topic")),
    )
    with op.batch_alter_table("regional_note", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_regional_note_country"), ["country"], unique=False)
    # visit is a parent table: on SQLite this batch recreates it, which is only safe because
    # migrate.upgrade() runs with foreign keys off.
    with op.batch_alter_table("visit", schema=None) as batch_op:
        batch_op.add_column(sa.Column("error_count", sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("warning_count", sa.Integer(), nullable=False, server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("visit", schema=None) as batch_op:
        batch_op.drop_column("warning_count")
        batch_op.drop_column("error_count")
    with op.batch_alter_table("regional_note", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_regional_note_country"))
    op.drop_table("regional_note")
