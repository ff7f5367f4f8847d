"""The log and program API: tokens, idempotent writes, owners only, on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io
from typing import Any

from repforge.store.db import transaction
from tests.web.conftest import Visitor

WORKOUT: dict[str, Any] = {
    "started_at": "2026-12-01T18:00:00+01:00",
    "name": "Legs",
    "client_id": "phone-1",
    "sets": [
        {"exercise": "goblet-squat", "set_type": "warm-up", "weight_kg": 10, "reps": 10},
        {"exercise": "goblet-squat", "weight_kg": 24, "reps": 8, "rir": 2},
        {"exercise": "custom:Sled push", "metres": 40, "seconds": 30.5},
    ],
}


def test_a_workout_round_trips_in_si_units_and_utc(alice: Visitor) -> None:
    headers = alice.token()
    created = alice.client.post("/api/v1/workouts", json=WORKOUT, headers=headers)
    assert created.status_code == 201
    body = created.json()
    assert body["started_at"] == "2026-12-01T17:00:00Z"
    assert [(s["exercise"], s["set_type"], s["order"]) for s in body["sets"]] == [
        ("goblet-squat", "warm-up", 0),
        ("goblet-squat", "working", 1),
        ("custom:Sled push", "working", 2),
    ]
    assert body["sets"][2]["metres"] == 40
    assert body["sets"][2]["seconds"] == 30.5
    fetched = alice.client.get(f"/api/v1/workouts/{body['id']}", headers=headers)
    assert fetched.json() == body


def test_a_retried_post_with_the_same_client_id_adds_nothing(alice: Visitor) -> None:
    headers = alice.token()
    first = alice.client.post("/api/v1/workouts", json=WORKOUT, headers=headers)
    again = alice.client.post("/api/v1/workouts", json=WORKOUT, headers=headers)
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json()["id"] == first.json()["id"]
    listing = alice.client.get("/api/v1/workouts", headers=headers).json()
    assert listing["count"] == 1


def test_list_pages_and_filters_by_time(alice: Visitor) -> None:
    headers = alice.token()
    for day in range(1, 6):
        workout = {**WORKOUT, "client_id": f"w{day}", "started_at": f"2026-11-0{day}T10:00:00Z"}
        alice.client.post("/api/v1/workouts", json=workout, headers=headers)
    page = alice.client.get("/api/v1/workouts?limit=2&offset=1", headers=headers).json()
    assert page["count"] == 5
    assert [w["client_id"] for w in page["data"]] == ["w4", "w3"]
    window = alice.client.get(
        "/api/v1/workouts?since=2026-11-02T00:00:00Z&until=2026-11-04T00:00:00Z", headers=headers
    ).json()
    assert [w["client_id"] for w in window["data"]] == ["w3", "w2"]


def test_put_replaces_and_delete_removes(alice: Visitor) -> None:
    headers = alice.token()
    workout_id = alice.client.post("/api/v1/workouts", json=WORKOUT, headers=headers).json()["id"]
    changed = {**WORKOUT, "name": "Leg day", "sets": WORKOUT["sets"][1:2]}
    put = alice.client.put(f"/api/v1/workouts/{workout_id}", json=changed, headers=headers)
    assert put.status_code == 200
    assert put.json()["name"] == "Leg day"
    assert len(put.json()["sets"]) == 1
    assert alice.client.delete(f"/api/v1/workouts/{workout_id}", headers=headers).status_code == 204
    gone = alice.client.get(f"/api/v1/workouts/{workout_id}", headers=headers)
    assert gone.status_code == 404


def test_an_unknown_exercise_is_refused_naming_the_set(alice: Visitor) -> None:
    bad = {**WORKOUT, "sets": [{"exercise": "no-such-lift", "reps": 5}]}
    response = alice.client.post("/api/v1/workouts", json=bad, headers=alice.token())
    assert response.status_code == 422
    assert response.json()["field"] == "sets.0.exercise"


def test_another_users_workout_is_not_found_for_every_method(alice: Visitor, bob: Visitor) -> None:
    workout_id = alice.client.post("/api/v1/workouts", json=WORKOUT, headers=alice.token()).json()[
        "id"
    ]
    headers = bob.token()
    path = f"/api/v1/workouts/{workout_id}"
    assert bob.client.get(path, headers=headers).status_code == 404
    assert bob.client.put(path, json=WORKOUT, headers=headers).status_code == 404
    assert bob.client.delete(path, headers=headers).status_code == 404
    assert bob.client.get("/api/v1/workouts", headers=headers).json()["count"] == 0
    # the same client id is each user's own: bob's post makes bob's workout
    assert bob.client.post("/api/v1/workouts", json=WORKOUT, headers=headers).status_code == 201
    assert alice.client.get(path, headers=alice.token()).status_code == 200


USER_ROUTES = [
    ("GET", "/api/v1/workouts"),
    ("POST", "/api/v1/workouts"),
    ("GET", "/api/v1/workouts/1"),
    ("PUT", "/api/v1/workouts/1"),
    ("DELETE", "/api/v1/workouts/1"),
    ("POST", "/api/v1/programs"),
    ("GET", "/api/v1/programs/current"),
    ("GET", "/api/v1/programs/current/next"),
    ("GET", "/api/v1/programs/current/prescription/goblet-squat"),
    ("GET", "/api/v1/workouts/export?format=strong"),
    ("GET", "/api/v1/programs/current/calendar.ics"),
]


def test_every_user_route_answers_401_without_or_with_a_bad_token(anonymous: Visitor) -> None:
    for method, path in USER_ROUTES:
        body = WORKOUT if method in ("POST", "PUT") else None
        for headers in ({}, {"Authorization": "Bearer rf_pat_forged"}):
            response = anonymous.client.request(method, path, json=body, headers=headers)
            assert response.status_code == 401, (method, path, headers)
            assert response.headers["WWW-Authenticate"] == "Bearer"


def test_a_revoked_personal_token_stops_working(alice: Visitor) -> None:
    page = alice.post("/account/tokens", {"name": "script", "scope": "read-write"}, "/account")
    secret = _secret(page.text)  # type: ignore[attr-defined]
    headers = {"Authorization": f"Bearer {secret}"}
    assert alice.client.get("/api/v1/workouts", headers=headers).status_code == 200
    token_id = _token_id(alice)
    revoked = alice.post(f"/account/tokens/{token_id}/revoke", {}, "/account")
    assert revoked.status_code == 303  # type: ignore[attr-defined]
    assert alice.client.get("/api/v1/workouts", headers=headers).status_code == 401


def test_a_read_only_token_cannot_write(alice: Visitor) -> None:
    headers = alice.token("read")
    assert alice.client.get("/api/v1/workouts", headers=headers).status_code == 200
    response = alice.client.post("/api/v1/workouts", json=WORKOUT, headers=headers)
    assert response.status_code == 403


def test_programs_give_the_next_session_and_move_on_when_it_is_logged(alice: Visitor) -> None:
    headers = alice.token()
    assert alice.client.get("/api/v1/programs/current", headers=headers).status_code == 404
    profile = {"goal": "hypertrophy", "days": 3, "minutes": 45, "weeks": 2}
    created = alice.client.post("/api/v1/programs", json=profile, headers=headers)
    assert created.status_code == 201
    plan = created.json()["plan"]
    first = alice.client.get("/api/v1/programs/current/next", headers=headers).json()
    planned = plan["weeks"][0]["sessions"][0]
    assert (first["day"], first["name"]) == (planned["day"], planned["name"])
    exercise = first["exercises"][0]
    assert set(exercise) == {"slug", "sets", "reps", "rir", "load_kg", "why", "replaces"}
    assert exercise["why"]
    one = alice.client.get(
        f"/api/v1/programs/current/prescription/{exercise['slug']}", headers=headers
    )
    assert one.json() == exercise
    done = {**WORKOUT, "sets": [{"exercise": exercise["slug"], "reps": 10, "weight_kg": 20}]}
    alice.client.post("/api/v1/workouts", json=done, headers=headers)
    second = alice.client.get("/api/v1/programs/current/next", headers=headers).json()
    assert second["name"] == plan["weeks"][0]["sessions"][1]["name"]
    absent = alice.client.get(
        "/api/v1/programs/current/prescription/pull-up-nowhere", headers=headers
    )
    assert absent.status_code == 404


def test_the_log_exports_in_each_shape_with_only_the_owners_workouts(
    alice: Visitor, bob: Visitor
) -> None:
    alice.client.post("/api/v1/workouts", json=WORKOUT, headers=alice.token())
    other = {**WORKOUT, "name": "Bob's secret session", "client_id": "bob-1"}
    bob.client.post("/api/v1/workouts", json=other, headers=bob.token())
    headers = alice.token("read")
    strong = alice.client.get("/api/v1/workouts/export?format=strong", headers=headers)
    assert strong.status_code == 200
    assert strong.headers["content-type"].startswith("text/csv")
    assert strong.headers["cache-control"] == "no-store"
    assert "attachment" in strong.headers["content-disposition"]
    assert "Goblet Squat" in strong.text
    assert "Bob" not in strong.text
    hevy = alice.client.get("/api/v1/workouts/export?format=hevy", headers=headers)
    header = next(csv.reader(io.StringIO(hevy.text)))
    assert header[:3] == ["title", "start_time", "end_time"]
    full = alice.client.get("/api/v1/workouts/export?format=repforge", headers=headers).json()
    assert [w["client_id"] for w in full["workouts"]] == ["phone-1"]
    wrong = alice.client.get("/api/v1/workouts/export?format=fitbod", headers=headers)
    assert wrong.status_code == 422
    assert "format" in wrong.text


def test_the_program_calendar_has_one_event_per_session(alice: Visitor) -> None:
    headers = alice.token()
    missing = alice.client.get("/api/v1/programs/current/calendar.ics", headers=headers)
    assert missing.status_code == 404
    profile = {"goal": "strength", "days": 3, "minutes": 60, "weeks": 2}
    plan = alice.client.post("/api/v1/programs", json=profile, headers=headers).json()["plan"]
    calendar = alice.client.get("/api/v1/programs/current/calendar.ics", headers=headers)
    assert calendar.status_code == 200
    assert calendar.headers["content-type"].startswith("text/calendar")
    sessions = sum(len(week["sessions"]) for week in plan["weeks"])
    assert calendar.text.count("BEGIN:VEVENT") == sessions == 6
    assert calendar.text.startswith("BEGIN:VCALENDAR")


def test_login_for_a_token_is_rate_limited_with_retry_after(alice: Visitor) -> None:
    wrong = {"username": alice.email, "password": "not the password"}
    codes = [alice.client.post("/api/v1/auth/token", data=wrong).status_code for _ in range(4)]
    assert codes == [401, 401, 401, 429]
    limited = alice.client.post(
        "/api/v1/auth/token", data={"username": alice.email, "password": "a long enough password"}
    )
    assert limited.status_code == 429
    assert 0 < int(limited.headers["Retry-After"]) <= 900


def test_password_hashes_never_appear_in_responses(alice: Visitor) -> None:
    with transaction(alice.client.app.state.repforge.sessions) as session:  # type: ignore[attr-defined]
        from sqlalchemy import select

        from repforge.store.tables import User

        hashed = session.scalar(select(User.password_hash).where(User.email == alice.email))
    assert hashed
    assert hashed.startswith("$argon2id$")
    headers = alice.token()
    alice.client.post("/api/v1/workouts", json=WORKOUT, headers=headers)
    for response in (
        alice.client.get("/account"),
        alice.client.get("/today"),
        alice.client.get("/history"),
        alice.client.get("/api/v1/workouts", headers=headers),
        alice.client.get("/api/v1/openapi.json"),
    ):
        assert hashed not in response.text
        assert "$argon2" not in response.text


def _secret(html: str) -> str:
    import re

    found = re.search(r'<code class="secret">([^<]+)</code>', html)
    assert found
    return found.group(1)


def _token_id(visitor: Visitor) -> str:
    import re

    found = re.search(r'action="/account/tokens/(\d+)/revoke"', visitor.client.get("/account").text)
    assert found
    return found.group(1)


def test_openapi_documents_both_bearer_schemes_on_user_routes(anonymous: Visitor) -> None:
    schema = anonymous.client.get("/api/v1/openapi.json").json()
    schemes = schema["components"]["securitySchemes"]
    assert schemes["OAuth2Password"]["flows"]["password"]["tokenUrl"] == "/api/v1/auth/token"
    assert schemes["PersonalAccessToken"]["scheme"] == "bearer"
    for method, path in USER_ROUTES:
        template = path.replace("/1", "/{workout_id}").replace("/goblet-squat", "/{slug}")
        template = template.split("?")[0]
        security = schema["paths"][template][method.lower()]["security"]
        assert {"OAuth2Password": []} in security
        assert {"PersonalAccessToken": []} in security
    assert "security" not in schema["paths"]["/api/v1/exercises"]["get"]


def test_a_session_at_the_top_of_the_range_raises_the_next_load_with_its_why(
    alice: Visitor,
) -> None:
    headers = alice.token()
    profile = {"goal": "hypertrophy", "days": 3, "minutes": 45, "weeks": 2}
    alice.client.post("/api/v1/programs", json=profile, headers=headers)
    first = alice.client.get("/api/v1/programs/current/next", headers=headers).json()
    sets = [
        {"exercise": p["slug"], "reps": p["reps"][1], "weight_kg": 20, "rir": p["rir"]}
        for p in first["exercises"]
        for _ in range(p["sets"])
    ]
    done = {**WORKOUT, "client_id": "top-1", "sets": sets}
    assert alice.client.post("/api/v1/workouts", json=done, headers=headers).status_code == 201
    raised = []
    for p in first["exercises"]:
        url = f"/api/v1/programs/current/prescription/{p['slug']}"
        now = alice.client.get(url, headers=headers).json()
        if now["load_kg"] is not None and now["load_kg"] > 20:
            raised.append(now)
    assert raised
    for now in raised:
        assert "at 20 kg" in now["why"]
