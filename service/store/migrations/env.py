"""Alembic environment: the URL comes from the service settings; SQLite uses
batch mode so ALTER TABLE works."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from service.store import orm  # noqa: F401 - registers the tables on Base.metadata
from service.store.db import Base

config = context.config
url = config.get_main_option("sqlalchemy.url") or ""


def run_migrations() -> None:
    connectable = config.attributes.get("connection")
    if connectable is not None:
        _run(connectable)
        return
    engine = create_engine(url)
    with engine.connect() as connection:
        _run(connection)
    engine.dispose()


def _run(connection: object) -> None:
    context.configure(
        connection=connection,  # type: ignore[arg-type]
        target_metadata=Base.metadata,
        render_as_batch=url.startswith("sqlite"),
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
