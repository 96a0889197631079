"""an index that finds the visits overlapping a window without reading their rows

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06
"""

from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A visit's check looks for other visits that overlap it and book the same people. The start
    # index narrows that to a few weeks of visits, but each one's end and status were then read
    # from its row: with a long history (100,000 visits) that was most of a check. With end and
    # status in the index, the overlap is found in the index alone.
    op.create_index("ix_visit_window", "visit", ["start", "end", "status"])


def downgrade() -> None:
    op.drop_index("ix_visit_window", table_name="visit")
