"""Forward kinematics: joint angles -> 3D body points, with planted contacts held fixed."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from repforge.catalog.motion import LIMB_JOINTS, SIDES, Motion

# Segment lengths in metres for a 1.75 m adult, after Winter's anthropometric table
# (Biomechanics and Motor Control of Human Movement, 4th ed., table 4.1: fractions of height).
HEIGHT = 1.75
TRUNK = 0.288 * HEIGHT  # hip joint centre to shoulder joint
NECK = 0.07
HEAD_RADIUS = 0.11
UPPER_ARM = 0.186 * HEIGHT
FOREARM = 0.146 * HEIGHT
HAND = 0.06
THIGH = 0.245 * HEIGHT
SHIN = 0.246 * HEIGHT
HEEL_BACK = 0.05
FOOT = 0.2  # heel to the ball of the foot; the toes are not drawn
ANKLE_HEIGHT = 0.07
SHOULDER_HALF_WIDTH = 0.19
SHRUG_RISE = 0.15  # clavicle length: how far the shoulder rises at 90 degrees of elevation
HIP_HALF_WIDTH = 0.09

# How far the touching surface sits from the body point of each contact (half the thickness).
CONTACT_POINT = {
    "feet": ("ball", 0.03),
    "heels": ("heel", 0.03),  # heels down, toes up: inverted rows, heel-supported bridges
    "left-foot": ("ball", 0.03),
    "right-foot": ("ball", 0.03),
    "left-toes": ("ball", 0.03),  # a stepping foot: on its surface at every keyframe, not held
    "right-toes": ("ball", 0.03),
    "hands": ("grip", 0.03),
    "left-hand": ("grip", 0.03),
    "right-hand": ("grip", 0.03),
    "knees": ("knee", 0.05),
    "left-knee": ("knee", 0.05),
    "right-knee": ("knee", 0.05),
    "hips": ("pelvis", 0.1),
    "back": ("upper_back", 0.1),
    "forearms": ("elbow", 0.04),
    "left-forearm": ("elbow", 0.04),
    "right-forearm": ("elbow", 0.04),
    "upper-arms": ("elbow", 0.04),
}

PLANTED = ("floor", "box")  # surfaces a foot stands flat on unless the ankle is given
# Pose keys carrying a keyframe's flight offset (metres forward, up, left); not joints.
FLIGHT_KEYS = ("flight_x", "flight_y", "flight_z")
Vec = tuple[float, float, float]
Mat = tuple[Vec, Vec, Vec]
Pose = Mapping[str, float]


def _rz(deg: float) -> Mat:
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    return ((c, -s, 0.0), (s, c, 0.0), (0.0, 0.0, 1.0))


def _rx(deg: float) -> Mat:
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    return ((1.0, 0.0, 0.0), (0.0, c, -s), (0.0, s, c))


def _ry(deg: float) -> Mat:
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    return ((c, 0.0, s), (0.0, 1.0, 0.0), (-s, 0.0, c))


def _mul(a: Mat, b: Mat) -> Mat:
    cols = tuple(zip(*b, strict=True))
    return tuple(
        tuple(sum(x * y for x, y in zip(row, col, strict=True)) for col in cols) for row in a
    )  # type: ignore[return-value]


def _apply(m: Mat, v: Vec) -> Vec:
    return (
        m[0][0] * v[0] + m[0][1] * v[1] + m[0][2] * v[2],
        m[1][0] * v[0] + m[1][1] * v[1] + m[1][2] * v[2],
        m[2][0] * v[0] + m[2][1] * v[1] + m[2][2] * v[2],
    )


def _add(a: Vec, b: Vec, k: float = 1.0) -> Vec:
    return (a[0] + k * b[0], a[1] + k * b[1], a[2] + k * b[2])


DOWN: Vec = (0.0, -1.0, 0.0)
UP: Vec = (0.0, 1.0, 0.0)
FORWARD: Vec = (1.0, 0.0, 0.0)


def angle(pose: Pose, joint: str, side: str) -> float:
    """The angle of `joint` on `side`: the sided value, else the shared one, else 0."""
    return pose.get(f"{joint}_{side}", pose.get(joint, 0.0))


def side_pose(pose: Pose, side: str) -> dict[str, float]:
    """The limb angles of one side as plain joint names."""
    return {j: angle(pose, j, side) for j in LIMB_JOINTS}


def flat_foot_ankle(pose: Pose, side: str) -> float:
    """The ankle angle that keeps the sole level, for planted feet with no ankle given."""
    return pose.get("trunk", 0.0) - angle(pose, "hip", side) + angle(pose, "knee", side)


def resolve(motion: Motion) -> list[dict[str, float]]:
    """Full poses per keyframe: unstated joints carry over from the previous keyframe."""
    stated = {j for k in motion.keyframes for j in k.pose}
    flat = [
        side
        for side in SIDES
        if {"ankle", f"ankle_{side}"}.isdisjoint(stated)
        and any(c in (f"feet-{s}", f"{side}-foot-{s}") for c in motion.contacts for s in PLANTED)
    ]
    # a sided joint first written in a later keyframe starts from the shared value, not from 0
    sided = {j for j in stated if j.endswith(("_left", "_right"))}
    poses: list[dict[str, float]] = []
    current: dict[str, float] = {}
    for frame in motion.keyframes:
        current = {**current, **frame.pose}
        full = dict(current)
        for joint in sided - set(full):
            base, _, side = joint.rpartition("_")
            full[joint] = angle(full, base, side)
        if any(frame.flight):
            full.update(zip(FLIGHT_KEYS, frame.flight, strict=True))
        for side in flat:
            full[f"ankle_{side}"] = flat_foot_ankle(full, side)
        poses.append(full)
    return poses


@dataclass(frozen=True)
class Body:
    """Named 3D points of one pose (x forward, y up, z to the figure's left), root at the pelvis."""

    points: Mapping[str, Vec]

    def shifted(self, offset: Vec) -> Body:
        return Body({k: _add(v, offset) for k, v in self.points.items()})


def body(pose: Pose) -> Body:
    """Forward kinematics for one full pose."""
    trunk = _mul(
        _mul(_rz(-pose.get("trunk", 0.0)), _rx(pose.get("trunk_side", 0.0))),
        _ry(pose.get("trunk_twist", 0.0)),
    )
    pelvis: Vec = (0.0, 0.0, 0.0)
    spine = _apply(trunk, UP)
    neck_base = _add(pelvis, spine, TRUNK)
    head = _mul(trunk, _rz(-pose.get("neck", 0.0)))
    head_dir = _apply(_mul(head, _rx(pose.get("neck_side", 0.0))), UP)
    shrug = SHRUG_RISE * math.sin(math.radians(pose.get("shrug", 0.0)))
    points: dict[str, Vec] = {
        "pelvis": pelvis,
        "neck": neck_base,
        "upper_back": _add(pelvis, spine, TRUNK * 0.75),
        "head": _add(neck_base, head_dir, NECK + HEAD_RADIUS),
    }
    for sign, side in ((1.0, "left"), (-1.0, "right")):
        a = side_pose(pose, side)
        lateral = _apply(trunk, (0.0, 0.0, sign))
        shoulder = _add(_add(neck_base, lateral, SHOULDER_HALF_WIDTH), spine, shrug)
        arm = _mul(_mul(trunk, _rz(a["shoulder"])), _rx(-sign * a["shoulder_abduction"]))
        arm = _mul(arm, _ry(-sign * a["shoulder_rotation"]))  # external rotation positive
        elbow = _add(shoulder, _apply(arm, DOWN), UPPER_ARM)
        fore = _mul(arm, _rz(a["elbow"]))
        wrist = _add(elbow, _apply(fore, DOWN), FOREARM)
        hand = _mul(fore, _rz(a["wrist"]))
        hip = _add(pelvis, lateral, HIP_HALF_WIDTH)
        thigh = _mul(_mul(trunk, _rz(a["hip"])), _rx(-sign * a["hip_abduction"]))
        thigh = _mul(thigh, _ry(-sign * a["hip_rotation"]))  # external rotation positive
        knee = _add(hip, _apply(thigh, DOWN), THIGH)
        shin = _mul(thigh, _rz(-a["knee"]))
        ankle = _add(knee, _apply(shin, DOWN), SHIN)
        foot_dir = _apply(_mul(shin, _rz(90 + a["ankle"])), DOWN)
        sole = _apply(_mul(shin, _rz(a["ankle"])), DOWN)
        heel = _add(_add(ankle, sole, ANKLE_HEIGHT), foot_dir, -HEEL_BACK)
        suffix = "_" + side
        points.update(
            {
                "shoulder" + suffix: shoulder,
                "elbow" + suffix: elbow,
                "wrist" + suffix: wrist,
                "grip" + suffix: _add(wrist, _apply(hand, DOWN), HAND),
                "hip" + suffix: hip,
                "knee" + suffix: knee,
                "ankle" + suffix: ankle,
                "heel" + suffix: heel,
                "ball" + suffix: _add(heel, foot_dir, FOOT),
                "toe" + suffix: _add(heel, foot_dir, FOOT),
            }
        )
    return Body(points)


def contact_points(contact: str) -> tuple[list[str], float]:
    """Body point names a contact holds, and the gap to the surface under them."""
    part = contact.rsplit("-", 1)[0]
    name, gap = CONTACT_POINT[part]
    if name in ("pelvis", "upper_back"):
        return [name], gap
    side = part.split("-")[0]
    sides = [side] if side in SIDES else list(SIDES)
    return [f"{name}_{s}" for s in sides], gap


def centre(b: Body, names: Sequence[str]) -> Vec:
    """Mean position of some body points."""
    pts = [b.points[n] for n in names]
    return (
        sum(p[0] for p in pts) / len(pts),
        sum(p[1] for p in pts) / len(pts),
        sum(p[2] for p in pts) / len(pts),
    )


def in_flight(pose: Pose) -> bool:
    """Whether this pose is lifted off its contacts (some of a flight offset remains)."""
    return any(abs(pose.get(k, 0.0)) > 1e-9 for k in FLIGHT_KEYS)


def pinned(motion: Motion, poses: Sequence[Pose]) -> list[Body]:
    """Bodies for `poses`, moved so the first contact stays where it is in the first pose.

    A pose in flight is moved on by its flight offset (forward, up, left) from that position.
    """
    bodies = [body(p) for p in poses]
    if not motion.contacts:
        anchor_names: list[str] = []
    else:
        anchor_names, _ = contact_points(motion.contacts[0])
    out = []
    for pose, b in zip(poses, bodies, strict=True):
        dx, dy, dz = 0.0, 0.0, 0.0
        if anchor_names:
            anchor, here = centre(bodies[0], anchor_names), centre(b, anchor_names)
            dx, dy, dz = anchor[0] - here[0], anchor[1] - here[1], anchor[2] - here[2]
        dx += pose.get(FLIGHT_KEYS[0], 0.0)
        dy += pose.get(FLIGHT_KEYS[1], 0.0)
        dz += pose.get(FLIGHT_KEYS[2], 0.0)
        out.append(b.shifted((dx, dy, dz)) if (dx, dy, dz) != (0.0, 0.0, 0.0) else b)
    return out


def ease(t: float) -> float:
    """Sine ease-in-out: slow at the turning points, like a controlled repetition."""
    return (1 - math.cos(math.pi * t)) / 2


def timeline(motion: Motion, fps: float) -> list[dict[str, float]]:
    """Eased poses sampled at `fps` over one loop (the last keyframe moves back to the first)."""
    poses = resolve(motion)
    joints = sorted({j for p in poses for j in p})
    frames: list[dict[str, float]] = []
    for i, frame in enumerate(motion.keyframes):
        start, end = poses[i], poses[(i + 1) % len(poses)]
        steps = max(1, round(frame.seconds * fps))
        for step in range(steps):
            t = ease(step / steps)
            frames.append(
                {j: start.get(j, 0.0) + (end.get(j, 0.0) - start.get(j, 0.0)) * t for j in joints}
            )
    return frames


def cycle_seconds(motion: Motion) -> float:
    """Length of one loop."""
    return sum(k.seconds for k in motion.keyframes)
