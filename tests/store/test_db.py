"""Migrations and the metadata repository, on SQLite and (when configured) PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect

from repforge.store import db
from repforge.store.meta import MetaRepository


def test_upgrade_creates_the_schema_and_is_idempotent(database_url: str) -> None:
    engine = db.make_engine(database_url)
    db.upgrade(engine)
    db.upgrade(engine)
    assert {"alembic_version", "instance_meta"} <= set(inspect(engine).get_table_names())
    engine.dispose()


def test_meta_repository_round_trip_and_rollback(database_url: str) -> None:
    engine = db.make_engine(database_url)
    db.upgrade(engine)
    sessions = db.session_factory(engine)
    with db.transaction(sessions) as session:
        MetaRepository(session).put("catalog_version", "one")
    with db.transaction(sessions) as session:
        MetaRepository(session).put("catalog_version", "two")

    def failing_write() -> None:
        with db.transaction(sessions) as session:
            MetaRepository(session).put("catalog_version", "three")
            raise RuntimeError("abort")

    with pytest.raises(RuntimeError):
        failing_write()
    with db.transaction(sessions) as session:
        assert MetaRepository(session).get("catalog_version") == "two"
        assert MetaRepository(session).get("missing") is None
    engine.dispose()
