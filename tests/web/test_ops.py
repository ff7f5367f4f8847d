"""/readyz (repforge.web.ops): ready on a migrated database, 503 naming each missing part."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine

from repforge.catalog.catalog import Catalog
from repforge.config import Settings
from repforge.store import db
from repforge.web.app import create_app
from repforge.web.state import AppState
from tests.factories import make_catalog


def _state(client: TestClient) -> AppState:
    return client.app.state.repforge  # type: ignore[attr-defined,no-any-return]


def test_ready_on_a_migrated_database_with_a_catalog(client: TestClient) -> None:
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ready"}
    assert client.get("/healthz").text == "ok"


def test_schema_behind_the_code_is_not_ready(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(db, "head", lambda: "9999")
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.headers["content-type"] == "application/problem+json"
    (reason,) = response.json()["not_ready"]
    assert "not 9999" in reason
    assert "repforge db upgrade" in reason


def test_unreachable_database_and_empty_catalog_are_both_named(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    state = _state(client)
    missing = create_engine("sqlite:////nonexistent-folder/for/readyz.sqlite3")
    monkeypatch.setattr(state, "engine", missing)
    monkeypatch.setattr(state, "catalog", make_catalog(version="empty"))
    response = client.get("/readyz")
    assert response.status_code == 503
    reasons = response.json()["not_ready"]
    assert len(reasons) == 2
    assert "database cannot be reached" in reasons[0]
    assert "catalog is empty" in reasons[1]


def test_liveness_is_answered_ahead_of_the_stack(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    state = _state(client)
    calls: list[int] = []
    # a due catalog refresh would send the request through a thread hop first
    monkeypatch.setattr(state, "refresh_due", lambda: calls.append(1) or True)
    # a load balancer probes by address, not by the site's name
    response = client.get("/healthz", headers={"host": "10.0.0.7"})
    assert response.status_code == 200
    assert response.text == "ok"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["cache-control"] == "no-store"
    assert calls == []
    head = client.head("/healthz")
    assert head.status_code == 200
    assert head.content == b""
    assert client.post("/healthz").status_code == 405
    assert client.get("/healthz/", follow_redirects=False).status_code == 307


def test_unreachable_redis_is_named_when_counters_live_there(
    settings: Settings, small_catalog: Catalog
) -> None:
    # port 1 on this machine: nothing listens, the connection is refused at once
    broken = settings.model_copy(update={"redis_url": "redis://127.0.0.1:1/0"})
    with TestClient(create_app(broken, small_catalog)) as client:
        response = client.get("/readyz")
    assert response.status_code == 503
    (reason,) = response.json()["not_ready"]
    assert reason.startswith("Redis cannot be reached")
