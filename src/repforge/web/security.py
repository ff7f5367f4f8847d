"""Security by default: response headers, trusted Host names, and redirects built from base_url."""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Sequence
from urllib.parse import urlsplit

from fastapi import FastAPI
from starlette.datastructures import Headers, MutableHeaders
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from repforge.config import Settings

# Our pages run only our own files: no inline script or style, nothing from another origin.
# JSON-LD blocks (type application/ld+json) are data, which CSP does not govern.
SITE_POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}
# The Host the static export sends when it requests every page in process (export._get).
IN_PROCESS_HOSTS = ("export.local",)
HSTS = "max-age=31536000; includeSubDomains"
# Interactive API docs, wherever they are served from (FastAPI's own or vendored pages).
DOCS_PATHS = ("/api/docs", "/api/redoc")
_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)


def _policy(directives: dict[str, str]) -> str:
    return "; ".join(f"{name} {value}" for name, value in directives.items())


def docs_policy(page: bytes) -> str:
    """The CSP for an API docs page: its files from 'self', and the inline start-up script(s)
    it carries by hash, so no other inline script could run there."""
    # the docs pages are built by FastAPI from the app's own settings, never from request data,
    # so hashing what they carry allows exactly the script we ship (vendored or not)
    scripts = _INLINE_SCRIPT.findall(page.decode("utf-8", "replace"))
    hashes = [
        "'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'"
        for script in scripts
    ]
    return _policy(
        {
            **SITE_POLICY,
            "script-src": " ".join(["'self'", *hashes]),
            # Swagger UI and ReDoc set style attributes in the markup they render; ReDoc runs
            # its search in a worker made from a blob
            "style-src": "'self' 'unsafe-inline'",
            "worker-src": "'self' blob:",
        }
    )


class SecurityHeaders:
    """CSP, nosniff, no framing and a referrer policy on every response; HSTS in production."""

    def __init__(self, app: ASGIApp, headers: dict[str, str], docs_paths: Sequence[str]) -> None:
        self.app = app
        self.headers = headers
        self.docs_paths = frozenset(docs_paths)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if scope["path"] in self.docs_paths:
            await self._docs(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                # a response with a stricter policy of its own (media SVGs) keeps it
                for name, value in self.headers.items():
                    if name not in headers:
                        headers[name] = value
            await send(message)

        await self.app(scope, receive, send_with_headers)

    async def _docs(self, scope: Scope, receive: Receive, send: Send) -> None:
        # a small page: hold it whole, then send it with a policy made from its own scripts
        held: list[Message] = []

        async def hold(message: Message) -> None:
            held.append(message)

        await self.app(scope, receive, hold)
        page = b"".join(m.get("body", b"") for m in held if m["type"] == "http.response.body")
        for message in held:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers.update(self.headers)
                headers["content-security-policy"] = docs_policy(page)
            await send(message)


class BaseUrlRedirects:
    """Absolute Location headers built from the request's Host (Starlette's trailing-slash
    redirect) point at base_url instead; relative ones stay as they are."""

    def __init__(self, app: ASGIApp, base_url: str) -> None:
        self.app = app
        self.base = base_url.rstrip("/")

    def _rewrite(self, location: str, request_host: str | None) -> str:
        parts = urlsplit(location)
        if not parts.netloc or parts.netloc.lower() != (request_host or "").lower():
            return location  # relative (nothing of the Host in it), or another site on purpose
        query = f"?{parts.query}" if parts.query else ""
        fragment = f"#{parts.fragment}" if parts.fragment else ""
        return f"{self.base}{parts.path or '/'}{query}{fragment}"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        host = Headers(scope=scope).get("host")

        async def send_rewritten(message: Message) -> None:
            if message["type"] == "http.response.start" and 300 <= message["status"] < 400:
                headers = MutableHeaders(scope=message)
                if "location" in headers:
                    headers["location"] = self._rewrite(headers["location"], host)
            await send(message)

        await self.app(scope, receive, send_rewritten)


def allowed_hosts(settings: Settings) -> list[str]:
    """The Host names the app answers: the setting, base_url's host and in-process names."""
    base_host = urlsplit(settings.base_url).hostname
    return list(dict.fromkeys([*settings.allowed_hosts, *filter(None, [base_host])]))


def default_headers(settings: Settings) -> dict[str, str]:
    """The security headers every response carries (the docs pages widen the policy)."""
    headers = {
        "content-security-policy": _policy(SITE_POLICY),
        "x-content-type-options": "nosniff",
        "x-frame-options": "DENY",
        "referrer-policy": "strict-origin-when-cross-origin",
        "cross-origin-opener-policy": "same-origin",
    }
    if settings.environment == "production":
        headers["strict-transport-security"] = HSTS
    return headers


def install(app: FastAPI, settings: Settings) -> None:
    """Add the middlewares; security headers outermost, so even a refused Host gets them."""
    headers = default_headers(settings)
    docs_paths = [path for path in (app.docs_url, app.redoc_url, *DOCS_PATHS) if path]
    app.add_middleware(BaseUrlRedirects, base_url=settings.base_url)
    hosts = [*allowed_hosts(settings), *IN_PROCESS_HOSTS]
    # no www. redirect: Starlette would build it from the Host header
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=hosts, www_redirect=False)
    app.add_middleware(SecurityHeaders, headers=headers, docs_paths=docs_paths)
