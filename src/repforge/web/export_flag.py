"""How a page knows it is rendered into a static export: a request header the exporter sends."""

from __future__ import annotations

from starlette.requests import Request

# A live visitor never sends it (and one who did would only get the static flavour of a page).
EXPORT_HEADER = "x-repforge-export"


def is_static(request: Request) -> bool:
    """Whether this page is being rendered into a static export."""
    return request.headers.get(EXPORT_HEADER) == "1"
