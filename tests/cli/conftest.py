"""CLI fixtures: the planner's test gym and the search tests' catalog."""

from __future__ import annotations

import pytest

from repforge.catalog.catalog import Catalog
from tests.factories import make_catalog
from tests.planner.factories import gym_catalog
from tests.search.conftest import search_exercises


@pytest.fixture(scope="session")
def gym() -> Catalog:
    return gym_catalog()


@pytest.fixture(scope="session")
def search_catalog() -> Catalog:
    return make_catalog(*search_exercises(), version="search-tests")
