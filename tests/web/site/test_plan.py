"""The /plan form, the plan page, swaps and downloads, over HTTP."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from starlette.datastructures import QueryParams

from repforge.catalog.catalog import Catalog
from repforge.config import Settings
from repforge.web.app import create_app
from repforge.web.site.plan import profile_from
from tests.planner.factories import gym_catalog

PROFILE = "goal=hypertrophy&level=beginner&days=3&minutes=45&equipment=home-gym"


@pytest.fixture
def gym_client(tmp_path: Path) -> Iterator[TestClient]:
    settings = Settings(environment="test", data_dir=tmp_path, base_url="https://repforge.test")
    with TestClient(create_app(settings, gym_catalog())) as client:
        yield client


def test_form_works_without_a_profile(gym_client: TestClient) -> None:
    html = gym_client.get("/plan").text
    assert '<form method="get" action="/plan"' in html
    assert 'name="goal"' in html
    assert 'value="home-dumbbells"' in html


def test_checkboxes_and_commas_become_profile_lists() -> None:
    params = QueryParams("equipment=dumbbell&equipment=bench,kettlebell&weekdays=mon&weekdays=thu")
    profile = profile_from(params)
    assert profile["equipment"] == "dumbbell,bench,kettlebell"
    assert profile["days"] == 2


def test_exercises_may_be_typed_by_name_or_alias(small_catalog: Catalog) -> None:
    params = QueryParams("exclude=Goblet Test, pistol-test&cannot_do=Nothing Known")
    profile = profile_from(params, small_catalog)
    assert profile["exclude"] == "goblet-test,pistol-test"
    assert profile["cannot_do"] == "Nothing Known"  # left for the profile to reject clearly


def test_plan_page_links_every_exercise_and_offers_swaps(gym_client: TestClient) -> None:
    response = gym_client.get(f"/plan?{PROFILE}")
    assert response.status_code == 200
    html = response.text
    assert "Checked against training science" in html
    assert html.count('class="swap"') >= 6
    assert '<a href="/exercise/' in html
    assert response.headers["x-robots-tag"] == "noindex"


def test_swap_lists_ranked_alternatives_that_fit(gym_client: TestClient) -> None:
    html = gym_client.get(f"/plan?{PROFILE}").text
    swap = html.split('class="swap" href="')[1].split('"')[0].replace("&amp;", "&")
    page = gym_client.get(swap)
    assert page.status_code == 200
    assert "Rebuild my plan without" in page.text


def test_downloads(gym_client: TestClient) -> None:
    md = gym_client.get(f"/plan.md?{PROFILE}")
    assert md.text.startswith("# Training plan: hypertrophy, beginner")
    ics = gym_client.get(f"/plan.ics?{PROFILE}")
    assert ics.headers["content-type"].startswith("text/calendar")
    assert ics.text.count("BEGIN:VEVENT") == 3 * 4  # three sessions a week for four weeks
    data = gym_client.get(f"/plan.json?{PROFILE}").json()
    assert data["profile"]["goal"] == "hypertrophy"


def test_invalid_profile_names_the_field(gym_client: TestClient) -> None:
    response = gym_client.get("/plan?goal=bulk")
    assert response.status_code == 422
    assert "goal" in response.text


def test_exercises_are_typed_by_name_with_suggestions(gym_client: TestClient) -> None:
    form = gym_client.get("/plan").text
    assert 'list="exercise-names"' in form
    assert '<option value="Pull Up">' in form
    params = QueryParams("exclude=Goblet Squat, plank&cannot_do=pull-up")
    profile = profile_from(params, gym_catalog())
    assert profile["exclude"] == "goblet-squat,plank"
    assert profile["cannot_do"] == "pull-up"
    html = gym_client.get(f"/plan?{PROFILE}&exclude=Goblet+Squat").text
    assert 'href="/exercise/goblet-squat"' not in html.split("plan-summary")[1]


def test_plan_page_findings_are_sentences(gym_client: TestClient) -> None:
    html = gym_client.get("/plan?goal=strength&level=beginner&days=2&minutes=30").text
    summary = html.split('aria-label="Summary"')[1].split("</section>")[0]
    for check in ("volume-floor", "muscle-frequency", "pattern-coverage", "visible-progression"):
        assert check not in summary


def test_the_plan_summary_counts_in_words(gym_client: TestClient) -> None:
    html = gym_client.get("/plan?days=1&minutes=30&weeks=1").text
    assert "1 session a week of up to 30 minutes, for 1 week." in html
    html = gym_client.get("/plan?days=3&minutes=45&weeks=2").text
    assert "3 sessions a week of up to 45 minutes, for 2 weeks." in html
