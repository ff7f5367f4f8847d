"""Public HTML and Markdown pages; each route asks pages/ for content and renders it."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, Request, Response
from fastapi.responses import FileResponse, RedirectResponse
from starlette.concurrency import run_in_threadpool

from repforge.catalog import vocab
from repforge.catalog.catalog import Catalog
from repforge.errors import InvalidInputError, NotFoundError
from repforge.pages import hubs, jsonld, listing, seo
from repforge.pages.bodymap import BodyMap, body_map, exercise_highlight
from repforge.pages.compare import compare
from repforge.pages.demo import demonstration
from repforge.pages.exercise import compose
from repforge.pages.links import INDEX_PATH, compare_path
from repforge.pages.markdown import exercise_markdown
from repforge.web.caching import cached, state_of
from repforge.web.site.query import canonical_query, filter_from, page_link
from repforge.web.site.render import render

# Handlers are async: a cached body is served from memory on the loop, cheaper than a
# thread-pool hop; a cache miss renders in the thread pool (see web.caching.cached).
router = APIRouter()

FAVICON = Path(__file__).parents[1] / "static" / "favicon.ico"
HTML = "text/html; charset=utf-8"
HOME_POPULAR = 12
MARKDOWN = "text/markdown; charset=utf-8"
TEXT = "text/plain; charset=utf-8"
XML = "application/xml"


def _muscle_map(catalog: Catalog) -> BodyMap:
    """The clickable map, linking only muscles whose hub is published."""
    published = {h.key for h in hubs.all_hubs(catalog) if h.kind == "muscle"}
    return body_map(None, link=True, linkable=published)


def _wants_markdown(request: Request) -> bool:
    accept = request.headers.get("accept", "")
    return "text/markdown" in accept and "text/html" not in accept


@router.get("/favicon.ico", include_in_schema=False)
async def favicon() -> FileResponse:
    # browsers and crawlers ask for this path whatever the page's <link rel="icon"> says
    return FileResponse(
        FAVICON, media_type="image/x-icon", headers={"Cache-Control": "public, max-age=86400"}
    )


@router.get("/", include_in_schema=False)
async def home(request: Request) -> Response:
    catalog = state_of(request).catalog

    def page() -> str:
        return render(
            request,
            "home.html",
            popular=listing.popular_spread(catalog, HOME_POPULAR),
            count=len(catalog),
            bodymap=_muscle_map(catalog),
        )

    return await cached(request, "home", HTML, page)


@router.get("/exercise/compare/{pair}", include_in_schema=False)
async def comparison(request: Request, pair: str) -> Response:
    state = state_of(request)
    found = compare(state.catalog, pair)
    canonical = compare_path(found.left.slug, found.right.slug)
    if found.path != canonical:
        return RedirectResponse(canonical, status_code=301)
    return await cached(
        request, f"compare:{pair}", HTML, lambda: render(request, "compare.html", cmp=found)
    )


@router.get("/exercise/{slug}.md", include_in_schema=False)
async def exercise_md(request: Request, slug: str) -> Response:
    state = state_of(request)

    def page() -> str:
        composed = compose(state.catalog, slug)
        return exercise_markdown(composed, state.settings.base_url, state.settings.site_name)

    if slug not in state.catalog:  # NotFoundError with suggestions, worked out off the loop
        await run_in_threadpool(compose, state.catalog, slug)
    return await cached(request, f"md:{slug}", MARKDOWN, page)


@router.get("/exercise/{slug}", include_in_schema=False)
async def exercise(request: Request, slug: str) -> Response:
    if _wants_markdown(request):
        return await exercise_md(request, slug)
    state = state_of(request)

    def page() -> str:
        composed = compose(state.catalog, slug)
        graph = jsonld.exercise_graph(composed, state.settings.base_url)
        return render(
            request,
            "exercise.html",
            page=composed,
            jsonld=jsonld.script_json(graph),
            bodymap=body_map(exercise_highlight(composed.exercise), link=False),
            demo=demonstration(composed.exercise),
        )

    if slug not in state.catalog:
        await run_in_threadpool(compose, state.catalog, slug)
    return await cached(request, f"html:{slug}", HTML, page)


@router.get("/exercises", include_in_schema=False)
async def exercises_index(request: Request) -> Response:
    return await _listing(request, None)


@router.get("/exercises/page/{number}", include_in_schema=False)
async def exercises_index_page(request: Request, number: int) -> Response:
    return await _listing(request, None, number)


@router.get("/exercises/{rest:path}/page/{number}", include_in_schema=False)
async def hub_page(request: Request, rest: str, number: int) -> Response:
    kind, key = hubs.resolve(rest)
    return await _listing(request, hubs.hub(state_of(request).catalog, kind, key), number)


async def _listing(
    request: Request, hub: hubs.Hub | None, path_page: int | None = None
) -> Response:
    params = request.query_params
    wanted, number = filter_from(params, "fit" if hub else "popularity")
    if path_page is not None:
        if path_page < 2 or "page" in params:
            raise NotFoundError("page", str(path_page))
        number = path_page
    state = state_of(request)
    base = hub.path if hub else INDEX_PATH
    query = canonical_query(wanted, sort_given="sort" in params)
    cache_key = f"list:{base}?{query}&page={number}"

    def page() -> str:
        fit = listing.fit_key(hub.kind, hub.key) if hub else None
        chosen = listing.apply(hub.exercises if hub else state.catalog, wanted, fit=fit)
        try:
            shown = listing.paginate(chosen, number)
        except InvalidInputError:
            if path_page is None:
                raise
            raise NotFoundError("page", str(path_page)) from None
        graph = jsonld.hub_graph(hub, state.settings.base_url, shown.items) if hub else None
        return render(
            request,
            "hub.html" if hub else "index.html",
            hub=hub,
            shown=shown,
            wanted=wanted,
            filtered=wanted.active or number > 1 or "sort" in params,
            page_link=lambda n: page_link(base, query, n),
            hubs=hubs.all_hubs(state.catalog),
            jsonld=jsonld.script_json(graph) if graph else None,
            presets=vocab.EQUIPMENT_PRESETS,
            sorts=listing.sort_labels(hub.kind if hub else None),
            bodymap=None if hub else _muscle_map(state.catalog),
        )

    return await cached(request, cache_key, HTML, page)


@router.get("/exercises/{rest:path}", include_in_schema=False)
async def hub_view(request: Request, rest: str) -> Response:
    kind, key = hubs.resolve(rest)
    return await _listing(request, hubs.hub(state_of(request).catalog, kind, key))


@router.get("/sitemap.xml", include_in_schema=False)
async def sitemap(request: Request) -> Response:
    state = state_of(request)
    return await cached(
        request, "sitemap", XML, lambda: seo.sitemap(state.catalog, state.settings.base_url)
    )


@router.get("/robots.txt", include_in_schema=False)
async def robots(request: Request) -> Response:
    state = state_of(request)
    return await cached(request, "robots", TEXT, lambda: seo.robots(state.settings.base_url))


@router.get("/llms.txt", include_in_schema=False)
async def llms(request: Request) -> Response:
    state = state_of(request)
    settings = state.settings
    return await cached(
        request,
        "llms",
        TEXT,
        lambda: seo.llms(state.catalog, settings.base_url, settings.site_name),
    )
