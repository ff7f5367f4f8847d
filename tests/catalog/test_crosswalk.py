"""Every vocabulary value the datasets' READMEs list maps to something of ours."""

from __future__ import annotations

import re

import pytest

from repforge.catalog import crosswalk, vocab
from tests.factories import DATASETS, make_exercise

# (dataset folder, README bullet name, crosswalk source, crosswalk table)
LISTED = [
    ("exercisedb-v1", "bodyParts", "exercisedb", "body_parts"),
    ("exercisedb-v1", "equipments", "exercisedb", "equipment"),
    ("exercisedb-v1", "targetMuscles", "exercisedb", "muscles"),
    ("exercisedb-v1", "secondaryMuscles", "exercisedb", "muscles"),
    ("free-exercise-db", "level", "free-exercise-db", "level"),
    ("free-exercise-db", "category", "free-exercise-db", "category"),
    ("free-exercise-db", "equipment", "free-exercise-db", "equipment"),
    ("free-exercise-db", "force", "free-exercise-db", "force"),
    ("free-exercise-db", "mechanic", "free-exercise-db", "mechanic"),
    ("free-exercise-db", "primaryMuscles", "free-exercise-db", "muscles"),
    ("free-exercise-db", "secondaryMuscles", "free-exercise-db", "muscles"),
    ("wger", "category", "wger", "categories"),
    ("wger", "equipment", "wger", "equipment"),
    ("wger", "muscles (primary)", "wger", "muscles"),
]


def readme_values(folder: str, bullet: str) -> list[str]:
    text = (DATASETS / folder / "README.md").read_text(encoding="utf-8")
    line = next(x for x in text.splitlines() if x.startswith(f"- **{bullet}**"))
    values = re.findall(r"`([^`]+)`", line.split(":", 1)[1])
    # wger writes `Name [pk]`; drop the key
    return [re.sub(r" \[\d+\]$", "", v) for v in values]


@pytest.mark.parametrize(("folder", "bullet", "source", "table"), LISTED)
def test_every_listed_value_maps(folder: str, bullet: str, source: str, table: str) -> None:
    if not DATASETS.exists():
        pytest.skip("shared/datasets is not beside this checkout")
    values = readme_values(folder, bullet)
    assert values, f"no values parsed from {folder}/README.md {bullet}"
    missing = [v for v in values if not crosswalk.knows(source, table, v)]
    assert not missing, f"{source}.{table} lacks {missing}"


def test_crosswalk_targets_are_our_vocabulary() -> None:
    tables = crosswalk.tables()
    assert crosswalk.muscles("exercisedb", "pectorals") == ["chest"]
    assert crosswalk.equipment("free-exercise-db", "body only") == []
    assert crosswalk.lookup("free-exercise-db", "level", "expert") == "advanced"
    assert set(tables["to_exercisedb"]["muscles"]) == set(vocab.MUSCLES.slugs)
    assert set(tables["to_exercisedb"]["body_parts"]) == set(vocab.BODY_PARTS.slugs)


def test_exercisedb_words_for_our_exercises() -> None:
    calf = make_exercise(target="calves", equipment={"required": ["dumbbell"]})
    assert crosswalk.exercisedb_body_part(calf) == "lower legs"
    assert crosswalk.exercisedb_equipment(calf.equipment.slugs) == "dumbbell"
    assert crosswalk.exercisedb_equipment(("bench", "barbell")) == "barbell"
    assert crosswalk.exercisedb_equipment(("bodyweight",)) == "body weight"
    assert crosswalk.exercisedb_target("front-delts") == "delts"
