"""Error pages keep the whole site around them and suggest exercises by name."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from repforge.catalog.catalog import Catalog
from repforge.config import Settings
from repforge.web.app import create_app


def _assert_full_layout(html: str, site_name: str = "repforge") -> None:
    title = re.search(r"<title>(.*?)</title>", html, re.S)
    assert title
    assert title.group(1).strip().endswith(f"| {site_name}")
    assert f'<a class="brand" href="/">{site_name}</a>' in html
    assert "CC BY-SA 4.0" in html
    assert "Catalog version" not in html
    assert 'name="catalog-version" content="test"' in html


def test_404_has_the_layout_and_name_suggestions(client: TestClient) -> None:
    response = client.get("/exercise/goblet-tset")
    assert response.status_code == 404
    _assert_full_layout(response.text)
    assert '<a href="/exercise/goblet-test">Goblet Test</a>' in response.text


def test_unknown_address_suggests_exercises_by_its_words(client: TestClient) -> None:
    response = client.get("/routines/goblet")
    assert response.status_code == 404
    _assert_full_layout(response.text)
    assert ">Goblet Test</a>" in response.text


def test_422_has_the_layout(client: TestClient) -> None:
    response = client.get("/exercises?difficulty=impossible")
    assert response.status_code == 422
    _assert_full_layout(response.text)


def test_500_has_the_layout_and_no_traceback(settings: Settings, small_catalog: Catalog) -> None:
    app = create_app(settings, small_catalog)

    async def boom() -> None:
        raise RuntimeError("secret internals")

    app.add_api_route("/boom", boom)
    app.add_api_route("/api/v1/boom", boom)
    with TestClient(app, raise_server_exceptions=False) as client:
        page = client.get("/boom")
        assert page.status_code == 500
        _assert_full_layout(page.text)
        assert "secret internals" not in page.text
        api = client.get("/api/v1/boom")
        assert api.status_code == 500
        assert api.headers["content-type"] == "application/problem+json"
        assert "secret internals" not in api.text


def test_favicon_ico_answers_with_an_icon(client: TestClient) -> None:
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response.headers["content-type"] == "image/x-icon"
    assert response.content[:4] == b"\x00\x00\x01\x00"


def test_the_static_404_page_suggests_nothing_in_particular(client: TestClient) -> None:
    page = client.get("/goblet", headers={"x-repforge-export": "1"})
    assert page.status_code == 404
    assert "Did you mean" not in page.text
    assert 'name="repforge-static"' in page.text
    assert "Did you mean" in client.get("/goblet").text
