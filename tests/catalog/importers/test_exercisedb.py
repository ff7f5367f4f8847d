"""ExerciseDB classic and v1 records, mixed or apart, and our export record read back."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from repforge.catalog.importers import exercisedb
from repforge.errors import ImportFormatError
from tests.factories import DATASETS

from .conftest import FIXTURES


def test_classic_records() -> None:
    drafts, report = exercisedb.parse(FIXTURES / "exercisedb" / "classic.json")
    by_slug = {d.slug: d for d in drafts}
    crunch = by_slug["cable-kneeling-rope-crunch"]
    assert crunch.name == "Cable Kneeling Rope Crunch"
    assert (crunch.body_part, crunch.target, crunch.equipment.required) == (
        "core",
        "abs",
        ("cable-machine",),
    )
    assert crunch.summary == "A kneeling crunch against cable resistance & a rope."
    assert crunch.provenance.source_id == "9001"
    assert crunch.provenance.licence == exercisedb.CLASSIC_LICENCE
    raise_ = by_slug["dumbbell-y-raise-on-incline"]
    assert raise_.target == "rear-delts"  # the Y raise narrows "delts"
    assert raise_.difficulty == "beginner"  # "expert" is not a word of ours: inferred
    hike = by_slug["weighted-vest-hike"]
    assert (hike.category, hike.pattern, hike.body_part) == ("cardio", "locomotion", "cardio")
    assert dict(report.unmapped) == {
        ("difficulty", "expert"): 1,
        ("category", "toning"): 1,
        ("secondaryMuscles", "kneecaps"): 1,
    }


def test_v1_records_drop_step_prefixes() -> None:
    drafts, report = exercisedb.parse(FIXTURES / "exercisedb" / "v1.json")
    hinge = next(d for d in drafts if d.slug == "band-pull-through-hinge")
    assert hinge.steps[0].startswith("Anchor a band")
    assert (hinge.pattern, hinge.target, hinge.load) == ("hinge", "glutes", "external")
    assert hinge.provenance.licence == exercisedb.V1_LICENCE
    assert hinge.provenance.source_id == "abc1234"
    # two records share a name: both are drafts, the import decides what to do
    assert [d.slug for d in drafts].count("lever-seated-hip-abduction") == 2
    assert report.records == 3
    assert not report.unmapped


def test_mixed_records_in_one_file(tmp_path: Path) -> None:
    classic = json.loads((FIXTURES / "exercisedb" / "classic.json").read_text())
    v1 = json.loads((FIXTURES / "exercisedb" / "v1.json").read_text())
    mixed = tmp_path / "mixed.json"
    mixed.write_text(json.dumps({"success": True, "data": [classic[0], v1[0]]}))
    drafts, _ = exercisedb.parse(mixed)
    assert [d.provenance.source_id for d in drafts] == ["9001", "abc1234"]


def test_a_record_without_target_is_refused() -> None:
    with pytest.raises(ImportFormatError) as caught:
        exercisedb.parse(FIXTURES / "exercisedb" / "v1_missing_target.json")
    assert (caught.value.index, caught.value.field) == (1, "targetMuscles")


def test_our_export_record_reads_back_the_same(tmp_path: Path) -> None:
    drafts, _ = exercisedb.parse(FIXTURES / "exercisedb" / "classic.json")
    again = tmp_path / "again.json"
    again.write_text(json.dumps([exercisedb.export_record(d) for d in drafts]))
    assert exercisedb.parse(again)[0] == drafts


def test_source_named_on_the_command_line_wins(tmp_path: Path) -> None:
    drafts, _ = exercisedb.parse(FIXTURES / "exercisedb" / "classic.json")
    again = tmp_path / "again.json"
    again.write_text(json.dumps([exercisedb.export_record(d) for d in drafts]))
    renamed, report = exercisedb.parse(again, "my-gym")
    assert {d.provenance.source for d in renamed} == {"my-gym"}
    assert report.source == "my-gym"


def test_the_published_v1_dataset_round_trips(tmp_path: Path) -> None:
    published = DATASETS / "exercisedb-v1" / "exercises.json"
    if not published.exists():
        pytest.skip("shared/datasets is not beside this checkout")
    drafts, report = exercisedb.parse(published)
    assert report.records == len(drafts) == 1500
    assert not report.unmapped
    again = tmp_path / "again.json"
    again.write_text(json.dumps([exercisedb.export_record(d) for d in drafts]))
    assert exercisedb.parse(again)[0] == drafts


def test_a_hand_edited_export_with_an_unknown_muscle_names_the_record(tmp_path: Path) -> None:
    drafts, _ = exercisedb.parse(FIXTURES / "exercisedb" / "classic.json")
    records = [exercisedb.export_record(d) for d in drafts]
    records[0]["repforge"]["target"] = "wings"
    edited = tmp_path / "edited.json"
    edited.write_text(json.dumps(records))
    with pytest.raises(ImportFormatError) as caught:
        exercisedb.parse(edited)
    assert caught.value.index == 0
    assert "wings" in str(caught.value)
