"""Hold a database's write lock from another connection, as a second process would."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import create_engine, text


@contextmanager
def write_lock_held(database_url: str, table: str) -> Iterator[None]:
    """SQLite: the database's write lock (BEGIN IMMEDIATE); PostgreSQL: `table` locked for writes."""
    engine = create_engine(database_url)
    try:
        with engine.connect() as connection:
            if engine.dialect.name == "sqlite":
                connection.exec_driver_sql("BEGIN IMMEDIATE")
            else:
                connection.begin()
                connection.execute(text(f'LOCK TABLE "{table}" IN EXCLUSIVE MODE'))
            yield
            connection.rollback()
    finally:
        engine.dispose()
