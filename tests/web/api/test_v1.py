"""The JSON API v1 over HTTP: filters, detail, relations, search, taxonomy, errors, caching."""

from __future__ import annotations

from collections.abc import Callable

from fastapi.testclient import TestClient

from repforge.catalog.catalog import Catalog
from tests.factories import make_catalog, make_exercise

PROBLEM = "application/problem+json"
POPULARITY = (("b-lift", 3), ("a-lift", 3), ("c-lift", 5))


def _slugs(client: TestClient, url: str) -> list[str]:
    response = client.get(url)
    assert response.status_code == 200, response.text
    return [item["slug"] for item in response.json()["data"]]


def test_list_pages_with_count_limit_and_offset(client: TestClient) -> None:
    body = client.get("/api/v1/exercises?limit=2&offset=1&sort=name").json()
    assert body["count"] == 4
    assert (body["limit"], body["offset"]) == (2, 1)
    assert [e["slug"] for e in body["data"]] == ["pistol-test", "test-squat"]
    assert body["data"][0]["url"] == "/exercise/pistol-test"


def test_filters_combine(client: TestClient) -> None:
    assert _slugs(client, "/api/v1/exercises?difficulty=advanced") == ["pistol-test"]
    assert _slugs(client, "/api/v1/exercises?category=stretching") == ["test-stretch"]
    assert _slugs(client, "/api/v1/exercises?pattern=squat&equipment=kettlebell") == ["goblet-test"]
    assert _slugs(client, "/api/v1/exercises?muscle=glutes&difficulty=beginner&sort=name") == [
        "goblet-test",
        "test-squat",
        "test-stretch",
    ]
    assert _slugs(client, "/api/v1/exercises?target=glutes") == []
    assert _slugs(client, "/api/v1/exercises?body_part=legs&mechanic=isolation") == []


def test_available_equipment_means_only_this_kit(client: TestClient) -> None:
    bodyweight_only = set(_slugs(client, "/api/v1/exercises?available_equipment=bodyweight"))
    assert bodyweight_only == {"test-squat", "pistol-test", "test-stretch"}
    with_bell = _slugs(client, "/api/v1/exercises?available_equipment=kettlebell&sort=name")
    assert "goblet-test" in with_bell  # one of its options is enough
    assert len(with_bell) == 4


def test_sort_by_popularity_then_name(client_for: Callable[[Catalog], TestClient]) -> None:
    client = client_for(make_catalog(*(make_exercise(slug=s, popularity=p) for s, p in POPULARITY)))
    assert _slugs(client, "/api/v1/exercises") == ["c-lift", "a-lift", "b-lift"]
    assert _slugs(client, "/api/v1/exercises?sort=popularity") == ["c-lift", "a-lift", "b-lift"]
    assert _slugs(client, "/api/v1/exercises?sort=name") == ["a-lift", "b-lift", "c-lift"]
    # relevance without q has nothing to rank by, so it keeps the default order
    assert _slugs(client, "/api/v1/exercises?sort=relevance") == ["c-lift", "a-lift", "b-lift"]


def test_q_narrows_the_list_and_sorts_by_relevance(search_client: TestClient) -> None:
    assert _slugs(search_client, "/api/v1/exercises?q=pistol")[0] == "pistol-test"
    assert _slugs(search_client, "/api/v1/exercises?q=pistol&difficulty=beginner") == []


def test_invalid_filter_value_is_a_422_problem_listing_allowed_values(client: TestClient) -> None:
    response = client.get("/api/v1/exercises?body_part=legs&equipment=barbell&equipment=anvil")
    assert response.status_code == 422
    assert response.headers["content-type"] == PROBLEM
    problem = response.json()
    assert problem["field"] == "equipment"
    assert "anvil" in problem["detail"]
    assert "barbell" in problem["allowed"]
    assert problem["status"] == 422


def test_out_of_range_paging_is_a_422_problem_naming_the_parameter(client: TestClient) -> None:
    for url in ("/api/v1/exercises?limit=0", "/api/v1/exercises?limit=201"):
        response = client.get(url)
        assert response.status_code == 422
        assert response.headers["content-type"] == PROBLEM
        assert response.json()["field"] == "limit"
    assert client.get("/api/v1/exercises?limit=200").status_code == 200


def test_detail_exposes_the_page_as_structured_fields(client: TestClient) -> None:
    body = client.get("/api/v1/exercises/pistol-test").json()
    assert body["slug"] == "pistol-test"
    assert body["markdown_url"] == "/exercise/pistol-test.md"
    assert [len(body[k]) for k in ("steps", "tips", "mistakes")] == [4, 3, 3]
    assert body["muscles"][0] == {
        "slug": "quads",
        "name": "Quads",
        "latin": ["quadriceps femoris"],
        "role": "target",
        "weight": 1.0,
    }
    assert body["muscles"][1]["role"] == "secondary"
    assert body["why_hard"]
    assert body["eccentric_entry"] is True
    questions = [f["question"] for f in body["faq"]]
    assert "Why is the Pistol Test so difficult?" in questions
    assert all(f["generated"] for f in body["faq"])
    assert body["relations"]["easier"] == [
        {
            "slug": "test-squat",
            "name": "Test Squat",
            "difficulty": "beginner",
            "reason": None,
            "url": "/exercise/test-squat",
            "score": None,
        }
    ]
    assert {"label": "Difficulty", "value": "Advanced"} in body["facts"]
    assert body["equipment"] == {"required": [], "options": [], "label": "Body weight"}
    assert body["provenance"]["licence"] == "CC0-1.0"


def test_detail_lists_authored_alternatives_with_reasons(client: TestClient) -> None:
    relations = client.get("/api/v1/exercises/test-squat").json()["relations"]
    assert relations["alternatives"][0]["reason"] == "A weight in front teaches depth."
    assert relations["harder"][0]["slug"] == "pistol-test"
    ranked = relations["ranked_alternatives"]
    assert ranked[0]["slug"] == "goblet-test"
    assert 0 < ranked[0]["score"] <= 1


def test_detail_of_an_imported_exercise_without_text(
    client_for: Callable[[Catalog], TestClient],
) -> None:
    bare = make_exercise(slug="imported-lift", summary=None, steps=[], tips=[], mistakes=[])
    body = client_for(make_catalog(bare)).get("/api/v1/exercises/imported-lift").json()
    assert body["summary"] is None
    assert body["steps"] == []
    assert body["quick_answer"]


def test_unknown_slug_is_a_404_problem_with_suggestions(client: TestClient) -> None:
    for path in ("", "/alternatives", "/progressions"):
        response = client.get(f"/api/v1/exercises/pistol-tset{path}")
        assert response.status_code == 404
        assert response.headers["content-type"] == PROBLEM
        assert response.json()["suggestions"] == ["pistol-test"]


def test_alternatives_are_ranked_with_score_and_reason(client: TestClient) -> None:
    body = client.get("/api/v1/exercises/test-squat/alternatives").json()
    assert body["available_equipment"] is None
    first = body["data"][0]
    assert first["exercise"]["slug"] == "goblet-test"
    assert first["listed"] is True
    assert first["reason"] == "A weight in front teaches depth."
    assert 0 < first["score"] <= 1
    scores = [item["score"] for item in body["data"]]
    assert scores == sorted(scores, reverse=True)


def test_alternatives_respect_available_kit_and_limit(client: TestClient) -> None:
    url = "/api/v1/exercises/test-squat/alternatives?available_equipment=bodyweight&limit=1"
    body = client.get(url).json()
    assert body["available_equipment"] == ["bodyweight"]
    assert [item["exercise"]["slug"] for item in body["data"]] == ["pistol-test"]
    bad = client.get("/api/v1/exercises/test-squat/alternatives?available_equipment=anvil")
    assert bad.status_code == 422
    assert bad.json()["field"] == "available_equipment"


def test_progressions_give_both_chains(client: TestClient) -> None:
    body = client.get("/api/v1/exercises/test-squat/progressions").json()
    assert body == {
        "slug": "test-squat",
        "easier": [],
        "harder": [body["harder"][0]],
    }
    assert body["harder"][0]["slug"] == "pistol-test"
    easier = client.get("/api/v1/exercises/pistol-test/progressions").json()["easier"]
    assert [e["slug"] for e in easier] == ["test-squat"]


def test_search_returns_scored_hits(search_client: TestClient) -> None:
    client = search_client
    body = client.get("/api/v1/search?q=pistol").json()
    assert body["query"] == "pistol"
    assert body["data"][0]["slug"] == "pistol-test"
    assert body["data"][0]["score"] > 0
    assert body["count"] >= 1
    assert client.get("/api/v1/search?q=").status_code == 422


def test_taxonomy_lists_every_vocabulary_with_counts(client: TestClient) -> None:
    body = client.get("/api/v1/taxonomy").json()
    assert set(body) >= {"body_parts", "muscles", "equipment", "difficulties", "patterns"}
    legs = next(t for t in body["body_parts"] if t["slug"] == "legs")
    assert legs == {"slug": "legs", "name": "Legs", "count": 4}
    glutes = next(t for t in body["muscles"] if t["slug"] == "glutes")
    assert (glutes["count"], glutes["target_count"]) == (4, 0)
    kettlebell = next(t for t in body["equipment"] if t["slug"] == "kettlebell")
    assert (kettlebell["count"], kettlebell["kind"]) == (1, "free-weight")
    bodyweight = next(t for t in body["equipment"] if t["slug"] == "bodyweight")
    assert bodyweight["count"] == 3


def test_catalog_reports_version_counts_and_licences(client: TestClient) -> None:
    body = client.get("/api/v1/catalog").json()
    assert body["version"] == "test"
    assert body["counts"]["exercises"] == 4
    assert body["counts"]["difficulties"] == {"beginner": 3, "intermediate": 0, "advanced": 1}
    assert body["licence"] == {"text": "CC-BY-SA-4.0", "code": "AGPL-3.0-or-later"}


def test_responses_are_json_with_etag_and_conditional_get(client: TestClient) -> None:
    first = client.get("/api/v1/exercises/test-squat")
    assert first.headers["content-type"] == "application/json"
    etag = first.headers["etag"]
    assert etag.startswith('"test-')  # keyed on the catalog version
    assert first.headers["cache-control"].startswith("public, max-age=")
    again = client.get("/api/v1/exercises/test-squat", headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.content == b""
    assert again.headers["etag"] == etag
    weak = client.get("/api/v1/exercises/test-squat", headers={"If-None-Match": f"W/{etag}"})
    assert weak.status_code == 304
    assert client.get("/api/v1/exercises/goblet-test").headers["etag"] != etag


def test_unknown_api_path_and_method_are_problems(client: TestClient) -> None:
    missing = client.get("/api/v1/nothing")
    assert (missing.status_code, missing.headers["content-type"]) == (404, PROBLEM)
    wrong = client.post("/api/v1/exercises")
    assert wrong.status_code == 405
    assert wrong.headers["content-type"] == PROBLEM
    assert wrong.headers["allow"] == "GET"
