"""POST /api/v1/auth/token: email and password for a short-lived Bearer token."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.security import OAuth2PasswordRequestForm

from repforge.accounts.model import AuthenticationError, Scope
from repforge.web.api.log_schemas import TokenOut
from repforge.web.api.schemas import problem_responses
from repforge.web.auth import accounts, client_address
from repforge.web.caching import OrjsonResponse

router = APIRouter(prefix="/api/v1", tags=["account"], default_response_class=OrjsonResponse)


@router.post(
    "/auth/token",
    response_model=TokenOut,
    summary="Log in for a Bearer token",
    responses=problem_responses(400, 401, 422, 429),
)
def token(request: Request, form: Annotated[OAuth2PasswordRequestForm, Depends()]) -> TokenOut:
    """An access token for the account (`username` is the email); scope `read` limits it."""
    with accounts(request) as service:
        user = service.authenticate(form.username, form.password, client_address(request))
        issued = None
        if user is not None:
            scope: Scope = "read" if form.scopes == ["read"] else "read-write"
            issued = service.issue_token(user, "API login", scope, personal=False)
    if issued is None:  # raised after the commit, so the failed attempt is counted
        raise AuthenticationError("The email or password is not right.")
    return TokenOut(access_token=issued.secret, expires_in=service.policy.access_token_minutes * 60)
