"""Log services over the SQL store: retries, imports outside the program, exercise checks."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest
from sqlalchemy.orm import Session

from repforge.accounts.service import Accounts
from repforge.errors import InvalidInputError
from repforge.logbook import service
from repforge.planner.plan import Plan
from repforge.store import db
from repforge.store.accounts import SqlAccountStore
from repforge.store.workouts import SqlLogStore
from repforge.training.model import LoggedSet, LoggedWorkout
from tests.planner.factories import exercise, gym_catalog

CATALOG = gym_catalog()


@pytest.fixture
def store(database_url: str) -> Iterator[SqlLogStore]:
    engine = db.make_engine(database_url)
    db.upgrade(engine)
    with db.session_factory(engine)() as session:
        yield SqlLogStore(session)
    engine.dispose()


def _owner(session: Session) -> int:
    return Accounts(SqlAccountStore(session)).sign_up("ann@example.com", "long enough pw").id


def _plan() -> Plan:
    week = {
        "week": 1,
        "sessions": [
            {
                "day": "mon",
                "name": "A",
                "estimated_minutes": 30,
                "exercises": [exercise("goblet-squat")],
            },
            {
                "day": "thu",
                "name": "B",
                "estimated_minutes": 30,
                "exercises": [exercise("push-up")],
            },
        ],
    }
    return Plan.model_validate({"profile": {}, "optimal": True, "weeks": [week]})


def _workout(client_id: str, exercise_name: str = "goblet-squat") -> LoggedWorkout:
    return LoggedWorkout(
        started_at=datetime(2026, 12, 1, 9, tzinfo=UTC),
        client_id=client_id,
        sets=(LoggedSet(exercise_name, reps=8),),
    )


def test_imported_history_does_not_move_the_program_on(store: SqlLogStore) -> None:
    owner = _owner(store.session)
    service.take_program(store, owner, _plan(), date(2026, 12, 1))
    for n in range(3):
        service.log_workout(store, CATALOG, owner, _workout(f"strong:{n}"), in_program=False)
    assert service.upcoming(store, owner)[1].name == "A"
    service.log_workout(store, CATALOG, owner, _workout("site-1"))
    assert service.upcoming(store, owner)[1].name == "B"
    assert service.prescription_for(store, owner, "goblet-squat").slug == "goblet-squat"


def test_a_repeated_import_adds_nothing(store: SqlLogStore) -> None:
    owner = _owner(store.session)
    first = [
        service.log_workout(store, CATALOG, owner, _workout(f"hevy:{n}"), in_program=False)
        for n in range(2)
    ]
    again = [
        service.log_workout(store, CATALOG, owner, _workout(f"hevy:{n}"), in_program=False)
        for n in range(2)
    ]
    assert [created for _, created in first] == [True, True]
    assert [created for _, created in again] == [False, False]
    assert store.workouts(owner, 10, 0)[1] == 2


def test_unknown_exercises_must_be_marked_as_the_users_own(store: SqlLogStore) -> None:
    owner = _owner(store.session)
    with pytest.raises(InvalidInputError, match=r"sets\.0\.exercise"):
        service.log_workout(store, CATALOG, owner, _workout("x", "Bench Press (Barbell)"))
    record, _ = service.log_workout(
        store, CATALOG, owner, _workout("y", "custom:Bench Press (Barbell)")
    )
    assert record.workout.sets[0].exercise == "custom:Bench Press (Barbell)"
