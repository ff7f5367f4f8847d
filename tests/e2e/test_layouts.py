"""Phone and desktop layouts: nothing scrolls sideways, the header fits, steps come early."""

from __future__ import annotations

from typing import Any

import pytest

from repforge.catalog.load import load_builtin
from tests.e2e.conftest import shot

pytestmark = pytest.mark.browser

SIZES = {"360": (360, 740), "390": (390, 844), "1280": (1280, 800)}
PAGES = {
    "home": "/",
    "exercise": "/exercise/romanian-deadlift",
    "hub": "/exercises/muscle/hamstrings",
    "plan": "/plan?goal=strength&level=beginner&days=3&minutes=45&weeks=4&equipment=home-gym",
    "not-found": "/exercise/romanain-dedlift",
    "compare": "/exercise/compare/glute-ham-raise-vs-nordic-hamstring-curl",
    "search": "/search?q=hamstring+curl",
}


@pytest.fixture(params=list(SIZES))
def sized(request: pytest.FixtureRequest, browser: Any) -> Any:
    width, height = SIZES[request.param]
    context = browser.new_context(viewport={"width": width, "height": height})
    opened = context.new_page()
    opened.size_name = request.param
    yield opened
    context.close()


@pytest.mark.parametrize("name", list(PAGES))
def test_page_fits_the_screen(sized: Any, live_url: str, name: str) -> None:
    sized.goto(f"{live_url}{PAGES[name]}")
    width = sized.viewport_size["width"]
    assert sized.evaluate("document.documentElement.scrollWidth") <= width, "scrolls sideways"
    header = sized.locator("header.top nav").bounding_box()
    assert header["height"] <= 64, "the header wraps onto a second line"
    shot(sized, f"layout-{name}-{sized.size_name}", full=name != "plan")
    shot(sized, f"layout-{name}-{sized.size_name}-first-screen", full=False)


def test_the_movement_shows_within_the_first_phone_screen(sized: Any, live_url: str) -> None:
    if sized.size_name == "1280":
        pytest.skip("a phone rule")
    height = sized.viewport_size["height"]
    # with a demonstration, the whole animation is on the first screen; without one, the steps
    sized.goto(f"{live_url}/exercise/romanian-deadlift")
    demo = sized.locator(".demo img").bounding_box()
    assert demo["y"] + demo["height"] <= height, (
        f"the demonstration ends at {demo['y'] + demo['height']}px"
    )
    still = next((ex.slug for ex in load_builtin() if ex.motion is None), None)
    if still is not None:
        sized.goto(f"{live_url}/exercise/{still}")
        top = sized.locator("#how").bounding_box()["y"]
        assert top < height, f"steps start at {top}px"


def test_plan_is_cards_on_a_phone_without_clipping(sized: Any, live_url: str) -> None:
    sized.goto(f"{live_url}{PAGES['plan']}")
    tables = sized.locator("table.plan-table")
    assert tables.count() >= 1
    clipped = tables.evaluate_all("ts => ts.filter(t => t.scrollWidth > t.clientWidth + 1).length")
    assert clipped == 0
    why = sized.locator("table.plan-table tbody tr").first.locator("td").last
    box = why.bounding_box()
    assert box["x"] + box["width"] <= sized.viewport_size["width"]
