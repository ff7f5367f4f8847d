"""Conditional responses: ETag and Cache-Control keyed on the catalog version."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from fastapi import Request, Response

from repforge.web.state import AppState


def state_of(request: Request) -> AppState:
    state: AppState = request.app.state.repforge
    return state


def cached(
    request: Request, key: str, media_type: str, render: Callable[[], str | bytes]
) -> Response:
    """Serve a rendered body from the per-version cache, with ETag and 304 support."""
    state = state_of(request)
    cache_key = (state.catalog.version, key)
    body = state.rendered.get(cache_key)
    if body is None:
        produced = render()
        body = produced.encode() if isinstance(produced, str) else produced
        state.rendered[cache_key] = body
    etag = f'"{state.catalog.version}-{hashlib.blake2b(body, digest_size=8).hexdigest()}"'
    headers = {
        "ETag": etag,
        "Cache-Control": f"public, max-age={state.settings.cache_max_age_s}",
        "Vary": "Accept",
    }
    if etag in request.headers.get("if-none-match", ""):
        return Response(status_code=304, headers=headers)
    return Response(body, media_type=media_type, headers=headers)
