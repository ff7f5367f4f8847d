"""Sign-up, log-in, CSRF, rate limits, password reset and deletion through the site's forms."""

from __future__ import annotations

import re

from fastapi import FastAPI
from sqlalchemy import func, select

from repforge.store import tables
from repforge.store.db import transaction
from repforge.web.auth import SESSION_COOKIE
from tests.web.conftest import PASSWORD, Visitor


def test_sign_up_sets_a_strict_session_cookie_and_logs_in(log_app: FastAPI) -> None:
    visitor = Visitor(log_app, "carol@example.com")
    token = visitor.csrf("/signup")
    response = visitor.client.post(
        "/signup", data={"email": "Carol@Example.com ", "password": PASSWORD, "csrf_token": token}
    )
    assert response.status_code == 303
    cookie = response.headers["set-cookie"]
    assert cookie.startswith(f"{SESSION_COOKIE}=")
    assert "HttpOnly" in cookie
    assert "SameSite=lax" in cookie
    assert "Secure" not in cookie  # only in production
    assert "carol@example.com" in visitor.client.get("/account").text


def test_a_short_password_or_a_taken_email_is_refused_with_the_reason(alice: Visitor) -> None:
    other = Visitor(alice.client.app, "dave@example.com")  # type: ignore[arg-type]
    short = other.post("/signup", {"email": "dave@example.com", "password": "short"})
    assert short.status_code == 422  # type: ignore[attr-defined]
    assert "at least 10 characters" in short.text  # type: ignore[attr-defined]
    taken = other.post("/signup", {"email": alice.email, "password": PASSWORD})
    assert taken.status_code == 422  # type: ignore[attr-defined]
    assert "already exists" in taken.text  # type: ignore[attr-defined]


def test_form_posts_without_the_csrf_token_are_refused(alice: Visitor) -> None:
    for path, data in (
        ("/login", {"email": alice.email, "password": PASSWORD}),
        ("/signup", {"email": "eve@example.com", "password": PASSWORD}),
        ("/logout", {}),
        ("/account/tokens", {"name": "x"}),
        ("/account/delete", {"password": PASSWORD}),
        ("/today", {"client_id": "x"}),
    ):
        for token in (None, "forged.token", "a" * 20):
            form = dict(data) if token is None else {**data, "csrf_token": token}
            response = alice.client.post(path, data=form)
            assert response.status_code == 403, (path, token)
    assert alice.client.get("/account").status_code == 200  # still logged in, nothing deleted


def test_a_token_from_another_browser_is_refused(alice: Visitor, bob: Visitor) -> None:
    bobs_token = bob.csrf("/account")
    response = alice.client.post("/account/tokens", data={"name": "x", "csrf_token": bobs_token})
    assert response.status_code == 403


def test_log_in_and_out(log_app: FastAPI, alice: Visitor) -> None:
    fresh = Visitor(log_app, alice.email)
    wrong = fresh.post("/login", {"email": alice.email, "password": "wrong password"})
    assert wrong.status_code == 401  # type: ignore[attr-defined]
    ok = fresh.post("/login", {"email": alice.email, "password": PASSWORD, "next": "/history"})
    assert ok.status_code == 303  # type: ignore[attr-defined]
    assert ok.headers["location"] == "/history"  # type: ignore[attr-defined]
    assert fresh.client.get("/history").status_code == 200
    fresh.post("/logout", {}, "/account")
    assert fresh.client.get("/history").status_code == 303


def test_login_never_redirects_off_site(log_app: FastAPI, alice: Visitor) -> None:
    fresh = Visitor(log_app, alice.email)
    for target in ("https://evil.example", "//evil.example", "/\\evil.example"):
        ok = fresh.post("/login", {"email": alice.email, "password": PASSWORD, "next": target})
        assert ok.headers["location"] == "/today"  # type: ignore[attr-defined]


def test_too_many_failed_logins_answer_429_with_retry_after(log_app: FastAPI) -> None:
    # the fixture allows 3 failures per account and 6 per address in the window
    visitor = Visitor(log_app, "nobody@example.com")
    codes = []
    for _ in range(4):
        codes.append(visitor.post("/login", {"email": "x@example.com", "password": "nope"}))
    assert [c.status_code for c in codes] == [401, 401, 401, 429]  # type: ignore[attr-defined]
    assert int(codes[-1].headers["Retry-After"]) > 0  # type: ignore[attr-defined]
    # other accounts from the same address hit the per-address limit after 6 failures
    more = [
        visitor.post("/login", {"email": f"u{i}@example.com", "password": "nope"}).status_code  # type: ignore[attr-defined]
        for i in range(4)
    ]
    assert more == [401, 401, 401, 429]


def test_the_counters_live_in_the_database(log_app: FastAPI) -> None:
    visitor = Visitor(log_app, "nobody@example.com")
    visitor.post("/login", {"email": "x@example.com", "password": "nope"})
    with transaction(log_app.state.repforge.sessions) as session:
        keys = set(session.scalars(select(tables.RateCounter.key)))
    assert "login:account:x@example.com" in keys
    assert any(k.startswith("login:address:") for k in keys)


def test_password_reset_by_a_one_time_link(log_app: FastAPI, alice: Visitor) -> None:
    visitor = Visitor(log_app, alice.email)
    page = visitor.post("/reset", {"email": alice.email})
    unknown = visitor.post("/reset", {"email": "stranger@example.com"})
    assert page.text.count("If an account uses that email") == 1  # type: ignore[attr-defined]
    assert unknown.status_code == page.status_code == 200  # type: ignore[attr-defined]
    sent = log_app.state.mailer.sent
    assert [to for to, _, _ in sent] == [alice.email]
    link = re.search(r"https?://\S+/reset/confirm\?token=(\S+)", sent[0][2])
    assert link
    token = link.group(1)
    new = "a brand new password"
    done = visitor.post("/reset/confirm", {"token": token, "password": new}, "/reset/confirm")
    assert done.status_code == 303  # type: ignore[attr-defined]
    # every earlier session ended, the old password is gone, and the link is spent
    assert alice.client.get("/account").status_code == 303
    assert (
        Visitor(log_app, alice.email)
        .post("/login", {"email": alice.email, "password": new})
        .status_code
        == 303
    )  # type: ignore[attr-defined]
    reused = visitor.post("/reset/confirm", {"token": token, "password": "yet another one!"})
    assert reused.status_code == 401  # type: ignore[attr-defined]


def test_deleting_the_account_removes_every_row_it_owns(
    log_app: FastAPI, alice: Visitor, bob: Visitor
) -> None:
    for visitor in (alice, bob):
        visitor.take_plan()
        visitor.client.post(
            "/api/v1/workouts",
            headers=visitor.token(),
            json={
                "started_at": "2026-12-01T10:00:00Z",
                "client_id": "w1",
                "sets": [
                    {"exercise": "goblet-squat", "reps": 8},
                    {"exercise": "custom:Sled", "metres": 20},
                ],
            },
        )
        visitor.post("/account/tokens", {"name": "t"}, "/account")
        visitor.post(
            "/account/preferences",
            {"units": "lb", "plate_increment": "5", "dumbbell_increment": "5"},
            "/account",
        )
    kept = alice.post("/account/delete", {"password": "wrong password"}, "/account")
    assert kept.status_code == 403  # type: ignore[attr-defined]
    gone = alice.post("/account/delete", {"password": PASSWORD}, "/account")
    assert gone.status_code == 303  # type: ignore[attr-defined]
    owned = (
        tables.User,
        tables.UserPreferences,
        tables.LoginSession,
        tables.ApiToken,
        tables.Program,
        tables.UserExercise,
        tables.Workout,
        tables.LoggedSetRow,
    )
    with transaction(log_app.state.repforge.sessions) as session:
        counts = {
            t.__tablename__: session.scalar(select(func.count()).select_from(t)) for t in owned
        }
    # only bob's rows are left: one of each (two sets, two tokens: API login and personal)
    assert counts == {
        "users": 1,
        "user_preferences": 1,
        "login_sessions": 1,
        "api_tokens": 2,
        "programs": 1,
        "user_exercises": 1,
        "workouts": 1,
        "logged_sets": 2,
    }
    assert alice.client.get("/account").status_code == 303


def test_sign_up_from_a_login_redirect_returns_to_the_page_asked_for(log_app: FastAPI) -> None:
    visitor = Visitor(log_app, "frank@example.com")
    login = visitor.client.get("/login?next=/history").text
    assert 'href="/signup?next=/history"' in login
    token = visitor.csrf("/signup?next=/history")
    form = {"email": visitor.email, "password": PASSWORD, "next": "/history", "csrf_token": token}
    assert visitor.client.post("/signup", data=form).headers["location"] == "/history"
