"""Account services: sign-up, log-in with rate limits, sessions, tokens, resets, deletion."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from repforge.accounts import passwords
from repforge.accounts.keys import digest, new_secret
from repforge.accounts.mail import Mailer
from repforge.accounts.model import (
    SCOPES,
    AccountExistsError,
    AuthenticationError,
    IssuedToken,
    RateLimitedError,
    Scope,
    TokenInfo,
    TokenKind,
    User,
)
from repforge.accounts.ports import AccountStore, RateCounters
from repforge.accounts.token_cache import TokenCache
from repforge.errors import InvalidInputError, NotFoundError

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
SESSION_PREFIX, PAT_PREFIX, ACCESS_PREFIX, RESET_PREFIX = "rf_s_", "rf_pat_", "rf_at_", "rf_r_"


@dataclass(frozen=True)
class Policy:
    """Lifetimes and limits; the web layer builds it from settings."""

    session_days: int = 30
    access_token_minutes: int = 60
    reset_minutes: int = 30
    attempts_per_account: int = 10
    attempts_per_address: int = 50
    attempt_window_s: int = 900


def normalize_email(email: str) -> str:
    """The stored form of an email; refuses what cannot be an address."""
    cleaned = email.strip().lower()
    if len(cleaned) > 254 or not EMAIL.match(cleaned):
        raise InvalidInputError("email", "enter an email address like name@example.com")
    return cleaned


def _now() -> datetime:
    return datetime.now(UTC)


def cached_token_user(
    tokens: TokenCache, secret: str, now: datetime
) -> tuple[User, TokenInfo] | None:
    """What `Accounts.token_user` would answer, from the cache alone; None means ask the store."""
    if not secret.startswith((PAT_PREFIX, ACCESS_PREFIX)):
        return None
    return tokens.get(digest(secret), now)


class Accounts:
    """Account operations over one store (one transaction).

    Login attempts are counted in `counters` (Redis, say) when given, else in the store's own
    counters (the database, in the same transaction). Tokens checked are kept in `tokens`
    when given (shared by the requests of one process); revoking or disabling clears them.
    """

    def __init__(
        self,
        store: AccountStore,
        policy: Policy | None = None,
        clock: Callable[[], datetime] = _now,
        counters: RateCounters | None = None,
        tokens: TokenCache | None = None,
    ) -> None:
        self.store = store
        self.tokens = tokens
        self.policy = policy or Policy()
        self.clock = clock
        self.counters: RateCounters = counters if counters is not None else store

    def sign_up(self, email: str, password: str) -> User:
        address = normalize_email(email)
        passwords.check_new_password(password)
        if self.store.credentials(address) is not None:
            raise AccountExistsError("An account with this email already exists. Log in instead.")
        return self.store.add_user(address, passwords.hash_password(password), self.clock())

    def check_rate(self, email: str, client: str) -> None:
        """Raise RateLimitedError if this account or this client address tried too often."""
        now = self.clock()
        for key, limit in self._limits(email, client):
            found = self.counters.count(key, now)
            if found is not None and found[0] >= limit:
                raise RateLimitedError(max(1, math.ceil((found[1] - now).total_seconds())))

    def authenticate(self, email: str, password: str, client: str) -> User | None:
        """The user these credentials identify, or None (the failure is counted).

        The caller commits before raising on None, so the failed attempt is remembered.
        """
        self.check_rate(email, client)
        try:
            address = normalize_email(email)
        except InvalidInputError:
            address = ""
        found = self.store.credentials(address) if address else None
        # an unknown email is checked against a dummy hash: both paths cost one argon2 run
        ok = passwords.verify_password(found.password_hash if found else None, password)
        if found is None or not ok or found.user.disabled:
            now = self.clock()
            for key, _ in self._limits(email, client):
                self.counters.hit(key, now, self.policy.attempt_window_s)
            return None
        if passwords.needs_rehash(found.password_hash):
            self.store.set_password(found.user.id, passwords.hash_password(password))
        self.counters.clear(self._account_key(email))
        return found.user

    def _account_key(self, email: str) -> str:
        return f"login:account:{email.strip().lower()[:254]}"

    def _limits(self, email: str, client: str) -> list[tuple[str, int]]:
        return [
            (self._account_key(email), self.policy.attempts_per_account),
            (f"login:address:{client[:64]}", self.policy.attempts_per_address),
        ]

    def start_session(self, user: User) -> str:
        """A new session for `user`; returns the secret for the cookie."""
        secret = new_secret(SESSION_PREFIX)
        now = self.clock()
        self.store.add_session(
            digest(secret), user.id, now, now + timedelta(days=self.policy.session_days)
        )
        return secret

    def session_user(self, secret: str) -> User | None:
        if not secret.startswith(SESSION_PREFIX):
            return None
        return self.store.session_user(digest(secret), self.clock())

    def end_session(self, secret: str) -> None:
        self.store.delete_session(digest(secret))

    def issue_token(
        self, user: User, name: str, scope: Scope, *, personal: bool = True
    ) -> IssuedToken:
        """A personal access token (no expiry) or a short-lived OAuth2 access token."""
        if scope not in SCOPES:
            raise InvalidInputError("scope", "choose read or read-write", list(SCOPES))
        now = self.clock()
        secret = new_secret(PAT_PREFIX if personal else ACCESS_PREFIX)
        expires = None if personal else now + timedelta(minutes=self.policy.access_token_minutes)
        kind: TokenKind = "personal" if personal else "access"
        info = self.store.add_token(
            digest(secret), user.id, name.strip()[:100], scope, kind, now, expires
        )
        return IssuedToken(secret, info)

    def token_user(self, secret: str) -> tuple[User, TokenInfo]:
        """The user and token a Bearer secret stands for; AuthenticationError otherwise."""
        if secret.startswith((PAT_PREFIX, ACCESS_PREFIX)):
            now = self.clock()
            found = cached_token_user(self.tokens, secret, now) if self.tokens else None
            if found is None:
                found = self.store.token(digest(secret), now)
                if found is not None and not found[0].disabled and self.tokens is not None:
                    self.tokens.put(digest(secret), found)
            if found is not None and not found[0].disabled:
                return found
        raise AuthenticationError("The token is not valid. It may have expired or been revoked.")

    def revoke_token(self, user: User, token_id: int) -> None:
        if self.tokens is not None:
            self.tokens.forget_token(token_id)
        if not self.store.revoke_token(user.id, token_id, self.clock()):
            raise NotFoundError("token", str(token_id))

    def request_reset(self, email: str, mailer: Mailer, link: Callable[[str], str]) -> None:
        """Mail a one-time reset link if the account exists; say nothing either way."""
        try:
            address = normalize_email(email)
        except InvalidInputError:
            return
        found = self.store.credentials(address)
        if found is None or found.user.disabled:
            return
        secret = new_secret(RESET_PREFIX)
        expires = self.clock() + timedelta(minutes=self.policy.reset_minutes)
        self.store.add_reset(digest(secret), found.user.id, expires)
        mailer.send(
            address,
            "Reset your password",
            "Someone asked to reset the password of your account. If it was you, open this "
            f"link within {self.policy.reset_minutes} minutes:\n\n{link(secret)}\n\n"
            "If it was not you, ignore this message; your password stays the same.",
        )

    def reset_password(self, secret: str, password: str) -> User:
        """Set a new password with a reset token (usable once) and end every session."""
        passwords.check_new_password(password)
        user_id = self.store.use_reset(digest(secret), self.clock())
        user = self.store.user(user_id) if user_id is not None else None
        if user is None:
            raise AuthenticationError(
                "This reset link is not valid. It may have expired or been used."
            )
        self.store.set_password(user.id, passwords.hash_password(password))
        self.store.delete_sessions(user.id)
        self.counters.clear(self._account_key(user.email))
        return user

    def delete_account(self, user: User) -> None:
        """Remove the user and every row they own."""
        self.counters.clear(self._account_key(user.email))
        if self.tokens is not None:
            self.tokens.forget_user(user.id)
        self.store.delete_user(user.id)

    def set_disabled(self, email: str, disabled: bool) -> User:
        found = self.store.credentials(normalize_email(email))
        if found is None:
            raise NotFoundError("account", email)
        self.store.set_disabled(found.user.id, disabled)
        if disabled and self.tokens is not None:
            self.tokens.forget_user(found.user.id)
        if disabled:
            self.store.delete_sessions(found.user.id)
        return found.user
