"""Prometheus metrics every layer records into; web/monitoring.py serves them at /metrics."""

from __future__ import annotations

from prometheus_client import Counter, Gauge, Histogram

# latency buckets from a cached page (~1 ms) to a cold plan solve (seconds)
LATENCY_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)

HTTP_REQUESTS = Counter(
    "repforge_http_requests",
    "HTTP requests answered, by method, route template and status code.",
    ["method", "route", "status"],
)
HTTP_SECONDS = Histogram(
    "repforge_http_request_duration_seconds",
    "Time to answer an HTTP request, by method and route template.",
    ["method", "route"],
    buckets=LATENCY_BUCKETS,
)
RESPONSE_CACHE = Counter(
    "repforge_response_cache",
    "Lookups in the rendered-response cache, by result (hit or miss).",
    ["result"],
)
PLAN_SOLVE_SECONDS = Histogram(
    "repforge_plan_solve_seconds",
    "Time to generate a training plan.",
    buckets=(0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 30),
)
IMPORTS = Counter(
    "repforge_imports",
    "Catalog imports, by outcome (stored, dry_run or failed).",
    ["outcome"],
)
IMPORTED_EXERCISES = Counter(
    "repforge_imported_exercises", "Exercises written to the database by imports."
)
DB_POOL_IN_USE = Gauge(
    "repforge_db_pool_connections_in_use",
    "Database connections checked out of this instance's pool (summed over live workers).",
    multiprocess_mode="livesum",
)
