"""`repforge serve`: uvicorn with one or several workers, each building the app itself."""

from __future__ import annotations

import os
import tempfile
from typing import Any

from repforge.config import Settings

APP_FACTORY = "repforge.web.app:create_app"


def uvicorn_options(settings: Settings, host: str, port: int, workers: int) -> dict[str, Any]:
    """Keyword arguments for uvicorn.run: an import string, so every worker builds its own app."""
    return {
        "app": APP_FACTORY,
        "factory": True,
        "host": host,
        "port": port,
        "workers": workers,
        "loop": "uvloop",
        "http": "httptools",
        "proxy_headers": True,
        # web/request_log.py logs each request by route template; uvicorn's line has the raw
        # path and query, which can carry reset tokens
        "access_log": False,
        # on SIGTERM stop accepting, let in-flight requests finish for this long, then close
        "timeout_graceful_shutdown": settings.graceful_shutdown_s,
    }


def run(settings: Settings, host: str, port: int, workers: int) -> None:
    """Serve until stopped."""
    import uvicorn

    if workers > 1:
        _share_metrics_between_workers()
    uvicorn.run(**uvicorn_options(settings, host, port, workers))


def _share_metrics_between_workers() -> None:
    """Point prometheus_client's multiprocess mode at a fresh folder the workers inherit."""
    from repforge.web.monitoring import MULTIPROCESS_ENV

    if not os.environ.get(MULTIPROCESS_ENV):
        # the folder must start empty: samples of an earlier run would be added to this one's
        os.environ[MULTIPROCESS_ENV] = tempfile.mkdtemp(prefix="repforge-metrics-")
