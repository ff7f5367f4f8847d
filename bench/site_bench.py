"""Serving a cached exercise page vs a constant string of the same size, same server, same run.

Usage: .venv/bin/python bench/site_bench.py [--seconds 10] [--rounds 3] [--connections 16]
Needs `wrk` (Debian package). Prints requests/s and latency per round, then medians and the ratio.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script or a module

from fastapi import FastAPI
from fastapi.responses import Response

from bench.loadgen import free_port, serve, wait_up, wrk
from repforge.config import Settings
from repforge.web.app import create_app

PAGE = "/exercise/barbell-back-squat"


def make_app() -> FastAPI:
    """The real app plus a trivial async route returning a constant body as large as PAGE."""
    app = create_app(Settings(data_dir=Path(os.environ["BENCH_DATA_DIR"])))
    body = os.environ.get("BENCH_CONSTANT_BYTES", "1000")
    constant = b"x" * int(body)

    @app.get("/_bench/constant", include_in_schema=False)
    async def constant_route() -> Response:
        return Response(constant, media_type="text/html; charset=utf-8")

    return app


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=16)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as data_dir:
        env = {**os.environ, "BENCH_DATA_DIR": data_dir}
        probe = create_app(Settings(data_dir=Path(data_dir)))
        from fastapi.testclient import TestClient

        size = len(TestClient(probe).get(PAGE).content)
        env["BENCH_CONSTANT_BYTES"] = str(size)
        port = free_port()
        server = serve("bench.site_bench:make_app", port, env)
        try:
            base = f"http://127.0.0.1:{port}"
            wait_up(base + PAGE)
            print(
                f"page {PAGE}: {size} bytes; constant: {size} bytes; "
                f"{args.connections} connections, {args.seconds}s x {args.rounds} rounds"
            )
            page_rps, const_rps = [], []
            for round_no in range(1, args.rounds + 1):
                # alternate the order so drift on a noisy machine hits both sides alike
                order = [("page", PAGE), ("constant", "/_bench/constant")]
                if round_no % 2 == 0:
                    order.reverse()
                for name, path in order:
                    rps, p50, p99 = wrk(base + path, args.seconds, args.connections)
                    (page_rps if name == "page" else const_rps).append(rps)
                    print(f"round {round_no} {name:8s} {rps:9.0f} req/s  p50 {p50}  p99 {p99}")
            page_median, const_median = statistics.median(page_rps), statistics.median(const_rps)
            print(
                f"median page {page_median:.0f} req/s, constant {const_median:.0f} req/s, "
                f"ratio {page_median / const_median:.2f} (target >= 0.80)"
            )
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
