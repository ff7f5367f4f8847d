"""The exercise model: clean text only, graded joint stress, home anchors as body weight."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from repforge.catalog import vocab
from repforge.catalog.model import EquipmentNeeds, Exercise
from tests.factories import exercise_data, make_exercise

LOW_KNEES = {"joint": "knees", "grade": "low", "reason": "The shins stay upright in a short range."}


def test_a_stressed_joint_without_a_grade_is_high_stress() -> None:
    ex = Exercise.model_validate(exercise_data(stresses=["knees", "hips"]))
    assert ex.stress_grade("knees") == "high"
    assert ex.stress_grade("lower-back") == "none"


def test_a_graded_joint_keeps_its_grade() -> None:
    ex = Exercise.model_validate(
        exercise_data(stresses=["knees", "hips"], joint_stress=[LOW_KNEES])
    )
    assert ex.stress_grade("knees") == "low"
    assert ex.stress_grade("hips") == "high"


@pytest.mark.parametrize(
    ("joint_stress", "problem"),
    [
        ([{**LOW_KNEES, "joint": "wrists"}], "stresses does not list"),
        ([LOW_KNEES, LOW_KNEES], "grades a joint twice"),
        ([{**LOW_KNEES, "reason": ""}], "at least 8 characters"),
        ([{**LOW_KNEES, "grade": "medium"}], "'low' or 'high'"),
    ],
)
def test_bad_grades_are_refused(joint_stress: list[dict[str, str]], problem: str) -> None:
    with pytest.raises(ValidationError, match=problem):
        Exercise.model_validate(exercise_data(stresses=["knees"], joint_stress=joint_stress))


def test_home_anchors_count_as_body_weight() -> None:
    nordic = EquipmentNeeds(options=("ghr-bench", "partner", "sturdy-furniture"))
    table_row = EquipmentNeeds(required=("table",))
    assert nordic.doable_with({"bodyweight"})
    assert table_row.doable_with({"bodyweight"})
    assert not table_row.doable_with({"dumbbell"})  # anchors come with body weight, not alone
    assert not EquipmentNeeds(required=("ghr-bench",)).doable_with({"bodyweight"})
    assert set(vocab.EQUIPMENT.slugs) >= vocab.HOME_ANCHORS


@pytest.mark.parametrize("dirty", ["\x00", "\u202e", "\u2067", "\x1b", "  ", "\n"])
@pytest.mark.parametrize("field", ["name", "steps", "aliases", "provenance.source_id"])
def test_dirty_text_is_refused_in_every_field(dirty: str, field: str) -> None:
    data = exercise_data()
    if field == "steps":
        data["steps"][1] = f"Sit down{dirty}and back between your heels."
    elif field == "aliases":
        data["aliases"] = [f"Air{dirty}squat"]
    elif field == "provenance.source_id":
        data["provenance"] = {**data["provenance"], "source": "x", "source_id": f"id{dirty}1"}
    else:
        data["name"] = f"Test{dirty}Squat"
    with pytest.raises(ValidationError, match=field.split(".")[0]):
        make_exercise(**data)


def test_clean_text_in_any_script_is_kept() -> None:
    exercise = make_exercise(name="Sentadilla búlgara", aliases=["ブルガリアンスクワット"])
    assert exercise.aliases == ("ブルガリアンスクワット",)
