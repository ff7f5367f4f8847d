"""Shared helpers for the HTTP benchmarks: a free port, waiting for a server, one wrk run, RSS."""

from __future__ import annotations

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
