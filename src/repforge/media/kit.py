"""Larger kit drawn around the figure: cardio machines, sleds, ropes, doors, tables, harnesses.

Placed kit is drawn once from the first keyframe's body; held kit (ropes, cords, straps) joins
the body on every frame to an anchor that `anchor` puts in front of the figure.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence

from repforge.catalog.motion import Motion
from repforge.media import skeleton
from repforge.media.scene import Circle, Line, Rect, Shape, project
from repforge.media.skeleton import Body

P2 = tuple[float, float]
ANCHORED = frozenset({"sled", "battle-ropes", "ski-erg", "door"})


def _p(motion: Motion, b: Body, *names: str) -> P2:
    x, y, _ = project(motion.view, skeleton.centre(b, list(names)))
    return x, y


def _xs(motion: Motion, bodies: Sequence[Body]) -> list[float]:
    return [project(motion.view, p)[0] for b in bodies for p in b.points.values()]


def anchor(motion: Motion, bodies: Sequence[Body]) -> float | None:
    """Screen x where ropes, cords, straps and towels are tied, or None without such kit."""
    props = set(motion.props)
    if not props & ANCHORED:
        return None
    front = max(_xs(motion, bodies))
    if "door" in props and props & {"band-high", "band-mid", "band-low"}:
        return front + 0.6  # a band shut in the door, which the band tower spot takes
    if "door" in props:  # the door edge: at the hands, or a towel's length beyond them
        grip = _p(motion, bodies[0], "grip_left", "grip_right")
        return grip[0] + (0.35 if "towel" in props else 0.03)
    if "battle-ropes" in props:
        return front + 1.6
    if "sled" in props and "hands-handles" not in motion.contacts:
        # straps held behind the hips trail a sled behind the figure (forward drags)
        grip = _p(motion, bodies[0], "grip_left", "grip_right")
        if grip[0] < _p(motion, bodies[0], "pelvis")[0] - 0.05:
            return min(_xs(motion, bodies)) - 0.9
        return front + 0.9  # dragged on straps
    return front + 0.25


def placed(motion: Motion, first: Body, floor: float, at: float | None) -> list[Shape]:
    """Kit that stays put, drawn from the first keyframe's body."""
    props = set(motion.props)
    shapes: list[Shape] = []
    grip = _p(motion, first, "grip_left", "grip_right")
    pelvis = _p(motion, first, "pelvis")
    feet = _p(motion, first, "ball_left", "ball_right")
    heels = _p(motion, first, "heel_left", "heel_right")
    shoulder = _p(motion, first, "shoulder_left", "shoulder_right")
    if "wall" in props:  # a wall behind the feet (wall walks start with the feet on it)
        rear = min(
            _p(motion, first, f"{p}_{s}")[0] for p in ("heel", "ball") for s in ("left", "right")
        )
        shapes.append(Rect(rear - 0.11, floor + 2.3, 0.08, 2.3, "kitfar"))
    for contact in motion.contacts:  # a wall behind whatever leans or presses on it
        if contact.endswith("-wall"):
            names, gap = skeleton.contact_points(contact)
            x = _p(motion, first, *names)[0]
            x = x + gap if x >= pelvis[0] else x - gap - 0.08
            shapes.append(Rect(x, floor + 2.3, 0.08, 2.3, "kitfar"))
            break
    if "sled" in props:
        behind = at is not None and at < pelvis[0]
        x = (at or 0.0) + (-0.35 if behind else 0.35)
        x = grip[0] + 0.1 if "hands-handles" in motion.contacts else x
        shapes.append(Rect(x - 0.35, floor + 0.12, 0.7, 0.1, "kit"))  # the sled with its plates
        shapes.append(Circle((x, floor + 0.3), 0.2, "kitfar"))
        near = x + 0.3 if behind else x - 0.3  # the strap post on the figure's side
        post = grip if "hands-handles" in motion.contacts else (near, floor + 0.45)
        shapes.append(Line((post[0], floor + 0.1), post, 0.04, "kit"))
    if "battle-ropes" in props and at is not None:
        shapes.append(Rect(at - 0.08, floor + 0.25, 0.16, 0.25, "kit"))
    if "ski-erg" in props and at is not None:
        shapes.append(Rect(at, floor + 2.2, 0.2, 2.2, "kitfar"))
        shapes.append(Circle((at, floor + 2.05), 0.05, "kit"))
    if "door" in props and at is not None:
        shapes.append(Rect(at, floor + 2.05, 0.06, 2.05, "kitfar"))
    if "table" in props:
        top = grip[1] + 0.03
        shapes.append(Rect(grip[0] - 0.5, top + 0.04, 1.0, 0.04, "kit"))
        for x in (grip[0] - 0.42, grip[0] + 0.42):
            shapes.append(Line((x, top), (x, floor), 0.04, "kitfar"))
    if "treadmill" in props:
        left = min(feet[0], heels[0]) - 0.7
        shapes.append(Rect(left, floor, 1.6, 0.12, "kit"))
        front = left + 1.6
        shapes.append(Line((front - 0.05, floor), (front - 0.2, floor + 1.05), 0.05, "kitfar"))
        shapes.append(Line((front - 0.2, floor + 1.05), (front - 0.55, floor + 1.0), 0.04, "kit"))
    if props & {"bike", "elliptical"}:
        crank = (pelvis[0] + 0.18, floor + 0.32)
        if "bike" in props:
            shapes.append(
                Line(
                    (pelvis[0] - 0.1, pelvis[1] - 0.11),
                    (pelvis[0] + 0.1, pelvis[1] - 0.11),
                    0.05,
                    "kit",
                )
            )
            shapes.append(Line((pelvis[0], pelvis[1] - 0.12), crank, 0.045, "kitfar"))
        else:
            crank = (pelvis[0] - 0.35, floor + 0.3)
            shapes.append(
                Line((feet[0] - 0.6, floor + 0.06), (feet[0] + 0.5, floor + 0.06), 0.06, "kitfar")
            )
        shapes.append(Circle(crank, 0.17 if "bike" in props else 0.22, "kitfar"))
        shapes.append(Line((crank[0] - 0.35, floor), (crank[0] + 0.75, floor), 0.06, "kit"))
        base = (grip[0] + 0.15, floor)
        shapes.append(Line(base, (grip[0] + 0.05, grip[1] - 0.02), 0.045, "kitfar"))
        shapes.append(Circle(grip, 0.03, "kit"))
    if "stair-climber" in props:
        x = min(feet[0], heels[0]) - 0.15
        for step in range(4):  # a rising flight of steps turning toward the figure
            shapes.append(
                Rect(x + 0.28 * step, floor + 0.2 * (step + 1), 0.3, 0.2 * (step + 1), "kitfar")
            )
        shapes.append(Line((grip[0] + 0.1, floor + 0.2), (grip[0], grip[1]), 0.04, "kit"))
    if "hack-squat" in props:  # the angled foot plate (the back pad rides with the body)
        plate = min(heels[0], feet[0]) - 0.1, max(heels[0], feet[0]) + 0.12
        shapes.append(Line((plate[0], floor - 0.01), (plate[1], floor + 0.1), 0.05, "kit"))
        shapes.append(Line((plate[0], floor), (plate[0] - 0.5, floor), 0.05, "kitfar"))
    if "calf-machine" in props:
        shapes.append(Rect(min(feet[0], heels[0]) + 0.05, floor, 0.3, 0.08, "kit"))
        pole = shoulder[0] - 0.35
        shapes.append(Line((pole, floor), (pole, shoulder[1] + 0.25), 0.06, "kitfar"))
    if "hip-thrust-machine" in props:
        back = _p(motion, first, "upper_back")
        left, right = sorted(
            (back[0] - 0.4, back[0] + 0.12)
            if pelvis[0] > back[0]
            else (back[0] - 0.12, back[0] + 0.4)
        )
        shapes.append(Rect(left, back[1] - 0.1, right - left, 0.07, "kit"))
        shapes.append(
            Line(((left + right) / 2, back[1] - 0.15), ((left + right) / 2, floor), 0.05, "kit")
        )
        shapes.append(
            Line((pelvis[0] - 0.2, floor + 0.02), (feet[0] + 0.3, floor + 0.02), 0.05, "kitfar")
        )
    return shapes


def _wave(a: P2, b: P2, amplitude: float, waves: float) -> list[Shape]:
    points = [
        (
            a[0] + (b[0] - a[0]) * t,
            a[1] + (b[1] - a[1]) * t + amplitude * math.sin(math.pi * 2 * waves * t) * (1 - t),
        )
        for t in (i / 12 for i in range(13))
    ]
    return [Line(p, q, 0.03, "kit") for p, q in itertools.pairwise(points)]


def held(motion: Motion, b: Body, floor: float, at: float | None) -> list[Shape]:
    """Kit joining the body on this frame: ropes, cords, straps, a towel, a harness."""
    props = set(motion.props)
    shapes: list[Shape] = []
    grip = _p(motion, b, "grip_left", "grip_right")
    if "battle-ropes" in props and at is not None:
        # the wave's crest follows the hands: high hands throw a high wave
        hips = _p(motion, b, "pelvis")
        amplitude = 0.08 + (grip[1] - hips[1]) * 0.5
        shapes += _wave(grip, (at, floor + 0.35), amplitude, 2.0)
    if "ski-erg" in props and at is not None:
        shapes.append(Line((at, floor + 2.05), grip, 0.015, "kit"))
        shapes.append(Line((grip[0] - 0.06, grip[1]), (grip[0] + 0.06, grip[1]), 0.04, "kit"))
    if "sled" in props and at is not None and "hands-handles" not in motion.contacts:
        shapes.append(Line(grip, (at, floor + 0.3), 0.02, "kit"))
    if "door" in props and "towel" in props and at is not None:
        shapes.append(Line(grip, (at, grip[1]), 0.035, "kit"))
    if "dip-belt" in props:  # a chain from the hips to a weight hanging between the thighs
        hips = _p(motion, b, "pelvis")
        knees = _p(motion, b, "knee_left", "knee_right")
        hang = (hips[0] + (knees[0] - hips[0]) * 0.3, min(hips[1], knees[1]) - 0.15)
        shapes.append(Line(hips, hang, 0.015, "kit"))
        shapes.append(Circle((hang[0], hang[1] - 0.1), 0.11, "kitfar"))
    if "jump-rope" in props:
        low = min(_p(motion, b, f"{p}_{s}")[1] for p in ("ball", "heel") for s in ("left", "right"))
        feet = _p(motion, b, "ball_left", "heel_left")
        bottom = (feet[0], max(floor, low - 0.06))
        ends = [_p(motion, b, "grip_left"), _p(motion, b, "grip_right")]
        for end in ends:
            shapes.append(Line(end, bottom, 0.015, "kit"))
    if "wrist-roller" in props:
        shapes.append(Circle(grip, 0.035, "kit"))
        shapes.append(Line(grip, (grip[0], grip[1] - 0.55), 0.012, "kit"))
        shapes.append(Circle((grip[0], grip[1] - 0.62), 0.1, "kitfar"))
    if "neck-harness" in props:
        head = _p(motion, b, "head")
        hang = (head[0] + 0.05, head[1] - 0.5)
        shapes.append(Line(head, hang, 0.015, "kit"))
        shapes.append(Circle((hang[0], hang[1] - 0.1), 0.1, "kitfar"))
    if "hip-thrust-machine" in props:
        hips = _p(motion, b, "pelvis")
        shapes.append(Circle((hips[0], hips[1] + 0.13), 0.06, "kit"))
    if "hack-squat" in props:  # the back pad and shoulder pads ride with the body
        hips, back = _p(motion, b, "pelvis"), _p(motion, b, "upper_back")
        dx, dy = back[0] - hips[0], back[1] - hips[1]
        size = math.hypot(dx, dy) or 1.0
        nx, ny = -dy / size * 0.12, dx / size * 0.12  # behind the back
        bottom_end = (hips[0] + nx - dx * 0.3, hips[1] + ny - dy * 0.3)
        top_end = (back[0] + nx + dx * 0.45, back[1] + ny + dy * 0.45)
        shapes.append(Line(bottom_end, top_end, 0.08, "kit"))
        shoulder = _p(motion, b, "shoulder_left", "shoulder_right")
        shapes.append(Circle((shoulder[0], shoulder[1] + 0.07), 0.05, "kit"))
    if "calf-machine" in props:
        shoulder = _p(motion, b, "shoulder_left", "shoulder_right")
        shapes.append(Rect(shoulder[0] - 0.35, shoulder[1] + 0.1, 0.45, 0.07, "kit"))
    return shapes
