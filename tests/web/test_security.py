"""Security headers on every response, trusted Host names, and redirects built from base_url."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from repforge.catalog.catalog import Catalog
from repforge.config import Settings
from repforge.web.app import create_app
from repforge.web.security import docs_policy

PATHS = [
    "/",
    "/exercise/goblet-test",
    "/exercise/goblet-test.md",
    "/exercises/legs",
    "/plan",
    "/api/v1/exercises",
    "/api/v1/openapi.json",
    "/static/site.css",
    "/no-such-page",
    "/api/v1/no-such-route",
    "/healthz/",  # a trailing-slash redirect
]


def _directives(policy: str) -> dict[str, str]:
    return dict(part.strip().split(" ", 1) for part in policy.split(";"))


@pytest.mark.parametrize("path", PATHS)
def test_every_response_carries_the_security_headers(client: TestClient, path: str) -> None:
    response = client.get(path, follow_redirects=False)
    headers = response.headers
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"
    assert headers["referrer-policy"] == "strict-origin-when-cross-origin"
    policy = _directives(headers["content-security-policy"])
    assert policy["frame-ancestors"] == "'none'"
    assert policy["script-src"] == "'self'"
    assert policy["default-src"] == "'self'"
    assert not re.search(r"https?:|\*|unsafe", headers["content-security-policy"])
    assert "strict-transport-security" not in headers  # not outside production


def test_api_docs_run_only_our_own_script_files(client: TestClient) -> None:
    for path in ("/api/docs", "/api/redoc"):
        response = client.get(path)
        assert not re.search(r"<script(?![^>]*\bsrc=)", response.text)  # started from a file
        policy = _directives(response.headers["content-security-policy"])
        assert policy["script-src"] == "'self'"
        assert policy["frame-ancestors"] == "'none'"


def test_docs_policy_allows_an_inline_start_up_script_by_hash_only() -> None:
    policy = _directives(docs_policy(b"<html><script>start()</script></html>"))
    sources = policy["script-src"].split()
    assert sources[0] == "'self'"
    assert len(sources) == 2
    assert sources[1].startswith("'sha256-")
    assert "unsafe-inline" not in policy["script-src"]


def test_pages_have_no_inline_script_or_handler(client: TestClient) -> None:
    for path in ("/", "/exercise/goblet-test", "/exercises/legs", "/search?q=squat"):
        html = client.get(path).text
        assert not re.search(r"<script(?![^>]*\b(src=|type=\"application/ld\+json\"))", html)
        assert not re.search(r"\son[a-z]+=|javascript:", html)
    plan = client.get("/plan", params={"goal": "hypertrophy", "days": "3"}).text
    assert "javascript:" not in plan
    assert '<script src="/static/print.js" defer></script>' in plan


def test_production_adds_hsts(settings: Settings, small_catalog: Catalog) -> None:
    production = settings.model_copy(update={"environment": "production", "secret_key": "k" * 43})
    with TestClient(create_app(production, small_catalog)) as client:
        hsts = client.get("/").headers["strict-transport-security"]
    assert hsts.startswith("max-age=31536000")


def test_unknown_hosts_are_refused(client: TestClient) -> None:
    assert client.get("/", headers={"host": "evil.com"}).status_code == 400
    for host in ("localhost", "127.0.0.1:8000", "repforge.test"):
        assert client.get("/", headers={"host": host}).status_code == 200, host


def test_allowed_hosts_come_from_settings(settings: Settings, small_catalog: Catalog) -> None:
    own = settings.model_copy(update={"allowed_hosts": ["*.example.org"]})
    with TestClient(create_app(own, small_catalog)) as client:
        assert client.get("/", headers={"host": "www.example.org"}).status_code == 200
        assert client.get("/", headers={"host": "repforge.test"}).status_code == 200  # base_url
        assert client.get("/", headers={"host": "localhost"}).status_code == 400


def test_redirects_use_base_url_not_the_host_header(
    settings: Settings, small_catalog: Catalog
) -> None:
    anyone = settings.model_copy(update={"allowed_hosts": ["*"]})
    with TestClient(create_app(anyone, small_catalog)) as client:
        slash = client.get("/healthz/", headers={"host": "evil.com"}, follow_redirects=False)
        pair = client.get(
            "/exercise/compare/test-squat-vs-goblet-test",
            headers={"host": "evil.com"},
            follow_redirects=False,
        )
    assert slash.status_code in (301, 307, 308)
    assert slash.headers["location"] == "https://repforge.test/healthz"
    assert pair.status_code == 301
    assert (
        pair.headers["location"]
        == "/exercise/compare/goblet-test-vs-test-squat"  # relative: no Host in it
    )
