"""API test fixtures: a client over any catalog a test builds."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack

import pytest
from fastapi.testclient import TestClient

from repforge.catalog.catalog import Catalog
from repforge.config import Settings
from repforge.web.app import create_app


@pytest.fixture
def client_for(settings: Settings) -> Iterator[Callable[[Catalog], TestClient]]:
    """Make a client serving the given catalog; closed after the test."""
    with ExitStack() as stack:

        def make(catalog: Catalog) -> TestClient:
            return stack.enter_context(TestClient(create_app(settings, catalog)))

        yield make


@pytest.fixture
def search_client(
    small_catalog: Catalog, client_for: Callable[[Catalog], TestClient]
) -> TestClient:
    """The small catalog under its own version: the search index is cached per version."""
    return client_for(Catalog(list(small_catalog), "api-search-test"))
