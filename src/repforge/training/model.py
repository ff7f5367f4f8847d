"""Logged training as plain data: what the store hands the domain and the parsers produce."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

WeightUnit = Literal["kg", "lb"]
# The layouts a log file comes in, and those we write (Strong's two shapes among them).
LogFormat = Literal["strong", "hevy", "repforge"]
ExportFormat = Literal["strong", "strong-comma", "hevy", "repforge"]
KG_PER_LB = 0.45359237  # exact (international yard and pound agreement, 1959)


def weight_text(kg: float, unit: WeightUnit = "kg") -> str:
    """A load for people: '62.5 kg', or '137.8 lb' for someone who lifts in pounds."""
    value = kg if unit == "kg" else kg / KG_PER_LB
    return f"{round(value, 1 if unit == 'lb' else 2):g} {unit}"


SetType = Literal["warm-up", "working", "drop", "failure"]
SET_TYPES: tuple[SetType, ...] = ("warm-up", "working", "drop", "failure")
Change = Literal[
    "start",
    "keep",
    "increase",
    "decrease",
    "deload",
    "resume",
    "harder",
    "easier",
    "variation",
    "less-assistance",
    "more-assistance",
]


@dataclass(frozen=True, slots=True)
class LoggedSet:
    """One set as performed, in SI units (kg, seconds, metres)."""

    exercise: str  # a catalog slug, or "custom:<name>" for the user's own exercise
    order: int = 0
    set_type: SetType = "working"
    weight_kg: float | None = None
    reps: int | None = None
    seconds: float | None = None
    metres: float | None = None
    rir: float | None = None
    rpe: float | None = None
    notes: str = ""


@dataclass(frozen=True, slots=True)
class LoggedWorkout:
    """One training session as performed."""

    started_at: datetime
    name: str = ""
    ended_at: datetime | None = None
    notes: str = ""
    source: str = "repforge"  # repforge, strong, hevy, api
    client_id: str | None = None
    sets: tuple[LoggedSet, ...] = field(default_factory=tuple)


@dataclass(frozen=True, slots=True)
class Prescription:
    """The next prescription for one exercise, with the reason in plain words."""

    slug: str
    sets: int
    reps: tuple[int, int]
    rir: int
    load_kg: float | None
    why: str
    # Additive, optional: what kind of change this is and, for a swap, the exercise it replaces.
    change: Change = "keep"
    replaces: str | None = None


@dataclass(frozen=True, slots=True)
class Increments:
    """The smallest load step the user can make, per kind of equipment, in kg."""

    barbell_kg: float = 2.5  # a pair of 1.25 kg plates
    dumbbell_kg: float = 2.0  # the usual gap between fixed dumbbells
    kettlebell_kg: float = 4.0
    machine_kg: float = 5.0  # one pin on a typical stack
    cable_kg: float = 2.5
    other_kg: float = 2.5
