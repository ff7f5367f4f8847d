"""Shared helpers for the HTTP benchmarks: a free port, waiting for a server, one wrk run, RSS."""

from __future__ import annotations

import http.client
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_up(url: str) -> None:
    for _ in range(300):
        try:
            urllib.request.urlopen(url, timeout=1).read()
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"server did not answer {url}")


def wrk(url: str, seconds: float, connections: int, threads: int = 2) -> tuple[float, str, str]:
    """Requests/s, p50 and p99 latency from one wrk run (Debian package `wrk`)."""
    out = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds:g}s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    # anchored: the "+/- Stdev" column also ends in "...50%" and must not be read as p50
    found = re.search(r"Requests/sec:\s+([\d.]+)", out), re.search(r"^\s+50%\s+(\S+)", out, re.M)
    p99 = re.search(r"^\s+99%\s+(\S+)", out, re.M)
    if found[0] is None or found[1] is None or p99 is None or "Non-2xx" in out:
        raise SystemExit(f"unexpected wrk output for {url}:\n{out}")
    return float(found[0].group(1)), found[1].group(1), p99.group(1)


def rss_mib(pid: int) -> float:
    """Resident set size of a process, from /proc."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise SystemExit(f"no VmRSS for pid {pid}")


def tree_cpu_seconds(pid: int) -> float:
    """User plus system CPU of a process and all its descendants (uvicorn's workers)."""
    total, pending = 0.0, [pid]
    while pending:
        current = pending.pop()
        try:
            fields = Path(f"/proc/{current}/stat").read_text().rsplit(")", 1)[1].split()
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:
            continue  # exited meanwhile
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        pending.extend(int(child) for child in children)
    return total


def wait_workers(server: subprocess.Popen[bytes], port: int, workers: int) -> None:
    """Wait until every worker of `repforge serve` has answered a request.

    The first worker up answers the readiness probe, and connections a load generator opens
    before the others listen all stay with it: a run would measure one worker. So connections
    are opened and kept until each worker holds at least one.
    """
    if workers == 1:
        return
    held: list[http.client.HTTPConnection] = []
    try:
        for _ in range(600):
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            connection.request("GET", "/healthz")
            connection.getresponse().read()
            held.append(connection)
            serving = _tcp_sockets(port, "01")  # the server's ends of open connections
            busy = [pid for pid in _children(server.pid) if _socket_inodes(pid) & serving]
            if len(busy) >= workers:
                return
            time.sleep(0.05)
    finally:
        for connection in held:
            connection.close()
    raise SystemExit(f"not all {workers} workers answered on port {port}")


def _children(pid: int) -> list[int]:
    return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]


def _tcp_sockets(port: int, state: str) -> set[int]:
    """Inodes of TCP sockets on local `port` in a /proc/net/tcp state (01 open, 0A listen)."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            if fields[3] == state and int(fields[1].rsplit(":", 1)[1], 16) == port:
                found.add(int(fields[9]))
    return found


def _socket_inodes(pid: int) -> set[int]:
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue  # closed meanwhile
        if target.startswith("socket:["):
            inodes.add(int(target[8:-1]))
    return inodes


def serve(factory: str, port: int, env: dict[str, str]) -> subprocess.Popen[bytes]:
    """uvicorn serving `factory` (module:function) with the production loop and parser."""
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            factory,
            "--factory",
            "--port",
            str(port),
            "--loop",
            "uvloop",
            "--http",
            "httptools",
            "--no-access-log",
            "--log-level",
            "warning",
        ],
        env=env,
        cwd=Path(__file__).parents[1],
    )
