"""Settings: one typed object, read from REPFORGE_* environment variables."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import Field, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

DEV_SECRET = "dev-insecure-secret-change-me"
MIN_SECRET_BYTES = 32


def default_cache_dir() -> Path:
    """The user's cache folder for repforge, by the XDG convention."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "repforge"


class Settings(BaseSettings):
    """Every setting of a repforge instance, with help text reused by docs and tests."""

    model_config = SettingsConfigDict(env_prefix="REPFORGE_", extra="ignore")

    environment: Literal["development", "production", "test"] = Field(
        default="development",
        description="development, test or production; production refuses unsafe defaults.",
    )
    data_dir: Path = Field(
        default=Path("var"),
        description="Folder for the embedded SQLite database and other local state.",
    )
    database_url: str | None = Field(
        default=None,
        description="SQLAlchemy URL; unset means SQLite at DATA_DIR/repforge.sqlite3. "
        "Use postgresql+psycopg://user@host/db for multi-instance deployments.",
    )
    database_busy_timeout_ms: int = Field(
        default=5000,
        ge=0,
        description="How long a write waits for another writer's lock (SQLite busy timeout, "
        "PostgreSQL lock_timeout) before it gives up: the API answers 503 with Retry-After "
        "and the CLI says the database is busy, in milliseconds.",
    )
    base_url: str = Field(
        default="http://127.0.0.1:8000",
        description="Public origin of the site, used for canonical and Markdown links and redirects.",
    )
    allowed_hosts: Annotated[list[str], NoDecode] = Field(
        default=["localhost", "127.0.0.1", "testserver"],
        description="Host names the site answers to, comma-separated (the base_url host is "
        "always one; '*.example.com' covers subdomains, '*' any host); other Host headers get "
        "400.",
    )
    site_name: str = Field(default="repforge", description="Name shown in titles and links.")
    secret_key: str = Field(
        default=DEV_SECRET,
        description="Key for signing sessions and CSRF tokens; production needs at least "
        f"{MIN_SECRET_BYTES} random bytes, e.g. from "
        "`python -c 'import secrets; print(secrets.token_urlsafe(32))'`.",
    )
    cache_dir: Path | None = Field(
        default_factory=default_cache_dir,
        description="Folder for the compiled catalog (rebuilt whenever a file or the code "
        "changes), so commands and server starts skip parsing the YAML; empty turns it off. "
        "Default: $XDG_CACHE_HOME/repforge or ~/.cache/repforge.",
    )
    catalog_dir: Path | None = Field(
        default=None,
        description="Folder of exercise YAML to serve instead of the built-in catalog.",
    )
    auto_migrate: bool = Field(
        default=True, description="Create or upgrade the database schema at start-up."
    )
    cache_max_age_s: int = Field(
        default=300, ge=0, description="Cache-Control max-age for public pages, in seconds."
    )
    catalog_refresh_s: float = Field(
        default=10,
        ge=0,
        description="Seconds between checks of the database for imported or removed exercises; "
        "a change reloads the catalog (0 checks on every request).",
    )
    cors_origins: list[str] = Field(
        default=["*"],
        description="Origins whose pages may call the public read-only API (JSON list); "
        "`*` allows any. Account routes are always same-origin.",
    )
    session_days: int = Field(
        default=30, ge=1, le=365, description="Days a login lasts before asking again."
    )
    login_attempts_per_account: int = Field(
        default=10, ge=1, description="Failed logins allowed per account in the login window."
    )
    login_attempts_per_address: int = Field(
        default=50, ge=1, description="Failed logins allowed per client address in the window."
    )
    login_window_s: int = Field(
        default=900, ge=1, description="Seconds over which failed logins are counted."
    )
    redis_url: str | None = Field(
        default=None,
        description="Redis URL (redis://host:6379/0) for counters every instance shares, such "
        "as the login rate limit; unset keeps them in the database.",
    )
    redis_prefix: str = Field(
        default="repforge:",
        description="Prefix of every Redis key repforge writes, so sites can share one Redis.",
    )
    mail_backend: Literal["console", "smtp"] = Field(
        default="console",
        description="console prints password-reset mail to the log; smtp sends it.",
    )
    mail_from: str = Field(
        default="repforge@localhost", description="Sender address of outgoing mail."
    )
    smtp_host: str = Field(default="localhost", description="SMTP server for outgoing mail.")
    smtp_port: int = Field(default=587, ge=1, le=65535, description="SMTP server port.")
    smtp_username: str | None = Field(default=None, description="SMTP login, if it needs one.")
    smtp_password: str | None = Field(default=None, description="SMTP password.")
    smtp_starttls: bool = Field(default=True, description="Upgrade SMTP with STARTTLS.")
    host: str = Field(default="127.0.0.1", description="Address `repforge serve` binds to.")
    port: int = Field(default=8000, ge=1, le=65535, description="Port `repforge serve` binds to.")
    workers: int = Field(
        default=1, ge=1, description="Processes `repforge serve` starts (about one per core)."
    )
    log_format: Literal["json", "text"] | None = Field(
        default=None,
        description="json (one object per line, for log collectors) or text; unset means text "
        "in development and json otherwise.",
    )
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = Field(
        default="INFO", description="Least severe log messages written."
    )
    metrics_enabled: bool = Field(
        default=True,
        description="Serve /metrics and count and time every request for it; off removes both.",
    )
    graceful_shutdown_s: float = Field(
        default=30,
        ge=0,
        description="Seconds a stopping server lets in-flight requests finish before closing them.",
    )

    @field_validator("allowed_hosts", mode="before")
    @classmethod
    def _comma_separated(cls, value: Any) -> Any:
        if isinstance(value, str):
            return [host.strip() for host in value.split(",") if host.strip()]
        return value

    @field_validator("cache_dir", mode="before")
    @classmethod
    def _empty_means_off(cls, value: Any) -> Any:
        return None if isinstance(value, str) and not value.strip() else value

    @model_validator(mode="after")
    def _refuse_unsafe_production(self) -> Settings:
        if self.environment != "production":
            return self
        if self.secret_key == DEV_SECRET:
            raise ValueError("REPFORGE_SECRET_KEY must be set in production")
        if len(self.secret_key.encode()) < MIN_SECRET_BYTES:
            raise ValueError(
                f"REPFORGE_SECRET_KEY must be at least {MIN_SECRET_BYTES} random bytes in "
                "production; make one with "
                "python -c 'import secrets; print(secrets.token_urlsafe(32))'"
            )
        return self

    @property
    def resolved_database_url(self) -> str:
        """The database URL, defaulting to SQLite inside data_dir."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'repforge.sqlite3').resolve()}"


def sqlite_file(url: str) -> Path | None:
    """The file a SQLite URL names; None for other databases and in-memory SQLite."""
    if not url.startswith("sqlite:///") or url.startswith("sqlite:///:memory:"):
        return None
    return Path(url.removeprefix("sqlite:///").split("?", 1)[0])


@lru_cache
def get_settings() -> Settings:
    """Settings from the environment, read once per process."""
    return Settings()
