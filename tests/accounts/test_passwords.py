"""argon2id hashing, and an unknown email costing the same argon2 run as a known one."""

from __future__ import annotations

import pytest

from repforge.accounts import passwords
from repforge.errors import InvalidInputError


def test_hashes_are_argon2id_and_verify() -> None:
    hashed = passwords.hash_password("correct horse battery")
    assert hashed.startswith("$argon2id$")
    assert passwords.verify_password(hashed, "correct horse battery")
    assert not passwords.verify_password(hashed, "correct horse batterY")
    assert not passwords.verify_password("not a hash", "anything")


def test_no_hash_still_runs_one_verification(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real, dummy = passwords._hasher(), passwords._dummy_hash()

    class Spy:
        def verify(self, hashed: str, password: str) -> bool:
            calls.append(hashed)
            return real.verify(hashed, password)

    monkeypatch.setattr(passwords, "_hasher", lambda: Spy())
    assert not passwords.verify_password(None, "not a password anyone has")
    assert calls == [dummy]


@pytest.mark.parametrize(("password", "rule"), [("short", "at least"), ("x" * 2000, "at most")])
def test_new_passwords_are_checked(password: str, rule: str) -> None:
    with pytest.raises(InvalidInputError, match=rule):
        passwords.check_new_password(password)
