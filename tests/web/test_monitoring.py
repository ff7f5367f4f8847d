"""/metrics (repforge.web.monitoring): requests by route template, cache, plan solves, imports."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from prometheus_client import REGISTRY
from prometheus_client.parser import text_string_to_metric_families

from repforge import importing
from repforge.catalog.catalog import Catalog
from repforge.config import Settings
from repforge.errors import ImportFormatError
from repforge.store import db
from repforge.web.app import create_app
from tests.factories import make_catalog
from tests.planner.factories import gym_catalog

FREE = Path(__file__).parents[1] / "catalog/importers/fixtures/free_exercise_db/exercises.json"


def _value(name: str, **labels: str) -> float:
    return REGISTRY.get_sample_value(name, labels) or 0.0


def _requests(route: str, status: str = "200") -> float:
    return _value("repforge_http_requests_total", method="GET", route=route, status=status)


def test_requests_are_counted_and_timed_by_route_template(client: TestClient) -> None:
    before = _requests("/api/v1/exercises/{slug}")
    timed = _value(
        "repforge_http_request_duration_seconds_count",
        method="GET",
        route="/api/v1/exercises/{slug}",
    )
    for slug in ("test-squat", "goblet-test", "pistol-test"):
        assert client.get(f"/api/v1/exercises/{slug}").status_code == 200
    assert _requests("/api/v1/exercises/{slug}") == before + 3
    assert (
        _value(
            "repforge_http_request_duration_seconds_count",
            method="GET",
            route="/api/v1/exercises/{slug}",
        )
        == timed + 3
    )


def test_junk_paths_share_one_label_instead_of_growing_the_series(client: TestClient) -> None:
    before = _requests("unmatched", "404")
    for junk in range(5):
        assert client.get(f"/no/such/page-{junk}").status_code == 404
    assert _requests("unmatched", "404") == before + 5
    page = client.get("/metrics")
    assert page.status_code == 200
    assert "page-0" not in page.text
    names = {family.name for family in text_string_to_metric_families(page.text)}
    assert {"repforge_http_requests", "repforge_http_request_duration_seconds"} <= names


def test_response_cache_hits_and_misses_are_counted(client: TestClient) -> None:
    hits, misses = (
        _value("repforge_response_cache_total", result="hit"),
        _value("repforge_response_cache_total", result="miss"),
    )
    client.get("/api/v1/exercises?limit=3&offset=1")
    client.get("/api/v1/exercises?limit=3&offset=1")
    assert _value("repforge_response_cache_total", result="miss") == misses + 1
    assert _value("repforge_response_cache_total", result="hit") == hits + 1


def test_plan_solves_are_timed(tmp_path: Path) -> None:
    solved = _value("repforge_plan_solve_seconds_count")
    settings = Settings(environment="test", data_dir=tmp_path)
    with TestClient(create_app(settings, gym_catalog())) as client:
        profile = {"goal": "strength", "level": "beginner", "days": 3, "minutes": 60}
        assert client.post("/api/v1/plans", json=profile).status_code == 200
    assert _value("repforge_plan_solve_seconds_count") == solved + 1
    assert _value("repforge_plan_solve_seconds_sum") > 0


def test_imports_are_counted_by_outcome(tmp_path: Path) -> None:
    engine = db.make_engine(f"sqlite:///{tmp_path / 'db.sqlite3'}")
    db.upgrade(engine)
    sessions = db.session_factory(engine)
    stored, failed = (
        _value("repforge_imports_total", outcome="stored"),
        _value("repforge_imports_total", outcome="failed"),
    )
    exercises = _value("repforge_imported_exercises_total")
    report = importing.import_records(sessions, make_catalog(), "free-exercise-db", FREE)
    broken = tmp_path / "broken.json"
    broken.write_text("[{")
    with pytest.raises(ImportFormatError):
        importing.import_records(sessions, make_catalog(), "free-exercise-db", broken)
    engine.dispose()
    assert _value("repforge_imports_total", outcome="stored") == stored + 1
    assert _value("repforge_imports_total", outcome="failed") == failed + 1
    assert report.imported > 0
    assert _value("repforge_imported_exercises_total") == exercises + report.imported


def test_metrics_switched_off_serve_no_page_and_count_nothing(
    settings: Settings, small_catalog: Catalog
) -> None:
    before = _requests("/api/v1/exercises/{slug}")
    quiet = settings.model_copy(update={"metrics_enabled": False})
    with TestClient(create_app(quiet, small_catalog)) as off:
        assert off.get("/api/v1/exercises/test-squat").status_code == 200
        assert off.get("/metrics").status_code == 404
    assert _requests("/api/v1/exercises/{slug}") == before
