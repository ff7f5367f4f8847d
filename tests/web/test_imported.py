"""Imported exercises reach every consumer: page, hub, search, API, planner, other instances."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from repforge import importing
from repforge.catalog.catalog import Catalog
from repforge.catalog.load import load_builtin
from repforge.config import Settings
from repforge.pages.hubs import all_hubs
from repforge.planner.service import make_plan
from repforge.store import db
from repforge.web.app import create_app
from tests.factories import DATASETS

FIXTURES = Path(__file__).parents[1] / "catalog" / "importers" / "fixtures"


def _settings(settings: Settings, refresh_s: float = 0) -> Settings:
    return settings.model_copy(update={"catalog_refresh_s": refresh_s})


def _import(app_settings: Settings, base: Catalog, fmt: str, path: Path) -> None:
    # as another process would: its own engine on the same database
    engine = db.make_engine(app_settings.resolved_database_url)
    db.upgrade(engine)
    importing.import_records(db.session_factory(engine), base, fmt, path)
    engine.dispose()


def test_an_imported_exercise_gets_a_page_hub_search_and_api_entry(
    settings: Settings, small_catalog: Catalog
) -> None:
    app = create_app(_settings(settings), small_catalog)
    with TestClient(app) as client:
        assert client.get("/exercise/lying-quad-pull").status_code == 404
        _import(settings, small_catalog, "free-exercise-db", FIXTURES / "free_exercise_db")
        page = client.get("/exercise/lying-quad-pull")
        assert page.status_code == 200
        assert "<h1>Lying Quad Pull</h1>" in page.text
        assert ">How to perform</h2>" in page.text
        assert ">Pro tips</h2>" not in page.text
        assert "/exercise/lying-quad-pull" in client.get("/exercises/legs").text
        listed = client.get("/api/v1/exercises", params={"limit": 100}).json()
        assert "kettlebell-figure-eight" in {item["slug"] for item in listed["data"]}
        detail = client.get("/api/v1/exercises/kettlebell-figure-eight").json()
        assert detail["provenance"]["licence"] == "Unlicense"
        found = client.get("/api/v1/search", params={"q": "figure eight"}).json()
        assert found["data"][0]["slug"] == "kettlebell-figure-eight"


def test_imported_text_is_escaped(
    settings: Settings, small_catalog: Catalog, tmp_path: Path
) -> None:
    hostile = tmp_path / "hostile.json"
    hostile.write_text(
        json.dumps(
            [
                {
                    "id": "x1",
                    "name": "band pull apart &lt;script&gt;",
                    "bodyPart": "shoulders",
                    "equipment": "band",
                    "target": "delts",
                    "secondaryMuscles": [],
                    "instructions": ["&lt;script&gt;alert(1)&lt;/script&gt; Pull the band apart."],
                }
            ]
        )
    )
    _import(settings, small_catalog, "exercisedb", hostile)
    with TestClient(create_app(_settings(settings), small_catalog)) as client:
        html = client.get("/exercise/band-pull-apart-script").text
    assert "<li>&lt;script&gt;alert(1)&lt;/script&gt; Pull the band apart.</li>" in html
    # JSON-LD carries the text as data, with "</" escaped so it cannot close its script block
    assert "alert(1)</script>" not in html


def test_other_instances_reload_only_when_the_check_is_due(
    settings: Settings, small_catalog: Catalog
) -> None:
    slow = create_app(_settings(settings, refresh_s=3600), small_catalog)
    fast = create_app(_settings(settings, refresh_s=0), small_catalog)
    with TestClient(slow) as slow_client, TestClient(fast) as fast_client:
        version = fast.state.repforge.catalog.version
        _import(settings, small_catalog, "exercisedb", FIXTURES / "exercisedb" / "v1.json")
        assert fast_client.get("/exercise/band-pull-through-hinge").status_code == 200
        assert fast.state.repforge.catalog.version != version
        assert slow_client.get("/exercise/band-pull-through-hinge").status_code == 404
        slow.state.repforge.catalog_checked_at -= 3600
        assert slow_client.get("/exercise/band-pull-through-hinge").status_code == 200


def test_the_planner_can_build_a_plan_from_imported_exercises_alone(tmp_path: Path) -> None:
    published = DATASETS / "free-exercise-db" / "exercises.json"
    if not published.exists():
        pytest.skip("shared/datasets is not beside this checkout")
    engine = db.make_engine(f"sqlite:///{tmp_path / 'plan.sqlite3'}")
    db.upgrade(engine)
    sessions = db.session_factory(engine)
    builtin = load_builtin()
    importing.import_records(sessions, builtin, "free-exercise-db", published)
    catalog, _ = importing.custom_catalog(sessions, builtin)
    engine.dispose()
    plan = make_plan(catalog, {"days": 3, "exclude": list(builtin.slugs)})
    chosen = {e.slug for week in plan.weeks for s in week.sessions for e in s.exercises}
    assert chosen
    assert all(catalog.get(slug).provenance.source == "free-exercise-db" for slug in chosen)


def _ld_blocks(html: str) -> list[str]:
    # what a browser takes as the script's text: everything up to the first "</script"
    opener = '<script type="application/ld+json">'
    return [part.split("</script", 1)[0] for part in html.split(opener)[1:]]


def test_markup_in_imported_text_cannot_swallow_the_page(
    settings: Settings, small_catalog: Catalog, tmp_path: Path
) -> None:
    # "<!--<script>" inside a script element makes the browser ignore the next "</script>"
    hostile = tmp_path / "comment.json"
    hostile.write_text(
        json.dumps(
            [
                {
                    "id": "x2",
                    "name": "banded squat &lt;!--&lt;script&gt;",
                    "bodyPart": "upper legs",
                    "equipment": "band",
                    "target": "quads",
                    "secondaryMuscles": [],
                    "instructions": ["Squat down &lt;!--&lt;script&gt; and stand up \u2028 tall."],
                }
            ]
        )
    )
    _import(settings, small_catalog, "exercisedb", hostile)
    with TestClient(create_app(_settings(settings), small_catalog)) as client:
        catalog = client.app.state.repforge.catalog  # type: ignore[attr-defined]
        slug = "banded-squat-script"
        listing = [h.path for h in all_hubs(catalog) if slug in {e.slug for e in h.exercises}]
        assert "/exercises/legs" in listing
        paths = ["/exercise/banded-squat-script", *listing]
        pages = [client.get(path).text for path in paths]
    for html in pages:
        assert "/exercise/banded-squat-script" in html
        blocks = _ld_blocks(html)
        assert blocks
        for block in blocks:
            assert not set(block) & {"<", ">", "&", "\u2028", "\u2029"}
            text = json.dumps(json.loads(block), ensure_ascii=False)
            assert "<!--<script>" in text.lower()  # the same text, only written differently
        assert html.rstrip().endswith("</html>")
