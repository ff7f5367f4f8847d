"""Hubs on the real catalog keep their promise on page 1."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from repforge.catalog import load
from repforge.config import Settings
from repforge.web.app import create_app


@pytest.fixture(scope="module")
def builtin_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    settings = Settings(environment="test", data_dir=tmp_path_factory.mktemp("hubs"))
    with TestClient(create_app(settings, load.load_builtin())) as client:
        yield client


def test_hamstrings_hub_starts_with_hamstring_exercises_and_no_cardio(
    builtin_client: TestClient,
) -> None:
    catalog = load.load_builtin()
    html = builtin_client.get("/exercises/muscle/hamstrings").text
    shown = re.findall(r'href="/exercise/([a-z0-9-]+)"', html)
    first_page = [catalog.get(s) for s in dict.fromkeys(shown) if s in catalog]
    targets = [e for e in first_page if e.target == "hamstrings"]
    assert first_page[: len(targets)] == targets, "a helper comes before a target exercise"
    assert "glute-ham-raise" in [e.slug for e in targets]
    assert all(e.category != "cardio" for e in first_page)
    assert "Works this muscle most" in html


def test_popularity_is_still_a_choice(builtin_client: TestClient) -> None:
    html = builtin_client.get("/exercises/muscle/hamstrings?sort=popularity").text
    assert 'value="popularity" selected' in html
