"""The log store: owners only, client ids per user, custom exercises, history order."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest
from sqlalchemy.orm import Session

from repforge.accounts.service import Accounts
from repforge.store import db
from repforge.store.accounts import SqlAccountStore
from repforge.store.workouts import SqlLogStore
from repforge.training.model import LoggedSet, LoggedWorkout


@pytest.fixture
def session(database_url: str) -> Iterator[Session]:
    engine = db.make_engine(database_url)
    db.upgrade(engine)
    with db.session_factory(engine)() as session:
        yield session
    engine.dispose()


def _owners(session: Session) -> tuple[int, int]:
    accounts = Accounts(SqlAccountStore(session))
    return (
        accounts.sign_up("ann@example.com", "a long enough password").id,
        accounts.sign_up("bob@example.com", "a long enough password").id,
    )


def _workout(day: int, client_id: str | None = None) -> LoggedWorkout:
    return LoggedWorkout(
        started_at=datetime(2026, 11, day, 9, tzinfo=UTC),
        client_id=client_id,
        sets=(
            LoggedSet("goblet-squat", order=0, weight_kg=20, reps=10, rir=2),
            LoggedSet("custom:Sled push", order=1, set_type="drop", metres=30, seconds=25),
        ),
    )


def test_a_workout_round_trips_as_the_training_contract(session: Session) -> None:
    ann, _ = _owners(session)
    store = SqlLogStore(session)
    record, created = store.add_workout(ann, _workout(3, "c1"), None)
    assert created
    assert store.workout(ann, record.id) == record
    assert record.workout == _workout(3, "c1")


def test_awkward_set_values_round_trip_exactly(session: Session) -> None:
    ann, _ = _owners(session)
    store = SqlLogStore(session)
    workout = LoggedWorkout(
        started_at=datetime(2026, 11, 4, 9, tzinfo=UTC),
        client_id="c2",
        sets=(
            LoggedSet(
                "barbell-back-squat",
                order=0,
                weight_kg=102.05828333,
                reps=5,
                rpe=8.5,
                notes='felt "heavy"\nback \\ fine, 100 % — Ünïcode',
            ),
            LoggedSet("plank", order=1, set_type="warm-up", seconds=0.1, rir=0.5),
        ),
    )
    record, _ = store.add_workout(ann, workout, None)
    assert store.workout(ann, record.id) == record
    assert record.workout == workout


def test_rows_of_another_owner_are_invisible(session: Session) -> None:
    ann, bob = _owners(session)
    store = SqlLogStore(session)
    record, _ = store.add_workout(ann, _workout(3, "c1"), None)
    assert store.workout(bob, record.id) is None
    assert store.workout_by_client_id(bob, "c1") is None
    assert store.replace_workout(bob, record.id, _workout(4)) is None
    assert not store.delete_workout(bob, record.id)
    assert store.workouts(bob, 10, 0) == ([], 0)
    assert store.history(bob) == []
    assert store.workout(ann, record.id) == record


def test_client_ids_are_unique_per_owner(session: Session) -> None:
    ann, bob = _owners(session)
    store = SqlLogStore(session)
    first, _ = store.add_workout(ann, _workout(3, "same"), None)
    again, created = store.add_workout(ann, _workout(5, "same"), None)
    assert not created
    assert again.id == first.id
    _, for_bob = store.add_workout(bob, _workout(3, "same"), None)
    assert for_bob


def test_custom_exercises_belong_to_their_owner(session: Session) -> None:
    ann, bob = _owners(session)
    store = SqlLogStore(session)
    store.add_workout(ann, _workout(3), None)
    store.add_workout(ann, _workout(4), None)
    store.add_workout(bob, _workout(4), None)
    from sqlalchemy import select

    from repforge.store.tables import UserExercise

    owners = sorted(session.scalars(select(UserExercise.user_id)))
    assert owners == sorted([ann, bob])


def test_history_is_oldest_first_and_programs_switch(session: Session) -> None:
    ann, _ = _owners(session)
    store = SqlLogStore(session)
    for day in (9, 2, 5):
        store.add_workout(ann, _workout(day), None)
    assert [w.started_at.day for w in store.history(ann)] == [2, 5, 9]
    since = datetime(2026, 11, 5, tzinfo=UTC)
    assert [w.started_at.day for w in store.history(ann, since)] == [5, 9]
    now = datetime.now(UTC)
    first = store.add_program(ann, "p1", {"weeks": []}, date(2026, 11, 1), now)
    second = store.add_program(ann, "p2", {"weeks": []}, date(2026, 12, 1), now)
    current = store.current_program(ann)
    assert current is not None
    assert (current.id, current.plan_id) == (second.id, "p2")
    assert first.id != second.id
