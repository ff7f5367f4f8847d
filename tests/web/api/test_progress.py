"""Progress API: e1RM and records from the log, sets per muscle; owners only."""

from __future__ import annotations

from typing import Any

from tests.web.conftest import Visitor


def _workout(client_id: str, day: str, weight: float, reps: int) -> dict[str, Any]:
    return {
        "started_at": f"{day}T18:00:00+00:00",
        "client_id": client_id,
        "sets": [
            {"exercise": "goblet-squat", "set_type": "warm-up", "weight_kg": 10, "reps": 10},
            {"exercise": "goblet-squat", "weight_kg": weight, "reps": reps, "rir": 2},
        ],
    }


def test_e1rm_and_records_follow_the_log(alice: Visitor) -> None:
    headers = alice.token()
    for client_id, day, weight in (("a", "2026-11-02", 20), ("b", "2026-11-09", 24)):
        posted = alice.client.post(
            "/api/v1/workouts", json=_workout(client_id, day, weight, 10), headers=headers
        )
        assert posted.status_code == 201
    got = alice.client.get("/api/v1/progress/exercises/goblet-squat", headers=headers)
    assert got.status_code == 200
    body = got.json()
    assert [p["date"] for p in body["e1rm"]] == ["2026-11-02", "2026-11-09"]
    first, second = (p["kg"] for p in body["e1rm"])
    assert second > first > 20
    assert {r["date"] for r in body["prs"]} >= {"2026-11-09"}
    heaviest = [r for r in body["prs"] if r["kind"] == "heaviest-weight"]
    assert heaviest[-1]["weight_kg"] == 24


def test_sets_per_muscle_count_the_hard_sets_of_that_week(alice: Visitor) -> None:
    headers = alice.token()
    alice.client.post("/api/v1/workouts", json=_workout("a", "2026-11-04", 20, 10), headers=headers)
    week = alice.client.get("/api/v1/progress/muscles?week=2026-11-05", headers=headers).json()
    assert week["week"] == "2026-11-02"
    assert week["muscles"]["quads"]["direct"] == 1  # the warm-up is not a hard set
    empty = alice.client.get("/api/v1/progress/muscles?week=2026-11-12", headers=headers).json()
    assert empty["muscles"] == {}


def test_another_users_progress_is_not_found_and_strangers_are_refused(
    alice: Visitor, bob: Visitor, anonymous: Visitor
) -> None:
    alice.client.post(
        "/api/v1/workouts", json=_workout("a", "2026-11-04", 20, 10), headers=alice.token()
    )
    theirs = bob.client.get("/api/v1/progress/exercises/goblet-squat", headers=bob.token())
    assert theirs.status_code == 404
    bobs_week = bob.client.get("/api/v1/progress/muscles?week=2026-11-04", headers=bob.token())
    assert bobs_week.json()["muscles"] == {}
    for path in ("/api/v1/progress/exercises/goblet-squat", "/api/v1/progress/muscles"):
        assert anonymous.client.get(path).status_code == 401
