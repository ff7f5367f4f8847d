"""Today, history and workout pages: no JavaScript needed, retries safe, owners only."""

from __future__ import annotations

import re

from fastapi import FastAPI

from tests.web.conftest import PLAN_QUERY, Visitor

HIDDEN = re.compile(r'<input type="hidden" name="(client_id|started_at|name)" value="([^"]*)"')


def _today_form(visitor: Visitor) -> tuple[dict[str, str], list[str]]:
    page = visitor.client.get("/today").text
    hidden = dict(HIDDEN.findall(page))
    hidden["csrf_token"] = visitor.csrf("/today")
    slugs = re.findall(r'<input type="hidden" name="exercise" value="([^"]+)"', page)
    return hidden, slugs


def _rows(slugs: list[str], reps: str) -> dict[str, list[str]]:
    return {
        "exercise": slugs,
        "set_type": ["working"] * len(slugs),
        "weight": ["45"] * len(slugs),
        "reps": [reps] + [""] * (len(slugs) - 1),
        "seconds": [""] * len(slugs),
        "rir": ["2"] * len(slugs),
    }


def test_today_asks_for_a_program_first(alice: Visitor) -> None:
    page = alice.client.get("/today")
    assert page.status_code == 200
    assert 'href="/plan"' in page.text


def test_the_program_goes_to_a_calendar(alice: Visitor) -> None:
    assert alice.client.get("/today/calendar.ics").status_code == 404
    alice.take_plan()
    assert 'href="/today/calendar.ics"' in alice.client.get("/today").text
    calendar = alice.client.get("/today/calendar.ics")
    assert calendar.status_code == 200
    assert calendar.headers["cache-control"] == "no-store"
    assert calendar.text.count("BEGIN:VEVENT") == 6  # 3 days a week for 2 weeks


def test_the_plan_page_offers_to_take_it(alice: Visitor) -> None:
    plan_page = alice.client.get(f"/plan?{PLAN_QUERY}").text
    assert 'href="/plan/take?days=3&amp;goal=hypertrophy&amp;minutes=45&amp;weeks=2"' in plan_page
    assert "Take this plan as my program" in plan_page


def test_log_a_session_without_javascript_and_retry_safely(alice: Visitor) -> None:
    alice.take_plan()
    today = alice.client.get("/today").text
    assert "Today:" in today
    assert "in reserve" in today
    assert 'src="/static/log.js"' in today
    assert "<script>" not in today  # no inline script: a strict CSP stays possible
    form, slugs = _today_form(alice)
    data = {**form, **_rows(slugs, "10")}
    first = alice.client.post("/today", data=data)
    assert first.status_code == 303
    again = alice.client.post("/today", data=data)  # a double-tapped or retried submit
    assert again.headers["location"] == first.headers["location"]
    workout = alice.client.get(first.headers["location"]).text
    assert workout.count('name="exercise" value="') == 1 + 3  # the one set done, 3 blank rows
    history = alice.client.get("/history").text
    assert "1 workout." in history
    # the next session moved on
    assert alice.client.get("/today").text != today


def test_the_autosave_updates_the_same_workout(alice: Visitor) -> None:
    alice.take_plan()
    form, slugs = _today_form(alice)
    headers = {"X-Requested-With": "fetch"}
    one = alice.client.post("/today", data={**form, **_rows(slugs, "8")}, headers=headers)
    assert one.status_code == 204
    rows = _rows(slugs, "8")
    rows["reps"] = ["8", "9"] + [""] * (len(slugs) - 2)
    two = alice.client.post("/today", data={**form, **rows}, headers=headers)
    assert two.headers["X-Workout-Id"] == one.headers["X-Workout-Id"]
    saved = alice.client.get(f"/workouts/{one.headers['X-Workout-Id']}").text
    assert saved.count('name="reps" value="') == 2 + 3
    # a reload mid-session shows the same session, with the sets saved so far and the same id
    reloaded, _ = _today_form(alice)
    assert reloaded["client_id"] == form["client_id"]
    assert reloaded["name"] == form["name"]
    page = alice.client.get("/today").text
    assert 'name="reps" value="8"' in page
    assert 'name="reps" value="9"' in page
    finished = alice.client.post("/today", data={**form, **rows})
    assert finished.status_code == 303
    assert _today_form(alice)[0]["client_id"] != form["client_id"]  # the next session now


def test_pounds_are_stored_as_kilograms(alice: Visitor) -> None:
    alice.post(
        "/account/preferences",
        {"units": "lb", "plate_increment": "5", "dumbbell_increment": "5"},
        "/account",
    )
    alice.take_plan()
    form, slugs = _today_form(alice)
    rows = _rows(slugs, "5")
    rows["weight"] = ["100"] * len(slugs)
    alice.client.post("/today", data={**form, **rows})
    stored = alice.client.get("/api/v1/workouts", headers=alice.token()).json()["data"][0]
    assert stored["sets"][0]["weight_kg"] == 45.359


def test_bad_numbers_are_refused_naming_the_set(alice: Visitor) -> None:
    alice.take_plan()
    form, slugs = _today_form(alice)
    rows = _rows(slugs, "ten")
    response = alice.client.post("/today", data={**form, **rows})
    assert response.status_code == 422
    assert "set 1 reps" in response.text


def test_edit_and_delete_a_workout(alice: Visitor) -> None:
    alice.take_plan()
    form, slugs = _today_form(alice)
    location = alice.client.post("/today", data={**form, **_rows(slugs, "10")}).headers["location"]
    path = location.split("?")[0]
    edit = {
        "csrf_token": alice.csrf(path),
        "name": "Renamed",
        "started_at": "2026-12-02T07:30",
        "notes": "felt good",
        "exercise": [slugs[0], "Farmer carry"],
        "set_type": ["working", "working"],
        "weight": ["50", "30"],
        "reps": ["6", ""],
        "seconds": ["", "40"],
        "rir": ["1", ""],
    }
    assert alice.client.post(path, data=edit).status_code == 303
    page = alice.client.get(path).text
    assert "Renamed" in page
    assert 'value="Farmer carry"' in page
    assert "felt good" in page
    deleted = alice.client.post(f"{path}/delete", data={"csrf_token": alice.csrf(path)})
    assert deleted.status_code == 303
    assert alice.client.get(path).status_code == 404


def test_another_users_workout_is_not_found_on_every_page(alice: Visitor, bob: Visitor) -> None:
    alice.take_plan()
    form, slugs = _today_form(alice)
    path = alice.client.post("/today", data={**form, **_rows(slugs, "10")}).headers["location"]
    path = path.split("?")[0]
    token = bob.csrf("/history")
    assert bob.client.get(path).status_code == 404
    assert bob.client.post(path, data={"csrf_token": token}).status_code == 404
    assert bob.client.post(f"{path}/delete", data={"csrf_token": token}).status_code == 404
    assert "Nothing logged yet" in bob.client.get("/history").text
    assert alice.client.get(path).status_code == 200


def test_anonymous_visitors_are_sent_to_the_login_page(log_app: FastAPI) -> None:
    anonymous = Visitor(log_app, "nobody@example.com")
    private = ("/today", "/today/calendar.ics", "/history", "/account", "/workouts/1")
    for path in (*private, f"/plan/take?{PLAN_QUERY}"):
        response = anonymous.client.get(path)
        assert response.status_code == 303, path
        assert response.headers["location"].startswith("/login?next=/")
    take = anonymous.client.get(f"/plan/take?{PLAN_QUERY}").headers["location"]
    assert (
        take == "/login?next=/plan/take%3Fgoal%3Dhypertrophy%26days%3D3%26minutes%3D45%26weeks%3D2"
    )
    token = anonymous.csrf("/login")
    for path in ("/today", "/workouts/1", "/workouts/1/delete", "/account/tokens", "/plan/take"):
        response = anonymous.client.post(path, data={"csrf_token": token})
        assert response.status_code == 303, path
        assert response.headers["location"].startswith("/login")


def test_private_pages_are_never_cached(alice: Visitor) -> None:
    for path in ("/today", "/history", "/account", "/login"):
        assert alice.client.get(path).headers["cache-control"] == "no-store"


def test_today_shows_supersets_and_skips_the_rest_between_their_exercises(
    alice: Visitor,
) -> None:
    alice.take_plan()
    page = alice.client.get("/today").text
    marks = re.findall(r'<span class="superset-mark">([A-Z][12])</span>', page)
    assert marks, "the 45-minute test plan pairs exercises on its first day"
    assert marks[:2] == ["A1", "A2"]
    a1 = page.index(">A1<")
    a2_name = re.search(r">A2</span> <a href=\"[^\"]+\">([^<]+)</a>", page)
    assert a2_name is not None
    # A1's line sends the person straight to A2; its rest timer covers only the walk
    assert f"then straight to {a2_name.group(1)} (superset)" in page[a1:]
    section = page.rfind('<section class="lift" data-rest="', 0, a1)
    assert page[section:].startswith('<section class="lift" data-rest="15"')
