"""Demonstrations are served, cached and linked wherever media is expected."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from repforge.config import Settings
from repforge.web.app import create_app
from tests.factories import make_catalog, make_exercise

MOTION = {
    "props": [],
    "contacts": ["feet-floor"],
    "keyframes": [{"pose": {"trunk": 5}}, {"pose": {"trunk": 40, "hip": 125, "knee": 115}}],
}


@pytest.fixture
def media_client(settings: Settings) -> Iterator[TestClient]:
    catalog = make_catalog(
        make_exercise(slug="test-squat", motion=MOTION), make_exercise(slug="plain-squat")
    )
    with TestClient(create_app(settings, catalog)) as client:
        yield client


@pytest.mark.parametrize(
    ("path", "media_type"),
    [
        ("/media/test-squat.svg", "image/svg+xml"),
        ("/media/test-squat.gif", "image/gif"),
        ("/media/test-squat.webp", "image/webp"),
        ("/media/test-squat.png", "image/png"),
        ("/media/thumb/test-squat.png", "image/png"),
    ],
)
def test_every_format_is_served_with_an_etag(
    media_client: TestClient, path: str, media_type: str
) -> None:
    response = media_client.get(path)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(media_type)
    again = media_client.get(path, headers={"If-None-Match": response.headers["etag"]})
    assert again.status_code == 304


def test_versioned_links_are_cached_for_good(media_client: TestClient) -> None:
    page = media_client.get("/exercise/test-squat").text
    svg = page.split('<img src="', 1)[1].split('"', 1)[0]
    assert svg.startswith("/media/test-squat.svg?v=")
    cached = media_client.get(svg.replace("&amp;", "&"))
    assert "immutable" in cached.headers["cache-control"]
    assert "immutable" not in media_client.get("/media/test-squat.svg").headers["cache-control"]


def test_exercise_page_shows_the_demo_and_share_image(media_client: TestClient) -> None:
    page = media_client.get("/exercise/test-squat").text
    assert 'width="480" height="360"' in page
    assert (
        '<meta property="og:image" content="https://repforge.test/media/test-squat.png?v=' in page
    )
    assert '<meta name="twitter:image"' in page
    assert '"image": ["https://repforge.test/media/test-squat.png' in page.replace('":[', '": [')


def test_no_motion_no_media(media_client: TestClient) -> None:
    assert media_client.get("/media/plain-squat.gif").status_code == 404
    assert media_client.get("/media/test-squat.bmp").status_code == 404
    page = media_client.get("/exercise/plain-squat").text
    assert "og:image" not in page
    detail = media_client.get("/api/v1/exercises/plain-squat").json()
    assert detail["media"] is None


def test_exercisedb_gif_url_is_absolute_and_answers(media_client: TestClient) -> None:
    record = media_client.get("/api/exercisedb/exercises/exercise/test-squat").json()
    assert record["gifUrl"].startswith("https://repforge.test/media/test-squat.gif")
    path = record["gifUrl"].removeprefix("https://repforge.test")
    assert media_client.get(path).content[:6] == b"GIF89a"
    plain = media_client.get("/api/exercisedb/exercises/exercise/plain-squat").json()
    assert plain["gifUrl"] is None


def test_api_detail_and_markdown_link_the_media(media_client: TestClient) -> None:
    detail = media_client.get("/api/v1/exercises/test-squat").json()
    assert detail["media"]["gif"].startswith("/media/test-squat.gif?v=")
    markdown = media_client.get("/exercise/test-squat.md").text
    assert "](https://repforge.test/media/test-squat.gif?v=" in markdown


def test_cards_carry_thumbnails(media_client: TestClient) -> None:
    page = media_client.get("/exercises").text
    assert '<img class="thumb" src="/media/thumb/test-squat.png?v=' in page


def test_svg_is_sent_gzipped_to_clients_that_accept_it(media_client: TestClient) -> None:
    zipped = media_client.get("/media/test-squat.svg", headers={"Accept-Encoding": "gzip"})
    assert zipped.headers["content-encoding"] == "gzip"
    assert zipped.text.startswith("<svg")  # the client decodes it
    assert int(zipped.headers["content-length"]) < 15_000
    plain = media_client.get("/media/test-squat.svg", headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers
    assert plain.text == zipped.text


def test_svg_may_not_run_anything_when_opened_on_its_own(media_client: TestClient) -> None:
    policy = media_client.get("/media/test-squat.svg").headers["content-security-policy"]
    assert policy.startswith("default-src 'none'")
    assert "script" not in policy
