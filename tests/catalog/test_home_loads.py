"""Home loads (a loaded backpack, a water jug): in the vocabulary, in the home presets, drawn."""

from __future__ import annotations

import pytest

from repforge.catalog import load, vocab
from repforge.catalog.motion import missing_props
from repforge.media import skeleton
from repforge.media.props import held
from repforge.media.scene import Line, project


@pytest.mark.parametrize("item", ["backpack", "water-jug"])
def test_home_loads_are_free_weights_in_the_home_presets(item: str) -> None:
    assert vocab.EQUIPMENT[item].kind == "free-weight"
    assert item in vocab.EQUIPMENT_PRESETS["home-dumbbells"]
    assert item in vocab.EQUIPMENT_PRESETS["home-gym"]
    assert item not in vocab.EQUIPMENT_PRESETS["bodyweight"]


@pytest.mark.parametrize(
    ("slug", "item"), [("backpack-squat", "backpack"), ("water-jug-lateral-raise", "water-jug")]
)
def test_an_exercise_with_a_home_load_loads_and_its_kit_is_drawn(slug: str, item: str) -> None:
    exercise = load.load_builtin().get(slug)
    assert item in exercise.equipment.required
    assert exercise.motion is not None
    assert missing_props(exercise.motion, exercise.equipment.required) == []


def test_a_worn_backpack_is_drawn_behind_the_back() -> None:
    motion = load.load_builtin().get("backpack-squat").motion
    assert motion is not None
    assert "backpack" in motion.props
    body = skeleton.pinned(motion, skeleton.resolve(motion))[0]
    pack = [s for s in held(motion, body, 0.0, 0.0) if isinstance(s, Line)]
    assert len(pack) == 1
    spine_x = project("side", body.points["upper_back"])[0]
    assert max(pack[0].a[0], pack[0].b[0]) < spine_x  # facing right, the pack sits to the left


def test_a_backpack_is_not_drawn_in_the_front_view() -> None:
    motion = load.load_builtin().get("backpack-squat").motion
    assert motion is not None
    front = motion.model_copy(update={"view": "front"})
    body = skeleton.pinned(front, skeleton.resolve(front))[0]
    assert held(front, body, 0.0, 0.0) == []
