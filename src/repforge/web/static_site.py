"""What a static export adds: the in-browser search index and a read-only copy of the API docs."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from repforge.search.static_index import static_index
from repforge.web.caching import cached_json, state_of
from repforge.web.docs import ASSETS_URL, DOCS_URL, OPENAPI_URL

SEARCH_INDEX_PATH = "/search-index.json"
# Besides the pages: the browser search index and a read-only copy of the API docs.
EXPORT_EXTRAS = (
    SEARCH_INDEX_PATH,
    DOCS_URL,
    f"{ASSETS_URL}/swagger-ui.css",
    f"{ASSETS_URL}/swagger-ui-bundle.js",
    OPENAPI_URL,
)

router = APIRouter(include_in_schema=False)


@router.get(SEARCH_INDEX_PATH)
async def search_index(request: Request) -> Response:
    """The in-browser search index (used by the static export, harmless live)."""
    return await cached_json(
        request, "static-search-index", lambda: static_index(state_of(request).catalog)
    )
