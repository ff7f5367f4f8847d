"""Log services over the SQL store: retries, imports outside the program, exercise checks."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest
from sqlalchemy.orm import Session

from repforge.accounts.model import Preferences
from repforge.accounts.service import Accounts
from repforge.errors import InvalidInputError
from repforge.logbook import service
from repforge.logbook.next import Coaching
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


def _top_of_range(started: datetime, client_id: str) -> LoggedWorkout:
    top = LoggedSet("goblet-squat", weight_kg=20.0, reps=12, rir=2)
    return LoggedWorkout(started_at=started, client_id=client_id, sets=(top, top, top))


def test_sets_at_the_top_of_the_range_raise_the_next_load_and_say_which(
    store: SqlLogStore,
) -> None:
    owner = _owner(store.session)
    service.take_program(store, owner, _plan(), date(2026, 12, 1))
    service.log_workout(
        store, CATALOG, owner, _top_of_range(datetime(2026, 12, 1, 9, tzinfo=UTC), "a")
    )
    coaching = Coaching.of(CATALOG, Preferences(), date(2026, 12, 4))
    planned = service.prescription_for(store, owner, "goblet-squat")
    adapted = service.prescription_for(store, owner, "goblet-squat", coaching)
    assert planned.load_kg is None
    assert adapted.change == "increase"
    assert adapted.load_kg == 22.0  # the default dumbbell step
    assert "3 x 12 at 20 kg with 2 reps in reserve" in adapted.why


def test_the_users_own_increment_and_units_shape_the_prescription(store: SqlLogStore) -> None:
    owner = _owner(store.session)
    service.take_program(store, owner, _plan(), date(2026, 12, 1))
    service.log_workout(
        store, CATALOG, owner, _top_of_range(datetime(2026, 12, 1, 9, tzinfo=UTC), "a")
    )
    mine = Preferences(units="lb", dumbbell_increment_kg=1.0)
    coaching = Coaching.of(CATALOG, mine, date(2026, 12, 4))
    adapted = service.prescription_for(store, owner, "goblet-squat", coaching)
    assert adapted.load_kg == 21.0
    assert " lb" in adapted.why
    assert " kg" not in adapted.why


def test_imported_history_informs_the_prescription(store: SqlLogStore) -> None:
    owner = _owner(store.session)
    service.take_program(store, owner, _plan(), date(2026, 12, 1))
    old = _top_of_range(datetime(2026, 11, 30, 9, tzinfo=UTC), "strong:1")
    service.log_workout(store, CATALOG, owner, old, in_program=False)
    coaching = Coaching.of(CATALOG, Preferences(), date(2026, 12, 1))
    _, session = service.upcoming(store, owner, coaching)
    assert session.name == "A"
    (squat,) = session.exercises
    assert (squat.change, squat.load_kg) == ("increase", 22.0)


def test_the_session_under_way_is_not_its_own_evidence(store: SqlLogStore) -> None:
    owner = _owner(store.session)
    service.take_program(store, owner, _plan(), date(2026, 12, 1))
    now = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)
    service.log_workout(store, CATALOG, owner, _top_of_range(now, "site-live"))
    coaching = Coaching.of(CATALOG, Preferences(), now.date())
    session, started = service.today(store, owner, now, coaching)
    assert started is not None
    assert session.name == "A"
    assert session.exercises[0].change == "start"
