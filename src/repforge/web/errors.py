"""Domain errors to HTTP, in one place: problem+json under /api, HTML pages elsewhere."""

from __future__ import annotations

import logging
import math
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
from repforge.errors import (
    DatabaseBusy,
    InvalidInputError,
    NotFoundError,
    PlanError,
    RepforgeError,
    field_error,
)
from repforge.pages.links import Link, exercise_path
from repforge.search import index_for
from repforge.web.auth import CsrfError, LoginRequiredError, login_url
from repforge.web.export_flag import is_static
from repforge.web.site.render import render

PROBLEM = "application/problem+json"
log = logging.getLogger(__name__)
MAX_SUGGESTIONS = 3


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


def _suggestions(request: Request, slugs: list[str]) -> list[Link]:
    """Exercises by name: the close slugs found, else a search for the words in the address."""
    state = request.app.state.repforge
    catalog = state.catalog
    found = [catalog.find(slug) for slug in slugs]
    links = [Link(ex.name, exercise_path(ex.slug)) for ex in found if ex is not None]
    if links:
        return links[:MAX_SUGGESTIONS]
    words = request.url.path.rstrip("/").rsplit("/", 1)[-1].replace("-", " ").strip()
    if len(words) < 3 or not any(c.isalpha() for c in words):
        return []
    hits = index_for(catalog).search(words[:100], limit=MAX_SUGGESTIONS).hits
    return [Link(catalog.get(h.slug).name, exercise_path(h.slug)) for h in hits]


def _html(
    request: Request, status: int, title: str, detail: str, suggestions: list[str]
) -> Response:
    # a static host serves one 404 page for every address: it can suggest nothing in particular
    links = _suggestions(request, suggestions) if status == 404 and not is_static(request) else []
    body = render(
        request, "error.html", title=title, detail=detail, suggestions=links, status=status
    )
    return HTMLResponse(body, status_code=status, headers={"Cache-Control": "no-store"})


async def _not_found(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, NotFoundError)
    if _is_api(request):
        return problem(404, "Not found", str(exc), suggestions=exc.suggestions)
    return _html(
        request, 404, "Not found", f"We have no {exc.kind} at this address.", exc.suggestions
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


async def _busy(request: Request, exc: Exception) -> Response:
    # the lock was held at least as long as we waited: suggest waiting about as long again
    timeout_ms = request.app.state.repforge.settings.database_busy_timeout_ms
    retry = {"Retry-After": str(max(1, math.ceil(timeout_ms / 1000)))}
    if _is_api(request):
        return problem(503, "Busy", str(exc), retry)
    response = _html(request, 503, "Busy for a moment", str(exc), [])
    response.headers.update(retry)
    return response


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
        dict(zip(("field", "message"), field_error(e, ("query", "path", "body")), strict=True))
        for e in exc.errors()
    ]
    detail = "; ".join(f"{e['field']}: {e['message']}" for e in errors)
    if _is_api(request):
        field = errors[0]["field"] if errors else None
        return problem(422, "Invalid input", detail, field=field, errors=errors)
    return _html(request, 422, "Invalid input", detail, [])


async def _crash(request: Request, exc: Exception) -> Response:
    # the traceback goes to the log, never to the visitor
    log.error("unhandled error on %s", request.url.path, exc_info=exc)
    detail = "Something went wrong on our side. Please try again in a moment."
    if _is_api(request):
        return problem(500, "Internal server error", detail)
    try:
        return _html(request, 500, "Something went wrong", detail, [])
    except Exception:  # the layout itself failed: fall back to plain text
        return Response(detail, status_code=500, media_type="text/plain")


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
    app.add_exception_handler(DatabaseBusy, _busy)
    app.add_exception_handler(AuthenticationError, _unauthenticated)
    app.add_exception_handler(PermissionDeniedError, _forbidden)
    app.add_exception_handler(RateLimitedError, _rate_limited)
    app.add_exception_handler(AccountExistsError, _conflict)
    app.add_exception_handler(LoginRequiredError, _login_required)
    app.add_exception_handler(CsrfError, _csrf)
    app.add_exception_handler(RepforgeError, _domain)
    app.add_exception_handler(StarletteHTTPException, _http)
    app.add_exception_handler(RequestValidationError, _validation)
    app.add_exception_handler(Exception, _crash)
