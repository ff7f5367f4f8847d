"""The exported site on a plain static file server: search, hubs and plan page, no app running."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from repforge.config import Settings
from repforge.export import export_site
from repforge.web.app import create_app
from tests.e2e.conftest import shot, static_server

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def static_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The built-in catalog exported, then served by the standard library's file server."""
    site = tmp_path_factory.mktemp("site")
    settings = Settings(
        environment="test",
        data_dir=tmp_path_factory.mktemp("static-data"),
        base_url="https://example.org",
    )
    app = create_app(settings)
    export_site(app, app.state.repforge.catalog, site, workers=1)
    app.state.repforge.engine.dispose()
    with static_server(site) as url:
        yield url


def _no_server_calls(page: Any, static_url: str) -> list[str]:
    failed: list[str] = []
    page.on(
        "response",
        lambda r: (
            failed.append(r.url) if r.status >= 400 and r.url.startswith(static_url) else None
        ),
    )
    return failed


def test_search_runs_in_the_browser_and_leads_to_the_page(page: Any, static_url: str) -> None:
    failed = _no_server_calls(page, static_url)
    page.goto(f"{static_url}/search")
    page.fill("#q", "romanain dedlift")
    page.get_by_role("button", name="Search").click()
    page.wait_for_selector("#static-results .results .card a")
    first = page.locator("#static-results .results .card a").first
    assert first.inner_text() == "Romanian Deadlift"
    shot(page, "static-search-typo")
    first.click()
    # a plain file server adds the folder's trailing slash
    page.wait_for_url(f"{static_url}/exercise/romanian-deadlift**")
    assert page.locator("h1").inner_text() == "Romanian Deadlift"
    assert failed == []


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("high to low cable fly", "Cable Crossover"),
        ("low to high cable fly", "Low-to-High Cable Fly"),
        ("rdl", "Romanian Deadlift"),
        ("glute ham raise", "Glute Ham Raise"),
    ],
)
def test_static_search_ranks_like_the_server(
    page: Any, static_url: str, query: str, first: str
) -> None:
    page.goto(f"{static_url}/search?q={query.replace(' ', '+')}")
    page.wait_for_selector("#static-results .results")
    assert page.locator("#static-results .results .card a").first.inner_text() == first


def test_hub_filters_become_links_to_pages_that_exist(page: Any, static_url: str) -> None:
    failed = _no_server_calls(page, static_url)
    page.goto(f"{static_url}/exercises/legs")
    assert page.locator("form.filters").count() == 0
    shot(page, "static-hub-legs", full=False)
    page.locator(".static-filters a", has_text="Dumbbell").first.click()
    page.wait_for_url(f"{static_url}/exercises/legs/dumbbell**")
    assert page.locator("h1").inner_text() == "Legs Exercises with Dumbbell"
    page.locator(".static-filters a[href='/exercises/muscle/hamstrings']").first.click()
    page.wait_for_url(f"{static_url}/exercises/muscle/hamstrings**")
    assert failed == []


def test_plan_page_explains_and_links_to_api_docs(page: Any, static_url: str) -> None:
    page.goto(f"{static_url}/plan")
    assert page.locator("form").filter(has_text="Build my plan").count() == 0
    assert (
        "needs" in page.locator("main").inner_text()
        or "server" in page.locator("main").inner_text()
    )
    shot(page, "static-plan", full=False)
    page.get_by_role("link", name="API documentation").click()
    page.wait_for_selector(".opblock", timeout=20000)
    assert page.locator(".opblock").count() >= 10


def test_autocomplete_works_from_the_static_index(page: Any, static_url: str) -> None:
    page.goto(f"{static_url}/search")
    page.type("#q", "nordic", delay=20)
    page.wait_for_function(
        "document.querySelectorAll('#q-suggestions option').length > 0", timeout=5000
    )
    options = page.locator("#q-suggestions option").evaluate_all("o => o.map(x => x.value)")
    assert "Nordic Hamstring Curl" in options


def test_static_search_quality_on_the_labelled_queries(page: Any, static_url: str) -> None:
    """The browser search over the labelled query set, measured like the server's."""
    from tests.search.queries import QUERIES, misses, precision_at_1, recall_at_5

    page.goto(f"{static_url}/search")
    queries = [item.query for item in QUERIES]
    found = page.evaluate(
        """async (queries) => {
            const index = await (await fetch("/search-index.json")).json();
            return queries.map((q) => window.repforgeStaticSearch(index, q).slice(0, 5));
        }""",
        queries,
    )
    results = {
        q: [url.rsplit("/", 1)[-1] for url in urls] for q, urls in zip(queries, found, strict=True)
    }

    def run(query: str) -> list[str]:
        return results[query]

    p1, r5 = precision_at_1(QUERIES, run), recall_at_5(QUERIES, run)
    named = [item for item in QUERIES if item.kind != "intent"]
    print(
        f"static search: precision@1 {p1:.2f}, recall@5 {r5:.2f} over {len(QUERIES)} queries; "
        f"precision@1 without intent queries {precision_at_1(named, run):.2f}"
    )
    # Name, alias, shorthand and typo queries come close to the server; intent queries
    # ("chest no equipment") lose the server's filters, so the overall bar sits a little lower.
    assert p1 >= 0.85, f"precision@1 {p1:.2f}; misses: {misses(QUERIES, run)[:15]}"
    assert r5 >= 0.8
    assert precision_at_1(named, run) >= 0.9, misses(named, run)[:15]
