"""The import page: upload an export, CSRF required, repeats add nothing, errors say where."""

from __future__ import annotations

from fastapi import FastAPI

from tests.web.conftest import Visitor

HEVY = (
    '"title","start_time","end_time","description","exercise_title","superset_id",'
    '"exercise_notes","set_index","set_type","weight_kg","reps","distance_km",'
    '"duration_seconds","rpe"\n'
    '"Legs","26 Jul 2025, 07:06","26 Jul 2025, 08:10","","Goblet Squat",,"",0,"normal",24,10,,,\n'
    '"Legs","26 Jul 2025, 07:06","26 Jul 2025, 08:10","","My Odd Sled Drag",,"",0,"normal",40,,0.1,,\n'
)


def _upload(visitor: Visitor, text: str, app: str = "hevy") -> tuple[int, str]:
    token = visitor.csrf("/log/import")
    response = visitor.client.post(
        "/log/import",
        data={"csrf_token": token, "format": app},
        files={"file": ("hevy.csv", text.encode(), "text/csv")},
    )
    return response.status_code, response.text


def test_an_upload_adds_the_history_once(alice: Visitor) -> None:
    status, page = _upload(alice, HEVY)
    assert status == 200
    assert "Added 1 workout with 2 sets." in page
    assert "My Odd Sled Drag" in page
    status, page = _upload(alice, HEVY)
    assert "Added 0 workouts with 0 sets. 1 was already in your log." in page
    assert "1 workout." in alice.client.get("/history").text


def test_a_malformed_file_names_the_line_and_imports_nothing(alice: Visitor) -> None:
    broken = HEVY + '"Legs","27 Jul 2025","","","Goblet Squat",,"",0,"normal",x,10,,,\n'
    status, page = _upload(alice, broken)
    assert status == 400
    assert "Nothing was imported" in page
    assert "line 4" in page
    assert "Nothing logged yet" in alice.client.get("/history").text


def test_an_upload_without_the_csrf_token_is_refused(alice: Visitor) -> None:
    response = alice.client.post(
        "/log/import",
        data={"format": "hevy"},
        files={"file": ("hevy.csv", HEVY.encode(), "text/csv")},
    )
    assert response.status_code == 403
    assert "Nothing logged yet" in alice.client.get("/history").text


def test_anonymous_visitors_are_sent_to_log_in(log_app: FastAPI) -> None:
    anonymous = Visitor(log_app, "nobody@example.com")
    for path in ("/log/import", "/log/export?format=repforge"):
        response = anonymous.client.get(path)
        assert response.status_code == 303
        assert response.headers["location"].startswith("/login?next=/log/")


def test_the_log_exports_in_each_shape_and_imports_back_as_nothing_new(alice: Visitor) -> None:
    _upload(alice, HEVY)
    hevy = alice.client.get("/log/export?format=hevy")
    assert hevy.status_code == 200
    assert hevy.headers["content-disposition"] == 'attachment; filename="repforge-log-hevy.csv"'
    assert "My Odd Sled Drag" in hevy.text
    _, page = _upload(alice, hevy.text)
    assert "Added 0 workouts" in page
    strong = alice.client.get("/log/export?format=strong").text
    assert strong.startswith('"Date";"Workout Name";"Exercise Name"')
    full = alice.client.get("/log/export?format=repforge")
    assert full.headers["content-type"] == "application/json"
    assert "custom:My Odd Sled Drag" in full.text


def test_an_export_holds_only_your_own_log(alice: Visitor, bob: Visitor) -> None:
    _upload(alice, HEVY)
    assert "Sled" not in bob.client.get("/log/export?format=repforge").text
