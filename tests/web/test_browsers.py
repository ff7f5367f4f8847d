"""CORS on the public API only, preflights answered, and HEAD wherever GET is."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from repforge.catalog.catalog import Catalog
from repforge.config import Settings
from repforge.web.app import create_app
from repforge.web.browsers import is_public_api

ORIGIN = "http://localhost:3000"


def test_public_api_answers_any_origin_without_credentials(client: TestClient) -> None:
    for path in ("/api/exercisedb/exercises?limit=1", "/api/v1/exercises/test-squat"):
        response = client.get(path, headers={"Origin": ORIGIN})
        assert response.status_code == 200
        assert response.headers["access-control-allow-origin"] == "*"
        assert "access-control-allow-credentials" not in response.headers


def test_preflight_with_rapidapi_headers_is_answered(client: TestClient) -> None:
    response = client.options(
        "/api/exercisedb/exercises/bodyPart/upper%20legs",
        headers={
            "Origin": ORIGIN,
            "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "x-rapidapi-key, x-rapidapi-host",
        },
    )
    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] == "*"
    assert "GET" in response.headers["access-control-allow-methods"]
    assert "x-rapidapi-key" in response.headers["access-control-allow-headers"].lower()


@pytest.mark.parametrize(
    "path", ["/", "/exercise/test-squat", "/api/v1/auth/login", "/api/v1/workouts", "/plan"]
)
def test_site_and_account_routes_stay_same_origin(client: TestClient, path: str) -> None:
    response = client.get(path, headers={"Origin": ORIGIN})
    assert "access-control-allow-origin" not in response.headers
    preflight = client.options(
        path, headers={"Origin": ORIGIN, "Access-Control-Request-Method": "POST"}
    )
    assert "access-control-allow-origin" not in preflight.headers


def test_account_prefixes_are_not_public() -> None:
    assert is_public_api("/api/v1/exercises/squat")
    assert is_public_api("/api/exercisedb/exercises")
    for path in ("/api/v1/auth/login", "/api/v1/workouts/3", "/api/v1/programs", "/api/v1/me"):
        assert not is_public_api(path)


def test_listed_origins_are_echoed_and_vary_on_origin(
    settings: Settings, small_catalog: Catalog
) -> None:
    strict = settings.model_copy(update={"cors_origins": ["https://app.example"]})
    with TestClient(create_app(strict, small_catalog)) as client:
        allowed = client.get("/api/v1/taxonomy", headers={"Origin": "https://app.example"})
        assert allowed.headers["access-control-allow-origin"] == "https://app.example"
        assert "origin" in allowed.headers["vary"].lower()
        other = client.get("/api/v1/taxonomy", headers={"Origin": "https://evil.example"})
        assert "access-control-allow-origin" not in other.headers


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/exercise/test-squat",
        "/exercises",
        "/sitemap.xml",
        "/api/v1/exercises/test-squat",
        "/api/exercisedb/exercises?limit=1",
        "/static/site.css",
    ],
)
def test_head_mirrors_get_without_a_body(client: TestClient, path: str) -> None:
    got = client.get(path)
    head = client.head(path)
    assert head.status_code == got.status_code == 200
    assert head.content == b""
    assert head.headers["content-type"] == got.headers["content-type"]
    assert head.headers.get("etag") == got.headers.get("etag")


def test_head_on_a_missing_page_is_404(client: TestClient) -> None:
    head = client.head("/exercise/no-such-thing")
    assert head.status_code == 404
    assert head.content == b""
