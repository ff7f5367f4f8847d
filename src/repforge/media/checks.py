"""Motion checks for `repforge catalog check`: range of motion, floor, contacts, feet, pattern, kit."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from repforge.catalog.load import Parsed
from repforge.catalog.motion import LIMB_JOINTS, SIDES, Motion, is_stepping, missing_props
from repforge.errors import Problem
from repforge.media import skeleton
from repforge.media.compose import bodies_at
from repforge.media.footing import footing_problems
from repforge.media.scene import floor_level

# Flip to True once every authored exercise has motion: then a missing block is an error.
REQUIRE_MOTION = True

# Degrees, (least, most). Sources and reasoning: docs/motion.md, "Range of motion".
RANGE_OF_MOTION: Mapping[str, tuple[float, float]] = {
    "trunk": (-180, 180),  # orientation in space, not a joint: lying and hanging are allowed
    "trunk_side": (-180, 180),
    "trunk_twist": (-60, 60),
    "neck": (-60, 50),
    "neck_side": (-45, 45),
    "shrug": (-10, 40),
    "shoulder": (-60, 185),
    "shoulder_abduction": (-30, 185),
    "shoulder_rotation": (-70, 90),
    "elbow": (-5, 150),
    "wrist": (-70, 80),
    "hip": (-45, 140),
    "hip_abduction": (-30, 50),
    "hip_rotation": (-45, 60),
    "knee": (-5, 155),
    "ankle": (-55, 45),
}
FLOOR_TOLERANCE = 0.04  # metres: a stroke's half-width may touch the floor line
CONTACT_TOLERANCE = 0.06  # metres: about a hand's width; less than that reads as planted
SAMPLE_FPS = 10.0
# Patterns whose feet really leave the ground; elsewhere a flight offset would only hide a
# contact that slides (docs/motion.md, "Flight").
FLIGHT_PATTERNS = frozenset({"jump", "locomotion", "olympic-lift"})
# Kit that rolls or slides the whole body out and back (rollouts, body saws).
ROLLING_PROPS = frozenset({"ab-wheel", "sliders"})


@dataclass(frozen=True)
class Rule:
    """What a movement pattern must show, in joint travel (degrees, largest side)."""

    text: str
    holds: Callable[[Mapping[str, float]], bool]


def _r(*joints: str) -> Callable[[Mapping[str, float]], float]:
    return lambda travel: max(travel.get(j, 0.0) for j in joints)


_knee, _hip, _elbow, _trunk = _r("knee"), _r("hip"), _r("elbow"), _r("trunk")
_shoulder = _r("shoulder", "shoulder_abduction")
_press = Rule(
    "elbow and shoulder each travel at least 40 degrees while the trunk turns under 15",
    lambda t: _elbow(t) >= 40 and _shoulder(t) >= 30 and _trunk(t) < 15,
)
_arm_only = Rule(
    "the elbow travels at least 60 degrees while the shoulder moves under 35 and the trunk under 10",
    lambda t: _elbow(t) >= 60 and _r("shoulder")(t) < 35 and _trunk(t) < 10,
)
_raise = Rule(
    "the shoulder travels at least 50 degrees with the elbow nearly fixed (under 25)",
    lambda t: _shoulder(t) >= 50 and _elbow(t) < 25,
)
_still_trunk = Rule("the trunk holds (turns under 10 degrees)", lambda t: _trunk(t) < 10)

PATTERN_RULES: Mapping[str, Rule] = {
    "knee-flexion": Rule(
        "the knee travels at least 60 degrees and at least 1.5 times as far as the hip",
        lambda t: _knee(t) >= 60 and _knee(t) >= 1.5 * _hip(t),
    ),
    "knee-extension": Rule(
        "the knee travels at least 50 degrees while the hip moves under 20",
        lambda t: _knee(t) >= 50 and _hip(t) < 20,
    ),
    "hinge": Rule(
        "the hip travels at least 45 degrees and the knee at most 0.8 times as far",
        lambda t: _hip(t) >= 45 and _knee(t) <= 0.8 * _hip(t),
    ),
    "squat": Rule(
        "hip and knee each travel at least 60 degrees",
        lambda t: _hip(t) >= 60 and _knee(t) >= 60,
    ),
    "lunge": Rule(
        "a knee travels at least 50 degrees and a hip at least 30",
        lambda t: _knee(t) >= 50 and _hip(t) >= 30,
    ),
    "horizontal-push": _press,
    "vertical-push": _press,
    "horizontal-pull": _press,
    "vertical-pull": _press,
    "elbow-flexion": _arm_only,
    "elbow-extension": _arm_only,
    "lateral-raise": _raise,
    "front-raise": _raise,
    "reverse-fly": _raise,
    "chest-fly": _raise,
    "calf-raise": Rule(
        "the ankle travels at least 25 degrees while knee and hip move under 15",
        lambda t: _r("ankle")(t) >= 25 and _knee(t) < 15 and _hip(t) < 15,
    ),
    "hip-extension": Rule("the hip travels at least 40 degrees", lambda t: _hip(t) >= 40),
    "hip-flexion": Rule("the hip travels at least 50 degrees", lambda t: _hip(t) >= 50),
    "hip-abduction": Rule(
        "the hip travels at least 20 degrees sideways", lambda t: _r("hip_abduction")(t) >= 20
    ),
    "hip-adduction": Rule(
        "the hip travels at least 20 degrees sideways", lambda t: _r("hip_abduction")(t) >= 20
    ),
    "trunk-flexion": Rule(
        "the trunk bends at least 25 degrees (forward or sideways)",
        lambda t: _r("trunk", "trunk_side")(t) >= 25,
    ),
    "rotation": Rule("the trunk twists at least 20 degrees", lambda t: _r("trunk_twist")(t) >= 20),
    "shrug": Rule("the shoulders rise at least 15 degrees", lambda t: _r("shrug")(t) >= 15),
    "shoulder-rotation": Rule(
        "the upper arm rotates at least 40 degrees", lambda t: _r("shoulder_rotation")(t) >= 40
    ),
    "wrist": Rule("the wrist travels at least 40 degrees", lambda t: _r("wrist")(t) >= 40),
    "neck": Rule(
        "the neck travels at least 20 degrees (forward, back or sideways)",
        lambda t: _r("neck", "neck_side")(t) >= 20,
    ),
    "jump": Rule(
        "hip and knee each travel at least 40 degrees (a squat jump), or the ankle 25 (a hop),"
        " or the legs open 20 sideways (a jumping jack)",
        lambda t: (
            (_hip(t) >= 40 and _knee(t) >= 40)
            or _r("ankle")(t) >= 25
            or _r("hip_abduction")(t) >= 20
        ),
    ),
    "olympic-lift": Rule(
        "hip and knee travel at least 40 degrees and the shoulder at least 60",
        lambda t: _hip(t) >= 40 and _knee(t) >= 40 and _shoulder(t) >= 60,
    ),
    "anti-extension": _still_trunk,
    "anti-rotation": Rule(
        "the trunk holds (turns and twists under 10 degrees)",
        lambda t: _trunk(t) < 10 and _r("trunk_twist")(t) < 10,
    ),
    "anti-lateral-flexion": Rule(
        "the trunk holds (bends sideways under 10 degrees)",
        lambda t: _r("trunk_side")(t) < 10,
    ),
    "locomotion": Rule(
        "some limb joint travels at least 30 degrees", lambda t: max(t.values(), default=0) >= 30
    ),
    "mobility": Rule(
        "some joint travels at least 20 degrees", lambda t: max(t.values(), default=0) >= 20
    ),
}


_SHOULDER_ONLY = Rule(
    "the shoulder travels at least 40 degrees (or the shoulder blades 20, in a scapular drill)"
    " while the trunk turns under 15",
    lambda t: (_shoulder(t) >= 40 or _r("shrug")(t) >= 20) and _trunk(t) < 15,
)
_ELBOW_LED_RAISE = Rule(
    "the shoulder travels at least 50 degrees while the trunk turns under 15",
    lambda t: _shoulder(t) >= 50 and _trunk(t) < 15,
)
_FLOOR_RAISE = Rule(
    "the shoulder travels or rotates at least 15 degrees (the floor stops the arms below)",
    lambda t: _r("shoulder", "shoulder_abduction", "shoulder_rotation")(t) >= 15,
)
_ARM_PATTERNS = {"horizontal-push", "vertical-push", "horizontal-pull", "vertical-pull"}
_RAISES = {"lateral-raise", "front-raise", "reverse-fly", "chest-fly"}


def prone_on_floor(motion: Motion) -> bool:
    """Lying face down on the floor throughout (the floor caps a raise's range)."""
    trunks = [p.get("trunk", 0.0) for p in skeleton.resolve(motion)]
    return "hips-floor" in motion.contacts and min(trunks) >= 75


_WALL_CLIMB = Rule(
    "the trunk turns at least 30 degrees, walking up the wall toward a handstand",
    lambda t: _trunk(t) >= 30,
)
_SEATED_FLEXION = Rule(
    "the hip travels at least 30 degrees (from a seated start, near the end of its flexion)",
    lambda t: _hip(t) >= 30,
)


def seated_start(motion: Motion) -> bool:
    """Both hips flexed 80 degrees or more at the start, as when sitting on the floor."""
    first = skeleton.resolve(motion)[0]
    return min(skeleton.angle(first, "hip", side) for side in SIDES) >= 80


def pattern_rule(
    pattern: str,
    force: str,
    mechanic: str,
    prone: bool = False,
    seated: bool = False,
    rolling: bool = False,
    wall: bool = False,
) -> Rule | None:
    """The rule for a pattern and exercise kind (see docs/motion.md)."""
    if pattern.startswith("anti-"):
        # the trunk's orientation stands in for a braced spine only in a hold; in a rollout or
        # a dead bug the limbs move the whole body, which the angles cannot tell from bracing.
        # A wheel or sliders under the hands or feet make it a rollout even when the spine
        # is held still (force static): the whole body turns about the knees or feet.
        return PATTERN_RULES[pattern] if force == "static" and not rolling else None
    if force == "static":
        return None  # a hold (wall sit, carry, stretch) shows a position, not a repetition
    if pattern in _ARM_PATTERNS and mechanic == "isolation":
        # straight-arm pulldowns and pullovers: the shoulder does the work, the elbow stays set;
        # scapular pull-ups and push-ups move only the shoulder blades
        return _SHOULDER_ONLY
    if prone and (pattern in _RAISES or pattern == "shoulder-rotation"):
        # Y, T and W raises lying on the floor: the arms lift a few inches off it
        return _FLOOR_RAISE
    if pattern == "vertical-push" and wall:
        # wall walks: the feet climb a wall and the body turns toward a handstand; the elbows
        # stay straight, so the press rule does not apply
        return _WALL_CLIMB
    if pattern == "hip-flexion" and seated:
        # a seated leg lift starts at 90 degrees of flexion, which ends near 130 with a long leg
        return _SEATED_FLEXION
    if pattern in _RAISES and mechanic == "compound":
        # an upright row raises the arms by leading with bending elbows
        return _ELBOW_LED_RAISE
    return PATTERN_RULES.get(pattern)


def travel(motion: Motion) -> dict[str, float]:
    """Largest swing of each joint across the keyframes, per joint name (larger side)."""
    poses = skeleton.resolve(motion)
    out: dict[str, float] = {}
    names = {j for p in poses for j in p} - set(skeleton.FLIGHT_KEYS)
    for joint in names:
        base = joint.removesuffix("_left").removesuffix("_right")
        values = [p.get(joint, 0.0) for p in poses]
        out[base] = max(out.get(base, 0.0), max(values) - min(values))
    for joint in LIMB_JOINTS:
        for side in SIDES:
            values = [skeleton.angle(p, joint, side) for p in poses]
            out[joint] = max(out.get(joint, 0.0), max(values) - min(values))
    return out


def range_problems(motion: Motion) -> list[tuple[int, str]]:
    """(keyframe index, message) for angles outside human range of motion."""
    found = []
    for i, frame in enumerate(motion.keyframes):
        for joint, value in frame.pose.items():
            base = joint.removesuffix("_left").removesuffix("_right")
            low, high = RANGE_OF_MOTION[base]
            if not low <= value <= high:
                found.append(
                    (i, f"{joint} {value:g} is outside the human range {low:g} to {high:g}")
                )
    return found


def floor_problems(motion: Motion) -> list[str]:
    """Body points that sink through the floor at some moment of the loop."""
    frames = skeleton.timeline(motion, SAMPLE_FPS)
    keybodies = bodies_at(motion, skeleton.resolve(motion))
    floor = floor_level(motion, keybodies)
    worst: dict[str, float] = {}
    for b in bodies_at(motion, frames):
        for name, p in b.points.items():
            radius = skeleton.HEAD_RADIUS if name == "head" else 0.0
            depth = floor - (p[1] - radius)
            if depth > FLOOR_TOLERANCE:
                worst[name] = max(worst.get(name, 0.0), depth)
    return [
        f"{name.replace('_', ' ')} goes {cm * 100:.0f} cm through the floor"
        for name, cm in sorted(worst.items())
    ]


def contact_problems(motion: Motion) -> list[str]:
    """Contacts that drift during the loop, or floor contacts that do not touch the floor."""
    frames = skeleton.timeline(motion, SAMPLE_FPS)
    # a flight phase releases every contact: only grounded moments are held to them
    bodies = bodies_at(motion, [f for f in frames if not skeleton.in_flight(f)])
    keybodies = bodies_at(motion, skeleton.resolve(motion))
    floor = floor_level(motion, keybodies)
    found = []
    for contact in motion.contacts:
        if is_stepping(contact):
            continue  # it steps between keyframes; footing checks it touches at each one
        names, gap = skeleton.contact_points(contact)
        start = skeleton.centre(keybodies[0], names)
        drift = max(
            max(abs(a - b) for a, b in zip(skeleton.centre(body, names), start, strict=True))
            for body in bodies
        )
        if drift > CONTACT_TOLERANCE:
            found.append(f"contact {contact} moves {drift * 100:.0f} cm during the loop")
        if contact.endswith("-floor") and abs(start[1] - gap - floor) > CONTACT_TOLERANCE:
            off = (start[1] - gap - floor) * 100
            found.append(f"contact {contact} is {off:+.0f} cm from the floor at the first keyframe")
    return found


def _article(word: str) -> str:
    return "an" if word[0] in "aeiou" else "a"


def check_motion(item: Parsed) -> list[Problem]:
    """Every motion check for one parsed exercise file."""
    ex, motion = item.exercise, item.exercise.motion
    name = item.source.name
    if motion is None:
        return [Problem(name, 1, "has no motion block")] if REQUIRE_MOTION else []
    problems = [
        Problem(name, item.line_of("motion", "keyframes", i, "pose"), message)
        for i, message in range_problems(motion)
    ]
    line = item.line_of("motion")
    problems += [Problem(name, line, m) for m in floor_problems(motion)]
    problems += [
        Problem(name, item.line_of("motion", "contacts"), m) for m in contact_problems(motion)
    ]
    problems += [
        Problem(name, item.line_of("motion", "keyframes", i, "pose"), message)
        for i, message in footing_problems(motion, ex.pattern)
    ]
    if motion.has_flight and ex.pattern not in FLIGHT_PATTERNS:
        problems.append(
            Problem(
                name,
                item.line_of("motion", "keyframes"),
                f"{_article(ex.pattern)} {ex.pattern} cannot use flight; only "
                + ", ".join(sorted(FLIGHT_PATTERNS))
                + " leave the ground",
            )
        )
    rule = pattern_rule(
        ex.pattern,
        ex.force,
        ex.mechanic,
        prone_on_floor(motion),
        seated_start(motion),
        bool(ROLLING_PROPS & set(motion.props)),
        "wall" in motion.props,
    )
    if rule is not None and not rule.holds(travel(motion)):
        problems.append(
            Problem(
                name,
                item.line_of("motion", "keyframes"),
                f"{_article(ex.pattern)} {ex.pattern} needs: {rule.text}",
            )
        )
    for missing in missing_props(motion, ex.equipment.required):
        problems.append(
            Problem(
                name, item.line_of("motion", "props"), f"required equipment {missing} is not drawn"
            )
        )
    if ex.equipment.options and len(missing_props(motion, ex.equipment.options)) == len(
        ex.equipment.options
    ):
        problems.append(
            Problem(name, item.line_of("motion", "props"), "none of the equipment options is drawn")
        )
    return problems


def check_all(parsed: Sequence[Parsed]) -> tuple[list[Problem], int]:
    """Problems over the catalog, and how many exercises still lack motion."""
    problems: list[Problem] = []
    for item in parsed:
        problems += check_motion(item)
    return problems, sum(1 for p in parsed if p.exercise.motion is None)
