"""What browsers need from the app: HEAD on every GET route, CORS on the public API only."""

from __future__ import annotations

from collections.abc import Sequence

from starlette.middleware.cors import CORSMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

# Anonymous, cookie-free API routes a page on another origin may call. Everything else (the
# site, and account routes such as /api/v1/auth or /api/v1/workouts) stays same-origin.
PUBLIC_API_PREFIXES = (
    "/api/exercisedb/",
    "/api/v1/exercises",
    "/api/v1/search",
    "/api/v1/taxonomy",
    "/api/v1/catalog",
    "/api/v1/plans",
    "/api/v1/openapi.json",
)


def is_public_api(path: str) -> bool:
    """Whether another origin may read this path."""
    return any(path == p.rstrip("/") or path.startswith(p) for p in PUBLIC_API_PREFIXES)


class PublicApiCors:
    """Starlette's CORS rules on the public API paths; other paths pass through untouched."""

    def __init__(self, app: ASGIApp, origins: Sequence[str]) -> None:
        self.app = app
        # No credentials ever: the public API reads no cookies, and `*` with credentials is
        # what browsers refuse anyway. Custom headers (X-RapidAPI-Key from ExerciseDB clients)
        # are echoed back in the preflight.
        self.cors = CORSMiddleware(
            app,
            allow_origins=list(origins),
            allow_methods=["GET", "HEAD", "POST", "OPTIONS"],
            allow_headers=["*"],
            allow_credentials=False,
            expose_headers=["ETag"],
            max_age=600,
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and is_public_api(scope["path"]):
            await self.cors(scope, receive, send)
        else:
            await self.app(scope, receive, send)


class HeadAsGet:
    """Answer HEAD as the GET it mirrors, with the same headers and no body."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def send_headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                if not message.get("more_body", False):
                    await send({"type": "http.response.body", "body": b""})
                return
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, send_headers_only)
