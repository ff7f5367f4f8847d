"""Forward kinematics follows the documented angle conventions; contacts stay planted."""

from __future__ import annotations

import pytest

from repforge.catalog.motion import Motion
from repforge.media import skeleton


def test_standing_is_vertical() -> None:
    b = skeleton.body({}).points
    assert b["head"][1] > b["neck"][1] > b["pelvis"][1] > b["knee_left"][1] > b["ankle_left"][1]
    assert b["knee_left"][0] == pytest.approx(0.0, abs=1e-9)


def test_flexion_moves_limbs_forward_and_knee_flexion_moves_the_shin_back() -> None:
    b = skeleton.body({"hip": 90, "knee": 90, "shoulder": 90}).points
    assert b["knee_left"][0] == pytest.approx(skeleton.THIGH)  # thigh points forward
    assert b["ankle_left"][1] < b["knee_left"][1]  # shin hangs down from the knee
    assert b["elbow_left"][0] > 0.3  # arm straight ahead


def test_abduction_moves_the_arm_out_to_its_own_side() -> None:
    b = skeleton.body({"shoulder_abduction": 90}).points
    assert (
        b["elbow_left"][2]
        > b["shoulder_left"][2]
        > 0
        > b["shoulder_right"][2]
        > b["elbow_right"][2]
    )


def test_sided_angles_override_the_shared_one() -> None:
    b = skeleton.body({"knee": 0, "knee_right": 90}).points
    assert b["ankle_right"][1] > b["ankle_left"][1]


def test_first_contact_stays_put_and_unstated_ankles_keep_feet_flat() -> None:
    motion = Motion.model_validate(
        {
            "contacts": ["feet-floor"],
            "keyframes": [{"pose": {}}, {"pose": {"trunk": 40, "hip": 120, "knee": 110}}],
        }
    )
    poses = skeleton.timeline(motion, 10)
    bodies = skeleton.pinned(motion, poses)
    balls = {tuple(round(v, 6) for v in b.points["ball_left"]) for b in bodies}
    assert len(balls) == 1
    heels = [b.points["heel_left"][1] for b in bodies]
    assert max(heels) - min(heels) < 1e-6


def test_timeline_eases_and_loops_back() -> None:
    motion = Motion.model_validate(
        {"keyframes": [{"pose": {"knee": 0}, "seconds": 1}, {"pose": {"knee": 100}, "seconds": 1}]}
    )
    knees = [f["knee"] for f in skeleton.timeline(motion, 10)]
    assert len(knees) == 20
    assert knees[0] == 0
    assert knees[10] == 100
    assert knees[1] < 10 < knees[5] - knees[4]  # slow start, faster middle
    assert knees[-1] < 10  # heading back to the start


def test_a_sided_joint_written_later_starts_from_the_shared_value() -> None:
    from repforge.catalog.motion import Motion
    from repforge.media.checks import travel

    motion = Motion.model_validate(
        {
            "contacts": ["hips-floor"],
            "keyframes": [{"pose": {"hip": 90}}, {"pose": {"hip_left": 130}}],
        }
    )
    first = skeleton.resolve(motion)[0]
    assert first["hip_left"] == 90
    frames = skeleton.timeline(motion, 10)
    assert min(f["hip_left"] for f in frames) == 90
    assert travel(motion)["hip"] == 40
