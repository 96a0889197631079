"""the thank-you letter's subject, opening and closing as the user wrote them

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

COLUMNS = ("letter_subject", "letter_opening", "letter_closing")


def upgrade() -> None:
    # Typed in the Documents window and lost on closing until now: kept with the follow-up.
    with op.batch_alter_table("follow_up", schema=None) as batch_op:
        for name in COLUMNS:
            batch_op.add_column(sa.Column(name, sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("follow_up", schema=None) as batch_op:
        for name in reversed(COLUMNS):
            batch_op.drop_column(name)
