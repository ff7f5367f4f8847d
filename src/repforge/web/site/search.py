"""The search page and its autocomplete endpoint."""

from __future__ import annotations

from fastapi import APIRouter, Query, Request, Response

from repforge.errors import InvalidInputError
from repforge.pages.links import exercise_path
from repforge.search import index_for
from repforge.web.caching import OrjsonResponse, cached, state_of
from repforge.web.site.render import render

router = APIRouter()

PER_PAGE = 20
HTML = "text/html; charset=utf-8"
MAX_QUERY = 200


@router.get("/search", include_in_schema=False)
async def search_page(
    request: Request,
    q: str = Query("", max_length=MAX_QUERY),
    page: int = Query(1, ge=1, le=50),
) -> Response:
    """Results for `q`, or the empty search form."""
    catalog = state_of(request).catalog
    words = " ".join(q.split())

    def page_html() -> str:
        result = None
        if words:
            result = index_for(catalog).search(words, limit=PER_PAGE, offset=(page - 1) * PER_PAGE)
            if page > 1 and not result.hits:
                raise InvalidInputError("page", f"page {page} has no results")
        pages = 0 if result is None else -(-result.total // PER_PAGE)
        hits = [] if result is None else [(h, catalog.get(h.slug)) for h in result.hits]
        return render(
            request, "search.html", q=words, result=result, hits=hits, page=page, pages=pages
        )

    # personalised by query: not for shared caches; result pages carry noindex themselves
    return await cached(
        request, f"search:{page}:{words}", HTML, page_html, cache_control="private, max-age=60"
    )


@router.get("/search/suggest", include_in_schema=False)
async def suggest(request: Request, q: str = Query("", max_length=MAX_QUERY)) -> Response:
    """Autocomplete: up to 8 exercises whose name or alias starts like `q`."""
    catalog = state_of(request).catalog
    hits = index_for(catalog).suggest(q, limit=8) if q.strip() else []
    body = [{"slug": h.slug, "name": h.name, "url": exercise_path(h.slug)} for h in hits]
    return OrjsonResponse(body, headers={"Cache-Control": "public, max-age=300"})
