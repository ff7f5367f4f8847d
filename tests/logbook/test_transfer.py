"""Importing a whole log: history outside the program, custom exercises, all or nothing."""

from __future__ import annotations

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
