"""Settings: defaults, environment variables, and refusing unsafe production defaults."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from repforge.config import Settings


def test_sqlite_in_data_dir_by_default(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path)
    assert settings.resolved_database_url == f"sqlite:///{tmp_path / 'repforge.sqlite3'}"


def test_environment_variables_override(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REPFORGE_DATABASE_URL", "postgresql+psycopg://u@h/db")
    monkeypatch.setenv("REPFORGE_PORT", "9000")
    settings = Settings()
    assert settings.resolved_database_url == "postgresql+psycopg://u@h/db"
    assert settings.port == 9000


def test_production_refuses_the_development_secret() -> None:
    with pytest.raises(ValidationError, match="REPFORGE_SECRET_KEY"):
        Settings(environment="production")
    assert Settings(environment="production", secret_key="s" * 40).environment == "production"


def test_every_setting_has_help_text() -> None:
    for name, field in Settings.model_fields.items():
        assert field.description, f"setting {name} has no description"


@pytest.mark.parametrize("secret", ["", "x", "s" * 31, "é" * 15])
def test_production_refuses_a_short_secret(secret: str) -> None:
    with pytest.raises(ValidationError, match="at least 32"):
        Settings(environment="production", secret_key=secret)
    assert Settings(environment="development", secret_key=secret).secret_key == secret


def test_allowed_hosts_read_comma_separated(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REPFORGE_ALLOWED_HOSTS", "example.org, *.example.net")
    assert Settings().allowed_hosts == ["example.org", "*.example.net"]


def test_the_catalog_cache_folder_follows_xdg_and_can_be_turned_off(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("REPFORGE_CACHE_DIR", raising=False)  # the test run sets its own
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert Settings().cache_dir == tmp_path / "repforge"
    monkeypatch.setenv("REPFORGE_CACHE_DIR", "")
    assert Settings().cache_dir is None
