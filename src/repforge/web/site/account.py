"""Sign up, log in and out, reset a password, and the account page (tokens, units, deletion)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Request, Response

from repforge.accounts.model import AccountExistsError, Preferences, RateLimitedError, Scope
from repforge.accounts.passwords import MIN_LENGTH, verify_password
from repforge.errors import InvalidInputError
from repforge.web.auth import (
    SESSION_COOKIE,
    SiteUser,
    accounts,
    check_csrf,
    clear_session_cookie,
    client_address,
    mailer,
    set_session_cookie,
)
from repforge.web.caching import state_of
from repforge.web.site.log_forms import LB_IN_KG
from repforge.web.site.private import private_page, redirect, safe_next

router = APIRouter(dependencies=[Depends(check_csrf)], include_in_schema=False)


async def _form(request: Request) -> dict[str, str]:
    form = await request.form()
    return {k: str(v) for k, v in form.items()}


@router.get("/signup")
def signup_page(request: Request, next: str = "/plan") -> Response:
    return private_page(
        request,
        "account/signup.html",
        error=None,
        email="",
        min_length=MIN_LENGTH,
        next=safe_next(next, "/plan"),
    )


@router.post("/signup")
async def signup(request: Request) -> Response:
    form = await _form(request)
    email, next_path = form.get("email", ""), safe_next(form.get("next"), "/plan")
    try:
        with accounts(request) as service:
            user = service.sign_up(email, form.get("password", ""))
            secret = service.start_session(user)
    except (InvalidInputError, AccountExistsError) as exc:
        error = str(exc).split(": ", 1)[-1]
        return private_page(
            request,
            "account/signup.html",
            422,
            error=error,
            email=email,
            min_length=MIN_LENGTH,
            next=next_path,
        )
    response = redirect(next_path)
    set_session_cookie(request, response, secret)
    return response


@router.get("/login")
def login_page(request: Request, next: str = "/today") -> Response:
    return private_page(request, "account/login.html", error=None, email="", next=safe_next(next))


@router.post("/login")
async def login(request: Request) -> Response:
    form = await _form(request)
    email, next_path = form.get("email", ""), safe_next(form.get("next"))
    try:
        with accounts(request) as service:
            user = service.authenticate(email, form.get("password", ""), client_address(request))
            secret = service.start_session(user) if user is not None else None
    except RateLimitedError as exc:
        response = private_page(
            request, "account/login.html", 429, error=str(exc), email=email, next=next_path
        )
        response.headers["Retry-After"] = str(exc.retry_after)
        return response
    if secret is None:
        error = "The email or password is not right."
        return private_page(
            request, "account/login.html", 401, error=error, email=email, next=next_path
        )
    done = redirect(next_path)
    set_session_cookie(request, done, secret)
    return done


@router.post("/logout")
def logout(request: Request) -> Response:
    secret = request.cookies.get(SESSION_COOKIE, "")
    if secret:
        with accounts(request) as service:
            service.end_session(secret)
    response = redirect("/")
    clear_session_cookie(response)
    return response


@router.get("/reset")
def reset_page(request: Request) -> Response:
    return private_page(request, "account/reset.html", sent=False)


@router.post("/reset")
async def reset_request(request: Request) -> Response:
    form = await _form(request)
    base = state_of(request).settings.base_url.rstrip("/")
    with accounts(request) as service:
        service.request_reset(
            form.get("email", ""), mailer(request), lambda t: f"{base}/reset/confirm?token={t}"
        )
    # the same answer whether or not the account exists, so the form reveals no emails
    return private_page(request, "account/reset.html", sent=True)


@router.get("/reset/confirm")
def reset_confirm_page(request: Request, token: str = "") -> Response:
    return private_page(
        request, "account/reset_confirm.html", token=token, error=None, min_length=MIN_LENGTH
    )


@router.post("/reset/confirm")
async def reset_confirm(request: Request) -> Response:
    form = await _form(request)
    token = form.get("token", "")
    try:
        with accounts(request) as service:
            user = service.reset_password(token, form.get("password", ""))
            secret = service.start_session(user)
    except InvalidInputError as exc:
        error = str(exc).split(": ", 1)[-1]
        return private_page(
            request,
            "account/reset_confirm.html",
            422,
            token=token,
            error=error,
            min_length=MIN_LENGTH,
        )
    response = redirect("/account?reset=1")
    set_session_cookie(request, response, secret)
    return response


def _account_context(request: Request, user_id: int) -> dict[str, Any]:
    with accounts(request) as service:
        return {
            "tokens": service.store.tokens(user_id),
            "preferences": service.store.preferences(user_id),
        }


@router.get("/account")
def account_page(request: Request, user: SiteUser, reset: str = "") -> Response:
    context = _account_context(request, user.id)
    return private_page(
        request, "account/account.html", new_token=None, reset=bool(reset), error=None, **context
    )


@router.post("/account/preferences")
async def save_preferences(request: Request, user: SiteUser) -> Response:
    form = await _form(request)
    units: Literal["kg", "lb"] = "lb" if form.get("units") == "lb" else "kg"
    factor = LB_IN_KG if units == "lb" else 1.0
    try:
        plate = float(form.get("plate_increment") or 0) * factor
        dumbbell = float(form.get("dumbbell_increment") or 0) * factor
    except ValueError:
        raise InvalidInputError("increments", "enter the steps as numbers, e.g. 2.5") from None
    if not (0 < plate <= 50 and 0 < dumbbell <= 50):
        raise InvalidInputError("increments", "enter steps above 0 and up to 50")
    with accounts(request) as service:
        service.store.set_preferences(user.id, Preferences(units, plate, dumbbell))
    return redirect("/account")


@router.post("/account/tokens")
async def create_token(request: Request, user: SiteUser) -> Response:
    form = await _form(request)
    scope: Scope = "read" if form.get("scope") == "read" else "read-write"
    with accounts(request) as service:
        issued = service.issue_token(user, form.get("name", "") or "My token", scope)
    context = _account_context(request, user.id)
    # the secret is shown on this response only; it is stored as a hash
    return private_page(
        request, "account/account.html", new_token=issued, reset=False, error=None, **context
    )


@router.post("/account/tokens/{token_id}/revoke")
def revoke_token(
    request: Request, user: SiteUser, token_id: Annotated[int, Path(ge=1, le=2**31 - 1)]
) -> Response:
    with accounts(request) as service:
        service.revoke_token(user, token_id)
    return redirect("/account")


@router.post("/account/delete")
async def delete_account(request: Request, user: SiteUser) -> Response:
    form = await _form(request)
    with accounts(request) as service:
        found = service.store.credentials(user.email)
        if found is None or not verify_password(found.password_hash, form.get("password", "")):
            context = _account_context(request, user.id)
            error = "That password is not right, so the account was kept."
            return private_page(
                request,
                "account/account.html",
                403,
                new_token=None,
                reset=False,
                error=error,
                **context,
            )
        service.delete_account(user)
    response = redirect("/?deleted=1")
    clear_session_cookie(response)
    return response
