"""Demonstrations: render every exercise with motion from scratch, file sizes, and serving speed.

Usage: .venv/bin/python bench/media_bench.py [--workers 2] [--seconds 5] [--rounds 3] [--no-serve]
(serving uses `wrk` when installed, else the ASGI app in process)
Then a build through the on-disk media store, and a rebuild after one exercise changed.
Prints the per-exercise render median, the wall time for all of them on `workers` processes and
its extrapolation to 600 exercises; median and largest SVG (gzipped), GIF and WebP; then
requests/s for a cached GIF vs a constant body of the same size, same server, same run (`wrk`).
"""

from __future__ import annotations

import argparse
import gzip
import os
import shutil
import statistics
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script or a module

from fastapi import FastAPI
from fastapi.responses import Response

from bench.loadgen import free_port, serve, wait_up, wrk
from repforge.catalog import load
from repforge.config import Settings
from repforge.media import render as render_module
from repforge.media.inputs import MediaInput, media_input
from repforge.media.render import KINDS, MediaCache, render_all
from repforge.media.store import DiskStore
from repforge.web.app import create_app

LIMITS = {"svg.gz": 15_000, "gif": 150_000, "webp": 60_000}
TARGET_EXERCISES = 600


def _inputs() -> list[MediaInput]:
    return [item for ex in load.load_builtin() if (item := media_input(ex)) is not None]


def _timed(item: MediaInput) -> tuple[float, dict[str, int]]:
    # CPU time, not wall time: on a shared machine other processes inflate the wall clock
    start = time.process_time()
    files = render_all(item)
    seconds = time.process_time() - start
    sizes = {
        "svg.gz": len(gzip.compress(files["svg"], 9)),
        "gif": len(files["gif"]),
        "webp": len(files["webp"]),
    }
    return seconds, sizes


def render_report(workers: int) -> str:
    items = _inputs()
    start = time.perf_counter()
    with ProcessPoolExecutor(workers) as pool:
        results = list(pool.map(_timed, items, chunksize=2))
    wall = time.perf_counter() - start
    each = [r[0] for r in results]
    lines = [
        f"{len(items)} exercises with motion rendered from scratch on {workers} processes: "
        f"{wall:.2f} s wall; CPU per exercise median {statistics.median(each) * 1000:.0f} ms, "
        f"max {max(each) * 1000:.0f} ms",
        f"extrapolated to {TARGET_EXERCISES} on {workers} cores: wall "
        f"{wall / len(items) * TARGET_EXERCISES:.1f} s, from CPU time "
        f"{sum(each) / len(each) * TARGET_EXERCISES / workers:.1f} s (target < 60 s)",
    ]
    for kind, limit in LIMITS.items():
        sizes = [r[1][kind] for r in results]
        lines.append(
            f"{kind:7s} median {statistics.median(sizes) / 1000:6.1f} KB, "
            f"max {max(sizes) / 1000:6.1f} KB (limit {limit / 1000:.0f} KB)"
        )
    return "\n".join(lines)


def incremental_report() -> str:
    """A second build through the on-disk store renders nothing; a changed exercise, one."""
    items = _inputs()
    with tempfile.TemporaryDirectory() as folder:
        MediaCache(disk=DiskStore(Path(folder)))  # nothing rendered yet
        first = MediaCache(disk=DiskStore(Path(folder)))
        start = time.perf_counter()
        for item in items:
            for kind in KINDS:
                first.get(item, kind)
        cold = time.perf_counter() - start
        rendered: list[str] = []
        real = render_module.render

        def counting(item: MediaInput, kind: str) -> bytes:
            rendered.append(kind)
            return real(item, kind)

        render_module.render = counting
        try:
            again = MediaCache(disk=DiskStore(Path(folder)))
            edited = [replace(items[0], title=items[0].title + " (edited)"), *items[1:]]
            start = time.perf_counter()
            for item in edited:
                for kind in KINDS:
                    again.get(item, kind)
            warm = time.perf_counter() - start
        finally:
            render_module.render = real
    return (
        f"through the disk store, one process: first build {cold:.1f} s; rebuild after editing "
        f"1 of {len(items)} exercises {warm:.2f} s, rendering {len(rendered)} files "
        f"({len(KINDS)} per changed exercise)"
    )


def make_app() -> FastAPI:
    """The real app plus a trivial route returning a constant body as large as the GIF."""
    app = create_app(Settings(data_dir=Path(os.environ["BENCH_DATA_DIR"])))
    constant = b"x" * int(os.environ.get("BENCH_CONSTANT_BYTES", "1000"))

    @app.get("/_bench/constant", include_in_schema=False)
    async def constant_route() -> Response:
        return Response(constant, media_type="image/gif")

    return app


def serve_report(seconds: int, rounds: int, connections: int) -> None:
    from fastapi.testclient import TestClient

    with tempfile.TemporaryDirectory() as data_dir:
        env = {**os.environ, "BENCH_DATA_DIR": data_dir}
        probe = TestClient(create_app(Settings(data_dir=Path(data_dir))))
        detail = probe.get("/api/v1/exercises/barbell-back-squat").json()
        path = detail["media"]["gif"]
        size = len(probe.get(path).content)
        env["BENCH_CONSTANT_BYTES"] = str(size)
        port = free_port()
        server = serve("bench.media_bench:make_app", port, env)
        try:
            base = f"http://127.0.0.1:{port}"
            wait_up(base + path)  # renders once; every later request is a cache hit
            print(f"serving {path}: {size} bytes; constant: {size} bytes")
            media_rps: list[float] = []
            const_rps: list[float] = []
            for round_no in range(1, rounds + 1):
                order = [("media", path), ("constant", "/_bench/constant")]
                if round_no % 2 == 0:
                    order.reverse()
                for name, url in order:
                    rps, p50, p99 = wrk(base + url, seconds, connections)
                    (media_rps if name == "media" else const_rps).append(rps)
                    print(f"round {round_no} {name:8s} {rps:9.0f} req/s  p50 {p50}  p99 {p99}")
            media_median, const_median = statistics.median(media_rps), statistics.median(const_rps)
            print(
                f"median media {media_median:.0f} req/s, constant {const_median:.0f} req/s, "
                f"ratio {media_median / const_median:.2f} (target >= 0.80)"
            )
        finally:
            server.terminate()
            server.wait(timeout=10)


def inprocess_report(requests: int, rounds: int) -> None:
    """Without `wrk`: the same comparison through the ASGI app in process (no sockets)."""
    from fastapi.testclient import TestClient

    with tempfile.TemporaryDirectory() as data_dir:
        os.environ["BENCH_DATA_DIR"] = data_dir
        client = TestClient(create_app(Settings(data_dir=Path(data_dir))))
        path = client.get("/api/v1/exercises/barbell-back-squat").json()["media"]["gif"]
        size = len(client.get(path).content)
        os.environ["BENCH_CONSTANT_BYTES"] = str(size)
        bench_client = TestClient(make_app())
        bench_client.get(path)  # render once; later requests hit the cache
        media_rps: list[float] = []
        const_rps: list[float] = []
        for round_no in range(1, rounds + 1):
            order = [("media", path), ("constant", "/_bench/constant")]
            if round_no % 2 == 0:
                order.reverse()
            for name, url in order:
                start = time.perf_counter()
                for _ in range(requests):
                    bench_client.get(url)
                rps = requests / (time.perf_counter() - start)
                (media_rps if name == "media" else const_rps).append(rps)
                print(f"round {round_no} {name:8s} {rps:9.0f} req/s (in process)")
        media_median, const_median = statistics.median(media_rps), statistics.median(const_rps)
        print(
            f"median media {media_median:.0f} req/s, constant {const_median:.0f} req/s, "
            f"ratio {media_median / const_median:.2f} (target >= 0.80)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--no-serve", action="store_true")
    args = parser.parse_args()
    print(render_report(args.workers))
    print(incremental_report())
    if args.no_serve:
        return
    if shutil.which("wrk"):
        serve_report(args.seconds, args.rounds, args.connections)
    else:
        print("wrk not found: measuring in process instead")
        inprocess_report(2000, args.rounds)


if __name__ == "__main__":
    main()
