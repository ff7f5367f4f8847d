"""The exercise page, its Markdown mirror, hubs and error pages over HTTP."""

from __future__ import annotations

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
    assert "pistol-tset" in response.text
    assert '<a href="/exercise/pistol-test">' in response.text  # suggestion
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
    assert 'href="/exercises/legs"' in client.get("/").text
