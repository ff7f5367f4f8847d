"""Dockerfile and compose.yaml: a structural lint, since Docker cannot run in CI here."""

from __future__ import annotations

import json
import shlex
from pathlib import Path

import yaml

from repforge.config import Settings

ROOT = Path(__file__).parents[1]


def _instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs, continuation lines joined, comments dropped."""
    text = (ROOT / "Dockerfile").read_text().replace("\\\n", " ")
    lines = [line.strip() for line in text.splitlines()]
    pairs = [line.split(maxsplit=1) for line in lines if line and not line.startswith("#")]
    return [(pair[0].upper(), pair[1] if len(pair) > 1 else "") for pair in pairs]


def _final_stage() -> list[tuple[str, str]]:
    steps = _instructions()
    last_from = max(i for i, (op, _) in enumerate(steps) if op == "FROM")
    return steps[last_from:]


def test_the_image_runs_the_installed_wheel_as_a_non_root_user() -> None:
    stage = _final_stage()
    ops = [op for op, _ in stage]
    base = stage[0][1]
    assert base.startswith("python:")
    assert base.endswith("-slim")
    installs = " ".join(args for op, args in stage if op == "RUN")
    assert "pip install --no-cache-dir /tmp/*.whl" in installs
    user = next(args for op, args in stage if op == "USER")
    assert user not in {"root", "0"}
    assert ops.index("USER") < ops.index("ENTRYPOINT")
    assert json.loads(dict(stage)["ENTRYPOINT"]) == ["repforge"]
    assert json.loads(dict(stage)["CMD"]) == ["serve"]


def test_the_health_check_probes_healthz_on_the_served_port() -> None:
    stage = dict(_final_stage())
    assert "/healthz" in stage["HEALTHCHECK"]
    assert f":{stage['EXPOSE']}/healthz" in stage["HEALTHCHECK"]
    env = dict(item.split("=", 1) for item in shlex.split(stage["ENV"]))
    assert env["REPFORGE_PORT"] == stage["EXPOSE"]
    assert env["REPFORGE_HOST"] == "0.0.0.0"  # inside a container: reachable from outside it


def test_every_file_the_build_copies_exists() -> None:
    for op, args in _instructions():
        if op == "COPY" and not args.startswith("--from"):
            *sources, _ = args.split()
            for source in sources:
                assert (ROOT / source).exists(), f"Dockerfile copies missing {source}"


def test_compose_runs_the_app_on_postgresql_with_redis() -> None:
    compose = yaml.safe_load((ROOT / "compose.yaml").read_text())
    services = compose["services"]
    assert set(services) == {"app", "db", "redis"}
    app = services["app"]
    assert app["build"] == "."
    assert app["environment"]["REPFORGE_DATABASE_URL"].startswith("postgresql+psycopg://")
    assert "@db:5432/" in app["environment"]["REPFORGE_DATABASE_URL"]
    assert app["depends_on"]["db"]["condition"] == "service_healthy"
    assert services["db"]["image"].startswith("postgres:")
    assert services["redis"]["image"].startswith("redis:")
    assert app["environment"]["REPFORGE_REDIS_URL"].startswith("redis://redis:6379/")
    grace = int(app["stop_grace_period"].removesuffix("s"))
    assert grace > Settings().graceful_shutdown_s  # in-flight requests finish before SIGKILL
    # every setting compose passes is one repforge reads
    known = {f"REPFORGE_{name.upper()}" for name in Settings.model_fields}
    assert set(app["environment"]) <= known


def test_the_deploy_guide_shows_the_commands() -> None:
    guide = (ROOT / "docs" / "deploy.md").read_text()
    for command in (
        "docker build",
        "docker compose up",
        "repforge db upgrade",
        "pg_dump",
        "pg_restore",
        "repforge db backup",
        "/readyz",
        "/metrics",
    ):
        assert command in guide, command
