"""SQLite backups (repforge.store.backup): taken under write load, restored without a lost write."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, select

from repforge.store import backup, db
from repforge.store.meta import MetaRepository
from repforge.store.tables import InstanceMeta


def _engine(path: Path) -> Engine:
    engine = db.make_engine(f"sqlite:///{path}")
    db.upgrade(engine)
    return engine


def _write_until(engine: Engine, stop: threading.Event, acknowledged: list[int]) -> None:
    sessions = db.session_factory(engine)
    number = 0
    while not stop.is_set():
        with db.transaction(sessions) as session:
            MetaRepository(session).put(f"write-{number}", "x")
        acknowledged.append(number)  # only after the commit returned: the caller was told "done"
        number += 1


def _stored_writes(engine: Engine) -> set[int]:
    with engine.connect() as connection:
        keys = connection.scalars(select(InstanceMeta.key)).all()
    return {int(key.removeprefix("write-")) for key in keys if key.startswith("write-")}


def test_a_backup_under_write_load_restores_every_write_acknowledged_before_it(
    tmp_path: Path,
) -> None:
    engine = _engine(tmp_path / "live.sqlite3")
    acknowledged: list[int] = []
    stop = threading.Event()
    writer = threading.Thread(target=_write_until, args=(engine, stop, acknowledged))
    writer.start()
    try:
        while len(acknowledged) < 50:
            threading.Event().wait(0.005)
        done_before = len(acknowledged)
        backup.backup(engine, tmp_path / "copy.sqlite3")
        done_after = len(acknowledged)
        while len(acknowledged) < done_after + 50:  # writes the restore must take back
            threading.Event().wait(0.005)
    finally:
        stop.set()
        writer.join()
    backup.restore(engine, tmp_path / "copy.sqlite3")
    restored = _stored_writes(engine)
    assert set(acknowledged[:done_before]) <= restored
    # one consistent moment: a prefix of the writes, nothing from after the backup finished
    assert restored == set(range(len(restored)))
    assert len(restored) <= done_after + 1
    assert db.current(engine) == (db.head(),)
    engine.dispose()


def test_restore_refuses_a_file_that_is_not_a_backup(tmp_path: Path) -> None:
    engine = _engine(tmp_path / "live.sqlite3")
    junk = tmp_path / "notes.txt"
    junk.write_text("not a database " * 100)
    with pytest.raises(backup.BackupError, match="not a repforge SQLite backup"):
        backup.restore(engine, junk)
    with pytest.raises(backup.BackupError, match="no such file"):
        backup.restore(engine, tmp_path / "missing.sqlite3")
    engine.dispose()


def test_postgresql_is_pointed_at_pg_dump() -> None:
    engine = create_engine("postgresql+psycopg://nobody@127.0.0.1/none")
    with pytest.raises(backup.BackupError, match="pg_dump") as raised:
        backup.backup(engine, Path("unused"))
    assert "pg_restore" in str(raised.value)
