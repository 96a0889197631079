"""how a letter addresses a visitor, whether they fast; where the driver waits

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("visitor", schema=None) as batch_op:
        batch_op.add_column(sa.Column("salutation", sa.String(10), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("family_name", sa.String(200), nullable=False, server_default=""))
        # Unknown for the visitors stored so far: nobody was asked.
        batch_op.add_column(sa.Column("observes_fasting", sa.Boolean(), nullable=True))
    with op.batch_alter_table("pickup", schema=None) as batch_op:
        batch_op.add_column(sa.Column("meeting_point", sa.String(200), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("pickup", schema=None) as batch_op:
        batch_op.drop_column("meeting_point")
    with op.batch_alter_table("visitor", schema=None) as batch_op:
        for name in ("observes_fasting", "family_name", "salutation"):
            batch_op.drop_column(name)
