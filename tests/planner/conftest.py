"""Planner fixtures: the small test gym catalog."""

from __future__ import annotations

import pytest

from repforge.catalog.catalog import Catalog

from .factories import gym_catalog


@pytest.fixture(scope="session")
def gym() -> Catalog:
    return gym_catalog()
