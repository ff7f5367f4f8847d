"""Originality: shared 8-word runs with reference text are found; the shipped catalog has none."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from repforge.catalog import load, originality
from tests.factories import DATASETS, make_exercise


def test_shingles_are_word_runs_ignoring_case_punctuation_and_html() -> None:
    runs = originality.shingles("<p>One, two three four FIVE six seven eight nine.</p>")
    assert runs == {
        "one two three four five six seven eight",
        "two three four five six seven eight nine",
    }
    assert originality.shingles("too short to count") == set()


def test_an_overlap_is_reported_with_slug_and_field(tmp_path: Path) -> None:
    reference = tmp_path / "ref.json"
    reference.write_text(
        json.dumps(
            [{"instructions": ["Lower slowly until your thighs are parallel to the floor."]}]
        )
    )
    copied = make_exercise(
        slug="copy-squat",
        steps=[
            "Stand with your feet apart and your toes turned out a little.",
            "Sit down until your thighs are parallel to the floor and pause.",
            "Drive up through your whole foot to stand.",
            "Squeeze your glutes at the top of every rep.",
        ],
    )
    found = originality.overlaps([copied], originality.reference_shingles([reference]))
    assert [(o.slug, o.field) for o in found] == [("copy-squat", "steps[1]")] * len(found)
    assert "until your thighs are parallel to the floor" in " ".join(o.words for o in found)


@pytest.mark.slow
def test_builtin_catalog_shares_no_8_word_run_with_the_datasets() -> None:
    if not DATASETS.exists():
        pytest.skip("shared/datasets is not beside this checkout")
    reference = originality.reference_shingles(sorted(DATASETS.rglob("*.json")))
    found = originality.overlaps(load.load_builtin(), reference)
    assert not found, "\n".join(f"{o.slug} {o.field}: {o.words}" for o in found[:40])
