"""Serving under load (repforge.web.caching): bounded cache keys and an event loop never blocked."""

from __future__ import annotations

import asyncio
import time

import httpx
import pytest
from fastapi.testclient import TestClient

from repforge.catalog.catalog import Catalog
from repforge.config import Settings
from repforge.web.api import service
from repforge.web.app import create_app
from repforge.web.caching import ResponseCache


def _cached_entries(client: TestClient) -> int:
    cache: ResponseCache = client.app.state.response_cache  # type: ignore[attr-defined]
    return len(cache)


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/exercises?limit=200",
        "/api/v1/exercises/goblet-test/alternatives?limit=3",
        "/exercises?sort=name",
        "/exercises/legs",
        "/search?q=squat",
    ],
)
def test_unknown_query_parameters_neither_grow_nor_bust_the_cache(
    client: TestClient, path: str
) -> None:
    first = client.get(path)
    assert first.status_code == 200
    held = _cached_entries(client)
    for junk in range(20):
        again = client.get(f"{path}&zz={junk}" if "?" in path else f"{path}?zz={junk}")
        assert again.status_code == 200
        assert again.headers["etag"] == first.headers["etag"]
    assert _cached_entries(client) == held


def test_repeated_or_reordered_kit_shares_one_cache_entry(client: TestClient) -> None:
    one = client.get("/exercises?have=dumbbell&have=kettlebell")
    held = _cached_entries(client)
    two = client.get("/exercises?have=kettlebell&have=dumbbell&have=dumbbell")
    assert one.text == two.text
    assert _cached_entries(client) == held


def test_a_slow_render_does_not_hold_up_other_requests(
    settings: Settings, small_catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = service.list_exercises

    def slow_list(*args: object, **kwargs: object) -> object:
        time.sleep(0.5)  # a render that keeps the CPU busy, as a large page under load does
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(service, "list_exercises", slow_list)
    app = create_app(settings, small_catalog)
    finished: list[str] = []

    async def fetch(client: httpx.AsyncClient, path: str, name: str) -> None:
        response = await client.get(path)
        assert response.status_code == 200
        finished.append(name)

    async def both() -> None:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            slow = asyncio.create_task(fetch(client, "/api/v1/exercises?limit=50", "list"))
            await asyncio.sleep(0.05)  # the slow render has started
            await fetch(client, "/healthz", "healthz")
            await slow

    asyncio.run(both())
    assert finished == ["healthz", "list"]
