"""Random secrets for sessions and tokens, and the one-way hash they are stored under."""

from __future__ import annotations

import hashlib
import secrets


def new_secret(prefix: str) -> str:
    """A 256-bit URL-safe secret with a prefix that says what it is (e.g. rf_pat_)."""
    return prefix + secrets.token_urlsafe(32)


def digest(secret: str) -> str:
    """The stored form of a secret: high-entropy values need no slow hash, only a one-way one."""
    return hashlib.sha256(secret.encode()).hexdigest()
