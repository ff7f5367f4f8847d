"""The log's writer thread: batched jobs commit together, a failing job fails alone."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from contextlib import nullcontext
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session, sessionmaker

from repforge.store import db
from repforge.web import writer as writer_module
from repforge.web.writer import BatchWriter


@pytest.fixture
def sessions(tmp_path: Path) -> Iterator[sessionmaker[Session]]:
    engine = db.make_engine(f"sqlite:///{tmp_path / 'w.sqlite3'}")
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE t (n INTEGER UNIQUE)"))
    yield db.session_factory(engine)
    engine.dispose()


def _insert(n: int) -> Callable[[Session], int]:
    def job(session: Session) -> int:
        session.execute(text("INSERT INTO t (n) VALUES (:n)"), {"n": n})
        return n

    return job


def _stored(sessions: sessionmaker[Session]) -> list[int]:
    with sessions() as session:
        return list(session.scalars(text("SELECT n FROM t ORDER BY n")))


def test_concurrent_jobs_are_answered_after_their_commit(sessions: sessionmaker[Session]) -> None:
    writer = BatchWriter(sessions, nullcontext)

    async def main() -> list[int]:
        return list(await asyncio.gather(*(writer.run(_insert(n)) for n in range(50))))

    assert asyncio.run(main()) == list(range(50))
    assert _stored(sessions) == list(range(50))


def test_a_failing_job_fails_alone(sessions: sessionmaker[Session]) -> None:
    writer = BatchWriter(sessions, nullcontext)

    async def main() -> list[object]:
        jobs = [_insert(1), _insert(2), _insert(1), _insert(3)]  # the second 1 breaks UNIQUE
        return await asyncio.gather(*(writer.run(j) for j in jobs), return_exceptions=True)

    results = asyncio.run(main())
    assert results[:2] == [1, 2]
    assert results[3] == 3
    assert isinstance(results[2], Exception)
    assert _stored(sessions) == [1, 2, 3]


def test_jobs_arriving_as_an_idle_writer_exits_are_all_answered(
    sessions: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch
) -> None:
    # the writer gives up after a millisecond idle, so jobs keep landing as it leaves
    monkeypatch.setattr(writer_module, "IDLE_EXIT_S", 0.001)
    writer = BatchWriter(sessions, nullcontext)

    async def main() -> list[int]:
        done = []
        for n in range(200):
            done.append(await asyncio.wait_for(writer.run(_insert(n)), timeout=5))
            await asyncio.sleep(0.001 * (n % 3))
        return done

    assert asyncio.run(main()) == list(range(200))
    assert _stored(sessions) == list(range(200))
