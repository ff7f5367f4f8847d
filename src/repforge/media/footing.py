"""Feet on their support: every foot the figure stands on touches its surface at the keyframes."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from repforge.catalog.motion import SIDES, Motion
from repforge.media import skeleton
from repforge.media.compose import bodies_at
from repforge.media.scene import floor_level
from repforge.media.skeleton import Body

# Surfaces a foot stands or rests on. A foot plate or a wall is pushed against, not stood on,
# and the contact check already holds a foot there.
STANDING_SURFACES = frozenset({"floor", "box", "bench"})
# Which feet each contact body part names.
FOOT_PARTS: Mapping[str, tuple[str, ...]] = {
    "feet": SIDES,
    "heels": SIDES,
    "left-foot": ("left",),
    "right-foot": ("right",),
    "left-toes": ("left",),
    "right-toes": ("right",),
}
FOOT_GAP = 0.03  # metres: the drawn foot's points ride this far above what they rest on
# Metres a foot may hover and still read as resting: a held contact's allowed drift.
TOLERANCE = 0.06
LUNGE_REASON = (
    "a lunge stands on both feet at the bottom: rest the back foot on its toes,"
    " the back knee just above the floor"
)


@dataclass(frozen=True)
class Footing:
    """One foot that must rest on a surface, at one keyframe or (when `at` is None) at all."""

    side: str
    surface: str
    reason: str
    contact: str | None = None  # the contact naming it; None when the pattern implies it
    at: int | None = None


def deepest(motion: Motion) -> int:
    """Index of the keyframe whose knee bends most (the bottom of a lunge)."""
    poses = skeleton.resolve(motion)
    bends = [max(skeleton.angle(p, "knee", side) for side in SIDES) for p in poses]
    return bends.index(max(bends))


def footings(motion: Motion, pattern: str) -> list[Footing]:
    """The feet the figure stands on: those its contacts name, and a lunge's other foot."""
    found: list[Footing] = []
    for contact in motion.contacts:
        part, surface = contact.rsplit("-", 1)
        if surface in STANDING_SURFACES:
            found += [
                Footing(side, surface, f"{contact} keeps it there", contact)
                for side in FOOT_PARTS.get(part, ())
            ]
    named = {f.side for f in found}
    on_floor = {f.side for f in found if f.surface == "floor"}
    # A lunge or split squat from the floor stands on both feet at its bottom even when its
    # contacts name only the front foot; from a box (step-ups, step-downs) the free leg swings.
    if pattern == "lunge" and len(named) == 1 and named == on_floor:
        (other,) = set(SIDES) - named
        found.append(Footing(other, "floor", LUNGE_REASON, at=deepest(motion)))
    return found


def _lowest(b: Body, side: str) -> float:
    return min(b.points[f"heel_{side}"][1], b.points[f"ball_{side}"][1])


def _surface(footing: Footing, first: Body, floor: float) -> float:
    if footing.surface == "floor" or footing.contact is None:
        return floor
    # a box or bench is drawn under where the contact rests at the first keyframe
    names, gap = skeleton.contact_points(footing.contact)
    return skeleton.centre(first, names)[1] - gap


def footing_problems(motion: Motion, pattern: str) -> list[tuple[int, str]]:
    """(keyframe index, message) for feet left clearly above the surface they stand on."""
    poses = skeleton.resolve(motion)
    bodies = bodies_at(motion, poses)
    floor = floor_level(motion, bodies)
    found: list[tuple[int, str]] = []
    for footing in footings(motion, pattern):
        surface = _surface(footing, bodies[0], floor)
        frames: Sequence[int] = range(len(poses)) if footing.at is None else (footing.at,)
        # in flight every contact is released: a jump's feet leave the floor
        hover = {
            i: _lowest(bodies[i], footing.side) - FOOT_GAP - surface
            for i in frames
            if not skeleton.in_flight(poses[i])
        }
        high = sorted(i for i, h in hover.items() if h > TOLERANCE)
        if not high:
            continue
        worst = max(hover[i] for i in high)
        which = ", ".join(str(i + 1) for i in high)
        found.append(
            (
                high[0],
                f"{footing.side} foot floats {worst * 100:.0f} cm above the {footing.surface}"
                f" at keyframe{'s' if len(high) > 1 else ''} {which} ({footing.reason})",
            )
        )
    return found
