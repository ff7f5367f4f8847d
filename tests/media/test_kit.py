"""Each new prop draws something, and each machine or tool it stands for counts as drawn."""

from __future__ import annotations

import pytest

from repforge.catalog.motion import EQUIPMENT_PROPS, Motion, missing_props
from repforge.media import skeleton
from repforge.media.compose import bodies_at, scene_for
from repforge.media.scene import Circle, project

NEW_PROPS = [
    "sled",
    "battle-ropes",
    "jump-rope",
    "ski-erg",
    "treadmill",
    "bike",
    "elliptical",
    "stair-climber",
    "hack-squat",
    "hip-thrust-machine",
    "calf-machine",
    "door",
    "table",
    "wrist-roller",
    "neck-harness",
    "band-high",
    "band-mid",
    "band-low",
    "band-back",
    "dip-belt",
    "ball-feet",
    "wall",
    "towel",
]


def _count(props: list[str]) -> int:
    motion = Motion.model_validate(
        {
            "props": props,
            "contacts": ["feet-floor"],
            "keyframes": [{"pose": {"shoulder": 80, "elbow": 20}}, {"pose": {"shoulder": 60}}],
        }
    )
    scene = scene_for(motion, "quads", skeleton.resolve(motion))
    return len(scene.static) + sum(len(f) for f in scene.frames)


@pytest.mark.parametrize("prop", NEW_PROPS)
def test_a_new_prop_is_drawn(prop: str) -> None:
    extra = ["door"] if prop == "towel" else []
    assert _count([prop, *extra]) > _count(extra)


@pytest.mark.parametrize(
    ("equipment", "prop"),
    [
        ("sled", "sled"),
        ("battle-ropes", "battle-ropes"),
        ("jump-rope", "jump-rope"),
        ("stationary-bike", "bike"),
        ("hack-squat-machine", "hack-squat"),
        ("lever-machine", "landmine"),
        ("weight-plate", "dip-belt"),
        ("resistance-band", "band-high"),
        ("towel", "towel"),
    ],
)
def test_the_prop_draws_its_equipment(equipment: str, prop: str) -> None:
    motion = Motion.model_validate(
        {"props": [prop], "keyframes": [{"pose": {}}, {"pose": {"knee": 10}}]}
    )
    assert prop in EQUIPMENT_PROPS[equipment]
    assert missing_props(motion, (equipment,)) == []


def _sled_and_pelvis_x(shoulder: float) -> tuple[float, float]:
    motion = Motion.model_validate(
        {
            "props": ["sled"],
            "contacts": ["feet-floor"],
            "keyframes": [{"pose": {"shoulder": shoulder}}, {"pose": {"knee": 10}}],
        }
    )
    poses = skeleton.resolve(motion)
    scene = scene_for(motion, "quads", poses)
    plates = [s for s in scene.static if isinstance(s, Circle) and s.r == 0.2]
    pelvis = project(motion.view, bodies_at(motion, poses)[0].points["pelvis"])[0]
    return plates[0].c[0], pelvis


def test_straps_held_behind_the_hips_trail_the_sled_behind() -> None:
    sled, pelvis = _sled_and_pelvis_x(-30)
    assert sled < pelvis - 0.5


def test_straps_held_in_front_drag_the_sled_in_front() -> None:
    sled, pelvis = _sled_and_pelvis_x(60)
    assert sled > pelvis + 0.5
