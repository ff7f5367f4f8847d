"""Password hashing with argon2id, and the checks a new password must pass."""

from __future__ import annotations

from functools import lru_cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from repforge.errors import InvalidInputError

MIN_LENGTH = 10
MAX_LENGTH = 1024  # argon2 takes any length; this bounds the work one request can ask for


@lru_cache
def _hasher() -> PasswordHasher:
    return PasswordHasher()  # argon2id with the library's (RFC 9106 low-memory) parameters


@lru_cache
def _dummy_hash() -> str:
    return _hasher().hash("not a password anyone has")


def check_new_password(password: str) -> None:
    """Refuse passwords too short or too long, naming the rule."""
    if len(password) < MIN_LENGTH:
        raise InvalidInputError("password", f"use at least {MIN_LENGTH} characters")
    if len(password) > MAX_LENGTH:
        raise InvalidInputError("password", f"use at most {MAX_LENGTH} characters")


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    """True if `password` matches; with no hash, spend the same time on a dummy one."""
    try:
        return _hasher().verify(password_hash or _dummy_hash(), password[:MAX_LENGTH]) and (
            password_hash is not None
        )
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    return _hasher().check_needs_rehash(password_hash)
