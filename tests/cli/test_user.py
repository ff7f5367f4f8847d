"""`repforge user create|list|disable` on the configured database."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from typer.testing import CliRunner

from repforge.cli.main import app
from repforge.config import get_settings

runner = CliRunner()


@pytest.fixture(autouse=True)
def _database(monkeypatch: pytest.MonkeyPatch, database_url: str) -> Iterator[None]:
    monkeypatch.setenv("REPFORGE_DATABASE_URL", database_url)
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def test_create_list_and_disable() -> None:
    created = runner.invoke(
        app, ["user", "create", "Ann@Example.com", "--password-stdin"], input="a long password\n"
    )
    assert created.exit_code == 0, created.output
    assert "created ann@example.com" in created.output
    listed = runner.invoke(app, ["user", "list"])
    assert listed.output.split("\t")[0] == "ann@example.com"
    assert listed.output.rstrip().endswith("active")
    disabled = runner.invoke(app, ["user", "disable", "ann@example.com"])
    assert disabled.exit_code == 0
    assert runner.invoke(app, ["user", "list"]).output.rstrip().endswith("disabled")


def test_errors_exit_1_with_the_reason() -> None:
    short = runner.invoke(app, ["user", "create", "b@example.com", "--password-stdin"], input="x\n")
    assert short.exit_code == 1
    assert "at least 10 characters" in short.output
    missing = runner.invoke(app, ["user", "disable", "nobody@example.com"])
    assert missing.exit_code == 1
    assert "nobody@example.com" in missing.output
