"""Account services over the SQL store, with a clock the tests move."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy.orm import Session

from repforge.accounts.mail import MemoryMailer
from repforge.accounts.model import AccountExistsError, AuthenticationError, RateLimitedError
from repforge.accounts.service import Accounts, Policy
from repforge.accounts.token_cache import TokenCache
from repforge.errors import InvalidInputError
from repforge.store import db
from repforge.store.accounts import SqlAccountStore

PASSWORD = "a long enough password"


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 12, 4, 12, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def session(database_url: str) -> Iterator[Session]:
    engine = db.make_engine(database_url)
    db.upgrade(engine)
    with db.session_factory(engine)() as session:
        yield session
    engine.dispose()


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def accounts(session: Session, clock: Clock) -> Accounts:
    policy = Policy(attempts_per_account=2, attempts_per_address=3, attempt_window_s=60)
    # with the token cache, so every test below also holds for tokens answered from memory
    return Accounts(SqlAccountStore(session), policy, clock, tokens=TokenCache())


def test_sign_up_normalises_the_email_and_refuses_duplicates(accounts: Accounts) -> None:
    user = accounts.sign_up("  Ann@Example.COM ", PASSWORD)
    assert user.email == "ann@example.com"
    with pytest.raises(AccountExistsError):
        accounts.sign_up("ann@example.com", PASSWORD)
    with pytest.raises(InvalidInputError, match="email"):
        accounts.sign_up("not-an-address", PASSWORD)


def test_authenticate_counts_failures_and_the_window_ends(accounts: Accounts, clock: Clock) -> None:
    accounts.sign_up("ann@example.com", PASSWORD)
    assert accounts.authenticate("ann@example.com", "wrong one!", "10.0.0.1") is None
    assert accounts.authenticate("ann@example.com", "wrong one!", "10.0.0.2") is None
    with pytest.raises(RateLimitedError) as limited:
        accounts.authenticate("ann@example.com", PASSWORD, "10.0.0.3")
    assert 0 < limited.value.retry_after <= 60
    clock.advance(seconds=61)
    user = accounts.authenticate("ANN@example.com", PASSWORD, "10.0.0.3")
    assert user is not None
    assert user.email == "ann@example.com"


def test_a_disabled_user_cannot_log_in_and_loses_sessions_and_tokens(accounts: Accounts) -> None:
    user = accounts.sign_up("ann@example.com", PASSWORD)
    secret = accounts.start_session(user)
    token = accounts.issue_token(user, "t", "read")
    accounts.set_disabled("ann@example.com", True)
    assert accounts.session_user(secret) is None
    with pytest.raises(AuthenticationError):
        accounts.token_user(token.secret)
    assert accounts.authenticate("ann@example.com", PASSWORD, "10.0.0.1") is None


def test_sessions_and_access_tokens_expire(accounts: Accounts, clock: Clock) -> None:
    user = accounts.sign_up("ann@example.com", PASSWORD)
    secret = accounts.start_session(user)
    access = accounts.issue_token(user, "login", "read-write", personal=False)
    personal = accounts.issue_token(user, "script", "read")
    assert accounts.session_user(secret) == user
    clock.advance(minutes=61)
    with pytest.raises(AuthenticationError):
        accounts.token_user(access.secret)
    assert accounts.token_user(personal.secret)[1].scope == "read"
    clock.advance(days=31)
    assert accounts.session_user(secret) is None
    assert accounts.session_user("rf_s_made-up") is None


def test_tokens_are_stored_only_as_hashes(accounts: Accounts, session: Session) -> None:
    user = accounts.sign_up("ann@example.com", PASSWORD)
    issued = accounts.issue_token(user, "script", "read")
    from sqlalchemy import select

    from repforge.store.tables import ApiToken

    stored = session.scalar(select(ApiToken.key_digest))
    assert stored is not None
    assert issued.secret not in stored
    assert len(stored) == 64


def test_revoking_a_token_is_for_its_owner_only(accounts: Accounts) -> None:
    ann = accounts.sign_up("ann@example.com", PASSWORD)
    bob = accounts.sign_up("bob@example.com", PASSWORD)
    issued = accounts.issue_token(ann, "script", "read")
    from repforge.errors import NotFoundError

    with pytest.raises(NotFoundError):
        accounts.revoke_token(bob, issued.info.id)
    accounts.revoke_token(ann, issued.info.id)
    with pytest.raises(AuthenticationError):
        accounts.token_user(issued.secret)


def test_reset_links_expire_and_work_once(accounts: Accounts, clock: Clock) -> None:
    accounts.sign_up("ann@example.com", PASSWORD)
    mailer = MemoryMailer([])
    accounts.request_reset("ann@example.com", mailer, lambda token: token)
    accounts.request_reset("ann@example.com", mailer, lambda token: token)
    accounts.request_reset("nobody@example.com", mailer, lambda token: token)
    assert len(mailer.sent) == 2
    first, second = (body.split("\n\n")[1] for _, _, body in mailer.sent)
    clock.advance(minutes=31)
    with pytest.raises(AuthenticationError):
        accounts.reset_password(first, "a new long password")
    accounts.request_reset("ann@example.com", mailer, lambda token: token)
    fresh = mailer.sent[-1][2].split("\n\n")[1]
    accounts.reset_password(fresh, "a new long password")
    with pytest.raises(AuthenticationError):
        accounts.reset_password(fresh, "another long password")
    assert accounts.authenticate("ann@example.com", "a new long password", "1.1.1.1") is not None
    del second


def test_a_revocation_by_another_instance_shows_once_the_cache_entry_ages_out(
    accounts: Accounts, session: Session, clock: Clock
) -> None:
    ann = accounts.sign_up("ann@example.com", PASSWORD)
    issued = accounts.issue_token(ann, "script", "read-write")
    assert accounts.token_user(issued.secret)[0] == ann  # now cached
    SqlAccountStore(session).revoke_token(ann.id, issued.info.id, clock())  # not through us
    assert accounts.token_user(issued.secret)[0] == ann
    fresh = Accounts(SqlAccountStore(session), clock=clock, tokens=TokenCache())
    with pytest.raises(AuthenticationError):
        fresh.token_user(issued.secret)
