"""CLI fixtures: the planner's test gym and the search tests' catalog."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from repforge.catalog.catalog import Catalog
from repforge.config import get_settings
from tests.factories import make_catalog
from tests.planner.factories import gym_catalog
from tests.search.conftest import search_exercises


@pytest.fixture(autouse=True)
def instance_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Every CLI test runs against its own data folder (database) and the built-in catalog."""
    monkeypatch.setenv("REPFORGE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("REPFORGE_CATALOG_DIR", raising=False)
    get_settings.cache_clear()
    yield tmp_path / "data"
    get_settings.cache_clear()


@pytest.fixture(scope="session")
def gym() -> Catalog:
    return gym_catalog()


@pytest.fixture(scope="session")
def search_catalog() -> Catalog:
    return make_catalog(*search_exercises(), version="search-tests")
