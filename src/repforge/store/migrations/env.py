"""Alembic environment: runs on the connection or engine handed in by repforge.store.db."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from repforge.config import get_settings
from repforge.store.tables import Base

config = context.config
target_metadata = Base.metadata


def run() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        context.configure(connection=connection, target_metadata=target_metadata)
        with context.begin_transaction():
            context.run_migrations()
        return
    # `alembic` run from the repository root (alembic.ini) has no URL: use the settings'
    engine = config.attributes.get("engine") or create_engine(
        config.get_main_option("sqlalchemy.url") or get_settings().resolved_database_url
    )
    with engine.begin() as conn:
        context.configure(connection=conn, target_metadata=target_metadata)
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    context.configure(url=config.get_main_option("sqlalchemy.url"), target_metadata=target_metadata)
    with context.begin_transaction():
        context.run_migrations()
else:
    run()
