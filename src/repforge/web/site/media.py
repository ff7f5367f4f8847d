"""Demonstration files: rendered on first request, cached by content hash, served with ETags."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from starlette.concurrency import run_in_threadpool

from repforge.errors import NotFoundError
from repforge.media.inputs import MediaInput, media_input
from repforge.media.render import MEDIA_TYPES, MediaCache
from repforge.web.caching import _etag_matches, state_of

router = APIRouter()

IMMUTABLE = "public, max-age=31536000, immutable"
SUFFIX_KINDS = {"svg": "svg", "gif": "gif", "webp": "webp", "png": "png"}


def media_cache(request: Request) -> MediaCache:
    cache: MediaCache = request.app.state.media
    return cache


def _input(request: Request, slug: str) -> MediaInput:
    exercise = state_of(request).catalog.get(slug)  # NotFoundError with suggestions
    item = media_input(exercise)
    if item is None:
        raise NotFoundError("demonstration", slug)
    return item


async def _serve(request: Request, slug: str, kind: str) -> Response:
    item = _input(request, slug)
    etag = f'"{item.digest}-{kind}"'
    # A link carrying the current hash may be cached for good; a bare one is revalidated.
    versioned = request.query_params.get("v") == item.digest
    max_age = state_of(request).settings.cache_max_age_s
    headers = {
        "ETag": etag,
        "Cache-Control": IMMUTABLE if versioned else f"public, max-age={max_age}",
    }
    if _etag_matches(request.headers.get("if-none-match", ""), etag):
        return Response(status_code=304, headers=headers)
    stored = kind
    if kind == "svg":
        # Opened on its own, an SVG is a document: allow its own styles and nothing else.
        headers["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
        # SVG is text: send it compressed when the client allows (a tenth of the size)
        headers["Vary"] = "Accept-Encoding"
        if "gzip" in request.headers.get("accept-encoding", ""):
            stored = "svg.gz"
            headers["Content-Encoding"] = "gzip"
    cache = media_cache(request)
    body = cache.peek(item, stored)
    if body is None:
        body = await run_in_threadpool(cache.get, item, stored)
    return Response(body, media_type=MEDIA_TYPES[kind], headers=headers)


@router.get("/media/thumb/{slug}.png", include_in_schema=False)
async def thumbnail(request: Request, slug: str) -> Response:
    return await _serve(request, slug, "thumb")


@router.get("/media/{name}", include_in_schema=False)
async def media_file(request: Request, name: str) -> Response:
    slug, _, suffix = name.rpartition(".")
    if suffix not in SUFFIX_KINDS or not slug:
        raise NotFoundError("media file", name)
    return await _serve(request, slug, SUFFIX_KINDS[suffix])
