"""Motion data: the keyframed joint angles a demonstration is drawn from (docs/motion.md)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from functools import cached_property
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

# Joints an author may set. Limb joints take a `_left`/`_right` suffix for one side only.
AXIAL_JOINTS = ("trunk", "trunk_side", "trunk_twist", "neck", "neck_side", "shrug")
LIMB_JOINTS = (
    "shoulder",
    "shoulder_abduction",
    "shoulder_rotation",
    "elbow",
    "wrist",
    "hip",
    "hip_abduction",
    "hip_rotation",
    "knee",
    "ankle",
)
SIDES = ("left", "right")
JOINT_NAMES = frozenset(
    AXIAL_JOINTS + LIMB_JOINTS + tuple(f"{j}_{s}" for j in LIMB_JOINTS for s in SIDES)
)

FLIGHT_LIMIT = 1.5  # metres: a box jump rises about 0.6 and travels about 0.6

# Props the renderer draws. Held props follow the hands (or the upper back); placed props
# stay where the contacts put them at the first keyframe.
HELD_PROPS = frozenset(
    {
        "barbell",
        "barbell-back",
        "dumbbells",
        "dumbbell",
        "kettlebell",
        "medicine-ball",
        "weight-plate",
        "cable-high",
        "cable-mid",
        "cable-low",
        "ankle-strap",
        "cable-behind",
        "band",
        "band-hands",
        "mini-band",
        "dumbbell-feet",
        "kettlebell-foot",
        "landmine",
        "ab-wheel",
        "backpack",
        "battle-ropes",
        "jump-rope",
        "wrist-roller",
        "neck-harness",
        "band-high",
        "band-mid",
        "band-low",
        "band-back",
        "knee-strap",
        "head-strap",
        "towel",
        "dip-belt",
        "ball-feet",
        "weight-vest",
        "dowel",
        "dowel-spine",
    }
)
PLACED_PROPS = frozenset(
    {
        "flat-bench",
        "incline-bench",
        "decline-bench",
        "pull-up-bar",
        "dip-bars",
        "box",
        "stability-ball",
        "sliders",
        "ghr-bench",
        "back-extension-bench",
        "preacher-pad",
        "machine",
        "mat",
        "rings",
        "parallettes",
        "foam-roller",
        "sled",
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
        "wall",
        "massage-ball",
    }
)
PROPS = HELD_PROPS | PLACED_PROPS

# A contact is `<body part>-<surface>`: that body point stays where it is at the first keyframe.
CONTACT_BODY = (
    "feet",
    "heels",
    "left-foot",
    "right-foot",
    "left-toes",
    "right-toes",
    "hands",
    "left-hand",
    "right-hand",
    "knees",
    "left-knee",
    "right-knee",
    "hips",
    "back",
    "forearms",
    "left-forearm",
    "right-forearm",
    "upper-arms",
)
CONTACT_SURFACES = ("floor", "bar", "bench", "box", "pad", "ball", "plate", "handles", "wall")
CONTACTS = frozenset(f"{b}-{s}" for b in CONTACT_BODY for s in CONTACT_SURFACES)
# A foot that touches its surface at every keyframe but steps between them (a reverse lunge's
# back foot lands well behind where it stood): not held in place, so it cannot anchor the figure.
STEPPING = ("left-toes", "right-toes")


def is_stepping(contact: str) -> bool:
    """Whether a contact (`right-toes-floor`) names a stepping foot rather than a held one."""
    return contact.rsplit("-", 1)[0] in STEPPING


# Which drawn props show a piece of equipment; equipment absent here needs `machine`.
EQUIPMENT_PROPS: Mapping[str, frozenset[str]] = {
    "barbell": frozenset({"barbell", "barbell-back", "landmine"}),
    "ez-bar": frozenset({"barbell"}),
    "trap-bar": frozenset({"barbell"}),
    "dumbbell": frozenset({"dumbbells", "dumbbell", "dumbbell-feet", "dip-belt"}),
    "kettlebell": frozenset({"kettlebell", "kettlebell-foot", "dip-belt"}),
    # a plate in the hands, on a dip belt, a neck harness or a wrist roller's cord
    "weight-plate": frozenset({"weight-plate", "dip-belt", "neck-harness", "wrist-roller"}),
    "medicine-ball": frozenset({"medicine-ball"}),
    "sandbag": frozenset({"medicine-ball"}),
    # worn: `backpack` on the back; carried in the hands or hugged: a bag at the hands
    "backpack": frozenset({"backpack", "medicine-ball"}),
    # one jug in both hands reads as a kettlebell; a jug in each hand as a pair of dumbbells
    "water-jug": frozenset({"kettlebell", "dumbbells", "dumbbell"}),
    "jump-rope": frozenset({"jump-rope", "band"}),  # the rope, or a line from hands to feet
    "bench": frozenset({"flat-bench", "incline-bench", "decline-bench", "box"}),
    "squat-rack": frozenset({"barbell-back", "barbell"}),
    "smith-machine": frozenset({"barbell-back", "barbell"}),
    "pull-up-bar": frozenset({"pull-up-bar"}),
    "dip-station": frozenset({"dip-bars"}),
    "parallettes": frozenset({"parallettes"}),
    "rings": frozenset({"rings"}),
    "suspension-trainer": frozenset({"rings"}),
    "ghr-bench": frozenset({"ghr-bench"}),
    "back-extension-bench": frozenset({"back-extension-bench"}),
    "preacher-bench": frozenset({"preacher-pad"}),
    "plyo-box": frozenset({"box"}),
    # strongman kit, drawn by the closest held prop
    "log": frozenset({"barbell"}),
    "axle": frozenset({"barbell"}),
    "atlas-stone": frozenset({"medicine-ball"}),
    "keg": frozenset({"medicine-ball"}),
    "yoke": frozenset({"barbell-back"}),
    "farmers-frame": frozenset({"dumbbells"}),
    "tire": frozenset({"weight-plate"}),
    "landmine": frozenset({"landmine"}),
    "cable-machine": frozenset({"cable-high", "cable-mid", "cable-low"}),
    "resistance-band": frozenset(
        {"band", "band-hands", "band-high", "band-mid", "band-low", "band-back"}
    ),
    "mini-band": frozenset({"band", "mini-band"}),
    "sliders": frozenset({"sliders"}),
    "stability-ball": frozenset({"stability-ball", "ball-feet"}),
    "ab-wheel": frozenset({"ab-wheel"}),
    "foam-roller": frozenset({"foam-roller"}),
    # a lacrosse-sized ball pinned under the body; a medicine ball in the hands also reads
    "massage-ball": frozenset({"massage-ball", "medicine-ball"}),
    "exercise-mat": frozenset({"mat"}),
    "safety-squat-bar": frozenset({"barbell-back"}),
    "sled": frozenset({"sled"}),
    "battle-ropes": frozenset({"battle-ropes"}),
    "wrist-roller": frozenset({"wrist-roller"}),
    "neck-harness": frozenset({"neck-harness"}),
    "ski-erg": frozenset({"ski-erg"}),
    "treadmill": frozenset({"treadmill"}),
    "stationary-bike": frozenset({"bike"}),
    "elliptical": frozenset({"elliptical"}),
    "stair-climber": frozenset({"stair-climber"}),
    "hack-squat-machine": frozenset(
        {"hack-squat", "machine"}
    ),  # generic seat for reverse and calf work
    "hip-thrust-machine": frozenset({"hip-thrust-machine"}),
    "calf-raise-machine": frozenset({"calf-machine", "machine"}),
    # a seat and pads, or for standing lever work (jammer arms) a bar pivoting on the floor
    "lever-machine": frozenset({"machine", "landmine"}),
    "door": frozenset({"door"}),
    "table": frozenset({"table"}),
    "towel": frozenset({"towel", "sliders"}),  # a towel to pull on, or sliding under the feet
    "sturdy-furniture": frozenset({"box", "flat-bench"}),
    "weight-vest": frozenset({"weight-vest"}),
    # a stick across the hands, or held upright along the spine (hinge drills)
    "dowel": frozenset({"dowel", "dowel-spine"}),
}


class Keyframe(BaseModel):
    """One pose and how long the move from it to the next pose takes."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    pose: dict[str, float]
    seconds: float = Field(default=1.0, ge=0.2, le=8)
    # metres (forward, up) the whole figure moves away from where its contacts would hold it:
    # metres (forward, up, to the figure's left) the whole figure moves away from where its
    # contacts would hold it: a flight phase (jumps, hops, bounds). While it is not zero every
    # contact is released. Written [forward, up] or [forward, up, left].
    flight: tuple[float, float, float] = (0.0, 0.0, 0.0)

    @field_validator("flight", mode="before")
    @classmethod
    def _flight(cls, flight: object) -> object:
        if isinstance(flight, list | tuple) and len(flight) == 2:
            flight = (*flight, 0.0)
        if isinstance(flight, list | tuple) and any(
            isinstance(v, int | float) and abs(v) > FLIGHT_LIMIT for v in flight
        ):
            raise ValueError(f"flight moves at most {FLIGHT_LIMIT:g} m each way")
        return flight

    @field_validator("pose")
    @classmethod
    def _joints(cls, pose: dict[str, float]) -> dict[str, float]:
        unknown = sorted(set(pose) - JOINT_NAMES)
        if unknown:
            names = ", ".join(sorted(AXIAL_JOINTS + LIMB_JOINTS))
            raise ValueError(f"unknown joint {unknown[0]!r}; joints are {names} (+ _left/_right)")
        return pose


class Motion(BaseModel):
    """How an exercise moves: camera side, what is drawn, what stays put, and the poses."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    view: Literal["side", "front"] = "side"
    props: tuple[str, ...] = ()
    contacts: tuple[str, ...] = ()
    keyframes: tuple[Keyframe, ...] = Field(min_length=2, max_length=4)

    @model_validator(mode="after")
    def _grounded_start(self) -> Motion:
        if any(self.keyframes[0].flight):
            raise ValueError(
                "the first keyframe sets where the contacts are: it cannot be in flight"
            )
        return self

    @model_validator(mode="after")
    def _held_anchor(self) -> Motion:
        if self.contacts and is_stepping(self.contacts[0]):
            raise ValueError(
                f"the first contact holds the figure in place; {self.contacts[0]} steps between"
                " keyframes, so list the planted foot first"
            )
        return self

    @property
    def has_flight(self) -> bool:
        """Whether some keyframe lifts the figure off its contacts."""
        return any(any(k.flight) for k in self.keyframes)

    @field_validator("props")
    @classmethod
    def _props(cls, props: tuple[str, ...]) -> tuple[str, ...]:
        for prop in props:
            if prop not in PROPS:
                raise ValueError(f"unknown prop {prop!r}; props are {', '.join(sorted(PROPS))}")
        return props

    @field_validator("contacts")
    @classmethod
    def _contacts(cls, contacts: tuple[str, ...]) -> tuple[str, ...]:
        for contact in contacts:
            if contact not in CONTACTS:
                raise ValueError(
                    f"unknown contact {contact!r}; write <body part>-<surface> with a body part"
                    f" of {', '.join(CONTACT_BODY)} and a surface of {', '.join(CONTACT_SURFACES)}"
                )
        return contacts

    @cached_property
    def digest(self) -> str:
        """Content hash of the motion data, for cache keys and ETags."""
        text = json.dumps(self.model_dump(mode="json"), sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(text.encode()).hexdigest()[:16]


def missing_props(motion: Motion, required_equipment: tuple[str, ...]) -> list[str]:
    """Required equipment that no drawn prop shows."""
    drawn = set(motion.props)
    missing = []
    for item in required_equipment:
        accepted = EQUIPMENT_PROPS.get(item, frozenset({"machine"}))
        if not drawn & accepted:
            missing.append(item)
    return missing
