"""The RateCounters port in Redis: one key per counter, expiring when its window ends."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from redis import Redis

    from repforge.config import Settings

SOCKET_TIMEOUT_S = 2.0


class RedisRateCounters:
    """Fixed-window counters shared by every process that uses the same Redis and prefix."""

    def __init__(self, client: Redis, prefix: str = "repforge:") -> None:
        self.client = client
        self.prefix = prefix

    def _name(self, key: str) -> str:
        return f"{self.prefix}rate:{key}"

    def hit(self, key: str, now: datetime, window_s: int) -> tuple[int, datetime]:
        """Count one attempt; the first attempt of a window sets the key's expiry."""
        name = self._name(key)
        pipe = self.client.pipeline(transaction=True)  # MULTI/EXEC: no one sees a half step
        pipe.set(name, 0, ex=window_s, nx=True)  # opens a window only if none is open
        pipe.incr(name)  # keeps the expiry
        pipe.pttl(name)
        replies: list[Any] = pipe.execute()
        return int(replies[1]), now + timedelta(milliseconds=max(int(replies[2]), 0))

    def count(self, key: str, now: datetime) -> tuple[int, datetime] | None:
        name = self._name(key)
        pipe = self.client.pipeline(transaction=True)
        pipe.get(name)
        pipe.pttl(name)
        value, ttl_ms = pipe.execute()
        if value is None or int(ttl_ms) <= 0:
            return None
        return int(value), now + timedelta(milliseconds=int(ttl_ms))

    def clear(self, key: str) -> None:
        self.client.delete(self._name(key))

    def unreachable(self) -> str | None:
        """None when Redis answers a PING; else the error's name, for /readyz."""
        from redis.exceptions import RedisError

        try:
            self.client.ping()
        except RedisError as exc:
            return type(exc).__name__
        return None

    def close(self) -> None:
        self.client.close()


def shared_counters(settings: Settings) -> RedisRateCounters | None:
    """Redis counters when REPFORGE_REDIS_URL is set; None keeps them in the database."""
    if not settings.redis_url:
        return None
    from redis import Redis

    client = Redis.from_url(
        settings.redis_url,
        socket_timeout=SOCKET_TIMEOUT_S,
        socket_connect_timeout=SOCKET_TIMEOUT_S,
        health_check_interval=30,
    )
    return RedisRateCounters(client, settings.redis_prefix)
