"""Equipment drawn around the figure: placed props once, held props on every frame."""

from __future__ import annotations

from collections.abc import Sequence

from repforge.catalog.motion import Motion
from repforge.media import skeleton
from repforge.media.scene import (
    BALL_RADIUS,
    BOX_HEIGHT,
    WIDTH,
    Circle,
    Line,
    Rect,
    Shape,
    project,
)
from repforge.media.skeleton import Body

PLATE_RADIUS = 0.225
# Anchor heights (metres over the floor) of cables from a tower and bands tied to a post or door.
CABLE_HEIGHTS = {
    "cable-high": 2.0,
    "cable-mid": 1.0,
    "cable-low": 0.15,
    "band-high": 1.9,
    "band-mid": 1.0,
    "band-low": 0.45,
}
BANDS = frozenset({"band-high", "band-mid", "band-low"})
BAR = 0.03
BACKPACK_DEPTH = 0.11  # metres from the spine line to the middle of the pack
MASSAGE_BALL_RADIUS = 0.035
VEST_WIDTH = 0.24  # a worn vest stands out past the drawn trunk (0.15) at the chest and back
DOWEL = 0.02  # a broomstick or PVC pipe, thinner than a barbell
DOWEL_OVERHANG = 0.2  # metres of stick past each hand
DOWEL_END = 0.04  # the end-on stick, drawn a little fatter than its width so it shows
WIDTH_TRUNK_HALF = WIDTH["trunk"] / 2


def _p(motion: Motion, b: Body, *names: str) -> tuple[float, float]:
    x, y, _ = project(motion.view, skeleton.centre(b, list(names)))
    return x, y


def _between(a: tuple[float, float], b: tuple[float, float], t: float) -> tuple[float, float]:
    return a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t


def _contact(motion: Motion, b: Body, surface: str) -> tuple[float, float] | None:
    for contact in motion.contacts:
        if contact.endswith("-" + surface):
            names, gap = skeleton.contact_points(contact)
            x, y = _p(motion, b, *names)
            return x, y - gap
    return None


def _landing(motion: Motion, first: Body, floor: float) -> tuple[float, float] | None:
    """Where a jump lands on a box: under the feet of the highest flight that clears one."""
    high = max(motion.keyframes, key=lambda k: k.flight[1])
    if high.flight[1] < BOX_HEIGHT - 0.05:
        return None
    feet = _p(motion, first, "ball_left", "ball_right", "heel_left", "heel_right")
    return feet[0] + high.flight[0 if motion.view == "side" else 2], floor + BOX_HEIGHT


def placed(motion: Motion, first: Body, floor: float) -> list[Shape]:
    """Props that stay put: benches, bars, boxes, balls, pads, floor mats."""
    shapes: list[Shape] = []
    props = set(motion.props)
    pelvis = _p(motion, first, "pelvis")
    back = _p(motion, first, "upper_back")
    if props & {"flat-bench", "incline-bench", "decline-bench", "machine"}:
        seat = _contact(motion, first, "bench") or (pelvis[0], pelvis[1] - 0.1)
        left, right = seat[0] - 0.3, seat[0] + 0.3
        if "hips-bench" in motion.contacts and "back-bench" in motion.contacts:
            left, right = min(pelvis[0], back[0]) - 0.3, max(pelvis[0], back[0]) + 0.3
        elif "back-bench" in motion.contacts:
            # only the upper back rests on it (hip thrust): the bench runs away from the hips
            away = -1.0 if pelvis[0] > back[0] else 1.0
            left, right = sorted((back[0] + away * 0.45, back[0] - away * 0.12))
        top = seat[1] if "flat-bench" in props else pelvis[1] - 0.1
        shapes.append(Rect(left, top, right - left, 0.07, "kit"))
        for x in (left + 0.08, right - 0.08):
            shapes.append(Line((x, top - 0.05), (x, floor), 0.04, "kit"))
        if props & {"incline-bench", "decline-bench", "machine"}:
            dx, dy = back[0] - pelvis[0], back[1] - pelvis[1]
            # the back pad sits behind the trunk, from the seat to past the shoulders
            shapes.append(
                Line(
                    (pelvis[0] - 0.11 + dx * 0.05, pelvis[1] - 0.05),
                    (pelvis[0] - 0.11 + dx * 1.45, pelvis[1] + dy * 1.45),
                    0.07,
                    "kit",
                )
            )
    if "box" in props:
        box = _contact(motion, first, "box") or _landing(motion, first, floor)
        box = box or (pelvis[0], pelvis[1] - 0.1)
        # heels on the edge (tibialis raises off a step): the forefoot hangs off the front
        left = box[0] - 0.47 if "heels-box" in motion.contacts else box[0] - 0.25
        shapes.append(Rect(left, box[1], 0.5, box[1] - floor, "kit"))
    if "stability-ball" in props:
        rest = _contact(motion, first, "ball") or (pelvis[0], floor + 2 * BALL_RADIUS)
        shapes.append(Circle((rest[0], rest[1] - BALL_RADIUS), BALL_RADIUS, "kitfar"))
    if "pull-up-bar" in props and motion.view == "front":  # the bar runs across, under both hands
        near, far = _p(motion, first, "grip_left"), _p(motion, first, "grip_right")
        xs = sorted((near[0], far[0]))
        y = (near[1] + far[1]) / 2
        shapes.append(Line((xs[0] - 0.35, y), (xs[1] + 0.35, y), 0.03, "kit"))
    elif (
        "pull-up-bar" in props
        and _p(motion, first, "upper_back")[1] > _p(motion, first, "grip_left", "grip_right")[1]
    ):  # starting in support on top of the bar (bar dips): a low bar seen end-on, on its post
        grip = _p(motion, first, "grip_left", "grip_right")
        shapes.append(Line((grip[0], grip[1]), (grip[0], floor), 0.04, "kitfar"))
        shapes.append(Circle(grip, 0.035, "kit"))
    elif props & {"pull-up-bar", "rings"}:
        grip = _p(motion, first, "grip_left", "grip_right")
        # rings hang on straps from a bar above the head, however low the rings are set
        top = grip[1] + 0.35 if "pull-up-bar" in props else max(grip[1] + 0.35, floor + 2.3)
        shapes.append(Line((grip[0] - 0.5, top), (grip[0] + 0.5, top), 0.03, "kitfar"))
        if "rings" in props:
            shapes.append(Line((grip[0], top), (grip[0], grip[1] + 0.1), 0.015, "kit"))
            shapes.append(Circle((grip[0], grip[1]), 0.09, "kitfar"))
        else:
            shapes.append(Line((grip[0], top), grip, 0.03, "kit"))
            shapes.append(Circle(grip, 0.035, "kit"))
    if "dip-bars" in props:
        grip = _p(motion, first, "grip_left", "grip_right")
        shapes.append(Line((grip[0], grip[1]), (grip[0], floor), 0.04, "kitfar"))
        shapes.append(Circle(grip, 0.035, "kit"))
    if "parallettes" in props:
        grip = _p(motion, first, "grip_left", "grip_right")
        shapes.append(Line((grip[0] - 0.15, floor), (grip[0] - 0.12, grip[1] - 0.03), 0.03, "kit"))
        shapes.append(Line((grip[0] + 0.15, floor), (grip[0] + 0.12, grip[1] - 0.03), 0.03, "kit"))
    if props & {"ghr-bench", "back-extension-bench"}:
        pad = (
            _p(motion, first, "knee_left", "knee_right")
            if "ghr-bench" in props
            else _p(motion, first, "hip_left", "hip_right")
        )
        foot = _p(motion, first, "heel_left", "heel_right")
        centre = (pad[0], pad[1] - 0.16)
        shapes.append(Line((centre[0], centre[1]), (centre[0], floor), 0.05, "kit"))
        shapes.append(Line((centre[0], floor + 0.1), (foot[0] - 0.1, floor + 0.1), 0.05, "kit"))
        shapes.append(
            Line((foot[0] - 0.1, floor + 0.1), (foot[0] - 0.1, foot[1] + 0.05), 0.05, "kit")
        )
        shapes.append(
            Line((foot[0] - 0.06, foot[1] - 0.08), (foot[0] - 0.06, foot[1] + 0.12), 0.05, "kit")
        )
        shapes.append(Circle(centre, 0.11, "kitfar"))
    if "preacher-pad" in props:
        elbow = _p(motion, first, "elbow_left", "elbow_right")
        shoulder = _p(motion, first, "shoulder_left", "shoulder_right")
        shapes.append(
            Line((elbow[0], elbow[1] - 0.06), (shoulder[0], shoulder[1] - 0.12), 0.07, "kit")
        )
        shapes.append(Line((elbow[0] - 0.1, elbow[1] - 0.1), (elbow[0] - 0.1, floor), 0.04, "kit"))
    if "foam-roller" in props:
        # under the part resting on it (a `-pad` contact, e.g. `back-pad` when rolling the
        # upper back), else under the upper back when it rests on it, else a floor contact
        back_on = any(c.startswith("back-") for c in motion.contacts)
        rest = _contact(motion, first, "pad") or (
            back if back_on else (_contact(motion, first, "floor") or pelvis)
        )
        shapes.append(Circle((rest[0], floor + 0.075), 0.075, "kit"))
    if "massage-ball" in props:
        # a small ball on the floor under the part resting on it (a `-pad` contact, e.g.
        # `back-pad` face down for the chest), else under the first contact (a foot)
        at = _contact(motion, first, "pad") or pelvis
        if not any(c.endswith("-pad") for c in motion.contacts) and motion.contacts:
            names, _ = skeleton.contact_points(motion.contacts[0])
            at = _p(motion, first, *names)
        shapes.append(Circle((at[0], floor + MASSAGE_BALL_RADIUS), MASSAGE_BALL_RADIUS, "kit"))
    if "mat" in props:
        xs = [project(motion.view, p)[0] for p in first.points.values()]
        shapes.append(Rect(min(xs) - 0.1, floor + 0.015, max(xs) - min(xs) + 0.2, 0.015, "kitfar"))
    return shapes


def held(motion: Motion, b: Body, floor: float, anchor_x: float) -> list[Shape]:
    """Props that move with the body on this frame: bars, weights, cables, bands, sliders."""
    shapes: list[Shape] = []
    props = set(motion.props)
    grip = _p(motion, b, "grip_left", "grip_right")
    if "barbell" in props or "barbell-back" in props:
        at = grip if "barbell" in props else _p(motion, b, "upper_back")
        if "barbell-back" in props and motion.view == "side":
            at = (at[0] - 0.07, at[1] + 0.05)
        if motion.view == "front":
            shapes.append(Line((at[0] - 1.0, at[1]), (at[0] + 1.0, at[1]), BAR, "kit"))
            for x in (at[0] - 0.85, at[0] + 0.85):
                shapes.append(Rect(x - 0.03, at[1] + PLATE_RADIUS, 0.06, 2 * PLATE_RADIUS, "kit"))
        else:
            shapes.append(Circle(at, PLATE_RADIUS, "kitfar"))
            shapes.append(Circle(at, BAR, "kit"))
    for side in ("left", "right"):
        if "dumbbells" in props or ("dumbbell" in props and side == "right"):
            g = _p(motion, b, f"grip_{side}")
            shapes.append(Circle(g, 0.07, "kit"))
    if "dumbbell-feet" in props:  # one dumbbell squeezed between the feet (leg curls)
        arches = (
            _p(motion, b, "ankle_left", "ankle_right"),
            _p(motion, b, "ball_left", "ball_right"),
        )
        shapes.append(Circle(_between(*arches, 0.5), 0.07, "kit"))
    if "kettlebell-foot" in props:  # a bell hung by its handle from the left forefoot
        hook = _between(_p(motion, b, "ankle_left"), _p(motion, b, "ball_left"), 0.6)
        shapes.append(Line(hook, (hook[0], hook[1] - 0.08), 0.02, "kit"))
        shapes.append(Circle((hook[0], hook[1] - 0.16), 0.09, "kit"))
    if "kettlebell" in props:
        # hands apart: the bell is in the right hand (windmills, single-arm work)
        hands = _p(motion, b, "grip_left"), _p(motion, b, "grip_right")
        if abs(hands[0][0] - hands[1][0]) + abs(hands[0][1] - hands[1][1]) > 0.3:
            grip = hands[1]
        shapes.append(Line(grip, (grip[0], grip[1] - 0.1), 0.02, "kit"))
        shapes.append(Circle((grip[0], grip[1] - 0.17), 0.1, "kit"))
    if "medicine-ball" in props:  # in the hands, or squeezed between the knees
        at = _p(motion, b, "knee_left", "knee_right") if "knees-ball" in motion.contacts else grip
        shapes.append(Circle(at, 0.13, "kit"))
    if "weight-plate" in props:
        shapes.append(Circle(grip, 0.2, "kitfar"))
    if "ball-feet" in props:  # a stability ball rolled in and out under the heels
        heels = _p(motion, b, "heel_left", "heel_right")
        shapes.append(Circle((heels[0], heels[1] - 0.03 - BALL_RADIUS), BALL_RADIUS, "kitfar"))
    if "ab-wheel" in props:
        # hands planted on the floor: the toes rest on the handles (knee tucks, pikes);
        # hands apart: only the working (left) hand holds it (single-arm rollouts)
        held_l, held_r = _p(motion, b, "grip_left"), _p(motion, b, "grip_right")
        if "hands-floor" in motion.contacts:
            wheel_x = _p(motion, b, "ball_left", "ball_right")[0]
        elif abs(held_l[0] - held_r[0]) + abs(held_l[1] - held_r[1]) > 0.3:
            wheel_x = held_l[0]
        else:
            wheel_x = _p(motion, b, "grip_left", "grip_right")[0]
        shapes.append(Circle((wheel_x, floor + 0.1), 0.1, "kit"))
    # an ankle strap moves the cable from the hands to the working (left) ankle, a knee strap
    # (a band looped behind the knees) to the knees, a head strap to the head
    handle = grip
    if "ankle-strap" in props:
        handle = _p(motion, b, "ankle_left")
    elif "knee-strap" in props:
        handle = _p(motion, b, "knee_left", "knee_right")
    elif "head-strap" in props:
        handle = _p(motion, b, "head")
    for prop, height in CABLE_HEIGHTS.items():
        if prop in props:
            width = 0.012 if prop.startswith("cable") else 0.022
            shapes.append(Line((anchor_x, floor + height), handle, width, "kit"))
    if "band-back" in props:  # a band around the upper back to both hands (band presses)
        shapes.append(Line(_p(motion, b, "upper_back"), grip, 0.022, "kit"))
    if "band" in props:
        feet = _p(motion, b, "ball_left", "ball_right")
        shapes.append(Line(grip, feet, 0.02, "kit"))
    if "band-hands" in props:  # a band stretched between the hands (pull-aparts, flies)
        ends = _p(motion, b, "grip_left"), _p(motion, b, "grip_right")
        shapes.append(Line(ends[0], ends[1], 0.02, "kit"))
    if "mini-band" in props:  # a loop around both thighs, just above the knees
        near = [
            _between(_p(motion, b, f"hip_{s}"), _p(motion, b, f"knee_{s}"), 0.8)
            for s in ("left", "right")
        ]
        if motion.view == "side":  # seen from the side, a stripe across the near thigh
            hip, knee = _p(motion, b, "hip_left"), _p(motion, b, "knee_left")
            dx, dy = knee[0] - hip[0], knee[1] - hip[1]
            k = 0.1 / max((dx * dx + dy * dy) ** 0.5, 1e-6)
            at = near[0]
            near = [(at[0] - dy * k, at[1] + dx * k), (at[0] + dy * k, at[1] - dx * k)]
        shapes.append(Line(near[0], near[1], 0.035, "kit"))
    if "landmine" in props:
        shapes.append(Line((anchor_x, floor + 0.03), grip, BAR, "kit"))
        shapes.append(Circle(grip, 0.05, "kit"))
    if "backpack" in props and motion.view == "side":  # a pack worn high on the back
        pelvis, top = _p(motion, b, "pelvis"), _p(motion, b, "upper_back")
        dx, dy = top[0] - pelvis[0], top[1] - pelvis[1]
        k = BACKPACK_DEPTH / max((dx * dx + dy * dy) ** 0.5, 1e-6)
        normal = (-dy * k, dx * k)  # the back's side: behind an upright figure that faces right
        low = _between(pelvis, top, 0.35)
        shapes.append(
            Line(
                (low[0] + normal[0], low[1] + normal[1]),
                (top[0] + normal[0], top[1] + normal[1]),
                BACKPACK_DEPTH * 1.6,
                "kit",
            )
        )
    shapes += _worn(motion, b, props)
    if "sliders" in props:
        for side in ("left", "right"):
            f = _p(motion, b, f"ball_{side}")
            shapes.append(Rect(f[0] - 0.09, f[1] - 0.0, 0.18, 0.02, "kit"))
    return shapes


def _worn(motion: Motion, b: Body, props: set[str]) -> list[Shape]:
    """A weight vest on the chest and back, a dowel across the hands or along the spine."""
    shapes: list[Shape] = []
    pelvis, neck = _p(motion, b, "pelvis"), _p(motion, b, "neck")
    if "weight-vest" in props:  # from the lower ribs to the shoulders, wider than the trunk
        shapes.append(
            Line(_between(pelvis, neck, 0.4), _between(pelvis, neck, 0.95), VEST_WIDTH, "kit")
        )
    if "dowel" in props:
        near, far = _p(motion, b, "grip_left"), _p(motion, b, "grip_right")
        mid = _between(near, far, 0.5)
        dx, dy = far[0] - near[0], far[1] - near[1]
        apart = (dx * dx + dy * dy) ** 0.5
        if apart < 0.1:  # seen end-on (side view, hands level): the stick's end at the grip
            shapes.append(Circle(mid, DOWEL_END, "kit"))
        else:  # the stick runs through both hands and a little past each
            k = (apart / 2 + DOWEL_OVERHANG) / apart
            ends = (mid[0] - dx * k, mid[1] - dy * k), (mid[0] + dx * k, mid[1] + dy * k)
            shapes.append(Line(*ends, DOWEL, "kit"))
    if "dowel-spine" in props and motion.view == "side":  # held along the back (hinge drills)
        head = _p(motion, b, "head")
        dx, dy = head[0] - pelvis[0], head[1] - pelvis[1]
        k = (WIDTH_TRUNK_HALF + DOWEL) / max((dx * dx + dy * dy) ** 0.5, 1e-6)
        normal = (-dy * k, dx * k)  # behind an upright figure that faces right
        low = _between(pelvis, head, -0.12)
        shapes.append(
            Line(
                (low[0] + normal[0], low[1] + normal[1]),
                (head[0] + dx * 0.25 + normal[0], head[1] + dy * 0.25 + normal[1]),
                DOWEL,
                "kit",
            )
        )
    return shapes


def cable_stack(motion: Motion, bodies: Sequence[Body], floor: float) -> tuple[float, list[Shape]]:
    """Where cables and landmines anchor, and the cable tower drawn there."""
    xs = [project(motion.view, p)[0] for b in bodies for p in b.points.values()]
    props = set(motion.props)
    if "landmine" in props:
        return min(xs) - 0.9, []
    if not props & set(CABLE_HEIGHTS):
        return 0.0, []
    # facing away from the stack (Bayesian curl, pull-through): the tower stands behind
    x = min(xs) - 0.6 if "cable-behind" in props else max(xs) + 0.6
    if not props & {"cable-high", "cable-mid", "cable-low"}:
        # a band tied to a post (or to a door, drawn by the kit): the post only
        if "door" in props:
            return x, []
        top = max(h for p, h in CABLE_HEIGHTS.items() if p in props) + 0.1
        return x, [Rect(x, floor + top, 0.05, top, "kitfar")]
    return x, [
        Rect(x - 0.04, floor + 2.1, 0.22, 2.1, "kitfar"),
        Circle((x, floor + 2.0), 0.04, "kit"),
    ]
