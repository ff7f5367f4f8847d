"""The migrations build exactly the tables the code declares, on every backend."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from repforge.store import db
from repforge.store.tables import Base


def test_migrated_schema_matches_the_table_definitions(database_url: str) -> None:
    engine = db.make_engine(database_url)
    db.upgrade(engine)
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    engine.dispose()
    assert differences == []


def test_downgrade_to_0003_removes_the_account_tables(database_url: str) -> None:
    from alembic import command
    from sqlalchemy import inspect

    engine = db.make_engine(database_url)
    db.upgrade(engine)
    with engine.begin() as connection:
        config = db.alembic_config(engine)
        config.attributes["connection"] = connection
        command.downgrade(config, "0003")
    names = set(inspect(engine).get_table_names())
    engine.dispose()
    assert "saved_plans" in names
    assert not {"users", "workouts", "logged_sets", "rate_counters"} & names
