"""Request ids (X-Request-ID in and out) and one access-log line per request, by route template."""

from __future__ import annotations

import logging
import os
import re
import time

from fastapi import FastAPI
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from repforge import logs
from repforge.config import Settings
from repforge.web.monitoring import route_template

HEADER = "X-Request-ID"
# an id from a proxy is kept only if it is short and plain, so it cannot forge log lines
_ACCEPTED_ID = re.compile(r"[A-Za-z0-9._-]{1,128}")
access_log = logging.getLogger(logs.ACCESS_LOGGER)


def request_id_of(scope: Scope) -> str:
    """The proxy's X-Request-ID when it is short and plain, else a new one."""
    for name, value in scope["headers"]:
        if name == b"x-request-id":
            given: str = value.decode("latin-1")
            if _ACCEPTED_ID.fullmatch(given):
                return given
    return os.urandom(16).hex()  # what uuid4().hex carries, without building a UUID


class RequestLog:
    """Tag the request with an id (logs and response header) and log its outcome."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        rid = request_id_of(scope)
        token = logs.request_id.set(rid)
        started = time.perf_counter()
        status = 500

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                MutableHeaders(scope=message)[HEADER] = rid
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            # the route template, never the raw path or query: those can carry tokens
            access_log.info(
                "%s %s %s",
                scope["method"],
                route_template(scope),
                status,
                extra={
                    "method": scope["method"],
                    "route": route_template(scope),
                    "status": status,
                    "duration_ms": round((time.perf_counter() - started) * 1000, 2),
                },
            )
            logs.request_id.reset(token)


def install(app: FastAPI, settings: Settings) -> None:
    """Configure logging from settings and wrap the app (call after monitoring.install)."""
    log_format = settings.log_format or (
        "text" if settings.environment == "development" else "json"
    )
    logs.configure(log_format, settings.log_level)
    app.add_middleware(RequestLog)
