"""Custom exercises and the catalog revision, on SQLite and (when configured) PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from alembic import command
from sqlalchemy import insert, inspect, select
from sqlalchemy.orm import Session, sessionmaker

from repforge.catalog.model import Exercise
from repforge.errors import NameConflictError
from repforge.store import db
from repforge.store.custom import CustomExerciseRepository
from repforge.store.tables import CustomExercise, ExerciseName
from tests.factories import make_exercise


@pytest.fixture
def sessions(database_url: str) -> Iterator[sessionmaker[Session]]:
    engine = db.make_engine(database_url)
    db.upgrade(engine)
    yield db.session_factory(engine)
    engine.dispose()


def _imported(slug: str, source: str = "gym") -> Exercise:
    exercise = make_exercise(slug=slug, name=slug.replace("-", " ").title())
    provenance = exercise.provenance.model_copy(update={"source": source, "source_id": slug})
    return exercise.model_copy(update={"provenance": provenance})


def test_migration_creates_the_table_and_the_revision(database_url: str) -> None:
    engine = db.make_engine(database_url)
    db.upgrade(engine)
    assert "custom_exercises" in inspect(engine).get_table_names()
    with db.transaction(db.session_factory(engine)) as session:
        assert CustomExerciseRepository(session).revision() == 0
    with engine.begin() as connection:
        config = db.alembic_config(engine)
        config.attributes["connection"] = connection
        command.downgrade(config, "0001")
    assert "custom_exercises" not in inspect(engine).get_table_names()
    db.upgrade(engine)
    assert "custom_exercises" in inspect(engine).get_table_names()
    engine.dispose()


def test_add_replace_remove_and_one_revision_per_transaction(
    sessions: sessionmaker[Session],
) -> None:
    with db.transaction(sessions) as session:
        repo = CustomExerciseRepository(session)
        repo.add(_imported("gym-squat"))
        repo.add(_imported("gym-press"))
        repo.add(_imported("other-row", "coach"))
    with db.transaction(sessions) as session:
        repo = CustomExerciseRepository(session)
        assert repo.revision() == 1
        assert repo.sources() == {"coach": 1, "gym": 2}
        assert [e.slug for e in repo.exercises()] == ["gym-squat", "gym-press", "other-row"]
        changed = repo.exercises()[0].model_copy(update={"aliases": ("Plant Squat",)})
        repo.replace(changed)
    with db.transaction(sessions) as session:
        repo = CustomExerciseRepository(session)
        assert repo.revision() == 2
        assert repo.exercises()[0].aliases == ("Plant Squat",)
        row = session.query(CustomExercise).filter_by(slug="gym-squat").one()
        assert (row.source, row.source_id, row.licence) == ("gym", "gym-squat", "CC0-1.0")
        assert repo.remove_source("gym") == 2
        assert repo.remove_source("nobody") == 0
    with db.transaction(sessions) as session:
        repo = CustomExerciseRepository(session)
        assert repo.revision() == 3
        assert repo.sources() == {"coach": 1}


def test_rows_that_no_longer_validate_are_left_out(sessions: sessionmaker[Session]) -> None:
    with db.transaction(sessions) as session:
        CustomExerciseRepository(session).add(_imported("gym-squat"))
    with db.transaction(sessions) as session:
        row = session.query(CustomExercise).one()
        row.data = {**row.data, "target": "retired-muscle"}
    with db.transaction(sessions) as session:
        repo = CustomExerciseRepository(session)
        assert repo.exercises() == []
        assert len(repo.all()) == 1


def test_a_rolled_back_change_leaves_rows_and_revision(sessions: sessionmaker[Session]) -> None:
    def failing() -> None:
        with db.transaction(sessions) as session:
            CustomExerciseRepository(session).add(_imported("gym-squat"))
            raise RuntimeError("abort")

    with pytest.raises(RuntimeError):
        failing()
    with db.transaction(sessions) as session:
        repo = CustomExerciseRepository(session)
        assert repo.all() == []
        assert repo.revision() == 0


def _names(sessions: sessionmaker[Session]) -> dict[str, str]:
    with db.transaction(sessions) as session:
        return {row.key: row.slug for row in session.scalars(select(ExerciseName))}


def test_names_follow_add_replace_and_remove(sessions: sessionmaker[Session]) -> None:
    with db.transaction(sessions) as session:
        CustomExerciseRepository(session).add(_imported("zercher-walk"))
    assert _names(sessions) == {"zercher walk": "zercher-walk"}
    renamed = _imported("zercher-walk").model_copy(update={"aliases": ("Zercher Carry",)})
    with db.transaction(sessions) as session:
        CustomExerciseRepository(session).replace(renamed)
    assert _names(sessions) == {"zercher walk": "zercher-walk", "zercher carry": "zercher-walk"}
    with db.transaction(sessions) as session:
        CustomExerciseRepository(session).remove_source("gym")
    assert _names(sessions) == {}


def test_a_name_taken_as_an_alias_is_refused_and_nothing_written(
    sessions: sessionmaker[Session],
) -> None:
    with db.transaction(sessions) as session:
        CustomExerciseRepository(session).add(_imported("zercher-walk"))
    clash = _imported("bear-hug-carry").model_copy(update={"aliases": ("Zercher-Walk",)})

    def add_both() -> None:
        with db.transaction(sessions) as session:
            CustomExerciseRepository(session).add(_imported("sandbag-carry"))
            CustomExerciseRepository(session).add(clash)

    with pytest.raises(NameConflictError, match="Zercher-Walk"):
        add_both()
    with db.transaction(sessions) as session:
        assert [row.slug for row in CustomExerciseRepository(session).all()] == ["zercher-walk"]


def test_migration_0004_fills_names_from_stored_exercises(database_url: str) -> None:
    engine = db.make_engine(database_url)
    db.upgrade(engine, "0003")
    rows = [
        ("zercher-walk", {"name": "Zercher Walk", "aliases": ["Bear Hug Walk"]}),
        ("bear-hug-carry", {"name": "Bear Hug Carry", "aliases": ["Zercher walk"]}),  # clash
    ]
    with engine.begin() as connection:
        for slug, data in rows:
            connection.execute(
                insert(CustomExercise.__table__).values(
                    slug=slug, source="gym", licence="CC0", author="me", data=data
                )
            )
    db.upgrade(engine)
    assert _names(db.session_factory(engine)) == {
        "zercher walk": "zercher-walk",  # the older exercise keeps a clashing name
        "bear hug walk": "zercher-walk",
        "bear hug carry": "bear-hug-carry",
    }
    engine.dispose()
