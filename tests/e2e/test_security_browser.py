"""The site's own pages work under its Content-Security-Policy in Chromium."""

from __future__ import annotations

from typing import Any

import pytest

from tests.e2e.conftest import shot

pytestmark = pytest.mark.browser


def _csp_complaints(page: Any) -> list[str]:
    complaints: list[str] = []
    page.on(
        "console",
        lambda message: (
            complaints.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return complaints


def test_pages_run_under_the_csp_without_complaint(page: Any, live_url: str) -> None:
    complaints = _csp_complaints(page)
    for path in ("/", "/exercise/glute-ham-raise", "/exercises/legs", "/exercises"):
        page.goto(f"{live_url}{path}")
        page.wait_for_load_state("networkidle")
    page.goto(f"{live_url}/search")
    page.fill("#q", "dumbb")
    page.locator("#q-suggestions option").first.wait_for(state="attached")  # search.js fetched
    page.goto(f"{live_url}/plan?goal=strength&days=3&equipment=home-gym")
    button = page.get_by_role("button", name="Print")
    assert button.is_visible()  # print.js ran and revealed it
    shot(page, "plan-with-print-button", full=False)
    assert complaints == []


def test_api_docs_start_up_script_is_allowed_by_its_hash(page: Any, live_url: str) -> None:
    complaints = _csp_complaints(page)
    page.goto(f"{live_url}/api/docs")
    page.wait_for_load_state("load")
    # the Swagger files may be refused until they are served from 'self'; the inline start-up
    # script, which FastAPI writes, must never be
    assert not [c for c in complaints if "inline script" in c]
