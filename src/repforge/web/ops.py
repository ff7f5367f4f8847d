"""Operator probes: /healthz (alive, answered ahead of the stack) and /readyz (can serve)."""

from __future__ import annotations

import time
from collections.abc import Mapping

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError
from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Receive, Scope, Send

from repforge import metrics
from repforge.store import db
from repforge.web.errors import problem
from repforge.web.request_log import HEADER, request_id_of
from repforge.web.state import AppState

router = APIRouter(include_in_schema=False)
LIVENESS_PATH = "/healthz"


class Liveness:
    """Answer GET/HEAD /healthz before any other middleware or routing.

    A saturated event loop queues every request step behind the others; answering the probe in a
    single step, with no thread hop or routing, keeps it fast enough that a load balancer does not
    take a busy but healthy instance out of service. It is counted in /metrics like any request,
    but kept out of the access log, where probes every few seconds would bury the real traffic.
    """

    def __init__(self, app: ASGIApp, headers: Mapping[str, str]) -> None:
        self.app = app
        self.headers = [(k.encode(), v.encode()) for k, v in headers.items()] + [
            (b"content-type", b"text/plain; charset=utf-8"),
            (b"content-length", b"2"),
            (b"cache-control", b"no-store"),
        ]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope["path"] != LIVENESS_PATH
            or scope["method"] not in ("GET", "HEAD")
        ):
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        rid = request_id_of(scope).encode()
        headers = [*self.headers, (HEADER.lower().encode(), rid)]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        body = b"" if scope["method"] == "HEAD" else b"ok"
        await send({"type": "http.response.body", "body": body})
        method = scope["method"]
        metrics.HTTP_SECONDS.labels(method, LIVENESS_PATH).observe(time.perf_counter() - started)
        metrics.HTTP_REQUESTS.labels(method, LIVENESS_PATH, "200").inc()


def not_ready(state: AppState) -> list[str]:
    """Plain sentences naming what keeps this instance from serving; empty when ready."""
    problems: list[str] = []
    try:
        with state.engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        at = db.current(state.engine)
    except SQLAlchemyError as exc:
        problems.append(f"The database cannot be reached ({type(exc).__name__}).")
    else:
        newest = db.head()
        if at != (newest,):
            found = ", ".join(at) or "none"
            problems.append(
                f"The database schema is at revision {found}, not {newest}: "
                "run `repforge db upgrade`."
            )
    if state.counters is not None:
        failure = state.counters.unreachable()
        if failure:
            problems.append(f"Redis cannot be reached ({failure}).")
    if len(state.catalog) == 0:
        problems.append("The exercise catalog is empty.")
    return problems


@router.get(LIVENESS_PATH)
async def healthz() -> PlainTextResponse:
    # Liveness answers first; the route gives /healthz/ its slash redirect and names the path
    return PlainTextResponse("ok")


@router.get("/readyz")
async def readyz(request: Request) -> Response:
    state: AppState = request.app.state.repforge
    problems = await run_in_threadpool(not_ready, state)
    if problems:
        return problem(503, "Not ready", " ".join(problems), not_ready=problems)
    return JSONResponse({"status": "ready"})
