"""which item of this database each exported calendar UID stands for

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A UID outlives the database it was made in: a visit copied to the team database keeps the
    # UIDs its calendars know, now standing for items with other ids. Rows exported before this
    # column have none; their UIDs are still derived from the item, as they were made.
    with op.batch_alter_table("calendar_item_state", schema=None) as batch_op:
        batch_op.add_column(sa.Column("item_key", sa.String(80), nullable=True))
        batch_op.create_index("ix_calendar_item_state_item_key", ["visit_id", "item_key"])


def downgrade() -> None:
    with op.batch_alter_table("calendar_item_state", schema=None) as batch_op:
        batch_op.drop_index("ix_calendar_item_state_item_key")
        batch_op.drop_column("item_key")
