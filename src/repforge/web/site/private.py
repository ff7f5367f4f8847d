"""Pages for one signed-in person: never cached, carrying the CSRF token of the browser."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse

from repforge.web.auth import CSRF_FIELD, csrf_token, remember_csrf, site_user
from repforge.web.site.render import render


def private_page(
    request: Request, template: str, status: int = 200, **context: Any
) -> HTMLResponse:
    """Render `template` for this browser: no shared caching, CSRF cookie set when new."""
    token = csrf_token(request)
    html = render(
        request,
        template,
        csrf_field=CSRF_FIELD,
        csrf_token=token,
        user=site_user(request),
        **context,
    )
    response = HTMLResponse(html, status_code=status)
    response.headers["Cache-Control"] = "no-store"
    response.headers["X-Robots-Tag"] = "noindex"
    remember_csrf(request, response)
    return response


def redirect(path: str) -> RedirectResponse:
    """A 303 See Other, so a reload after a form post does not post again."""
    return RedirectResponse(path, status_code=303)


def safe_next(value: str | None, default: str = "/today") -> str:
    """A local path to return to after logging in (never another site)."""
    if value and value.startswith("/") and not value.startswith(("//", "/\\")):
        return value
    return default
