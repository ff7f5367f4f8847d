"""Conditional responses: ETag and Cache-Control keyed on the catalog version."""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable

import orjson
from fastapi import Request, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool

from repforge import metrics
from repforge.web.export_flag import is_static
from repforge.web.state import AppState


def state_of(request: Request) -> AppState:
    state: AppState = request.app.state.repforge
    return state


CacheKey = tuple[str, str]
Render = Callable[[], str | bytes]


def _cache_key(request: Request, key: str, media_type: str) -> CacheKey:
    # a static export renders some pages differently (browser search, no live forms)
    flavour = "static " if is_static(request) else ""
    return (state_of(request).catalog.version, f"{flavour}{media_type} {key}")


def _produce(request: Request, cache_key: CacheKey, render: Render) -> tuple[bytes, str]:
    """Render a body, keep it in the cache and return it with its ETag."""
    version = cache_key[0]
    produced = render()
    body = produced.encode() if isinstance(produced, str) else produced
    etag = f'"{version}-{hashlib.blake2b(body, digest_size=8).hexdigest()}"'
    response_cache(request).put(cache_key, body, etag)
    return body, etag


def _respond(
    request: Request, body: bytes, etag: str, media_type: str, cache_control: str | None
) -> Response:
    state = state_of(request)
    headers = {
        "ETag": etag,
        "Cache-Control": cache_control or f"public, max-age={state.settings.cache_max_age_s}",
        "Vary": "Accept",
    }
    if _etag_matches(request.headers.get("if-none-match", ""), etag):
        return Response(status_code=304, headers=headers)
    return Response(body, media_type=media_type, headers=headers)


async def cached(
    request: Request,
    key: str,
    media_type: str,
    render: Render,
    cache_control: str | None = None,
) -> Response:
    """Serve a page from the bounded per-version cache, with ETag and 304 support.

    A miss renders in the thread pool, so a slow page never stalls the event loop (and the
    other requests on it); a hit is a dictionary lookup and stays on the loop.
    """
    cache_key = _cache_key(request, key, media_type)
    item = response_cache(request).get(cache_key)
    if item is None:
        item = await run_in_threadpool(_produce, request, cache_key, render)
    return _respond(request, *item, media_type, cache_control)


def cached_sync(request: Request, key: str, media_type: str, render: Render) -> Response:
    """`cached` for routes that already run in the thread pool."""
    cache_key = _cache_key(request, key, media_type)
    item = response_cache(request).get(cache_key) or _produce(request, cache_key, render)
    return _respond(request, *item, media_type, None)


JSON = "application/json"
# Open-ended API queries (filters, search, paging) get a byte-bounded cache so a crawler cannot
# grow memory without limit; the catalog-wide responses fit many times over.
RESPONSE_CACHE_BYTES = 32 * 1024 * 1024


def _model_to_data(value: object) -> object:
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    raise TypeError(f"cannot serialise {type(value).__name__} as JSON")


def dump_json(value: object) -> bytes:
    """JSON bytes by orjson; pydantic models are dumped in JSON mode."""
    return orjson.dumps(value, default=_model_to_data)


class OrjsonResponse(JSONResponse):
    """JSON rendered by orjson, for routes that return data instead of a cached body."""

    def render(self, content: object) -> bytes:
        return dump_json(content)


class ResponseCache:
    """Rendered bodies and their ETags; least recently used entries go past `max_bytes`."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.size = 0
        self._items: OrderedDict[tuple[str, str], tuple[bytes, str]] = OrderedDict()
        # async routes and thread-pool renders share the cache: every read-modify-write holds it
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._items)

    def held_keys(self) -> list[tuple[str, str]]:
        """A snapshot of the keys held, least recently used first."""
        with self._lock:
            return list(self._items)

    def get(self, key: tuple[str, str]) -> tuple[bytes, str] | None:
        with self._lock:
            item = self._items.get(key)
            if item is not None:
                self._items.move_to_end(key)
        metrics.RESPONSE_CACHE.labels("miss" if item is None else "hit").inc()
        return item

    def put(self, key: tuple[str, str], body: bytes, etag: str) -> None:
        if len(body) > self.max_bytes:
            return
        with self._lock:
            old = self._items.pop(key, None)
            if old is not None:
                self.size -= len(old[0])
            self._items[key] = (body, etag)
            self.size += len(body)
            while self.size > self.max_bytes:
                _, (dropped, _) = self._items.popitem(last=False)
                self.size -= len(dropped)


def response_cache(request: Request) -> ResponseCache:
    """The app's bounded API response cache, made on first use."""
    cache: ResponseCache | None = getattr(request.app.state, "response_cache", None)
    if cache is None:
        cache = ResponseCache(RESPONSE_CACHE_BYTES)
        request.app.state.response_cache = cache
    return cache


def _etag_matches(header: str, etag: str) -> bool:
    tags = {t.strip().removeprefix("W/") for t in header.split(",")}
    return etag in tags or "*" in tags


async def cached_json(request: Request, key: str, render: Callable[[], object]) -> Response:
    """Serve `render()` as orjson bytes made once per catalog version, with ETag and 304."""
    return await cached(request, key, JSON, lambda: dump_json(render()))
