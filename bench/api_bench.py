"""API v1 throughput and latency vs the app's trivial /healthz, plus a serving process's memory.

Usage: .venv/bin/python bench/api_bench.py [--seconds 10] [--rounds 3] [--connections 16]
                                           [--catalog DIR]
Needs `wrk` (Debian package). Serves the built-in catalog (or DIR) with uvicorn in a subprocess,
prints requests/s and p50/p99 per endpoint and round, the medians and their ratio to /healthz,
the resident memory of the server, and the uncached service cost measured in-process.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
import timeit
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script or a module

from bench.loadgen import free_port, rss_mib, serve, wait_up, wrk
from repforge.catalog.catalog import Catalog
from repforge.config import Settings
from repforge.search.index import index_for
from repforge.served import file_catalog
from repforge.web.api import service
from repforge.web.api.schemas import ExerciseQuery

TRIVIAL = "/healthz"
LIST_QUERY = "body_part=legs&available_equipment=dumbbell&available_equipment=bench&limit=20"
SEARCH_WORDS = "hamstring curl"


def endpoints(catalog: Catalog) -> dict[str, str]:
    """The measured paths; the detail page is the catalog's most popular exercise."""
    top = max(catalog, key=lambda e: (e.popularity, e.slug))
    return {
        "trivial": TRIVIAL,
        "list": f"/api/v1/exercises?{LIST_QUERY}",
        "detail": f"/api/v1/exercises/{top.slug}",
        "search": f"/api/v1/search?q={SEARCH_WORDS.replace(' ', '%20')}",
    }


def cold_costs(catalog: Catalog, slug: str) -> dict[str, float]:
    """Microseconds per uncached service call (what a cache miss costs), median of 5 runs."""
    index_for(catalog)  # built once per catalog version, like the server does on first search
    query = ExerciseQuery(body_part="legs", available_equipment=["dumbbell", "bench"], limit=20)
    calls = {
        "list": lambda: service.list_exercises(catalog, query),
        "detail": lambda: service.exercise_detail(catalog, slug),
        "search": lambda: service.search(catalog, SEARCH_WORDS, 20, 0),
    }
    return {
        name: statistics.median(timeit.repeat(call, number=50, repeat=5)) / 50 * 1e6
        for name, call in calls.items()
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--catalog", type=Path, help="catalog folder instead of the built-in")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as data_dir:
        env = {**os.environ, "REPFORGE_DATA_DIR": data_dir, "REPFORGE_ENVIRONMENT": "test"}
        if args.catalog is not None:
            env["REPFORGE_CATALOG_DIR"] = str(args.catalog.resolve())
        catalog = file_catalog(Settings(data_dir=Path(data_dir), catalog_dir=args.catalog))
        paths = endpoints(catalog)
        port = free_port()
        server = serve("repforge.web.app:create_app", port, env)
        try:
            base = f"http://127.0.0.1:{port}"
            wait_up(base + TRIVIAL)
            idle = rss_mib(server.pid)
            for path in paths.values():
                wait_up(base + path)  # warm: first request fills the per-version cache
            print(
                f"catalog {catalog.version}: {len(catalog)} exercises; "
                f"{args.connections} connections, {args.seconds}s x {args.rounds} rounds"
            )
            rps: dict[str, list[float]] = {name: [] for name in paths}
            for round_no in range(1, args.rounds + 1):
                # rotate the order so drift on a noisy machine hits every endpoint alike
                names = list(paths)
                names = names[round_no % len(names) :] + names[: round_no % len(names)]
                for name in names:
                    value, p50, p99 = wrk(base + paths[name], args.seconds, args.connections)
                    rps[name].append(value)
                    print(f"round {round_no} {name:8s} {value:9.0f} req/s  p50 {p50}  p99 {p99}")
            trivial = statistics.median(rps["trivial"])
            for name, values in rps.items():
                median = statistics.median(values)
                print(
                    f"median {name:8s} {median:9.0f} req/s  ratio to trivial {median / trivial:.2f}"
                    + ("  (target >= 0.70)" if name in ("list", "detail") else "")
                )
            time.sleep(0.5)
            print(
                f"server RSS: {idle:.1f} MiB after start, {rss_mib(server.pid):.1f} MiB after load"
            )
        finally:
            server.terminate()
            server.wait(timeout=10)
        slug = paths["detail"].rsplit("/", 1)[1]
        costs = cold_costs(catalog, slug)
        print(
            "uncached service cost (in-process): "
            + ", ".join(f"{name} {us:.0f} us" for name, us in costs.items())
        )


if __name__ == "__main__":
    main()
