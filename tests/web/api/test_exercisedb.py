"""The ExerciseDB-compatible API: routes, record shape and the vocabulary crosswalk."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from repforge.catalog import crosswalk, vocab
from repforge.catalog.catalog import Catalog
from repforge.web.api import exercisedb_service
from tests.factories import make_catalog, make_exercise

BASE = "/api/exercisedb/exercises"
FIELDS = [
    "id",
    "name",
    "bodyPart",
    "equipment",
    "target",
    "secondaryMuscles",
    "instructions",
    "description",
    "difficulty",
    "category",
    "gifUrl",
]


@pytest.fixture
def edb(client_for: Callable[[Catalog], TestClient]) -> TestClient:
    return client_for(
        make_catalog(
            make_exercise(
                slug="push-up",
                name="Push-Up",
                body_part="chest",
                target="chest",
                secondary=[{"muscle": "triceps", "weight": 0.6}, "front-delts"],
                pattern="horizontal-push",
                aliases=("Press Up",),
            ),
            make_exercise(
                slug="incline-push-up",
                name="Incline Push-Up",
                body_part="chest",
                target="chest",
                pattern="horizontal-push",
                equipment={"required": ["bench"]},
            ),
            make_exercise(
                slug="goblet-squat",
                name="Goblet Squat",
                load="external",
                equipment={"options": ["dumbbell", "kettlebell"]},
            ),
            make_exercise(
                slug="standing-calf-raise",
                name="Standing Calf Raise",
                target="calves",
                pattern="calf-raise",
                secondary=[],
            ),
            make_exercise(
                slug="clean",
                name="Power Clean",
                category="olympic",
                body_part="full-body",
                pattern="olympic-lift",
                equipment={"required": ["barbell"]},
            ),
        )
    )


def _ids(client: TestClient, url: str) -> list[str]:
    response = client.get(url)
    assert response.status_code == 200, response.text
    return [record["id"] for record in response.json()]


def test_records_have_exercisedb_shape_and_words(edb: TestClient) -> None:
    record = edb.get(f"{BASE}/exercise/push-up").json()
    assert list(record) == FIELDS
    assert record["id"] == "push-up"
    assert record["name"] == "push-up"
    assert (record["bodyPart"], record["target"], record["equipment"]) == (
        "chest",
        "pectorals",
        "body weight",
    )
    assert record["secondaryMuscles"] == ["triceps", "delts"]
    assert record["gifUrl"] is None
    assert record["difficulty"] == "beginner"
    assert len(record["instructions"]) == 4


def test_all_exercises_have_no_ten_result_cap(client_for: Callable[[Catalog], TestClient]) -> None:
    client = client_for(make_catalog(*(make_exercise(slug=f"lift-{i:02}") for i in range(15))))
    assert len(_ids(client, BASE)) == 15
    assert len(_ids(client, f"{BASE}?limit=0")) == 15
    assert _ids(client, f"{BASE}?limit=2&offset=12") == ["lift-12", "lift-13"]


def test_name_matches_parts_of_names_and_aliases(edb: TestClient) -> None:
    assert _ids(edb, f"{BASE}/name/push up") == ["incline-push-up", "push-up"]
    assert _ids(edb, f"{BASE}/name/PRESS%20UP") == ["push-up"]
    assert _ids(edb, f"{BASE}/name/nothing") == []


def test_body_part_splits_legs_and_maps_core_to_waist(edb: TestClient) -> None:
    assert _ids(edb, f"{BASE}/bodyPart/lower legs") == ["standing-calf-raise"]
    # ExerciseDB has no full-body part, so the clean goes where its target (quads) is
    assert _ids(edb, f"{BASE}/bodyPart/upper legs") == ["clean", "goblet-squat"]
    assert _ids(edb, f"{BASE}/bodyPart/waist") == []


def test_target_and_equipment_filters(edb: TestClient) -> None:
    assert _ids(edb, f"{BASE}/target/pectorals") == ["incline-push-up", "push-up"]
    assert _ids(edb, f"{BASE}/target/serratus anterior") == []  # theirs, nothing of ours
    assert _ids(edb, f"{BASE}/equipment/kettlebell") == ["goblet-squat"]  # an option counts
    assert _ids(edb, f"{BASE}/equipment/dumbbell") == ["goblet-squat"]
    # a bench is no ExerciseDB equipment, so the incline push-up shows as body weight
    assert _ids(edb, f"{BASE}/equipment/body weight") == [
        "incline-push-up",
        "push-up",
        "standing-calf-raise",
    ]
    assert "clean" in _ids(edb, f"{BASE}/equipment/olympic barbell")


def test_unknown_values_are_422_problems_listing_exercisedb_words(edb: TestClient) -> None:
    response = edb.get(f"{BASE}/bodyPart/legs")
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["field"] == "bodyPart"
    assert "upper legs" in response.json()["allowed"]
    assert edb.get(f"{BASE}/target/quadriceps").json()["field"] == "target"
    assert edb.get(f"{BASE}/equipment/bench").json()["field"] == "equipment"
    assert edb.get(f"{BASE}/exercise/no-such-thing").status_code == 404


def test_lists_are_exercisedbs_vocabularies(edb: TestClient) -> None:
    assert len(edb.get(f"{BASE}/bodyPartList").json()) == 10
    assert "serratus anterior" in edb.get(f"{BASE}/targetList").json()
    equipment = edb.get(f"{BASE}/equipmentList").json()
    assert len(equipment) == 28
    assert "body weight" in equipment


def test_categories_collapse_what_exercisedb_lacks(edb: TestClient) -> None:
    assert edb.get(f"{BASE}/exercise/clean").json()["category"] == "strength"


def test_every_muscle_of_ours_has_an_exercisedb_target() -> None:
    for muscle in vocab.MUSCLES:
        assert crosswalk.exercisedb_target(muscle.slug) in crosswalk.EXERCISEDB_TARGETS
    for part in vocab.BODY_PARTS:
        exercise = make_exercise(body_part=part.slug)
        assert crosswalk.exercisedb_body_part_of(exercise) in crosswalk.exercisedb_body_parts()


def test_every_equipment_of_ours_maps_to_an_exercisedb_word() -> None:
    words = set(crosswalk.exercisedb_equipment_list())
    for item in vocab.EQUIPMENT:
        assert crosswalk.exercisedb_equipment_word([item.slug]) in words


def test_machines_and_full_body_get_the_nearest_exercisedb_words() -> None:
    assert crosswalk.exercisedb_equipment_word(["pec-deck"]) == "leverage machine"
    assert crosswalk.exercisedb_equipment_word(["lat-pulldown-machine"]) == "cable"
    assert crosswalk.exercisedb_equipment_word(["bench", "dumbbell"]) == "dumbbell"
    assert crosswalk.exercisedb_equipment_word(["pull-up-bar"]) == "body weight"
    burpee = make_exercise(body_part="full-body", target="cardiovascular-system", secondary=[])
    assert crosswalk.exercisedb_body_part_of(burpee) == "cardio"
    swing = make_exercise(body_part="full-body", target="glutes", secondary=[])
    assert crosswalk.exercisedb_body_part_of(swing) == "upper legs"


def test_every_category_of_ours_maps() -> None:
    mapped = {crosswalk.exercisedb_category(c.slug) for c in vocab.CATEGORIES}
    assert "olympic" not in mapped
    assert "strongman" not in mapped


def test_service_pages_without_a_cap() -> None:
    catalog = make_catalog(*(make_exercise(slug=f"lift-{i:02}") for i in range(12)))
    assert len(exercisedb_service.all_exercises(catalog, None, 0)) == 12
    assert len(exercisedb_service.all_exercises(catalog, 0, 10)) == 2


def test_mapping_doc_is_current() -> None:
    doc = (Path(__file__).parents[3] / "docs" / "exercisedb.md").read_text("utf-8")
    for muscle in vocab.MUSCLES:
        assert f"| `{muscle.slug}` | {crosswalk.exercisedb_target(muscle.slug)} |" in doc
    rows = {line.split(" | ")[0].lstrip("| "): line for line in doc.splitlines()}
    for item in vocab.EQUIPMENT:
        word = crosswalk.exercisedb_equipment_word([item.slug])
        assert f"`{item.slug}`" in rows[word], f"docs/exercisedb.md: {item.slug} under {word}"


def test_the_api_and_the_file_export_share_one_record_in_exercisedb_style() -> None:
    from repforge.catalog.importers import exercisedb as edb_file
    from repforge.catalog.load import load_builtin
    from repforge.web.api import exercisedb_service

    for exercise in load_builtin():
        served = exercisedb_service.record(exercise).model_dump(mode="json")
        exported = edb_file.export_record(exercise)
        assert {k: exported[k] for k in served} == served, exercise.slug
        assert exported["name"] == exercise.name.lower()
        assert exported["target"] in crosswalk.EXERCISEDB_TARGETS
        assert exported["target"] not in exported["secondaryMuscles"]
