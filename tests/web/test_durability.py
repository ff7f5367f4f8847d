"""`kill -9` during a burst of workout POSTs loses no acknowledged write (SQLite and PostgreSQL)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
from sqlalchemy import select

from repforge.store import db
from repforge.store.tables import Workout
from tests.web.servers import free_port, wait_ready

WRITERS = 6
BURST_S = 1.5
PASSWORD = "a long enough password"


def _start(env: dict[str, str], port: int) -> subprocess.Popen[bytes]:
    repforge = str(Path(sys.executable).parent / "repforge")
    command = [repforge, "serve", "--port", str(port), "--workers", "1"]
    return subprocess.Popen(command, env=env, stderr=subprocess.DEVNULL)


def _writer(base: str, token: str, name: str, stop: threading.Event, acked: list[str]) -> None:
    headers = {"Authorization": f"Bearer {token}"}
    with httpx.Client(base_url=base, headers=headers, timeout=5) as client:
        n = 0
        while not stop.is_set():
            n += 1
            client_id = f"{name}-{n}"
            body = {
                "started_at": "2026-12-01T10:00:00Z",
                "name": "Burst",
                "client_id": client_id,
                "sets": [{"exercise": "barbell-back-squat", "weight_kg": 60, "reps": 5}],
            }
            try:
                response = client.post("/api/v1/workouts", json=body)
            except httpx.TransportError:
                return  # the server died mid-request: that write was never acknowledged
            if response.status_code in (200, 201):
                acked.append(client_id)


def test_every_acknowledged_workout_survives_kill_9(tmp_path: Path, database_url: str) -> None:
    env = {
        **os.environ,
        "REPFORGE_DATA_DIR": str(tmp_path),
        "REPFORGE_DATABASE_URL": database_url,
        "REPFORGE_ENVIRONMENT": "test",
        "REPFORGE_CACHE_DIR": str(tmp_path / "cache"),
    }
    repforge = str(Path(sys.executable).parent / "repforge")
    created = subprocess.run(
        [repforge, "user", "create", "burst@example.com", "--password-stdin"],
        input=f"{PASSWORD}\n".encode(),
        env=env,
        capture_output=True,
        check=False,
    )
    assert created.returncode == 0, created.stderr
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = _start(env, port)
    try:
        wait_ready(f"{base}/readyz", server)
        login = {"username": "burst@example.com", "password": PASSWORD}
        token = httpx.post(f"{base}/api/v1/auth/token", data=login).json()["access_token"]
        stop = threading.Event()
        acked: list[list[str]] = [[] for _ in range(WRITERS)]
        threads = [
            threading.Thread(target=_writer, args=(base, token, f"w{i}", stop, acked[i]))
            for i in range(WRITERS)
        ]
        for thread in threads:
            thread.start()
        time.sleep(BURST_S)
        server.send_signal(signal.SIGKILL)  # no shutdown hook, no final commit, no flush
        server.wait(timeout=10)
        stop.set()
        for thread in threads:
            thread.join(timeout=10)
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
    acknowledged = {client_id for per_writer in acked for client_id in per_writer}
    assert len(acknowledged) > 20, "the burst wrote too little to prove anything"
    engine = db.make_engine(database_url)
    try:
        with db.transaction(db.session_factory(engine)) as session:
            stored = set(session.scalars(select(Workout.client_id)))
    finally:
        engine.dispose()
    assert acknowledged <= stored
    # after a restart the server serves again from the same database
    restarted = _start(env, port)
    try:
        wait_ready(f"{base}/readyz", restarted)
    finally:
        restarted.terminate()
        restarted.wait(timeout=30)
