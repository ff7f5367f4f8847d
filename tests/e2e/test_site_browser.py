"""A visitor's path through the site in headless Chromium, with screenshots and axe checks."""

from __future__ import annotations

from typing import Any

import pytest

from tests.e2e.conftest import shot

pytestmark = pytest.mark.browser

SERIOUS = {"serious", "critical"}


def axe_violations(page: Any) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    result = Axe().run(page)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} x{len(v['nodes'])}"
        for v in result.response["violations"]
        if v["impact"] in SERIOUS
    ]


def test_exercise_page_then_hub(page: Any, live_url: str) -> None:
    page.goto(f"{live_url}/exercise/glute-ham-raise")
    assert page.locator("h1").inner_text() == "Glute Ham Raise"
    assert page.locator(".facts").get_by_text("GHR bench").count() == 1
    shot(page, "exercise-glute-ham-raise")
    page.locator("nav.crumbs").get_by_role("link", name="Legs").click()
    page.wait_for_url(f"{live_url}/exercises/legs")
    assert page.locator("h1").inner_text() == "Legs Exercises"
    assert page.locator(".card").count() == 24
    shot(page, "hub-legs")


def test_filters_without_javascript(browser: Any, live_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_url}/exercises/legs")
    page.select_option("select[name=difficulty]", "advanced")
    page.get_by_role("button", name="Show exercises").click()
    page.wait_for_url("**difficulty=advanced**")
    metas = page.locator(".card .meta").all_inner_texts()
    assert metas
    assert all(m.endswith("Advanced") for m in metas)
    shot(page, "hub-legs-advanced")
    context.close()


def test_pagination_links_walk_the_list(page: Any, live_url: str) -> None:
    page.goto(f"{live_url}/exercises")
    page.get_by_role("link", name="Next →").click()
    page.wait_for_url(f"{live_url}/exercises/page/2")
    assert "page 2 of" in page.locator(".result-count").inner_text()


def test_phone_layout(browser: Any, live_url: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2)
    page = context.new_page()
    page.goto(f"{live_url}/exercise/romanian-deadlift")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, "page scrolls sideways on a phone"
    shot(page, "phone-romanian-deadlift", full=False)
    context.close()


@pytest.mark.parametrize(
    "path", ["/exercise/glute-ham-raise", "/exercises/legs", "/exercises", "/plan", "/search"]
)
def test_no_serious_accessibility_violations(page: Any, live_url: str, path: str) -> None:
    page.goto(f"{live_url}{path}")
    assert axe_violations(page) == []


def test_body_map_click_leads_to_the_muscle_hub(page: Any, live_url: str) -> None:
    page.goto(f"{live_url}/exercises")
    region = page.locator('.bodymap a[href="/exercises/muscle/hamstrings"] path').first
    region.scroll_into_view_if_needed()
    shot(page, "bodymap-index", full=False)
    box = region.bounding_box()
    # two mirrored legs share one path: aim inside the left one, not the gap between them
    region.click(position={"x": box["width"] * 0.12, "y": box["height"] * 0.5})
    page.wait_for_url(f"{live_url}/exercises/muscle/hamstrings")
    assert page.locator("h1").inner_text() == "Hamstrings Exercises"


def test_exercise_body_map_names_target_and_secondary(page: Any, live_url: str) -> None:
    page.goto(f"{live_url}/exercise/glute-ham-raise")
    legend = page.locator(".bodymap-legend").inner_text()
    assert "Target: Hamstrings" in legend
    assert "Secondary: Glutes" in legend
    assert page.locator('.bodymap path.bm-target[data-muscle="hamstrings"]').count() >= 1


def test_search_with_a_typo_finds_the_exercise(page: Any, live_url: str) -> None:
    page.goto(f"{live_url}/search")
    page.fill("#q", "romanain dedlift")
    page.get_by_role("button", name="Search").click()
    page.wait_for_url("**/search?q=romanain+dedlift")
    first = page.locator(".results .card a").first
    assert first.inner_text() == "Romanian Deadlift"
    shot(page, "search-typo")
    first.click()
    page.wait_for_url(f"{live_url}/exercise/romanian-deadlift")


def test_search_page_accessibility(page: Any, live_url: str) -> None:
    page.goto(f"{live_url}/search?q=dumbbell+shoulder")
    assert axe_violations(page) == []


def test_plan_form_to_plan_without_javascript(browser: Any, live_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_url}/plan")
    page.select_option("select[name=goal]", "strength")
    page.check("input[name=equipment][value=home-gym]")
    page.get_by_role("button", name="Build my plan").click()
    page.wait_for_url("**/plan?goal=strength**")
    assert page.locator("table.plan-table").count() >= 3
    clean = "every hard rule holds" in page.locator(".plan-summary").inner_text()
    shot(page, "plan-strength-home-gym")
    plan_url = page.url
    context.close()
    # axe runs as a script, so the accessibility check of the plan page needs JavaScript on
    checked = browser.new_page()
    checked.goto(plan_url)
    assert axe_violations(checked) == []
    checked.close()
    assert clean  # an ordinary profile's plan keeps every hard rule (issue 11)
