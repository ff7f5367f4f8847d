"""The exercise page, its Markdown mirror, hubs and error pages over HTTP."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


def test_exercise_page_renders_all_sections(client: TestClient) -> None:
    response = client.get("/exercise/pistol-test")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    html = response.text
    for heading in ("Quick answer", "How to perform", "Pro tips", "Common mistakes", "FAQ"):
        assert f">{heading}</h2>" in html
    assert '<a href="/exercise/test-squat">Test Squat</a>' in html  # easier progression link
    assert '<link rel="canonical" href="https://repforge.test/exercise/pistol-test">' in html
    assert 'type="text/markdown" href="https://repforge.test/exercise/pistol-test.md"' in html


def test_markdown_mirror_and_accept_negotiation(client: TestClient) -> None:
    md = client.get("/exercise/pistol-test.md")
    assert md.status_code == 200
    assert md.headers["content-type"] == "text/markdown; charset=utf-8"
    assert md.text.startswith("# Pistol Test\n\n## Quick answer\n")
    negotiated = client.get("/exercise/pistol-test", headers={"Accept": "text/markdown"})
    assert negotiated.text == md.text


def test_unknown_exercise_is_a_helpful_404(client: TestClient) -> None:
    response = client.get("/exercise/pistol-tset")
    assert response.status_code == 404
    assert "pistol-tset" not in response.text.split("<main", 1)[1]
    assert '<a href="/exercise/pistol-test">Pistol Test</a>' in response.text  # by name
    assert client.get("/exercise/nothing-like-it.md").status_code == 404


def test_text_is_escaped(client: TestClient) -> None:
    assert "<script>" not in client.get("/exercise/test-squat").text


def test_etag_and_conditional_get(client: TestClient) -> None:
    first = client.get("/exercise/test-squat")
    etag = first.headers["etag"]
    assert first.headers["cache-control"].startswith("public, max-age=")
    again = client.get("/exercise/test-squat", headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert client.get("/exercise/test-squat.md").headers["etag"] != etag


def test_hubs_list_members_and_hide_thin_ones(client: TestClient) -> None:
    legs = client.get("/exercises/legs")
    assert legs.status_code == 200
    assert legs.text.count('class="card"') == 4
    assert client.get("/exercises/muscle/quads").status_code == 200
    assert client.get("/exercises/beginner").status_code == 200
    assert client.get("/exercises/equipment/bodyweight").status_code == 200
    assert client.get("/exercises/equipment/kettlebell").status_code == 404  # one exercise: thin
    assert client.get("/exercises/chest").status_code == 404  # none
    assert client.get("/exercises/not-a-part").status_code == 404


def test_index_and_home_link_to_exercises(client: TestClient) -> None:
    assert '<a href="/exercise/goblet-test">' in client.get("/exercises").text
    home = client.get("/").text
    assert 'href="/exercises"' in home
    assert 'action="/search"' in home
    assert 'href="/plan"' in home
    assert 'href="/exercise/test-squat"' in home  # popular exercises
    assert 'class="hubnav"' not in home  # the hub lists live on /exercises, not twice


def test_hub_filters_work_as_query_parameters(client: TestClient) -> None:
    html = client.get("/exercises/legs?difficulty=advanced").text
    assert html.count('class="card"') == 1
    assert '<meta name="robots" content="noindex, follow">' in html
    kit = client.get("/exercises?have=kettlebell&sort=name").text
    assert '<a href="/exercise/goblet-test">' in kit
    assert "noindex" not in client.get("/exercises/legs").text


def test_bad_filter_value_is_a_clear_422(client: TestClient) -> None:
    response = client.get("/exercises/legs?difficulty=insane")
    assert response.status_code == 422
    assert "difficulty" in response.text


def test_path_pagination(client: TestClient) -> None:
    assert client.get("/exercises/legs/page/2").status_code == 404  # only one page
    assert client.get("/exercises/page/1").status_code == 404  # page 1 is the hub itself


def test_comparison_page_and_canonical_redirect(client: TestClient) -> None:
    page = client.get("/exercise/compare/goblet-test-vs-test-squat")
    assert page.status_code == 200
    assert "When to choose which" in page.text
    flipped = client.get("/exercise/compare/test-squat-vs-goblet-test", follow_redirects=False)
    assert flipped.status_code == 301
    assert flipped.headers["location"] == "/exercise/compare/goblet-test-vs-test-squat"
    assert client.get("/exercise/compare/pistol-test-vs-test-squat").status_code == 404


def test_machine_files(client: TestClient) -> None:
    sitemap = client.get("/sitemap.xml")
    assert sitemap.headers["content-type"].startswith("application/xml")
    assert "<loc>https://repforge.test/exercise/pistol-test</loc>" in sitemap.text
    assert "Sitemap:" in client.get("/robots.txt").text
    assert client.get("/llms.txt").text.startswith("# repforge")


def test_exercise_page_carries_jsonld_and_open_graph(client: TestClient) -> None:
    html = client.get("/exercise/test-squat").text
    assert '<script type="application/ld+json">{"@context":"https://schema.org"' in html
    assert '<meta property="og:title" content="Test Squat">' in html
    assert 'href="/exercise/compare/goblet-test-vs-test-squat"' in html


@pytest.mark.parametrize("page", ["²", "٣", "２", "9" * 400, "9" * 5000])
def test_odd_page_numbers_are_client_errors(client: TestClient, page: str) -> None:
    for path in ("/exercises", "/exercises/legs"):
        assert client.get(path, params={"page": page}).status_code in (404, 422)
    assert client.get(f"/exercises/page/{page}").status_code in (404, 422)
    assert client.get(f"/exercises/legs/page/{page}").status_code in (404, 422)
