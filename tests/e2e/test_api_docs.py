"""The API docs render their operations with every request outside this machine refused."""

from __future__ import annotations

from typing import Any

import pytest

from tests.e2e.conftest import shot

pytestmark = pytest.mark.browser


def _offline(page: Any, live_url: str) -> list[str]:
    refused: list[str] = []

    def route(handled: Any) -> None:
        url = handled.request.url
        if url.startswith(live_url) or url.startswith(("data:", "blob:")):
            handled.continue_()
        else:
            refused.append(url)
            handled.abort()

    page.route("**/*", route)
    return refused


def test_swagger_ui_renders_operations_offline(page: Any, live_url: str) -> None:
    refused = _offline(page, live_url)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{live_url}/api/docs")
    page.wait_for_selector(".opblock", timeout=20000)
    assert page.locator(".opblock").count() >= 10
    assert page.get_by_text("/api/exercisedb/exercises/bodyPartList").count() >= 1
    assert refused == []
    assert errors == []
    shot(page, "api-docs-offline", full=False)


def test_redoc_renders_operations_offline(page: Any, live_url: str) -> None:
    refused = _offline(page, live_url)
    page.goto(f"{live_url}/api/redoc")
    page.wait_for_selector("[data-section-id^='tag/']", timeout=30000)
    assert page.get_by_text("exercisedb").count() >= 1
    # ReDoc's bundle links its maker's logo in the sidebar; refused, it only leaves a blank
    assert [u for u in refused if not u.endswith("/logo-mini.svg")] == []
