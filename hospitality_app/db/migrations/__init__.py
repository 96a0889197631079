"""Alembic migrations, located from the package path so they work from an installed wheel."""

# Every revision, oldest first; the last is the newest. Start-up compares the database with HEAD
# and imports Alembic only when a migration is due (alembic.command alone costs ~0.6 s); a
# revision not listed here was made by a newer version. tests/migrations checks both against
# the scripts.
REVISIONS = ("0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008", "0009")
HEAD = REVISIONS[-1]
