"""A small in-process cache of Bearer tokens already checked, so an API call skips the lookup."""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from datetime import datetime

from repforge.accounts.model import TokenInfo, User

TTL_S = 5.0  # how late a revocation made by another instance (or the CLI) can take effect here
MAX_TOKENS = 4096

Found = tuple[User, TokenInfo]


class TokenCache:
    """Token digest -> (user, token) for `ttl_s` seconds, at most `max_tokens` entries.

    A revocation in this process forgets the token at once, and for `ttl_s` seconds refuses to
    cache it again: a lookup that read the row before the revocation committed cannot put it
    back. Other processes only learn of it from the database, when the entry ages out.
    """

    def __init__(
        self,
        ttl_s: float = TTL_S,
        max_tokens: int = MAX_TOKENS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.ttl_s = ttl_s
        self.max_tokens = max_tokens
        self.clock = clock
        self._items: OrderedDict[str, tuple[float, Found]] = OrderedDict()
        self._barred_tokens: dict[int, float] = {}
        self._barred_users: dict[int, float] = {}
        self._lock = threading.Lock()

    def get(self, key_digest: str, now: datetime) -> Found | None:
        """The cached user and token, unless absent, stale or expired by `now`."""
        item = self._items.get(key_digest)
        if item is None:
            return None
        if item[0] <= self.clock() or _expired(item[1][1], now):
            with self._lock:
                self._items.pop(key_digest, None)
            return None
        return item[1]

    def put(self, key_digest: str, found: Found) -> None:
        user, info = found
        now = self.clock()
        with self._lock:
            if self._barred(self._barred_tokens, info.id, now) or self._barred(
                self._barred_users, user.id, now
            ):
                return
            self._items[key_digest] = (now + self.ttl_s, found)
            self._items.move_to_end(key_digest)
            while len(self._items) > self.max_tokens:
                self._items.popitem(last=False)

    def forget_token(self, token_id: int) -> None:
        """Drop a revoked token and keep it out for the TTL."""
        with self._lock:
            self._bar(self._barred_tokens, token_id)
            self._drop(lambda found: found[1].id == token_id)

    def forget_user(self, user_id: int) -> None:
        """Drop every token of a disabled or deleted user and keep them out for the TTL."""
        with self._lock:
            self._bar(self._barred_users, user_id)
            self._drop(lambda found: found[0].id == user_id)

    def _bar(self, bars: dict[int, float], key: int) -> None:
        now = self.clock()
        for old in [k for k, until in bars.items() if until <= now]:
            del bars[old]  # bars last one TTL, so there are never more than a TTL's revocations
        bars[key] = now + self.ttl_s

    def _drop(self, matches: Callable[[Found], bool]) -> None:
        for key in [k for k, (_, found) in self._items.items() if matches(found)]:
            del self._items[key]

    @staticmethod
    def _barred(bars: dict[int, float], key: int, now: float) -> bool:
        until = bars.get(key)
        if until is None:
            return False
        if until <= now:
            del bars[key]
            return False
        return True


def _expired(info: TokenInfo, now: datetime) -> bool:
    return info.expires_at is not None and info.expires_at <= now
