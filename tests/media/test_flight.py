"""Flight phases: a keyframe may lift the figure off its contacts, only where feet leave the ground."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from repforge.catalog.motion import Motion
from repforge.media import skeleton
from repforge.media.compose import bodies_at
from tests.media.test_checks import messages, parsed

JUMP: dict[str, Any] = {
    "contacts": ["feet-floor"],
    "keyframes": [
        {"pose": {"trunk": 5, "hip": 5}, "seconds": 1.0},
        {"pose": {"trunk": 40, "hip": 110, "knee": 100, "shoulder": -40}, "seconds": 0.4},
        {"pose": {"trunk": 0, "hip": 0, "knee": 0, "ankle": -35}, "flight": [0, 0.4]},
    ],
}


def test_a_jump_in_flight_passes_and_rises_by_its_flight() -> None:
    assert messages(parsed(JUMP, pattern="jump")) == []
    motion = Motion.model_validate(JUMP)
    bodies = bodies_at(motion, skeleton.resolve(motion))
    feet = [min(b.points["ball_left"][1], b.points["heel_left"][1]) for b in bodies]
    assert feet[2] - feet[0] > 0.35


def test_the_same_jump_without_flight_is_held_to_its_contacts() -> None:
    grounded = {**JUMP, "contacts": ["feet-floor", "hands-floor"]}
    assert any("hands-floor moves" in m for m in messages(parsed(grounded, pattern="jump")))
    # the contact is still checked while grounded: hands "on the floor" drift in the dip
    lifted = {
        **JUMP,
        "contacts": ["feet-floor", "hands-floor"],
        "keyframes": [*JUMP["keyframes"][:2], {**JUMP["keyframes"][2], "flight": [0, 0.4]}],
    }
    assert any("hands-floor" in m for m in messages(parsed(lifted, pattern="jump")))


def test_flight_on_a_pattern_that_stays_grounded_fails() -> None:
    found = messages(parsed(JUMP, pattern="squat"))
    assert any("a squat cannot use flight" in m for m in found)


def test_the_first_keyframe_cannot_be_in_flight() -> None:
    bad = {
        **JUMP,
        "keyframes": [{**JUMP["keyframes"][0], "flight": [0, 0.3]}, JUMP["keyframes"][1]],
    }
    with pytest.raises(ValidationError, match="cannot be in flight"):
        Motion.model_validate(bad)


def test_flight_is_bounded() -> None:
    bad = {**JUMP, "keyframes": [*JUMP["keyframes"][:2], {"pose": {}, "flight": [0, 3]}]}
    with pytest.raises(ValidationError, match=r"at most 1\.5 m"):
        Motion.model_validate(bad)


def test_flight_is_not_counted_as_joint_travel() -> None:
    from repforge.media.checks import travel

    assert set(travel(Motion.model_validate(JUMP))) & set(skeleton.FLIGHT_KEYS) == set()
