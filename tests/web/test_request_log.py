"""Request ids and access lines (repforge.web.request_log), with no personal data in the log."""

from __future__ import annotations

import json

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from repforge import logs
from repforge.web.auth import SESSION_COOKIE
from tests.web.conftest import PASSWORD, Visitor


def test_a_given_request_id_is_echoed_and_a_missing_one_made(client: TestClient) -> None:
    given = client.get("/healthz", headers={"X-Request-ID": "lb-7f3a.1"})
    assert given.headers["X-Request-ID"] == "lb-7f3a.1"
    made = client.get("/healthz").headers["X-Request-ID"]
    assert len(made) == 32
    forged = client.get("/healthz", headers={"X-Request-ID": "x\n{bad}"})
    assert forged.headers["X-Request-ID"] != "x\n{bad}"


def test_signing_up_and_in_logs_no_email_or_token(
    log_app: FastAPI, capsys: pytest.CaptureFixture[str]
) -> None:
    logs.configure("json")  # onto the captured stderr
    visitor = Visitor(log_app, "private.person@example.com").sign_up()
    headers = visitor.token()
    assert visitor.client.get("/api/v1/workouts", headers=headers).status_code == 200
    wrong = {"username": visitor.email, "password": PASSWORD + "x"}
    visitor.client.post("/api/v1/auth/token", data=wrong)
    visitor.client.get(f"/no/such/{visitor.email}")
    captured = capsys.readouterr().err
    access = [json.loads(line) for line in captured.splitlines() if '"repforge.access"' in line]
    assert {"/signup", "/api/v1/auth/token", "unmatched"} <= {line["route"] for line in access}
    assert all(line["request_id"] for line in access)
    assert "private.person" not in captured
    assert headers["Authorization"].split()[1] not in captured
    session = visitor.client.cookies.get(SESSION_COOKIE)
    assert session
    assert session not in captured
