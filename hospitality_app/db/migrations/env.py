"""Alembic environment: always runs on a connection that hospitality_app.db.migrate hands in."""

from __future__ import annotations

from alembic import context

from hospitality_app.models import Base

connection = context.config.attributes["connection"]
# render_as_batch in the one configure() we have: SQLite cannot ALTER most things.
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
    # db.migrate runs every revision and the version stamp in one transaction of its own, on
    # SQLite too (whose DDL Alembic would otherwise treat as not transactional).
    transactional_ddl=True,
)
with context.begin_transaction():
    context.run_migrations()
