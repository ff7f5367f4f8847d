"""Shared fixtures: databases (SQLite always, PostgreSQL when configured), app and client."""

from __future__ import annotations

import os
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from hypothesis import settings as hypothesis_settings
from sqlalchemy import create_engine, text

from repforge.catalog.catalog import Catalog
from repforge.config import Settings
from repforge.web.app import create_app
from tests.factories import make_catalog, make_exercise

POSTGRES_URL = os.environ.get("REPFORGE_TEST_POSTGRES_URL")
# Property tests draw the same examples on every run, so `make test` and CI pass or fail alike;
# HYPOTHESIS_PROFILE=explore draws new ones (run it to hunt for bugs, then pin what it finds
# as a plain test).
hypothesis_settings.register_profile("repforge", derandomize=True)
hypothesis_settings.register_profile("explore", derandomize=False)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repforge"))
# one compiled-catalog and media cache for this test run, never the user's own ~/.cache
os.environ.setdefault("REPFORGE_CACHE_DIR", tempfile.mkdtemp(prefix="repforge-test-cache-"))


def _postgres_schema_url() -> Iterator[str]:
    assert POSTGRES_URL
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(POSTGRES_URL)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    sep = "&" if "?" in POSTGRES_URL else "?"
    try:
        yield f"{POSTGRES_URL}{sep}options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


DB_PARAMS = [
    "sqlite",
    pytest.param(
        "postgresql",
        marks=pytest.mark.skipif(not POSTGRES_URL, reason="REPFORGE_TEST_POSTGRES_URL not set"),
    ),
]


@pytest.fixture(params=DB_PARAMS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database: SQLite always, PostgreSQL again when configured."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'test.sqlite3'}"
    else:
        yield from _postgres_schema_url()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(
        environment="test", data_dir=tmp_path / "data", base_url="https://repforge.test"
    )


@pytest.fixture
def small_catalog() -> Catalog:
    """A handful of linked exercises covering the page rules."""
    return make_catalog(
        make_exercise(
            slug="test-squat",
            alternatives=[{"slug": "goblet-test", "reason": "A weight in front teaches depth."}],
            harder=["pistol-test"],
        ),
        make_exercise(
            slug="goblet-test",
            name="Goblet Test",
            equipment={"options": ["dumbbell", "kettlebell"]},
            load="external",
        ),
        make_exercise(
            slug="pistol-test",
            name="Pistol Test",
            difficulty="advanced",
            laterality="unilateral",
            easier=["test-squat"],
            eccentric_entry=True,
        ),
        make_exercise(
            slug="test-stretch",
            name="Test Stretch",
            category="stretching",
            pattern="stretch",
            tracking="time",
            force="static",
            steps=[
                "Stand tall and hold a wall for balance during the stretch.",
                "Grab one ankle and bring the heel toward your glutes.",
                "Hold the stretch while breathing slowly and deeply.",
                "Switch sides and repeat the same hold on the other leg.",
            ],
        ),
    )


@pytest.fixture
def client(settings: Settings, small_catalog: Catalog) -> Iterator[TestClient]:
    with TestClient(create_app(settings, small_catalog)) as test_client:
        yield test_client


@pytest.fixture(autouse=True)
def _restore_logging() -> Iterator[None]:
    """Apps built in a test install a log handler on the root logger; later tests start clean."""
    import logging

    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    root.handlers[:] = handlers
    root.setLevel(level)
