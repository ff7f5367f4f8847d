"""Reading a log: which sets are work, their effort, their e1RM, and one exercise's exposures."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from repforge.planner import prescription as rx
from repforge.training.model import LoggedSet, LoggedWorkout, WeightUnit, weight_text

# Sets that count as work: warm-ups never do, drop sets are extra work after the main set
# (training-science.md §1: "Warm-up sets never count").
WORK_TYPES = frozenset({"working", "failure"})
HARD_TYPES = frozenset({"working", "failure", "drop"})
RPE_MAX = 10.0  # RPE = 10 - RIR (Zourdos et al. 2016; Helms et al. 2016; training-science.md §1)


def rir_of(logged: LoggedSet) -> float | None:
    """Reps in reserve, from RIR or from RPE (RPE = 10 - RIR); None when neither was logged."""
    if logged.rir is not None:
        return logged.rir
    if logged.rpe is not None:
        return RPE_MAX - logged.rpe
    return None


def is_work(logged: LoggedSet) -> bool:
    """A working or failure set (not a warm-up or a drop set)."""
    return logged.set_type in WORK_TYPES


def is_hard(logged: LoggedSet) -> bool:
    """A set that counts toward weekly volume: anything but a warm-up, within the hard-set RIR."""
    if logged.set_type not in HARD_TYPES:
        return False
    rir = rir_of(logged)
    return rir is None or rir <= rx.RIR_HARD_SET_MAX


def set_e1rm(logged: LoggedSet) -> float | None:
    """Epley e1RM of a set of 1-12 reps with a load; None for warm-ups and anything else."""
    reps, weight = logged.reps, logged.weight_kg
    if logged.set_type == "warm-up" or not reps or not weight or weight <= 0:
        return None
    if reps > rx.E1RM_MAX_REPS:
        return None
    return rx.e1rm(weight, reps)


@dataclass(frozen=True, slots=True)
class Exposure:
    """One workout's work sets of one exercise."""

    day: date
    sets: tuple[LoggedSet, ...]

    @property
    def load(self) -> float | None:
        """The heaviest working load, or None for unloaded sets."""
        loads = [s.weight_kg for s in self.sets if s.weight_kg]
        return max(loads) if loads else None

    @property
    def best_e1rm(self) -> float | None:
        values = [v for v in map(set_e1rm, self.sets) if v is not None]
        return max(values) if values else None


def exposures(history: Iterable[LoggedWorkout], slug: str, until: date) -> list[Exposure]:
    """Every workout up to `until` with work sets of `slug`, oldest first."""
    return exposures_of(history, {slug}, until)[slug]


def exposures_of(
    history: Iterable[LoggedWorkout], slugs: Iterable[str], until: date
) -> dict[str, list[Exposure]]:
    """Slug -> its exposures up to `until`, oldest first, for several exercises in one pass."""
    found: dict[str, list[Exposure]] = {slug: [] for slug in slugs}
    for workout in history:
        day = workout.started_at.date()
        if day > until:
            continue
        work: dict[str, list[LoggedSet]] = {}
        for logged in workout.sets:
            if logged.exercise in found and logged.set_type in WORK_TYPES:
                work.setdefault(logged.exercise, []).append(logged)
        for slug, sets in work.items():
            found[slug].append(Exposure(day, tuple(sets)))
    for listed in found.values():
        listed.sort(key=lambda e: e.day)
    return found


def amount(logged: LoggedSet, tracking: str) -> float | None:
    """What the rep range counts for this exercise: reps, seconds or metres."""
    if tracking == "time":
        return logged.seconds
    if tracking == "distance":
        return logged.metres
    return logged.reps


def _number(value: float) -> str:
    return f"{value:g}"


def describe_sets(
    sets: Sequence[LoggedSet], tracking: str = "reps", unit: WeightUnit = "kg"
) -> str:
    """'3 x 10 at 60 kg with 2 reps in reserve' or '10, 9, 8 reps at 60 kg', in plain words."""
    measure = {"time": " s", "distance": " m"}.get(tracking, "")
    counts = [amount(s, tracking) for s in sets]
    loads = {s.weight_kg for s in sets if s.weight_kg}
    shown = [_number(c) if c is not None else "?" for c in counts]
    if len(set(shown)) == 1:
        text = f"{len(sets)} x {shown[0]}{measure}"
    else:
        text = ", ".join(shown) + (measure or " reps")
    if len(loads) == 1:
        text += f" at {weight_text(loads.pop(), unit)}"
    elif loads:
        low, high = weight_text(min(loads), unit), weight_text(max(loads), unit)
        text += f" at {low.split()[0]}-{high}"
    reserves = {rir_of(s) for s in sets}
    if len(reserves) == 1 and (rir := reserves.pop()) is not None:
        word = "rep" if rir == 1 else "reps"
        text += f" with {_number(rir)} {word} in reserve"
    return text
