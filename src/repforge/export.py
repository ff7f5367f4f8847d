"""Static export: every public route rendered in-process through the app, written as files."""

from __future__ import annotations

import asyncio
import math
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import httpx
from fastapi import FastAPI

from repforge.catalog.catalog import Catalog
from repforge.pages import hubs, listing, seo
from repforge.pages.links import exercise_path
from repforge.web.app import STATIC_DIR

# Requests in flight at once; the app renders on one event loop, so more buys nothing.
CONCURRENCY = 16
_FILE_SUFFIXES = {".md", ".xml", ".txt", ".css", ".svg", ".js", ".json", ".png", ".ico", ".html"}


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
    return [f"{base}/page/{n}" for n in range(2, pages + 1)]


def export_paths(catalog: Catalog) -> list[str]:
    """Every path the static site holds: pages, Markdown mirrors, machine files, assets."""
    paths = seo.public_paths(catalog)
    paths += paginated("/exercises", len(catalog))
    for hub in hubs.all_hubs(catalog):
        paths += paginated(hub.path, len(hub.exercises))
    paths += [f"{exercise_path(ex.slug)}.md" for ex in catalog]
    paths += ["/sitemap.xml", "/robots.txt", "/llms.txt"]
    paths += [f"/static/{p.name}" for p in sorted(STATIC_DIR.iterdir()) if p.is_file()]
    return list(dict.fromkeys(paths))


def file_for(path: str) -> PurePosixPath:
    """Where a URL path lives on disk: pages become folder/index.html, files keep their name."""
    clean = PurePosixPath(path.lstrip("/"))
    if path.endswith("/") or not path.strip("/"):
        return clean / "index.html"
    if clean.suffix in _FILE_SUFFIXES:
        return clean
    return clean / "index.html"


async def _render_all(
    app: FastAPI, paths: list[str], target: Path, advance: Callable[[], None]
) -> int:
    written = 0
    semaphore = asyncio.Semaphore(CONCURRENCY)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://export.local") as client:

        async def one(path: str) -> None:
            nonlocal written
            async with semaphore:
                response = await client.get(path, headers={"Accept": "text/html"})
            if response.status_code != 200:
                raise RuntimeError(f"{path} answered {response.status_code}")
            destination = target / file_for(path)
            destination.parent.mkdir(parents=True, exist_ok=True)
            destination.write_bytes(response.content)
            written += len(response.content)
            advance()

        await asyncio.gather(*(one(p) for p in paths))
        not_found = await client.get("/404-page-for-static-hosts")
        (target / "404.html").write_bytes(not_found.content)
    return written


def export_site(
    app: FastAPI,
    catalog: Catalog,
    target: Path,
    advance: Callable[[], None] = lambda: None,
    paths: list[str] | None = None,
) -> ExportReport:
    """Render every public path through `app` into `target` (emptied first)."""
    chosen = export_paths(catalog) if paths is None else paths
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    started = time.perf_counter()
    written = asyncio.run(_render_all(app, chosen, target, advance))
    return ExportReport(len(chosen), written, time.perf_counter() - started)
