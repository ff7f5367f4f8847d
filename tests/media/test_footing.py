"""Feet on their support: floating feet fail, lifted free feet and flights pass."""

from __future__ import annotations

from typing import Any

from repforge.catalog.motion import Motion
from repforge.media import checks, footing
from tests.media.test_checks import messages, parsed

STAND = {"trunk": 0, "hip": 0, "knee": 0, "ankle_right": 0, "shoulder": 0, "elbow": 20}
# The back knee hovers just over the floor with the toes down (the docs' lunge example).
LUNGE_BOTTOM = {
    "trunk": 8,
    "hip_left": 98,
    "knee_left": 104,
    "hip_right": 2,
    "knee_right": 96,
    "ankle_right": 35,
}
# The pose the old docs example drew: the back shin lifted, the foot 27 cm up.
FLOATING_BOTTOM = {
    "trunk": 8,
    "hip_left": 85,
    "knee_left": 88,
    "hip_right": -12,
    "knee_right": 95,
    "ankle_right": -5,
}


def lunge(
    bottom: dict[str, float], contacts: tuple[str, ...] = ("left-foot-floor",)
) -> dict[str, Any]:
    return {
        "contacts": list(contacts),
        "keyframes": [{"pose": STAND, "seconds": 1.4}, {"pose": bottom, "seconds": 1.2}],
    }


def floating(found: list[str]) -> list[str]:
    return [m for m in found if "foot floats" in m]


def test_a_lunge_whose_back_foot_floats_fails_at_the_bottom_keyframe_line() -> None:
    item = parsed(lunge(FLOATING_BOTTOM), pattern="lunge")
    found = [p for p in checks.check_motion(item) if "foot floats" in p.message]
    assert len(found) == 1
    assert found[0].message.startswith("right foot floats 27 cm above the floor at keyframe 2")
    assert found[0].line == item.line_of("motion", "keyframes", 1, "pose")
    assert "trunk: 8" in item.source.text.splitlines()[found[0].line - 1]


def test_a_lunge_with_the_back_toes_on_the_floor_passes() -> None:
    assert messages(parsed(lunge(LUNGE_BOTTOM), pattern="lunge")) == []


def test_a_stepping_foot_may_move_but_must_touch_at_every_keyframe() -> None:
    stepping = ("left-foot-floor", "right-toes-floor")
    # the back foot lands 90 cm behind where it stood: no drift complaint
    assert messages(parsed(lunge(LUNGE_BOTTOM, stepping), pattern="lunge")) == []
    # named, it is held to the floor even outside a lunge
    found = messages(parsed(lunge(FLOATING_BOTTOM, stepping), pattern="jump"))
    assert floating(found) == [
        "right foot floats 27 cm above the floor at keyframe 2 (right-toes-floor keeps it there)"
    ]


def test_a_free_foot_may_leave_the_floor_outside_a_lunge() -> None:
    # single-leg Romanian deadlift: the sided contact frees the back leg to rise
    hinge = {
        "contacts": ["left-foot-floor"],
        "keyframes": [
            {"pose": {"trunk": 0, "hip": 0, "knee": 8, "ankle_right": 0}},
            {"pose": {"trunk": 75, "hip_left": 80, "knee_left": 15, "hip_right": 0}},
        ],
    }
    assert floating(messages(parsed(hinge, pattern="hinge"))) == []


def test_a_step_up_swings_its_free_leg() -> None:
    step_up = {
        "props": ["box"],
        "contacts": ["left-foot-box"],
        "keyframes": [
            {"pose": {"trunk": 20, "hip_left": 80, "knee_left": 85, "hip_right": 0}},
            {
                "pose": {
                    "trunk": 0,
                    "hip_left": 0,
                    "knee_left": 0,
                    "hip_right": 20,
                    "knee_right": 40,
                }
            },
        ],
    }
    assert floating(messages(parsed(step_up, pattern="lunge"))) == []


def test_both_feet_of_feet_floor_must_stay_down() -> None:
    # a squat whose right knee drives up at the top: feet-floor says both feet stay down
    march = {
        "contacts": ["feet-floor"],
        "keyframes": [
            {"pose": {"trunk": 30, "hip": 100, "knee": 100}},
            {"pose": {"trunk": 0, "hip": 0, "knee": 0, "hip_right": 80, "knee_right": 80}},
        ],
    }
    found = floating(messages(parsed(march, pattern="squat")))
    assert len(found) == 1
    assert found[0].startswith("right foot floats")
    assert found[0].endswith("at keyframe 2 (feet-floor keeps it there)")


def test_a_foot_in_flight_is_released() -> None:
    jump = {
        "contacts": ["feet-floor"],
        "keyframes": [
            {"pose": {"trunk": 40, "hip": 110, "knee": 100}},
            {"pose": {"trunk": 0, "hip": 0, "knee": 0, "ankle": -35}, "flight": [0, 0.4]},
        ],
    }
    assert floating(messages(parsed(jump, pattern="jump"))) == []


def test_a_foot_on_a_bench_is_measured_from_the_bench() -> None:
    # rear-foot-elevated split squat: the back foot rests on the box drawn under it, 41 cm up
    top = {"trunk": 8, "hip_left": 20, "knee_left": 10, "hip_right": -10, "knee_right": 66}
    bottom = {"trunk": 22, "hip_left": 110, "knee_left": 104, "hip_right": 16, "knee_right": 128}
    bulgarian = {
        "props": ["box"],
        "contacts": ["left-foot-floor", "right-foot-box"],
        "keyframes": [
            {"pose": {**top, "ankle_right": -50}},
            {"pose": {**bottom, "ankle_right": -35}},
        ],
    }
    assert footing.footing_problems(Motion.model_validate(bulgarian), "lunge") == []
    # folding the back knee further lifts the foot off the bench
    lifted = {
        **bulgarian,
        "keyframes": [bulgarian["keyframes"][0], {"pose": {**bottom, "knee_right": 150}}],
    }
    found = footing.footing_problems(Motion.model_validate(lifted), "lunge")
    assert [i for i, _ in found] == [1]
    assert "above the box" in found[0][1]


def test_the_bottom_is_the_keyframe_whose_knee_bends_most() -> None:
    motion = Motion.model_validate(lunge(LUNGE_BOTTOM))
    assert footing.deepest(motion) == 1
    implied = [f for f in footing.footings(motion, "lunge") if f.contact is None]
    assert [(f.side, f.surface, f.at) for f in implied] == [("right", "floor", 1)]
