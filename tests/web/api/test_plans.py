"""POST /api/v1/plans, GET /api/v1/plans/{id} and POST /api/v1/plans/validate."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from repforge.config import Settings
from repforge.web.app import create_app
from tests.planner.factories import gym_catalog
from tests.store.locks import write_lock_held

PROFILE = {"goal": "strength", "level": "beginner", "days": 3, "minutes": 60}


@pytest.fixture
def api(tmp_path: Path, database_url: str) -> Iterator[TestClient]:
    settings = Settings(environment="test", data_dir=tmp_path, database_url=database_url)
    with TestClient(create_app(settings, gym_catalog())) as client:
        yield client


def test_create_then_fetch_by_content_id(api: TestClient) -> None:
    created = api.post("/api/v1/plans", json=PROFILE)
    assert created.status_code == 200
    body = created.json()
    assert len(body["id"]) == 16
    assert body["profile"]["goal"] == "strength"
    assert body["weeks"][0]["sessions"]
    again = api.post("/api/v1/plans", json=PROFILE).json()
    assert again["id"] == body["id"]  # same profile, same plan, same id
    fetched = api.get(f"/api/v1/plans/{body['id']}")
    assert fetched.json() == body


def test_unknown_plan_is_a_problem_404(api: TestClient) -> None:
    response = api.get("/api/v1/plans/0123456789abcdef")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    assert api.get("/api/v1/plans/not-an-id").status_code == 422


def test_bad_profile_names_the_field(api: TestClient) -> None:
    response = api.post("/api/v1/plans", json={**PROFILE, "days": 9})
    assert response.status_code == 422
    assert response.json()["field"] == "days"


def test_validate_reports_a_broken_plan(api: TestClient) -> None:
    plan = api.post("/api/v1/plans", json=PROFILE).json()
    session = plan["weeks"][0]["sessions"][0]
    session["exercises"][0]["sets"] = 15  # far past the per-session cap
    report = api.post("/api/v1/plans/validate", json=plan).json()
    assert any(f["severity"] == "error" for f in report["errors"])
    bad = api.post("/api/v1/plans/validate", json={"weeks": "nope"})
    assert bad.status_code == 422


def test_a_busy_database_answers_503_with_retry_after(tmp_path: Path, database_url: str) -> None:
    settings = Settings(
        environment="test",
        data_dir=tmp_path,
        database_url=database_url,
        database_busy_timeout_ms=100,
    )
    with TestClient(create_app(settings, gym_catalog())) as client:
        with write_lock_held(database_url, "saved_plans"):
            response = client.post("/api/v1/plans", json=PROFILE)
        assert response.status_code == 503
        assert response.headers["content-type"] == "application/problem+json"
        assert int(response.headers["retry-after"]) >= 1
        assert "busy" in response.json()["detail"]
        assert client.post("/api/v1/plans", json=PROFILE).status_code == 200


@pytest.mark.parametrize(
    ("field", "value"), [("days", True), ("minutes", "60"), ("weeks", False), ("days", 3.5)]
)
def test_a_profile_number_must_be_a_number(api: TestClient, field: str, value: object) -> None:
    response = api.post("/api/v1/plans", json={**PROFILE, field: value})
    assert response.status_code == 422
    assert response.json()["field"] == field


def test_a_known_max_must_be_a_number(api: TestClient) -> None:
    maxes = {"maxes": {"barbell-back-squat": True}}
    assert api.post("/api/v1/plans", json={**PROFILE, **maxes}).status_code == 422


@pytest.mark.parametrize(("field", "value"), [("sets", True), ("rir", "2"), ("load_kg", True)])
def test_validate_refuses_booleans_and_strings_for_numbers(
    api: TestClient, field: str, value: object
) -> None:
    plan = api.post("/api/v1/plans", json=PROFILE).json()
    plan["weeks"][0]["sessions"][0]["exercises"][0][field] = value
    response = api.post("/api/v1/plans/validate", json=plan)
    assert response.status_code == 422
    assert response.json()["field"].endswith(field)
