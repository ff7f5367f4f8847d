"""Login rate counters on both backends (database, Redis): one behaviour, shared by instances."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from repforge.accounts.model import RateLimitedError
from repforge.accounts.ports import RateCounters
from repforge.accounts.service import Accounts, Policy
from repforge.config import Settings
from repforge.store import db
from repforge.store.accounts import SqlAccountStore
from repforge.store.redis_counters import RedisRateCounters, shared_counters
from repforge.web.app import create_app
from tests.factories import make_catalog, make_exercise
from tests.redis_support import REDIS_URL, needs_redis, redis_prefix

__all__ = ["redis_prefix"]  # the fixture, imported for the tests below

PASSWORD = "a long enough password"
NOW = datetime(2026, 12, 4, 12, 0, tzinfo=UTC)


@pytest.fixture
def session(database_url: str) -> Iterator[Session]:
    engine = db.make_engine(database_url)
    db.upgrade(engine)
    with db.session_factory(engine)() as session:
        yield session
    engine.dispose()


@pytest.fixture(params=["database", pytest.param("redis", marks=needs_redis)])
def counters(request: pytest.FixtureRequest, session: Session) -> Iterator[RateCounters]:
    """The database's counters (SQLite, then PostgreSQL when configured), then Redis's."""
    if request.param == "database":
        yield SqlAccountStore(session)
        return
    prefix: str = request.getfixturevalue("redis_prefix")
    found = shared_counters(Settings(redis_url=REDIS_URL, redis_prefix=prefix))
    assert found is not None
    yield found
    found.close()


def test_hits_count_up_within_the_window_and_clear_forgets(counters: RateCounters) -> None:
    assert counters.count("login:account:ann", NOW) is None
    first, resets = counters.hit("login:account:ann", NOW, 60)
    second, same = counters.hit("login:account:ann", NOW, 60)
    assert (first, second) == (1, 2)
    assert 59 <= (resets - NOW).total_seconds() <= 60
    assert abs((same - resets).total_seconds()) <= 1  # the window does not slide
    assert counters.count("login:account:ann", NOW) is not None
    assert counters.count("login:account:bob", NOW) is None  # keys are separate
    counters.clear("login:account:ann")
    assert counters.count("login:account:ann", NOW) is None
    assert counters.hit("login:account:ann", NOW, 60)[0] == 1


@needs_redis
def test_a_redis_window_ends_by_itself(redis_prefix: str) -> None:
    counters = shared_counters(Settings(redis_url=REDIS_URL, redis_prefix=redis_prefix))
    assert isinstance(counters, RedisRateCounters)
    counters.hit("k", NOW, 1)
    counters.hit("k", NOW, 1)
    time.sleep(1.2)
    assert counters.count("k", NOW) is None
    assert counters.hit("k", NOW, 1)[0] == 1
    counters.close()


def test_the_service_limits_logins_the_same_on_either_backend(
    session: Session, counters: RateCounters
) -> None:
    policy = Policy(attempts_per_account=2, attempts_per_address=50, attempt_window_s=60)
    accounts = Accounts(SqlAccountStore(session), policy, counters=counters)
    accounts.sign_up("ann@example.com", PASSWORD)
    assert accounts.authenticate("ann@example.com", "wrong one!", "10.0.0.1") is None
    assert accounts.authenticate("ann@example.com", "wrong one!", "10.0.0.2") is None
    with pytest.raises(RateLimitedError) as limited:
        accounts.authenticate("ann@example.com", PASSWORD, "10.0.0.3")
    assert 0 < limited.value.retry_after <= 60
    counters.clear("login:account:ann@example.com")
    assert accounts.authenticate("ann@example.com", PASSWORD, "10.0.0.3") is not None


@needs_redis
def test_redis_counters_leave_the_database_table_empty(session: Session, redis_prefix: str) -> None:
    redis = shared_counters(Settings(redis_url=REDIS_URL, redis_prefix=redis_prefix))
    assert redis is not None
    accounts = Accounts(SqlAccountStore(session), Policy(), counters=redis)
    assert accounts.authenticate("ann@example.com", "wrong one!", "10.0.0.1") is None
    assert SqlAccountStore(session).count("login:account:ann@example.com", NOW) is None
    found = redis.count("login:account:ann@example.com", NOW)
    assert found is not None
    assert found[0] == 1
    redis.close()


@pytest.mark.parametrize("backend", ["database", pytest.param("redis", marks=needs_redis)])
def test_two_app_instances_share_one_login_limit(
    backend: str, database_url: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    """Two apps on one database (and one Redis): attempts through both add up."""
    redis = (
        {"redis_url": REDIS_URL, "redis_prefix": request.getfixturevalue("redis_prefix")}
        if backend == "redis"
        else {}
    )
    settings = Settings(
        environment="test",
        data_dir=tmp_path,
        database_url=database_url,
        login_attempts_per_account=3,
        login_attempts_per_address=100,
        **redis,  # type: ignore[arg-type]
    )
    catalog = make_catalog(make_exercise(slug="test-squat"))
    first, second = create_app(settings, catalog), create_app(settings, catalog)
    assert (first.state.repforge.counters is None) == (backend == "database")
    with TestClient(first) as a, TestClient(second) as b:
        wrong = {"username": "ann@example.com", "password": "not the password"}
        statuses = [
            client.post("/api/v1/auth/token", data=wrong).status_code for client in (a, b, a)
        ]
        assert statuses == [401, 401, 401]
        assert b.post("/api/v1/auth/token", data=wrong).status_code == 429
        assert a.post("/api/v1/auth/token", data=wrong).status_code == 429
    for app in (first, second):
        app.state.repforge.engine.dispose()
