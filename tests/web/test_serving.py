"""`repforge serve --workers N` (repforge.web.serving): real processes, probes, clean stop."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import httpx
from prometheus_client.parser import text_string_to_metric_families

from repforge.config import Settings
from repforge.web.monitoring import MULTIPROCESS_ENV
from repforge.web.serving import APP_FACTORY, uvicorn_options
from tests.web.servers import free_port, wait_ready


def test_options_give_each_worker_the_factory_and_the_shutdown_grace() -> None:
    options = uvicorn_options(Settings(graceful_shutdown_s=7), "0.0.0.0", 9000, 3)
    assert options["app"] == APP_FACTORY
    assert options["factory"] is True
    assert options["workers"] == 3
    assert options["timeout_graceful_shutdown"] == 7


def test_two_workers_serve_the_probes_and_stop_cleanly_on_sigterm(tmp_path: Path) -> None:
    port = free_port()
    env = {
        **{k: v for k, v in os.environ.items() if k != MULTIPROCESS_ENV},
        "REPFORGE_DATA_DIR": str(tmp_path),
        "REPFORGE_ENVIRONMENT": "test",
        "REPFORGE_GRACEFUL_SHUTDOWN_S": "5",
    }
    repforge = str(Path(sys.executable).parent / "repforge")
    command = [repforge, "serve", "--port", str(port), "--workers", "2"]
    process = subprocess.Popen(command, env=env, stderr=subprocess.DEVNULL)
    try:
        wait_ready(f"http://127.0.0.1:{port}/readyz", process)
        statuses = {httpx.get(f"http://127.0.0.1:{port}/healthz").status_code for _ in range(6)}
        assert statuses == {200}
        # each request may land on either worker: the scrape must add both workers' counts
        scraped = httpx.get(f"http://127.0.0.1:{port}/metrics").text
        families = {f.name: f for f in text_string_to_metric_families(scraped)}
        healthz = [
            sample.value
            for sample in families["repforge_http_requests"].samples
            if sample.name == "repforge_http_requests_total"
            and sample.labels["route"] == "/healthz"
        ]
        assert sum(healthz) == 6
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=30) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
