"""Migrations and the metadata repository, on SQLite and (when configured) PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect

from repforge.errors import DatabaseBusy
from repforge.store import db
from repforge.store.meta import MetaRepository
from tests.store.locks import write_lock_held


def test_upgrade_creates_the_schema_and_is_idempotent(database_url: str) -> None:
    engine = db.make_engine(database_url)
    db.upgrade(engine)
    db.upgrade(engine)
    assert {"alembic_version", "instance_meta"} <= set(inspect(engine).get_table_names())
    engine.dispose()


def test_the_numbered_head_is_alembics_head() -> None:
    # upgrade() trusts the file numbers to skip Alembic when the schema is current
    assert db.numbered_head() == db.head()


def test_a_database_one_step_behind_is_upgraded(database_url: str) -> None:
    engine = db.make_engine(database_url)
    previous = f"{int(db.head()) - 1:04d}"
    db.upgrade(engine, previous)
    assert db.current(engine) == (previous,)
    db.upgrade(engine)
    assert db.current(engine) == (db.head(),)
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


def test_a_write_lock_held_past_the_timeout_is_database_busy(database_url: str) -> None:
    engine = db.make_engine(database_url, busy_timeout_ms=100)
    db.upgrade(engine)
    sessions = db.session_factory(engine)
    with (
        write_lock_held(database_url, "instance_meta"),
        pytest.raises(DatabaseBusy) as raised,
        db.transaction(sessions) as session,
    ):
        MetaRepository(session).put("catalog_version", "blocked")
    assert "busy" in str(raised.value)
    with db.transaction(sessions) as session:  # the lock is gone: writes work again
        MetaRepository(session).put("catalog_version", "free")
    engine.dispose()


def test_two_first_starts_at_once_both_find_the_schema_ready(database_url: str) -> None:
    """Two instances started together on one empty database: one migrates, the other waits
    for it, and both record the catalog version without a duplicate-key error."""
    import subprocess
    import sys

    child = (
        "import sys\n"
        "from repforge.store import db\n"
        "from repforge.store.meta import MetaRepository\n"
        "engine = db.make_engine(sys.argv[1])\n"
        "db.upgrade(engine)\n"
        "with db.transaction(db.session_factory(engine)) as session:\n"
        "    MetaRepository(session).put('catalog_version', sys.argv[2])\n"
        "print(db.current(engine)[0])\n"
    )
    starts = [
        subprocess.Popen(
            [sys.executable, "-c", child, database_url, f"v{n}"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(3)
    ]
    for start in starts:
        out, err = start.communicate(timeout=120)
        assert start.returncode == 0, err
        assert out.strip() == db.head()
    engine = db.make_engine(database_url)
    with db.transaction(db.session_factory(engine)) as session:
        assert MetaRepository(session).get("catalog_version") in {"v0", "v1", "v2"}
    engine.dispose()
