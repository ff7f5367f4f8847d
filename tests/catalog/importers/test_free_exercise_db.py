"""free-exercise-db records become complete drafts; malformed files are refused by index."""

from __future__ import annotations

from pathlib import Path

import pytest

from repforge.catalog.importers import free_exercise_db
from repforge.errors import ImportFormatError

from .conftest import FIXTURES


def test_records_map_to_our_vocabulary_with_provenance() -> None:
    drafts, report = free_exercise_db.parse(FIXTURES / "free_exercise_db" / "exercises.json")
    assert report.records == 5
    assert len(drafts) == 5
    eight = next(d for d in drafts if d.slug == "kettlebell-figure-eight")
    assert (eight.target, eight.body_part, eight.difficulty) == ("abs", "core", "intermediate")
    assert [s.muscle for s in eight.secondary] == ["forearms", "front-delts", "side-delts"]
    assert eight.equipment.required == ("kettlebell",)
    assert (eight.mechanic, eight.force, eight.load) == ("compound", "pull", "external")
    assert eight.provenance.source == "free-exercise-db"
    assert eight.provenance.source_id == "Kettlebell_Figure_Eight"
    assert eight.provenance.licence == "Unlicense"
    assert len(eight.steps) == 3
    assert eight.summary is None


def test_missing_facts_are_inferred_and_reported() -> None:
    drafts, report = free_exercise_db.parse(FIXTURES / "free_exercise_db")
    stretch = next(d for d in drafts if d.slug == "lying-quad-pull")
    assert (stretch.pattern, stretch.category, stretch.tracking) == (
        "stretch",
        "stretching",
        "time",
    )
    assert (stretch.force, stretch.mechanic) == ("static", "isolation")
    assert ("pattern", "category stretching") in report.inferred
    assert ("force", "stretch is static") in report.inferred
    raise_ = next(d for d in drafts if d.slug == "side-lateral-raise-with-plate")
    assert raise_.target == "side-delts"  # "shoulders" narrowed by the movement
    assert raise_.difficulty == "advanced"
    assert raise_.category == "strength"


def test_unknown_and_factless_values_are_counted() -> None:
    _, report = free_exercise_db.parse(FIXTURES / "free_exercise_db")
    assert dict(report.unmapped) == {
        ("secondaryMuscles", "shoulder blades"): 1,
        ("equipment", "sled"): 1,
    }
    assert dict(report.vague) == {("equipment", "other"): 1, ("equipment", "null"): 1}


def test_text_is_bounded_to_the_model() -> None:
    drafts, report = free_exercise_db.parse(FIXTURES / "free_exercise_db")
    sled = next(d for d in drafts if d.slug == "sled-drag-sprint")
    assert len(sled.steps) == 20
    assert max(len(s) for s in sled.steps) <= 600
    assert any(s.endswith("…") for s in sled.steps)
    quad = next(d for d in drafts if d.slug == "lying-quad-pull")
    assert len(quad.steps) == 1  # "Ok." is too short to be a step
    assert report.trimmed[("steps", "kept the first 20 items")] == 1
    assert report.trimmed[("steps", "clipped items to 600 characters")] == 1


@pytest.mark.parametrize(
    ("name", "index", "field", "words"),
    [
        ("bad.json", None, None, "invalid JSON at line 2"),
        ("missing_name.json", 1, "name", "is missing"),
        ("wrong_schema.json", 0, "primaryMuscles", "is missing"),
    ],
)
def test_malformed_files_are_refused(
    name: str, index: int | None, field: str | None, words: str
) -> None:
    with pytest.raises(ImportFormatError, match=words) as caught:
        free_exercise_db.parse(FIXTURES / "free_exercise_db" / name)
    assert (caught.value.index, caught.value.field) == (index, field)


def test_blank_names_and_non_arrays_are_refused(tmp_path: Path) -> None:
    blank = tmp_path / "blank.json"
    blank.write_text('[{"id": "x", "name": "  ", "primaryMuscles": ["chest"]}]')
    with pytest.raises(ImportFormatError, match="record 0, field 'name': is empty"):
        free_exercise_db.parse(blank)
    single = tmp_path / "single.json"
    single.write_text('{"id": "x"}')
    with pytest.raises(ImportFormatError, match="JSON array"):
        free_exercise_db.parse(single)
    with pytest.raises(ImportFormatError, match="no such file"):
        free_exercise_db.parse(tmp_path / "absent.json")
