"""Workout POSTs at N connections on SQLite (WAL) or PostgreSQL, beside a cached GET.

Usage: .venv/bin/python bench/log_bench.py [--seconds 10] [--rounds 3] [--connections 16]
       [--postgres postgresql+psycopg://root@127.0.0.1:5432/test] [--workers 2]
       [--baseline /tmp/base/src]
--connections 1 gives one client's latency (the time a logged set takes to save).
Needs `wrk` (Debian package). Every POST carries a new client id, so each one is a new write.
Prints requests/s, latency and the server's CPU time per POST per round, medians, the ratio
to the cached GET, and checks that every acknowledged write is in the database. --workers serves with `repforge serve`;
--baseline alternates rounds with a server running another source tree (e.g. `git archive
<commit> src | tar -x -C /tmp/base`) and prints both medians and their ratio.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script or a module

from sqlalchemy import create_engine, func, select, text

from bench.loadgen import free_port, serve, tree_cpu_seconds, wait_up, wait_workers, wrk
from repforge.accounts.service import Accounts
from repforge.store import db
from repforge.store.accounts import SqlAccountStore
from repforge.store.tables import Workout

SRC = Path(__file__).resolve().parents[1] / "src"
POST_SCRIPT = r"""
local made = 0
function setup(thread) made = made + 1; thread:set("tid", made) end
local counter = 0
local headers = {["Content-Type"] = "application/json",
                 ["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")}
request = function()
  counter = counter + 1
  local body = string.format('{"started_at":"2026-12-01T10:00:00Z","name":"bench",' ..
    '"client_id":"%s-%d-%d","sets":[{"exercise":"barbell-back-squat","weight_kg":60,' ..
    '"reps":8,"rir":2},{"exercise":"barbell-back-squat","weight_kg":60,"reps":8,"rir":1}]}',
    os.getenv("BENCH_RUN"), tid, counter)
  return wrk.format("POST", "/api/v1/workouts", headers, body)
end
"""


def wrk_script(
    url: str, script: Path, seconds: int, connections: int
) -> tuple[float, str, str, int]:
    """Requests/s, p50, p99 and the request count of one wrk run with a Lua script."""
    out = subprocess.run(
        [
            "wrk",
            f"-t{min(2, connections)}",
            f"-c{connections}",
            f"-d{seconds}s",
            "--latency",
            "-s",
            str(script),
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
        env=os.environ,
    ).stdout
    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    p50 = re.search(r"^\s+50%\s+(\S+)", out, re.M)
    p99 = re.search(r"^\s+99%\s+(\S+)", out, re.M)
    total = re.search(r"(\d+) requests in", out)
    if rps is None or p50 is None or p99 is None or total is None or "Non-2xx" in out:
        raise SystemExit(f"unexpected wrk output:\n{out}")
    return float(rps.group(1)), p50.group(1), p99.group(1), int(total.group(1))


def _postgres_schema(url: str) -> str:
    schema = f"bench_{uuid.uuid4().hex[:8]}"
    with create_engine(url).begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    sep = "&" if "?" in url else "?"
    return f"{url}{sep}options=-csearch_path%3D{schema}"


def _server(env: dict[str, str], port: int, workers: int) -> subprocess.Popen[bytes]:
    if workers == 1:
        return serve("repforge.web.app:create_app", port, env)
    command = "from repforge.cli import app; app()"
    args = ["serve", "--port", str(port), "--workers", str(workers)]
    return subprocess.Popen([sys.executable, "-c", command, *args], env=env)


def _round(base: str, script: Path, args: argparse.Namespace) -> tuple[float, str, str, int]:
    os.environ["BENCH_RUN"] = uuid.uuid4().hex[:8]  # new client ids every round
    return wrk_script(base + "/api/v1/workouts", script, args.seconds, args.connections)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--postgres", help="PostgreSQL URL; a fresh schema is made in it")
    parser.add_argument("--workers", type=int, default=1, help="server processes")
    parser.add_argument("--baseline", type=Path, help="another src tree to compare with")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as data_dir:
        url = (
            _postgres_schema(args.postgres)
            if args.postgres
            else f"sqlite:///{Path(data_dir) / 'repforge.sqlite3'}"
        )
        engine = db.make_engine(url)
        db.upgrade(engine)
        with db.transaction(db.session_factory(engine)) as session:
            accounts = Accounts(SqlAccountStore(session))
            user = accounts.sign_up("bench@example.com", "a long enough password")
            token = accounts.issue_token(user, "bench", "read-write").secret
        script = Path(data_dir) / "post.lua"
        script.write_text(POST_SCRIPT, encoding="utf-8")
        os.environ["BENCH_TOKEN"] = token
        env = {
            **os.environ,
            "REPFORGE_DATA_DIR": data_dir,
            "REPFORGE_DATABASE_URL": url,
            "REPFORGE_ENVIRONMENT": "test",
            "REPFORGE_LOG_LEVEL": "WARNING",  # no access line per request on the console
        }
        trees = {"current": SRC}
        if args.baseline:
            trees = {"baseline": args.baseline.resolve(), **trees}
        backend = "PostgreSQL" if args.postgres else "SQLite (WAL)"
        print(
            f"{backend}; {args.connections} connections, {args.seconds}s x {args.rounds}, "
            f"{args.workers} worker(s)"
        )
        posts: dict[str, list[float]] = {name: [] for name in trees}
        cpu: dict[str, list[float]] = {name: [] for name in trees}  # the server's, not the DB's
        gets: list[float] = []
        acknowledged = 0
        for round_no in range(1, args.rounds + 1):
            for name, tree in trees.items():  # alternate, so both see the same machine load
                port = free_port()
                server = _server({**env, "PYTHONPATH": str(tree)}, port, args.workers)
                base = f"http://127.0.0.1:{port}"
                try:
                    wait_up(base + "/api/v1/catalog")
                    wait_workers(server, port, args.workers)
                    cpu_before = tree_cpu_seconds(server.pid)
                    rps, p50, p99, total = _round(base, script, args)
                    cpu_ms = (tree_cpu_seconds(server.pid) - cpu_before) * 1000 / total
                    posts[name].append(rps)
                    cpu[name].append(cpu_ms)
                    acknowledged += total
                    print(
                        f"round {round_no} {name:8} POST /workouts {rps:6.0f} req/s  "
                        f"p50 {p50}  p99 {p99}  server CPU {cpu_ms:.2f} ms/POST"
                    )
                    if name == "current":
                        rps, p50, p99 = wrk(
                            base + "/api/v1/catalog",
                            args.seconds,
                            args.connections,
                            threads=min(2, args.connections),
                        )
                        gets.append(rps)
                        print(
                            f"round {round_no} {name:8} GET /catalog   {rps:6.0f} req/s  "
                            f"p50 {p50}  p99 {p99}"
                        )
                finally:
                    server.terminate()
                    server.wait(timeout=10)
        with engine.connect() as connection:
            stored = connection.scalar(select(func.count()).select_from(Workout))
        engine.dispose()
        if args.postgres:
            schema = url.rsplit("%3D", 1)[1]
            with create_engine(args.postgres).begin() as connection:
                connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        post, get = statistics.median(posts["current"]), statistics.median(gets)
        if args.baseline:
            before = statistics.median(posts["baseline"])
            print(
                f"median POST baseline {before:.0f} req/s, current {post:.0f} req/s, "
                f"ratio {post / before:.2f}; server CPU per POST baseline "
                f"{statistics.median(cpu['baseline']):.2f} ms, current "
                f"{statistics.median(cpu['current']):.2f} ms"
            )
        print(
            f"median POST {post:.0f} req/s, cached GET {get:.0f} req/s, ratio {post / get:.2f}; "
            f"{stored} workouts stored for {acknowledged} requests acknowledged "
            f"(target 1,000 POST/s)"
        )
        if stored is None or stored < acknowledged:
            raise SystemExit("some acknowledged workouts are missing")


if __name__ == "__main__":
    main()
