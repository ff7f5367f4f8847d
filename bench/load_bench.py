"""Serving under load: 64 and 256 connections per route, cache-busting junk, /healthz beside them.

Usage: .venv/bin/python bench/load_bench.py [--seconds 10] [--rounds 3] [--timeout 5] [--workers N]

Serves the built-in catalog with uvicorn (the production loop and parser) in a subprocess on
127.0.0.1 and drives it from a second process with a small asyncio HTTP/1.1 keep-alive client
(cheaper per request than httpx, so the client does not starve the server it measures; wrk is not
needed). Meanwhile this process asks /healthz every 20 ms on its own connection. Per scenario and
round it prints requests/s, p50/p99 latency, non-2xx answers and timeouts, /healthz p50/p99/max
and the server's resident memory; then the medians over rounds and the targets: 0 non-2xx and
0 timeouts at 256 connections, /healthz p99 under 50 ms during the junk run, memory bounded.
Every run is bounded in time and in requests, and only ever talks to 127.0.0.1.
With --workers N (N > 1) the server is `repforge serve --workers N`, the production set-up
docs/deploy.md gives for a machine with N cores; RSS and server CPU then sum the workers.
"""

from __future__ import annotations

import argparse
import asyncio
import http.client
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script or a module

from bench.loadgen import free_port, rss_mib, serve, wait_up

ROUTES = {
    "page": "/exercise/barbell-back-squat",
    "hub": "/exercises/legs",
    "api-list": "/api/v1/exercises?limit=200",
    "search": "/search?q=hamstring+exercises+at+home",
}
JUNK = "/api/v1/exercises?limit=200&zz="  # + a random token per request
MAX_REQUESTS = 2_000_000  # a hard bound per scenario, far above what the time allows
HEALTH_EVERY_S = 0.02


@dataclass
class Tally:
    """What one load scenario saw from the client side."""

    latencies: list[float] = field(default_factory=list)
    non_2xx: int = 0
    timeouts: int = 0
    errors: int = 0


async def _one_connection(
    port: int, path: str, junk: bool, deadline: float, timeout: float, tally: Tally
) -> None:
    """Keep one connection busy until the deadline, reconnecting after a timeout or error."""
    reader: asyncio.StreamReader | None = None
    writer: asyncio.StreamWriter | None = None
    while time.monotonic() < deadline and len(tally.latencies) < MAX_REQUESTS:
        target = path + f"{random.getrandbits(64):x}" if junk else path
        started = time.perf_counter()
        try:
            if writer is None:
                reader, writer = await asyncio.open_connection("127.0.0.1", port)
            assert reader is not None
            writer.write(f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
            status = await asyncio.wait_for(_read_response(reader), timeout)
        except TimeoutError:
            tally.timeouts += 1
            writer = _close(writer)
            continue
        except (OSError, asyncio.IncompleteReadError, ValueError):
            tally.errors += 1
            writer = _close(writer)
            continue
        tally.latencies.append(time.perf_counter() - started)
        if not 200 <= status < 300:
            tally.non_2xx += 1
    _close(writer)


def _close(writer: asyncio.StreamWriter | None) -> None:
    if writer is not None:
        writer.close()


async def _read_response(reader: asyncio.StreamReader) -> int:
    """Read one response with a Content-Length body; its status code."""
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ", 2)[1])
    length = 0
    for line in lines[1:]:
        name, _, value = line.partition(":")
        if name.strip().lower() == "content-length":
            length = int(value)
    if length:
        await reader.readexactly(length)
    return status


def run_load(
    port: int, path: str, junk: bool, connections: int, seconds: float, timeout: float
) -> tuple[list[float], int, int, int, float, float]:
    """In the client process: latencies, non-2xx, timeouts, errors, elapsed and CPU seconds."""
    tally = Tally()
    cpu = time.process_time()

    async def main() -> float:
        started = time.monotonic()
        deadline = started + seconds
        await asyncio.gather(
            *(
                _one_connection(port, path, junk, deadline, timeout, tally)
                for _ in range(connections)
            )
        )
        return time.monotonic() - started

    elapsed = asyncio.run(main())
    used = time.process_time() - cpu
    return tally.latencies, tally.non_2xx, tally.timeouts, tally.errors, elapsed, used


class HealthProbe(threading.Thread):
    """Ask /healthz every 20 ms on one keep-alive connection; keep each latency."""

    def __init__(self, port: int) -> None:
        super().__init__(daemon=True)
        self.port = port
        self.latencies: list[float] = []
        self.failures = 0
        self.stopping = threading.Event()

    def run(self) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        while not self.stopping.is_set():
            started = time.perf_counter()
            try:
                conn.request("GET", "/healthz")
                response = conn.getresponse()
                response.read()
                ok = response.status == 200
            except OSError:
                ok = False
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
            if ok:
                self.latencies.append(time.perf_counter() - started)
            else:
                self.failures += 1
            self.stopping.wait(HEALTH_EVERY_S)
        conn.close()


def _family(pid: int) -> list[int]:
    """The process and its children (the workers of `repforge serve --workers N`)."""
    children = Path(f"/proc/{pid}/task/{pid}/children")
    found = [int(p) for p in children.read_text().split()] if children.exists() else []
    return [pid, *found]


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time a process and its children have used, from /proc."""
    total = 0.0
    for member in _family(pid):
        fields = Path(f"/proc/{member}/stat").read_text().rsplit(")", 1)[1].split()
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def family_rss_mib(pid: int) -> float:
    """Resident memory of a process and its children."""
    return sum(rss_mib(member) for member in _family(pid))


def start_server(port: int, env: dict[str, str], workers: int) -> subprocess.Popen[bytes]:
    """One uvicorn process, or `repforge serve` with several workers."""
    if workers <= 1:
        return serve("repforge.web.app:create_app", port, env)
    command = [str(Path(sys.executable).parent / "repforge"), "serve", "--port", str(port)]
    return subprocess.Popen([*command, "--workers", str(workers)], env=env)


def percentile(values: list[float], share: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


@dataclass
class Result:
    """One scenario round, as printed."""

    rps: float
    p50_ms: float
    p99_ms: float
    non_2xx: int
    timeouts: int
    errors: int
    health_p50_ms: float
    health_p99_ms: float
    health_max_ms: float
    rss_mib: float
    client_cpu: float  # share of one core the load generator used: near 1.0, it is the limit
    server_cpu: float  # share of one core the server got: well under 1.0, the machine is busy


def measure(
    pool: ProcessPoolExecutor,
    port: int,
    server_pid: int,
    path: str,
    junk: bool,
    connections: int,
    args: argparse.Namespace,
) -> Result:
    probe = HealthProbe(port)
    probe.start()
    server_started = cpu_seconds(server_pid)
    future = pool.submit(run_load, port, path, junk, connections, args.seconds, args.timeout)
    latencies, non_2xx, timeouts, errors, elapsed, used = future.result()
    server_used = cpu_seconds(server_pid) - server_started
    probe.stopping.set()
    probe.join()
    health = probe.latencies
    return Result(
        rps=len(latencies) / elapsed,
        p50_ms=percentile(latencies, 0.50) * 1e3,
        p99_ms=percentile(latencies, 0.99) * 1e3,
        non_2xx=non_2xx,
        timeouts=timeouts,
        errors=errors + probe.failures,
        health_p50_ms=percentile(health, 0.50) * 1e3,
        health_p99_ms=percentile(health, 0.99) * 1e3,
        health_max_ms=max(health, default=float("nan")) * 1e3,
        rss_mib=family_rss_mib(server_pid),
        client_cpu=used / elapsed,
        server_cpu=server_used / elapsed,
    )


def scenarios() -> list[tuple[str, str, bool, int]]:
    """(name, path, junk, connections) for every measured run."""
    runs = [(f"{name}@{n}", path, False, n) for n in (64, 256) for name, path in ROUTES.items()]
    runs.append(("junk@64", JUNK, True, 64))
    return runs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=5, help="seconds before a request counts")
    parser.add_argument("--only", nargs="*", help="scenario names to run (default: all)")
    parser.add_argument("--workers", type=int, default=1, help="server processes (default 1)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as data_dir:
        env = {**os.environ, "REPFORGE_DATA_DIR": data_dir, "REPFORGE_ENVIRONMENT": "test"}
        port = free_port()
        server = start_server(port, env, args.workers)
        try:
            base = f"http://127.0.0.1:{port}"
            wait_up(base + "/healthz")
            started_rss = family_rss_mib(server.pid)
            for path in ROUTES.values():
                wait_up(base + path)  # warm: the first request fills the per-version cache
            idle = HealthProbe(port)
            idle.start()
            time.sleep(2)
            idle.stopping.set()
            idle.join()
            idle_p99 = percentile(idle.latencies, 0.99) * 1e3
            print(
                f"server RSS {started_rss:.1f} MiB after start; idle /healthz p99 "
                f"{idle_p99:.1f} ms; {args.seconds:g}s x {args.rounds} rounds, timeout "
                f"{args.timeout:g}s, {args.workers} worker(s)"
            )
            chosen = [run for run in scenarios() if not args.only or run[0] in args.only]
            results: dict[str, list[Result]] = {name: [] for name, *_ in chosen}
            with ProcessPoolExecutor(max_workers=1, mp_context=get_context("spawn")) as pool:
                for round_no in range(1, args.rounds + 1):
                    for name, path, junk, connections in chosen:
                        found = measure(pool, port, server.pid, path, junk, connections, args)
                        results[name].append(found)
                        print(
                            f"round {round_no} {name:13s} {found.rps:7.0f} req/s  "
                            f"p50 {found.p50_ms:7.1f} ms  p99 {found.p99_ms:7.1f} ms  "
                            f"non-2xx {found.non_2xx}  timeouts {found.timeouts}  "
                            f"errors {found.errors}  /healthz p50 {found.health_p50_ms:.1f} "
                            f"p99 {found.health_p99_ms:.1f} max {found.health_max_ms:.1f} ms  "
                            f"RSS {found.rss_mib:.1f} MiB  CPU server {found.server_cpu:.2f} "
                            f"client {found.client_cpu:.2f}",
                            flush=True,
                        )
            report(results, idle_p99, started_rss)
        finally:
            server.terminate()
            server.wait(timeout=10)


def report(results: dict[str, list[Result]], idle_p99: float, started_rss: float) -> None:
    """Medians over rounds, /healthz beside its idle p99, and the targets met or missed."""
    print("medians:")
    for name, rounds in results.items():

        def med(attribute: str, of: list[Result] = rounds) -> float:
            return statistics.median(getattr(r, attribute) for r in of)

        print(
            f"  {name:13s} {med('rps'):7.0f} req/s  p50 {med('p50_ms'):7.1f} ms  "
            f"p99 {med('p99_ms'):7.1f} ms  /healthz p99 {med('health_p99_ms'):6.1f} ms "
            f"({med('health_p99_ms') / idle_p99:.1f}x idle)"
        )
    at_256 = [r for name, rounds in results.items() if name.endswith("@256") for r in rounds]
    junk_p99 = (
        statistics.median(r.health_p99_ms for r in results.get("junk@64", []))
        if "junk@64" in results
        else float("nan")
    )
    peak = max(r.rss_mib for rounds in results.values() for r in rounds)
    failures = sum(r.non_2xx + r.errors for r in at_256)
    timeouts = sum(r.timeouts for r in at_256)
    print(
        f"targets: non-2xx/errors at 256 connections {failures} (0), timeouts {timeouts} (0); "
        f"/healthz p99 during junk {junk_p99:.1f} ms (< 50); RSS {started_rss:.1f} -> peak "
        f"{peak:.1f} MiB (bounded: the response cache holds at most 32 MiB of bodies)"
    )


if __name__ == "__main__":
    main()
