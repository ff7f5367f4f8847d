"""Domain errors to HTTP, in one place: problem+json under /api, HTML pages elsewhere."""

from __future__ import annotations

from collections.abc import Mapping
from http.client import responses

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from repforge.accounts.model import (
    AccountExistsError,
    AuthenticationError,
    PermissionDeniedError,
    RateLimitedError,
)
from repforge.errors import InvalidInputError, NotFoundError, PlanError, RepforgeError
from repforge.web.auth import CsrfError, LoginRequiredError, login_url

PROBLEM = "application/problem+json"


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def problem(
    status: int,
    title: str,
    detail: str,
    headers: Mapping[str, str] | None = None,
    **extra: object,
) -> JSONResponse:
    """An RFC 7807 problem response."""
    body = {"type": "about:blank", "title": title, "status": status, "detail": detail, **extra}
    return JSONResponse(body, status_code=status, media_type=PROBLEM, headers=headers)


def _html(
    request: Request, status: int, title: str, detail: str, suggestions: list[str]
) -> Response:
    templates = request.app.state.templates
    context = {"title": title, "detail": detail, "suggestions": suggestions, "status": status}
    response: HTMLResponse = templates.TemplateResponse(
        request, "error.html", context, status_code=status
    )
    return response


async def _not_found(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, NotFoundError)
    if _is_api(request):
        return problem(404, "Not found", str(exc), suggestions=exc.suggestions)
    return _html(
        request, 404, "Not found", f"We have no {exc.kind} called “{exc.key}”.", exc.suggestions
    )


async def _invalid(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, InvalidInputError)
    if _is_api(request):
        return problem(422, "Invalid input", str(exc), field=exc.field, allowed=exc.allowed)
    return _html(request, 422, "Invalid input", str(exc), [])


async def _unplannable(request: Request, exc: Exception) -> Response:
    # the profile is well formed but no plan can satisfy it: the client must change the profile
    if _is_api(request):
        return problem(422, "Cannot plan", str(exc))
    return _html(request, 422, "We could not build that plan", str(exc), [])


async def _domain(request: Request, exc: Exception) -> Response:
    if _is_api(request):
        return problem(400, "Bad request", str(exc))
    return _html(request, 400, "Something is off", str(exc), [])


async def _http(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    if _is_api(request):
        # keep the exception's headers: a 405 must say what is Allowed
        title = responses.get(exc.status_code, "Error")
        return problem(exc.status_code, title, str(exc.detail), exc.headers)
    if exc.status_code == 404:
        return _html(request, 404, "Not found", "There is no page at this address.", [])
    return _html(request, exc.status_code, "Error", str(exc.detail), [])


async def _validation(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    errors = [
        {
            "field": ".".join(str(p) for p in e["loc"] if p not in ("query", "path", "body")),
            "message": e["msg"],
        }
        for e in exc.errors()
    ]
    detail = "; ".join(f"{e['field']}: {e['message']}" for e in errors)
    if _is_api(request):
        field = errors[0]["field"] if errors else None
        return problem(422, "Invalid input", detail, field=field, errors=errors)
    return _html(request, 422, "Invalid input", detail, [])


async def _unauthenticated(request: Request, exc: Exception) -> Response:
    if _is_api(request):
        return problem(401, "Unauthorized", str(exc), {"WWW-Authenticate": "Bearer"})
    return _html(request, 401, "Please log in", str(exc), [])


async def _forbidden(request: Request, exc: Exception) -> Response:
    if _is_api(request):
        return problem(403, "Forbidden", str(exc))
    return _html(request, 403, "Not allowed", str(exc), [])


async def _rate_limited(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RateLimitedError)
    headers = {"Retry-After": str(exc.retry_after)}
    if _is_api(request):
        return problem(429, "Too many attempts", str(exc), headers)
    response = _html(request, 429, "Too many attempts", str(exc), [])
    response.headers.update(headers)
    return response


async def _conflict(request: Request, exc: Exception) -> Response:
    if _is_api(request):
        return problem(409, "Conflict", str(exc))
    return _html(request, 409, "Already there", str(exc), [])


async def _login_required(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, LoginRequiredError)
    return RedirectResponse(login_url(exc.next_path), status_code=303)


async def _csrf(request: Request, exc: Exception) -> Response:
    detail = "This form has expired. Go back, reload the page and send it again."
    return _html(request, 403, "Form expired", detail, [])


def install(app: FastAPI) -> None:
    """Register every handler on the app."""
    app.add_exception_handler(NotFoundError, _not_found)
    app.add_exception_handler(InvalidInputError, _invalid)
    app.add_exception_handler(PlanError, _unplannable)
    app.add_exception_handler(AuthenticationError, _unauthenticated)
    app.add_exception_handler(PermissionDeniedError, _forbidden)
    app.add_exception_handler(RateLimitedError, _rate_limited)
    app.add_exception_handler(AccountExistsError, _conflict)
    app.add_exception_handler(LoginRequiredError, _login_required)
    app.add_exception_handler(CsrfError, _csrf)
    app.add_exception_handler(RepforgeError, _domain)
    app.add_exception_handler(StarletteHTTPException, _http)
    app.add_exception_handler(RequestValidationError, _validation)
