"""Fixtures for signed-in pages and API calls: an app on any database, and people using it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from repforge.accounts.mail import MemoryMailer
from repforge.config import Settings
from repforge.web.app import create_app
from tests.planner.factories import gym_catalog

PASSWORD = "a long enough password"
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
PLAN_QUERY = "goal=hypertrophy&days=3&minutes=45&weeks=2"


@pytest.fixture
def log_app(database_url: str, tmp_path: Path) -> Iterator[FastAPI]:
    """The app on the planner's test gym over a fresh database (SQLite, then PostgreSQL)."""
    settings = Settings(
        environment="test",
        data_dir=tmp_path,
        database_url=database_url,
        login_attempts_per_account=3,
        login_attempts_per_address=6,
    )
    app = create_app(settings, gym_catalog())
    app.state.mailer = MemoryMailer([])
    with TestClient(app):
        yield app
    app.state.repforge.engine.dispose()


class Visitor:
    """One browser: its own cookie jar, and helpers for forms and API calls."""

    def __init__(self, app: FastAPI, email: str) -> None:
        self.client = TestClient(app, follow_redirects=False)
        self.email = email

    def csrf(self, path: str = "/login") -> str:
        page = self.client.get(path)
        found = CSRF.search(page.text)
        assert found, f"no CSRF token on {path}"
        return found.group(1)

    def post(self, path: str, data: dict[str, object], form: str | None = None) -> object:
        token = self.csrf(form or path)
        return self.client.post(path, data={**data, "csrf_token": token})

    def sign_up(self) -> Visitor:
        response = self.client.post(
            "/signup",
            data={"email": self.email, "password": PASSWORD, "csrf_token": self.csrf("/signup")},
        )
        assert response.status_code == 303, response.text
        return self

    def token(self, scope: str = "read-write") -> dict[str, str]:
        """Bearer headers from the OAuth2 password flow."""
        data = {"username": self.email, "password": PASSWORD}
        if scope == "read":
            data["scope"] = "read"
        response = self.client.post("/api/v1/auth/token", data=data)
        assert response.status_code == 200, response.text
        return {"Authorization": f"Bearer {response.json()['access_token']}"}

    def take_plan(self) -> None:
        token = self.csrf(f"/plan/take?{PLAN_QUERY}")
        response = self.client.post(
            "/plan/take", data={"query": PLAN_QUERY, "start": "2026-12-07", "csrf_token": token}
        )
        assert response.status_code == 303, response.text


@pytest.fixture
def alice(log_app: FastAPI) -> Visitor:
    return Visitor(log_app, "alice@example.com").sign_up()


@pytest.fixture
def bob(log_app: FastAPI) -> Visitor:
    return Visitor(log_app, "bob@example.com").sign_up()


@pytest.fixture
def anonymous(log_app: FastAPI) -> Visitor:
    return Visitor(log_app, "nobody@example.com")
