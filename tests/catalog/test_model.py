"""The exercise model: graded joint stress and the home anchors that count as body weight."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from repforge.catalog import vocab
from repforge.catalog.model import EquipmentNeeds, Exercise
from tests.factories import exercise_data

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
