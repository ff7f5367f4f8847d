"""Account records as plain data, and the errors account services raise."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from repforge.errors import RepforgeError

Scope = Literal["read", "read-write"]
SCOPES: tuple[Scope, ...] = ("read", "read-write")
TokenKind = Literal["personal", "access"]


@dataclass(frozen=True, slots=True)
class User:
    """A person with an account; the password hash never leaves the store and the service."""

    id: int
    email: str
    created_at: datetime
    disabled: bool = False


@dataclass(frozen=True, slots=True)
class Credentials:
    """A user with their password hash, only for checking a password."""

    user: User
    password_hash: str


@dataclass(frozen=True, slots=True)
class TokenInfo:
    """A personal access token or OAuth2 access token as listed (never its secret)."""

    id: int
    user_id: int
    name: str
    scope: Scope
    kind: TokenKind
    created_at: datetime
    expires_at: datetime | None = None
    revoked: bool = False


@dataclass(frozen=True, slots=True)
class IssuedToken:
    """A token just created: the secret is shown once and only its hash is kept."""

    secret: str
    info: TokenInfo


@dataclass(frozen=True, slots=True)
class Preferences:
    """How a user wants loads shown and rounded; stored in kilograms."""

    units: Literal["kg", "lb"] = "kg"
    plate_increment_kg: float = 2.5
    dumbbell_increment_kg: float = 2.0


class AuthenticationError(RepforgeError):
    """The credentials, session or token do not identify an active user."""


class PermissionDeniedError(RepforgeError):
    """The token is valid but its scope does not allow this."""


class RateLimitedError(RepforgeError):
    """Too many attempts; try again after `retry_after` seconds."""

    def __init__(self, retry_after: int) -> None:
        self.retry_after = retry_after
        super().__init__(f"Too many attempts. Try again in {retry_after} seconds.")


class AccountExistsError(RepforgeError):
    """An account with this email already exists."""
