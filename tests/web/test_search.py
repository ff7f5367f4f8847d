"""The search page and autocomplete endpoint over HTTP."""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_empty_search_shows_the_form(client: TestClient) -> None:
    html = client.get("/search").text
    assert 'role="search"' in html
    assert "result" not in html.split('role="search"')[1].split("</form>")[1]


def test_results_link_to_exercises_and_are_not_indexed(client: TestClient) -> None:
    response = client.get("/search", params={"q": "pistol"})
    assert response.status_code == 200
    assert '<a href="/exercise/pistol-test"><strong>Pistol Test</strong></a>' in response.text
    assert '<meta name="robots" content="noindex, follow">' in response.text
    assert response.headers["cache-control"].startswith("private")


def test_typo_is_corrected(client: TestClient) -> None:
    html = client.get("/search", params={"q": "pistoll tset"}).text
    assert "/exercise/pistol-test" in html


def test_query_is_escaped(client: TestClient) -> None:
    html = client.get("/search", params={"q": "<script>alert(1)</script>"}).text
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


def test_too_long_query_is_a_422(client: TestClient) -> None:
    assert client.get("/search", params={"q": "x" * 201}).status_code == 422


def test_suggest_returns_prefix_matches_as_json(client: TestClient) -> None:
    body = client.get("/search/suggest", params={"q": "gob"}).json()
    assert body == [{"slug": "goblet-test", "name": "Goblet Test", "url": "/exercise/goblet-test"}]
    assert client.get("/search/suggest", params={"q": ""}).json() == []


def test_the_empty_search_page_may_be_indexed(client: TestClient) -> None:
    html = client.get("/search").text
    assert "noindex" not in html
    assert '<link rel="canonical" href="https://repforge.test/search">' in html
