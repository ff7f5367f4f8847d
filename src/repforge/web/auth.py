"""Who is asking: Bearer tokens for the API, session cookies and CSRF for the site."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Annotated
from urllib.parse import quote

from fastapi import Depends, Request, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer, OAuth2PasswordBearer
from starlette.concurrency import run_in_threadpool

from repforge.accounts.mail import ConsoleMailer, Mailer, SmtpMailer
from repforge.accounts.model import (
    AuthenticationError,
    PermissionDeniedError,
    Scope,
    TokenInfo,
    User,
)
from repforge.accounts.service import Accounts, Policy, cached_token_user
from repforge.config import Settings
from repforge.store.accounts import SqlAccountStore
from repforge.store.db import transaction
from repforge.web.caching import state_of

SESSION_COOKIE = "repforge_session"
CSRF_COOKIE = "repforge_csrf"
CSRF_FIELD = "csrf_token"

oauth2 = OAuth2PasswordBearer(
    tokenUrl="/api/v1/auth/token",
    auto_error=False,
    scheme_name="OAuth2Password",
    description="Log in with email and password at /api/v1/auth/token for an hour-long token.",
)
personal_token = HTTPBearer(
    auto_error=False,
    scheme_name="PersonalAccessToken",
    description="A personal access token made on the account page (read or read-write).",
)


def policy(settings: Settings) -> Policy:
    return Policy(
        session_days=settings.session_days,
        attempts_per_account=settings.login_attempts_per_account,
        attempts_per_address=settings.login_attempts_per_address,
        attempt_window_s=settings.login_window_s,
    )


@contextmanager
def accounts(request: Request) -> Iterator[Accounts]:
    """Account services in one database transaction."""
    state = state_of(request)
    with transaction(state.sessions) as session:
        yield Accounts(
            SqlAccountStore(session),
            policy(state.settings),
            counters=state.counters,
            tokens=state.tokens,
        )


def mailer(request: Request) -> Mailer:
    """The configured mail backend (tests put their own on app.state.mailer)."""
    configured: Mailer | None = getattr(request.app.state, "mailer", None)
    if configured is not None:
        return configured
    settings = state_of(request).settings
    if settings.mail_backend == "smtp":
        return SmtpMailer(
            settings.smtp_host,
            settings.smtp_port,
            settings.mail_from,
            settings.smtp_username,
            settings.smtp_password,
            settings.smtp_starttls,
        )
    return ConsoleMailer()


def client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


# -- API: Bearer tokens (OAuth2 access tokens and personal access tokens)


@dataclass(frozen=True)
class Principal:
    """The user behind an API request and what their token allows."""

    user: User
    scope: Scope


async def api_principal(
    request: Request,
    token: Annotated[str | None, Depends(oauth2)],
    _personal: Annotated[HTTPAuthorizationCredentials | None, Depends(personal_token)],
) -> Principal:
    """The token's user; 401 without a valid token (both schemes read the same header)."""
    if not token:
        raise AuthenticationError("Send a token: Authorization: Bearer <token>.")
    # a token checked in the last seconds is answered on the event loop; else the database
    found = cached_token_user(state_of(request).tokens, token, datetime.now(UTC))
    if found is None:
        found = await run_in_threadpool(_token_user, request, token)
    return Principal(found[0], found[1].scope)


def _token_user(request: Request, token: str) -> tuple[User, TokenInfo]:
    with accounts(request) as service:
        return service.token_user(token)


async def api_writer(principal: Annotated[Principal, Depends(api_principal)]) -> Principal:
    """The principal, if its token may change data."""
    if principal.scope != "read-write":
        raise PermissionDeniedError("This token can only read. Make a read-write token to write.")
    return principal


Reader = Annotated[Principal, Depends(api_principal)]
Writer = Annotated[Principal, Depends(api_writer)]


# -- Site: session cookies and CSRF


class LoginRequiredError(Exception):
    """A site page needs a logged-in user; the handler sends them to the login page."""

    def __init__(self, next_path: str) -> None:
        self.next_path = next_path


def login_url(next_path: str) -> str:
    return f"/login?next={quote(next_path, safe='/')}"  # the query is kept, percent-encoded


def site_user(request: Request) -> User | None:
    """The logged-in user of this browser, if any (cached on the request)."""
    if hasattr(request.state, "user"):
        cached: User | None = request.state.user
        return cached
    secret = request.cookies.get(SESSION_COOKIE, "")
    user = None
    if secret:
        with accounts(request) as service:
            user = service.session_user(secret)
    request.state.user = user
    return user


def require_site_user(request: Request) -> User:
    user = site_user(request)
    if user is None:
        query = request.url.query if request.method == "GET" else ""
        raise LoginRequiredError(f"{request.url.path}?{query}" if query else request.url.path)
    return user


SiteUser = Annotated[User, Depends(require_site_user)]


def set_session_cookie(request: Request, response: Response, secret: str) -> None:
    settings = state_of(request).settings
    response.set_cookie(
        SESSION_COOKIE,
        secret,
        max_age=settings.session_days * 86400,
        httponly=True,
        samesite="lax",
        secure=settings.environment == "production",
        path="/",
    )


def clear_session_cookie(response: Response) -> None:
    response.delete_cookie(SESSION_COOKIE, path="/")


def _sign(request: Request, nonce: str) -> str:
    key = state_of(request).settings.secret_key.encode()
    return hmac.new(key, f"csrf:{nonce}".encode(), hashlib.sha256).hexdigest()[:32]


def csrf_token(request: Request) -> str:
    """This browser's CSRF token (signed double-submit), made on first use."""
    cookie = request.cookies.get(CSRF_COOKIE, "")
    if _valid_csrf(request, cookie):
        return cookie
    if not hasattr(request.state, "new_csrf"):
        nonce = secrets.token_urlsafe(16)
        request.state.new_csrf = f"{nonce}.{_sign(request, nonce)}"
    token: str = request.state.new_csrf
    return token


def _valid_csrf(request: Request, token: str) -> bool:
    nonce, _, signature = token.partition(".")
    return bool(nonce) and hmac.compare_digest(signature, _sign(request, nonce))


def remember_csrf(request: Request, response: Response) -> None:
    """Set the CSRF cookie if this request made a new token."""
    token = getattr(request.state, "new_csrf", None)
    if token:
        response.set_cookie(
            CSRF_COOKIE,
            token,
            httponly=True,
            samesite="lax",
            secure=state_of(request).settings.environment == "production",
            path="/",
        )


class CsrfError(Exception):
    """A form POST without the token of this browser."""


async def check_csrf(request: Request) -> None:
    """Refuse form posts whose token is missing, forged or not this browser's."""
    if request.method in ("GET", "HEAD", "OPTIONS"):
        return
    form = await request.form()
    sent = str(form.get(CSRF_FIELD, ""))
    cookie = request.cookies.get(CSRF_COOKIE, "")
    if not (cookie and _valid_csrf(request, cookie) and hmac.compare_digest(sent, cookie)):
        await form.close()  # a refused upload's temporary files go now, not at collection
        raise CsrfError
