"""The token cache: answers from memory for a TTL, forgets revoked tokens and users at once."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from repforge.accounts.model import TokenInfo, User
from repforge.accounts.token_cache import TokenCache

NOW = datetime(2026, 12, 4, 12, 0, tzinfo=UTC)


class Ticks:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def _found(
    token_id: int, user_id: int = 1, expires: datetime | None = None
) -> tuple[User, TokenInfo]:
    user = User(id=user_id, email=f"u{user_id}@example.com", created_at=NOW)
    info = TokenInfo(token_id, user_id, "t", "read-write", "personal", NOW, expires)
    return user, info


def test_an_entry_lives_for_the_ttl_only() -> None:
    ticks = Ticks()
    cache = TokenCache(ttl_s=5, clock=ticks)
    cache.put("d1", _found(1))
    assert cache.get("d1", NOW) == _found(1)
    ticks.now += 5
    assert cache.get("d1", NOW) is None


def test_an_expired_access_token_is_not_answered_from_the_cache() -> None:
    cache = TokenCache()
    cache.put("d1", _found(1, expires=NOW + timedelta(minutes=1)))
    assert cache.get("d1", NOW) is not None
    assert cache.get("d1", NOW + timedelta(minutes=1)) is None


def test_a_revoked_token_is_dropped_and_cannot_come_back_within_the_ttl() -> None:
    ticks = Ticks()
    cache = TokenCache(ttl_s=5, clock=ticks)
    cache.put("d1", _found(1))
    cache.put("d2", _found(2))
    cache.forget_token(1)
    assert cache.get("d1", NOW) is None
    assert cache.get("d2", NOW) is not None
    cache.put("d1", _found(1))  # a lookup that read the row before the revocation committed
    assert cache.get("d1", NOW) is None
    ticks.now += 5
    cache.put("d1", _found(1))
    assert cache.get("d1", NOW) is not None


def test_a_disabled_user_loses_every_cached_token() -> None:
    cache = TokenCache()
    cache.put("a", _found(1, user_id=7))
    cache.put("b", _found(2, user_id=7))
    cache.put("c", _found(3, user_id=8))
    cache.forget_user(7)
    assert [cache.get(k, NOW) is None for k in "abc"] == [True, True, False]
    cache.put("a", _found(1, user_id=7))
    assert cache.get("a", NOW) is None


def test_the_cache_is_bounded() -> None:
    cache = TokenCache(max_tokens=2)
    for n in range(3):
        cache.put(f"d{n}", _found(n))
    assert [cache.get(f"d{n}", NOW) is None for n in range(3)] == [True, False, False]
