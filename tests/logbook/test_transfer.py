"""Importing a whole log: history outside the program, custom exercises, all or nothing."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from repforge.accounts.service import Accounts
from repforge.logbook.transfer import import_log
from repforge.store import db
from repforge.store.accounts import SqlAccountStore
from repforge.store.workouts import SqlLogStore
from repforge.training.formats import LogFormatError
from tests.planner.factories import gym_catalog

CATALOG = gym_catalog()
HEVY = (
    '"title","start_time","end_time","description","exercise_title","superset_id",'
    '"exercise_notes","set_index","set_type","weight_kg","reps","distance_km",'
    '"duration_seconds","rpe"\n'
    '"Legs","26 Jul 2025, 07:06","26 Jul 2025, 08:10","","Goblet Squat",,"",0,"normal",24,10,,,\n'
    '"Legs","26 Jul 2025, 07:06","26 Jul 2025, 08:10","","My Odd Sled Drag",,"",0,"normal",40,,0.1,,\n'
)


@pytest.fixture
def store(database_url: str) -> Iterator[SqlLogStore]:
    engine = db.make_engine(database_url)
    db.upgrade(engine)
    with db.session_factory(engine)() as session:
        yield SqlLogStore(session)
    engine.dispose()


def _owner(store: SqlLogStore) -> int:
    return Accounts(SqlAccountStore(store.session)).sign_up("ann@example.com", "long enough pw").id


def test_unmapped_names_become_the_users_own_exercises(store: SqlLogStore) -> None:
    owner = _owner(store)
    report = import_log(store, CATALOG, owner, "hevy", HEVY, "hevy.csv")
    assert (report.workouts, report.sets) == (1, 2)
    assert report.unmapped == ["My Odd Sled Drag"]
    (workout,) = store.history(owner)
    assert [s.exercise for s in workout.sets] == ["goblet-squat", "custom:My Odd Sled Drag"]
    assert workout.sets[1].metres == 100
    assert store.current_program_id(owner) is None


def test_a_bad_file_raises_before_anything_is_written(store: SqlLogStore) -> None:
    owner = _owner(store)
    broken = HEVY + '"Legs","27 Jul 2025","","","Goblet Squat",,"",0,"normal",x,10,,,\n'
    with pytest.raises(LogFormatError, match="line 4"):
        import_log(store, CATALOG, owner, "hevy", broken, "hevy.csv")
    assert store.history(owner) == []


def _history(days: int, title: str) -> str:
    rows = [HEVY.splitlines()[0]]
    for day in range(1, days + 1):
        start = f"{day:02d} Aug 2025, 07:00"
        rows += [
            f'"{title}","{start}","{start}","","Goblet Squat",,"",{n},"normal",{20 + n},10,,,'
            for n in range(3)
        ]
    return "\n".join(rows) + "\n"


def test_two_users_importing_at_once_do_not_interfere(database_url: str) -> None:
    engine = db.make_engine(database_url)
    db.upgrade(engine)
    sessions = db.session_factory(engine)
    with db.transaction(sessions) as session:
        accounts = Accounts(SqlAccountStore(session))
        owners = [accounts.sign_up(f"{who}@example.com", "long enough pw").id for who in "ab"]
    files = {owners[0]: _history(25, "Ann legs"), owners[1]: _history(20, "Bo legs")}
    start = threading.Barrier(2)
    reports: dict[int, object] = {}
    errors: list[BaseException] = []

    def run(owner: int) -> None:
        try:
            start.wait()
            with db.transaction(sessions) as session:
                store = SqlLogStore(session)
                reports[owner] = import_log(store, CATALOG, owner, "hevy", files[owner], "h.csv")
        except BaseException as exc:  # re-raised below, in the test's own thread
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(owner,)) for owner in owners]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    with db.transaction(sessions) as session:
        store = SqlLogStore(session)
        for owner, (days, title) in zip(owners, ((25, "Ann legs"), (20, "Bo legs")), strict=True):
            history = store.history(owner)
            assert len(history) == days
            assert {w.name for w in history} == {title}
            assert sum(len(w.sets) for w in history) == days * 3
    engine.dispose()
