"""The progress page: the e1RM chart with its table, the heat map; owners only."""

from __future__ import annotations

from fastapi import FastAPI

from tests.web.conftest import Visitor


def _log(visitor: Visitor, client_id: str, day: str, weight: float) -> None:
    workout = {
        "started_at": f"{day}T18:00:00+00:00",
        "client_id": client_id,
        "sets": [{"exercise": "goblet-squat", "weight_kg": weight, "reps": 8, "rir": 2}],
    }
    response = visitor.client.post("/api/v1/workouts", json=workout, headers=visitor.token())
    assert response.status_code == 201


def test_the_chart_table_and_heat_map_show_the_log(alice: Visitor) -> None:
    _log(alice, "a", "2026-11-02", 20)
    _log(alice, "b", "2026-11-04", 24)
    page = alice.client.get("/progress?exercise=goblet-squat&week=2026-11-03")
    assert page.status_code == 200
    html = page.text
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in html
    assert "<td>Nov 4, 2026</td>" in html
    assert 'data-muscle="quads"' in html
    assert "heat-below" in html  # two hard sets is below any weekly target
    assert "<script>" not in html


def test_an_empty_log_says_so_and_strangers_log_in(alice: Visitor, log_app: FastAPI) -> None:
    assert "Nothing logged yet" in alice.client.get("/progress").text
    anonymous = Visitor(log_app, "nobody@example.com")
    response = anonymous.client.get("/progress")
    assert response.status_code == 303
    assert response.headers["location"].startswith("/login?next=/progress")


def test_another_users_log_never_shows(alice: Visitor, bob: Visitor) -> None:
    _log(alice, "a", "2026-11-02", 20)
    page = bob.client.get("/progress?exercise=goblet-squat&week=2026-11-03").text
    assert "Nothing logged yet" in page
    assert "Nov 2, 2026" not in page
