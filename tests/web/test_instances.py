"""Two live `repforge serve` instances on one PostgreSQL database agree, as behind a load balancer.

Skipped unless REPFORGE_TEST_POSTGRES_URL is set. Each run gets its own throwaway schema, migrated
once before either server starts (as docs/deploy.md says: one `repforge db upgrade`, then the
instances). The servers are real subprocesses on free ports; every call goes over HTTP (httpx).
Run once with the login counters in the database and once in Redis (skipped without Redis).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import text

from repforge.store import db
from repforge.web.auth import SESSION_COOKIE
from repforge.web.monitoring import MULTIPROCESS_ENV
from tests.conftest import POSTGRES_URL, _postgres_schema_url
from tests.redis_support import REDIS_URL, needs_redis, redis_prefix
from tests.web.servers import free_port, wait_ready

__all__ = ["redis_prefix"]  # the fixture, imported for the tests below

pytestmark = pytest.mark.skipif(not POSTGRES_URL, reason="REPFORGE_TEST_POSTGRES_URL not set")

REPFORGE = str(Path(sys.executable).parent / "repforge")
FREE = Path(__file__).parents[1] / "catalog/importers/fixtures/free_exercise_db"
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
PASSWORD = "a long enough password"
REFRESH_S = 0.5  # the catalog refresh interval both instances run with
ACCOUNT_LIMIT = 4
WORKOUT = {
    "started_at": "2026-12-01T18:00:00+01:00",
    "name": "Legs on A",
    "client_id": "phone-1",
    "sets": [
        {"exercise": "barbell-back-squat", "weight_kg": 100, "reps": 5, "rir": 2},
        {"exercise": "barbell-back-squat", "weight_kg": 100, "reps": 5, "rir": 1},
    ],
}


@pytest.fixture
def database() -> Iterator[str]:
    """A fresh schema on the test PostgreSQL, migrated; dropped afterwards."""
    for url in _postgres_schema_url():
        engine = db.make_engine(url)
        db.upgrade(engine)
        engine.dispose()
        yield url


@pytest.fixture(params=["database", pytest.param("redis", marks=needs_redis)])
def environment(request: pytest.FixtureRequest, database: str, tmp_path: Path) -> dict[str, str]:
    """What both instances and the CLI share: database, secret, short refresh, the counters."""
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("REPFORGE_")},
        "REPFORGE_ENVIRONMENT": "test",
        "REPFORGE_DATA_DIR": str(tmp_path / "data"),
        "REPFORGE_DATABASE_URL": database,
        "REPFORGE_AUTO_MIGRATE": "false",
        "REPFORGE_SECRET_KEY": "one secret every instance shares, long enough",
        "REPFORGE_CATALOG_REFRESH_S": str(REFRESH_S),
        "REPFORGE_LOGIN_ATTEMPTS_PER_ACCOUNT": str(ACCOUNT_LIMIT),
        "REPFORGE_GRACEFUL_SHUTDOWN_S": "2",
        "REPFORGE_LOG_LEVEL": "WARNING",
    }
    env.pop(MULTIPROCESS_ENV, None)
    if request.param == "redis":
        env["REPFORGE_REDIS_URL"] = REDIS_URL
        env["REPFORGE_REDIS_PREFIX"] = request.getfixturevalue("redis_prefix")
    return env


@pytest.fixture
def instances(environment: dict[str, str]) -> Iterator[tuple[str, str]]:
    """Base URLs of two servers, A and B, started side by side and stopped afterwards."""
    ports = [free_port(), free_port()]
    processes: list[subprocess.Popen[bytes]] = []
    try:
        # one after the other: two first starts on one empty schema would race to set it up
        for port in ports:
            process = subprocess.Popen(
                [REPFORGE, "serve", "--port", str(port), "--workers", "1"],
                env=environment,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            processes.append(process)
            wait_ready(f"http://127.0.0.1:{port}/readyz", process, seconds=45)
        yield f"http://127.0.0.1:{ports[0]}", f"http://127.0.0.1:{ports[1]}"
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _exercise_count(client: httpx.Client) -> int:
    response = client.get("/api/v1/exercises", params={"limit": 1})
    assert response.status_code == 200, response.text
    count: int = response.json()["count"]
    return count


def test_two_instances_on_one_database_agree(
    instances: tuple[str, str], environment: dict[str, str], tmp_path: Path
) -> None:
    url_a, url_b = instances
    with (
        httpx.Client(base_url=url_a, timeout=10) as a,
        httpx.Client(base_url=url_b, timeout=10) as b,
    ):
        # a session made on A is a session on B
        form = CSRF.search(a.get("/signup").text)
        assert form, "no CSRF token on /signup"
        signed_up = a.post(
            "/signup",
            data={"email": "ann@example.com", "password": PASSWORD, "csrf_token": form.group(1)},
        )
        assert signed_up.status_code == 303, signed_up.text
        session = a.cookies[SESSION_COOKIE]
        with httpx.Client(base_url=url_b, cookies={SESSION_COOKIE: session}) as ann_on_b:
            account = ann_on_b.get("/account")
        assert account.status_code == 200
        assert "ann@example.com" in account.text
        assert b.get("/account").status_code == 303  # without the cookie B sends you to log in

        # a token issued by A is accepted by B; a workout logged on A is read on B
        issued = a.post(
            "/api/v1/auth/token", data={"username": "ann@example.com", "password": PASSWORD}
        )
        assert issued.status_code == 200, issued.text
        bearer = {"Authorization": f"Bearer {issued.json()['access_token']}"}
        logged = a.post("/api/v1/workouts", json=WORKOUT, headers=bearer)
        assert logged.status_code == 201, logged.text
        read = b.get(f"/api/v1/workouts/{logged.json()['id']}", headers=bearer)
        assert read.status_code == 200
        assert read.json() == logged.json()
        listed = b.get("/api/v1/workouts", headers=bearer).json()
        assert [w["name"] for w in listed["data"]] == ["Legs on A"]

        # an import (the CLI, on the shared database) reaches B within the refresh interval
        before = _exercise_count(b)
        report = tmp_path / "report.json"
        imported = subprocess.run(
            [
                REPFORGE,
                "catalog",
                "import",
                "--format",
                "free-exercise-db",
                str(FREE),
                "--report",
                str(report),
            ],
            env=environment,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert imported.returncode == 0, imported.stdout + imported.stderr
        added = json.loads(report.read_text())["imported"]
        assert added > 0
        done = time.monotonic()
        while _exercise_count(b) != before + added:
            # one refresh interval, plus time for a busy machine to run the check
            assert time.monotonic() - done < REFRESH_S + 5, "B never saw the import"
            time.sleep(0.1)
        assert _exercise_count(a) == before + added

        # failed logins through both instances add up to one limit
        wrong = {"username": "bob@example.com", "password": "not the password"}
        statuses = [
            (a if i % 2 == 0 else b).post("/api/v1/auth/token", data=wrong).status_code
            for i in range(ACCOUNT_LIMIT)
        ]
        assert statuses == [401] * ACCOUNT_LIMIT  # A, B, A, B: each saw only half
        for client in (a, b):
            limited = client.post("/api/v1/auth/token", data=wrong)
            assert limited.status_code == 429
            assert int(limited.headers["Retry-After"]) > 0
    # and the attempts were counted where the settings say: Redis if set, else the database
    key = "login:account:bob@example.com"
    engine = db.make_engine(environment["REPFORGE_DATABASE_URL"])
    with engine.connect() as connection:
        in_database = connection.execute(
            text("SELECT count FROM rate_counters WHERE key = :key"), {"key": key}
        ).scalar()
    engine.dispose()
    if "REPFORGE_REDIS_URL" not in environment:
        assert in_database == ACCOUNT_LIMIT
        return
    assert in_database is None
    from redis import Redis

    with Redis.from_url(REDIS_URL) as client:
        assert (
            client.get(f"{environment['REPFORGE_REDIS_PREFIX']}rate:{key}") == b"%d" % ACCOUNT_LIMIT
        )
