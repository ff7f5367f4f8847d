"""Redis for tests: 127.0.0.1:6379 (or REPFORGE_TEST_REDIS_URL), skipped when nothing answers.

Every test gets its own key prefix and has its keys deleted afterwards, so tests never meet.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest

REDIS_URL = os.environ.get("REPFORGE_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


def redis_reachable() -> bool:
    try:
        from redis import Redis
        from redis.exceptions import RedisError
    except ImportError:
        return False
    client = Redis.from_url(REDIS_URL, socket_connect_timeout=0.5, socket_timeout=0.5)
    try:
        return bool(client.ping())
    except RedisError:
        return False
    finally:
        client.close()


needs_redis = pytest.mark.skipif(not redis_reachable(), reason=f"no Redis at {REDIS_URL}")


@pytest.fixture
def redis_prefix() -> Iterator[str]:
    """A key prefix no other test uses; its keys are deleted after the test."""
    from redis import Redis

    prefix = f"repforge-test:{uuid.uuid4().hex[:12]}:"
    yield prefix
    client = Redis.from_url(REDIS_URL)
    try:
        keys = list(client.scan_iter(match=f"{prefix}*"))
        if keys:
            client.delete(*keys)
    finally:
        client.close()
