"""Static export: every public route rendered in-process through the app, written as files."""

from __future__ import annotations

import asyncio
import math
import multiprocessing
import shutil
import time
from collections.abc import Callable, Coroutine, MutableMapping
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any, TypeVar

from fastapi import FastAPI

from repforge.catalog import relations
from repforge.catalog.catalog import Catalog
from repforge.errors import ExportError
from repforge.media.render import KINDS as MEDIA_KINDS
from repforge.pages import compare, hubs, listing, seo
from repforge.pages.links import INDEX_PATH, SEARCH_PATH, markdown_path, media_path, page_path
from repforge.web.app import STATIC_DIR
from repforge.web.export_flag import EXPORT_HEADER
from repforge.web.static_site import EXPORT_EXTRAS

T = TypeVar("T")

_FILE_SUFFIXES = {
    ".md",
    ".xml",
    ".txt",
    ".css",
    ".svg",
    ".js",
    ".json",
    ".png",
    ".ico",
    ".html",
    ".gif",
    ".webp",
}


@dataclass(frozen=True)
class ExportReport:
    """What an export wrote and how long it took."""

    pages: int
    bytes_written: int
    seconds: float

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.seconds if self.seconds else math.inf


def paginated(base: str, count: int) -> list[str]:
    """Extra page paths (/page/2 ...) for a list of `count` exercises."""
    pages = max(1, math.ceil(count / listing.PAGE_SIZE))
    return [page_path(base, n) for n in range(2, pages + 1)]


def export_paths(catalog: Catalog) -> list[str]:
    """Every path the static site holds: pages, Markdown mirrors, machine files, assets."""
    paths = seo.public_paths(catalog)
    paths += paginated(INDEX_PATH, len(catalog))
    for hub in hubs.all_hubs(catalog):
        paths += paginated(hub.path, len(hub.exercises))
    paths += [markdown_path(ex.slug) for ex in catalog]
    # the search form still loads on a static host; queries need the live server or its API
    paths += [SEARCH_PATH, "/sitemap.xml", "/robots.txt", "/llms.txt", "/favicon.ico"]
    paths += [f"/static/{p.name}" for p in sorted(STATIC_DIR.iterdir()) if p.is_file()]
    paths += EXPORT_EXTRAS
    paths += [media_path(ex.slug, kind) for ex in catalog if ex.motion for kind in MEDIA_KINDS]
    return list(dict.fromkeys(paths))


def file_for(path: str) -> PurePosixPath:
    """Where a URL path lives on disk: pages become folder/index.html, files keep their name."""
    clean = PurePosixPath(path.lstrip("/"))
    if path.endswith("/") or not path.strip("/"):
        return clean / "index.html"
    if clean.suffix in _FILE_SUFFIXES:
        return clean
    return clean / "index.html"


async def _get(app: FastAPI, path: str) -> tuple[int, bytes]:
    """One GET through the ASGI app, in process: (status, body)."""
    # Written by hand rather than through httpx.ASGITransport: that transport probes for trio
    # with a failing import on every request, which cost more than rendering the page.
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "root_path": "",
        "query_string": b"",
        "headers": [
            (b"host", b"export.local"),
            (b"accept", b"text/html"),
            (EXPORT_HEADER.encode(), b"1"),
        ],
        "client": ("127.0.0.1", 0),
        "server": ("export.local", 80),
    }
    status = 0
    chunks: list[bytes] = []
    requested = False
    finished = asyncio.Event()

    async def receive() -> dict[str, object]:
        nonlocal requested
        if not requested:
            requested = True
            return {"type": "http.request", "body": b"", "more_body": False}
        # apps that listen for a disconnect (streamed files) hear it once the body is sent
        await finished.wait()
        return {"type": "http.disconnect"}

    async def send(message: MutableMapping[str, Any]) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = int(message["status"])
        elif message["type"] == "http.response.body":
            chunks.append(bytes(message.get("body", b"")))
            if not message.get("more_body", False):
                finished.set()

    await app(scope, receive, send)
    return status, b"".join(chunks)


async def _render_all(
    app: FastAPI, paths: list[str], target: Path, advance: Callable[[], None]
) -> int:
    # One request at a time: rendering is CPU-bound in this process, so interleaving requests
    # would only add scheduling overhead; parallelism comes from worker processes instead.
    written = 0
    for path in paths:
        status, body = await _get(app, path)
        if status != 200:
            raise ExportError(f"{path} answered {status} instead of a page")
        destination = target / file_for(path)
        destination.parent.mkdir(parents=True, exist_ok=True)
        destination.write_bytes(body)
        written += len(body)
        advance()
    return written


async def _write_not_found(app: FastAPI, target: Path) -> None:
    _, not_found = await _get(app, "/404-page-for-static-hosts")
    (target / "404.html").write_bytes(not_found)


def _run_coroutine(work: Coroutine[Any, Any, T]) -> T:
    """Run `work` to completion, on a fresh thread if this one already runs a loop."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(work)
    # called from async code (or a tool that keeps a loop running): asyncio.run would refuse
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, work).result()


def _run(app: FastAPI, paths: list[str], target: Path, advance: Callable[[], None]) -> int:
    """Render `paths` in this process; the bytes written."""
    return _run_coroutine(_render_all(app, paths, target, advance))


def warm(catalog: Catalog) -> None:
    """Compute the per-catalog values every page reads, before workers fork."""
    for exercise in catalog:
        relations.substitutes(catalog, exercise.slug)
    hubs.all_hubs(catalog)
    compare.pairs(catalog)


PROGRESS_BATCH = 25  # pages per task handed to a worker (and per progress step)

_worker_app: FastAPI | None = None  # the app a forked pool worker renders through


def _start_worker(app: FastAPI) -> None:
    """Pool initializer: keep the inherited app, never share the parent's pooled connections."""
    global _worker_app
    app.state.repforge.engine.dispose(close=False)
    _worker_app = app


def _render_batch(paths: list[str], target: Path) -> int:
    """One pool task: render `paths` into `target`, return the bytes written."""
    assert _worker_app is not None, "the pool initializer sets the app"
    return _run(_worker_app, paths, target, lambda: None)


def _render_parallel(
    app: FastAPI, paths: list[str], target: Path, advance: Callable[[], None], workers: int
) -> int:
    batches = [paths[i : i + PROGRESS_BATCH] for i in range(0, len(paths), PROGRESS_BATCH)]
    written = 0
    with ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context("fork"),
        initializer=_start_worker,
        initargs=(app,),
    ) as pool:
        pending = {pool.submit(_render_batch, batch, target): batch for batch in batches}
        try:
            for future in as_completed(pending):
                written += future.result()
                for _ in pending[future]:
                    advance()
        except BrokenProcessPool as exc:
            raise ExportError(f"an export worker died ({exc})") from exc
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
    return written


def export_site(
    app: FastAPI,
    catalog: Catalog,
    target: Path,
    advance: Callable[[], None] = lambda: None,
    paths: list[str] | None = None,
    workers: int = 1,
) -> ExportReport:
    """Render every public path through `app` into `target` (emptied first), on `workers` cores.

    A page that does not render raises ExportError naming it, from any worker.
    """
    chosen = export_paths(catalog) if paths is None else paths
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    started = time.perf_counter()
    if workers <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        written = _run(app, chosen, target, advance)
    else:
        # Forked children inherit the loaded app and catalog, so no worker pays start-up again;
        # what every page reads (relation rankings, hubs, comparison pairs) is worked out once.
        warm(catalog)
        written = _render_parallel(app, chosen, target, advance, min(workers, len(chosen) or 1))
    _run_coroutine(_write_not_found(app, target))
    return ExportReport(len(chosen), written, time.perf_counter() - started)
