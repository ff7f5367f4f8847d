"""Workers and metrics: requests/s of `repforge serve` with 1 and 2 workers, and /metrics' cost.

Usage: .venv/bin/python bench/workers_bench.py [--seconds 5] [--rounds 3] [--connections 32]

Starts four real `repforge serve` processes on 127.0.0.1, side by side, over one throwaway SQLite
database and the built-in catalog:

- `1w`: one worker, metrics on (the default);
- `2w`: two workers, metrics on;
- `1w-on` / `1w-off`: one worker each, with REPFORGE_METRICS_ENABLED true / false.

Each round drives every server in turn (the order alternates between rounds, so drift in the
machine's load hits both sides alike) with wrk (Debian package `wrk`, one thread, keep-alive) on an
exercise page and on the API list. Per run it prints requests/s, p50/p99 and the server's CPU
milliseconds per request (summed over its worker processes, from /proc). Then the medians over
rounds and the targets: 2 workers >= 1.6x the requests/s of 1 worker on both routes, and metrics
adding < 5 % to a request's cost, where cost is the server's CPU time per request (less disturbed by
other work on the machine than requests/s; the requests/s ratio is printed beside it).

The metrics figure is also measured in-process, with no network and no other process in the way:
the same two apps (metrics on and off) are called directly through ASGI in this process, in
alternating batches, and the CPU time per request compared. Without HTTP parsing and sockets a
request costs less, so this share is an upper bound of what the middleware adds to a real request.

On a 2-core machine the load generator shares the cores with the server it measures; the report
prints the CPU the client used, so a ratio held back by the client can be told from one held back
by the server.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script or a module

from bench.loadgen import free_port, tree_cpu_seconds, wait_up, wait_workers, wrk

ROUTES = {
    "page": "/exercise/barbell-back-squat",
    "api-list": "/api/v1/exercises?limit=50",
}
SERVERS = {  # name: (workers, metrics enabled)
    "1w": (1, True),
    "2w": (2, True),
    "1w-on": (1, True),
    "1w-off": (1, False),
}
WORKER_PAIR = ("1w", "2w")
METRICS_PAIR = ("1w-on", "1w-off")
REPFORGE = str(Path(sys.executable).parent / "repforge")


@dataclass
class Run:
    rps: float
    p50: str
    p99: str
    cpu_ms: float  # server CPU (all its processes) per request, in milliseconds
    client_cpu: float  # share of one core wrk used


def start(name: str, data_dir: str) -> tuple[subprocess.Popen[bytes], str]:
    workers, metrics_on = SERVERS[name]
    port = free_port()
    env = {
        **{k: v for k, v in os.environ.items() if k != "PROMETHEUS_MULTIPROC_DIR"},
        "REPFORGE_DATA_DIR": data_dir,
        "REPFORGE_ENVIRONMENT": "test",
        "REPFORGE_LOG_LEVEL": "WARNING",
        "REPFORGE_METRICS_ENABLED": "true" if metrics_on else "false",
    }
    command = [REPFORGE, "serve", "--port", str(port), "--workers", str(workers)]
    process = subprocess.Popen(command, env=env, stderr=subprocess.DEVNULL)
    return process, f"http://127.0.0.1:{port}"


def measure(process: subprocess.Popen[bytes], url: str, args: argparse.Namespace) -> Run:
    cpu_before, client_before = tree_cpu_seconds(process.pid), os.times()
    rps, p50, p99 = wrk(url, args.seconds, args.connections, threads=1)
    used = tree_cpu_seconds(process.pid) - cpu_before
    after = os.times()
    client = (after.children_user + after.children_system) - (
        client_before.children_user + client_before.children_system
    )
    return Run(rps, p50, p99, used / (rps * args.seconds) * 1e3, client / args.seconds)


def in_process_cost(path: str, requests: int, batches: int) -> tuple[float, float]:
    """Median CPU microseconds per request of the app with metrics on and off, called via ASGI."""
    from repforge.config import Settings
    from repforge.web.app import create_app

    with tempfile.TemporaryDirectory() as data_dir:
        base = Settings(environment="test", data_dir=Path(data_dir), log_level="WARNING")
        apps = {
            on: create_app(base.model_copy(update={"metrics_enabled": on})) for on in (True, False)
        }
        raw_path, _, query = path.partition("?")
        scope = {
            "type": "http",
            "asgi": {"version": "3.0"},
            "http_version": "1.1",
            "method": "GET",
            "scheme": "http",
            "path": raw_path,
            "raw_path": raw_path.encode(),
            "query_string": query.encode(),
            "root_path": "",
            "headers": [(b"host", b"127.0.0.1")],
            "client": ("127.0.0.1", 50000),
            "server": ("127.0.0.1", 8000),
        }

        async def receive() -> dict[str, object]:
            return {"type": "http.request", "body": b"", "more_body": False}

        async def send(message: dict[str, object]) -> None:
            if message["type"] == "http.response.start" and message["status"] != 200:
                raise SystemExit(f"{path} answered {message['status']}")

        async def batch(app: object, count: int) -> float:
            started = time.process_time()
            for _ in range(count):
                await app(dict(scope), receive, send)  # type: ignore[operator]
            return (time.process_time() - started) / count * 1e6

        async def drive() -> dict[bool, list[float]]:
            for app in apps.values():
                await batch(app, 200)  # warm the response cache and the code paths
            costs: dict[bool, list[float]] = {True: [], False: []}
            for number in range(batches):
                for on in (True, False) if number % 2 else (False, True):
                    costs[on].append(await batch(apps[on], requests))
            return costs

        costs = asyncio.run(drive())
        for app in apps.values():
            app.state.repforge.engine.dispose()
    return statistics.median(costs[True]), statistics.median(costs[False])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=5)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument(
        "--in-process", type=int, default=2000, help="requests per in-process batch (0: skip)"
    )
    args = parser.parse_args()

    if args.in_process:
        print("in-process ASGI calls, CPU per request (median of batches):", flush=True)
        for route, path in ROUTES.items():
            on, off = in_process_cost(path, args.in_process, 2 * args.rounds + 1)
            verdict = "met" if on / off - 1 < 0.05 else "MISSED"
            print(
                f"  {route:8s} metrics on {on:7.1f} us  off {off:7.1f} us  overhead "
                f"{on / off - 1:+.1%} (< 5 %: {verdict})",
                flush=True,
            )

    with tempfile.TemporaryDirectory() as data_dir:
        # migrate once, before four servers race to do it
        subprocess.run(
            [REPFORGE, "db", "upgrade"],
            env={**os.environ, "REPFORGE_DATA_DIR": data_dir, "REPFORGE_ENVIRONMENT": "test"},
            check=True,
            capture_output=True,
        )
        servers = {name: start(name, data_dir) for name in SERVERS}
        try:
            for name, (process, base) in servers.items():
                started = time.monotonic()
                while True:  # four servers start at once: allow a busy machine two minutes
                    try:
                        wait_up(base + "/readyz")
                        wait_workers(process, int(base.rsplit(":", 1)[1]), SERVERS[name][0])
                        break
                    except SystemExit:
                        if time.monotonic() - started > 120:
                            raise
                for path in ROUTES.values():
                    wait_up(base + path)  # warm: the first request fills the response cache
            time.sleep(1)
            print(
                f"{args.seconds:g}s x {args.rounds} rounds, wrk 1 thread, {args.connections} "
                f"connections, {os.cpu_count()} cores; load average {os.getloadavg()[0]:.2f}",
                flush=True,
            )
            results: dict[tuple[str, str], list[Run]] = {}
            for round_no in range(1, args.rounds + 1):
                order = list(SERVERS) if round_no % 2 else list(reversed(SERVERS))
                for route, path in ROUTES.items():
                    for name in order:
                        # the two workers of "2w" each warm their own cache on first requests
                        process, base = servers[name]
                        run = measure(process, base + path, args)
                        results.setdefault((name, route), []).append(run)
                        print(
                            f"round {round_no} {route:8s} {name:6s} {run.rps:7.0f} req/s  "
                            f"p50 {run.p50:>8s}  p99 {run.p99:>8s}  server CPU "
                            f"{run.cpu_ms:.3f} ms/req  client CPU {run.client_cpu:.2f}",
                            flush=True,
                        )
            report(results)
        finally:
            for process, _ in servers.values():
                process.terminate()
            for process, _ in servers.values():
                process.wait(timeout=30)


def report(results: dict[tuple[str, str], list[Run]]) -> None:
    def med(name: str, route: str, attribute: str) -> float:
        return statistics.median(getattr(run, attribute) for run in results[(name, route)])

    print("medians:")
    for (name, route), runs in sorted(results.items(), key=lambda item: (item[0][1], item[0][0])):
        print(
            f"  {route:8s} {name:6s} {med(name, route, 'rps'):7.0f} req/s  server CPU "
            f"{med(name, route, 'cpu_ms'):.3f} ms/req  client CPU "
            f"{med(name, route, 'client_cpu'):.2f}  ({len(runs)} rounds)"
        )
    print("targets:")
    one, two = WORKER_PAIR
    for route in ROUTES:
        ratio = med(two, route, "rps") / med(one, route, "rps")
        verdict = "met" if ratio >= 1.6 else "MISSED"
        print(f"  {route:8s} 2 workers / 1 worker requests/s: {ratio:.2f}x (>= 1.6x: {verdict})")
    on, off = METRICS_PAIR
    for route in ROUTES:
        cpu = med(on, route, "cpu_ms") / med(off, route, "cpu_ms") - 1
        rps = med(off, route, "rps") / med(on, route, "rps") - 1
        verdict = "met" if cpu < 0.05 else "MISSED"
        print(
            f"  {route:8s} /metrics overhead: CPU per request {cpu:+.1%} (< 5 %: {verdict}); "
            f"from requests/s {rps:+.1%}"
        )


if __name__ == "__main__":
    main()
