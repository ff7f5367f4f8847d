"""/metrics in Prometheus text format, and the middleware timing every request by route template."""

from __future__ import annotations

import os
import time

from fastapi import APIRouter, FastAPI, Request, Response
from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, CollectorRegistry, generate_latest
from prometheus_client.multiprocess import MultiProcessCollector
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from repforge import metrics
from repforge.config import Settings

# prometheus_client's own switch: set, every worker writes its samples to files in this folder
MULTIPROCESS_ENV = "PROMETHEUS_MULTIPROC_DIR"
UNMATCHED = "unmatched"

router = APIRouter(include_in_schema=False)


def route_template(scope: Scope) -> str:
    """The matched route's template (/exercises/{slug}); one label for every unmatched path."""
    route = scope.get("route")
    path = getattr(route, "path", None)
    # raw paths never become labels, so junk URLs cannot grow the series without bound
    return path if isinstance(path, str) and path else UNMATCHED


class RequestMetrics:
    """Count and time each HTTP request by method, route template and status."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500  # an exception before the response started is answered with 500

        async def send_recording(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_recording)
        finally:
            method, route = scope["method"], route_template(scope)
            metrics.HTTP_SECONDS.labels(method, route).observe(time.perf_counter() - started)
            metrics.HTTP_REQUESTS.labels(method, route, str(status)).inc()


def _registry() -> CollectorRegistry:
    if not os.environ.get(MULTIPROCESS_ENV):
        return REGISTRY
    registry = CollectorRegistry()
    MultiProcessCollector(registry)  # type: ignore[no-untyped-call]  # sums the samples every worker wrote
    return registry


@router.get("/metrics")
def metrics_page(request: Request) -> Response:
    engine = request.app.state.repforge.engine
    checked_out = getattr(engine.pool, "checkedout", None)
    if callable(checked_out):
        metrics.DB_POOL_IN_USE.set(checked_out())
    return Response(generate_latest(_registry()), media_type=CONTENT_TYPE_LATEST)


def install(app: FastAPI, settings: Settings) -> None:
    """Serve /metrics and time every request (call last, so the timing wraps the whole stack).

    With REPFORGE_METRICS_ENABLED=false neither is installed: /metrics is a 404.
    """
    if not settings.metrics_enabled:
        return
    app.include_router(router)
    app.add_middleware(RequestMetrics)
