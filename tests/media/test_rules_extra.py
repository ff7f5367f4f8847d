"""Pattern rules added for awkward exercises: each passes a correct example and fails a wrong one."""

from __future__ import annotations

from typing import Any

import pytest

from tests.media.test_checks import messages, parsed


def _motion(
    contacts: list[str], a: dict[str, float], b: dict[str, float], **kw: Any
) -> dict[str, Any]:
    return {"contacts": contacts, "keyframes": [{"pose": a}, {"pose": b}], **kw}


HANG = {"trunk": 0, "shoulder": 178, "shrug": 32}


@pytest.mark.parametrize(
    ("motion", "overrides", "ok"),
    [
        # scapular pull-up: only the shoulder blades move
        (
            _motion(["hands-bar"], HANG, {"shrug": -10}, props=["pull-up-bar"]),
            {"pattern": "vertical-pull", "mechanic": "isolation"},
            True,
        ),
        (
            _motion(["hands-bar"], HANG, {"shrug": 25}, props=["pull-up-bar"]),
            {"pattern": "vertical-pull", "mechanic": "isolation"},
            False,
        ),
        # upright row: the elbows bend while the arms rise
        (
            _motion(
                ["feet-floor"], {"shoulder_abduction": 10}, {"shoulder_abduction": 85, "elbow": 110}
            ),
            {"pattern": "lateral-raise", "mechanic": "compound"},
            True,
        ),
        (
            _motion(
                ["feet-floor"], {"shoulder_abduction": 10}, {"shoulder_abduction": 85, "elbow": 110}
            ),
            {"pattern": "lateral-raise", "mechanic": "isolation"},
            False,
        ),
        # prone T raise on the floor: a few inches
        (
            _motion(
                ["hips-floor"],
                {"trunk": 90, "shoulder": 90, "shoulder_abduction": 88},
                {"shoulder_abduction": 108},
            ),
            {"pattern": "reverse-fly"},
            True,
        ),
        (
            _motion(
                ["hips-floor"],
                {"trunk": 90, "shoulder": 90, "shoulder_abduction": 88},
                {"shoulder_abduction": 95},
            ),
            {"pattern": "reverse-fly"},
            False,
        ),
        # seated straight-leg raise: from 90 degrees of flexion
        (_motion(["hips-floor"], {"hip": 90}, {"hip_left": 125}), {"pattern": "hip-flexion"}, True),
        (
            _motion(["hips-floor"], {"hip": 90}, {"hip_left": 110}),
            {"pattern": "hip-flexion"},
            False,
        ),
        # a wall walk turns the body toward a handstand
        (
            _motion(
                ["hands-floor"],
                {"trunk": 100, "shoulder": 120},
                {"trunk": 145, "shoulder": 185},
                props=["wall"],
            ),
            {"pattern": "vertical-push"},
            True,
        ),
        (
            _motion(
                ["hands-floor"],
                {"trunk": 100, "shoulder": 120},
                {"trunk": 110, "shoulder": 185},
                props=["wall"],
            ),
            {"pattern": "vertical-push"},
            False,
        ),
        # lateral neck flexion counts as neck travel
        (_motion(["feet-floor"], {"neck_side": 10}, {"neck_side": -30}), {"pattern": "neck"}, True),
        (_motion(["feet-floor"], {"neck_side": 10}, {"neck_side": 0}), {"pattern": "neck"}, False),
    ],
)
def test_rule(motion: dict[str, Any], overrides: dict[str, str], ok: bool) -> None:
    found = [m for m in messages(parsed(motion, **overrides)) if "needs" in m]
    assert (found == []) is ok, found


def test_a_rollout_on_a_wheel_is_not_held_to_a_still_trunk() -> None:
    rollout = _motion(
        ["knees-floor"],
        {"trunk": 60, "hip": 60, "knee": 90, "ankle": -55},
        {"trunk": 75, "hip": 5, "knee": 20},
    )
    held = {"pattern": "anti-extension", "force": "static"}
    assert not [
        m for m in messages(parsed({**rollout, "props": ["ab-wheel"]}, **held)) if "needs" in m
    ]
    assert any("needs" in m for m in messages(parsed(rollout, **held)))
