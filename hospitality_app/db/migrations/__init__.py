"""Alembic migrations, located from the package path so they work from an installed wheel."""

# The newest revision. Start-up compares the database with this constant and imports Alembic
# only when a migration is due (alembic.command alone costs ~0.6 s, TOOLCHAIN §9).
# tests/migrations checks that it matches the scripts' head.
HEAD = "0004"
