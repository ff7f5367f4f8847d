"""Session time model (docs/planner-rules.md §5): work, rest, warm-up sets and transitions."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from repforge.catalog.model import Exercise
from repforge.planner.prescription import Goal, Mode, Unit, percent_1rm
from repforge.planner.supersets import pair_saving, pairs_of

# Seconds per rep: ACSM 2009 tempo 1-2 s up + 1-2 s down; Schoenfeld 2015 (0.5-8 s all work).
T_REP_S = 3.0
T_REP_HEAVY_S = 3.5  # heavy compound (strength main lifts)
T_REP_ECCENTRIC_S = 5.0  # a 3-5 s lowering plus getting back to the top
T_PER_SECOND_HELD = 1.0
T_PER_METER_CARRIED = 1.0  # a loaded carry walks about 1 m/s
# Set-up per set (un-rack, brace, reposition) and moving between exercises: conventions (§5.1).
T_SETUP_S = 10.0
T_SETUP_BARBELL_S = 15.0
T_TRANSITION_S = 60.0
T_TRANSITION_BARBELL_S = 120.0
BARBELL_KIT = frozenset({"barbell", "ez-bar", "trap-bar"})
# General warm-up (Iversen 2021 keeps only exercise-specific ramps; we add 5 min of mobility to
# sessions of 30+ minutes, except strength sessions, whose ramp sets do the job).
T_GENERAL_WARMUP_S = 300.0
GENERAL_WARMUP_MIN_MINUTES = 30
# Warm-up ramp sets for the first loaded compound of each pattern in a session (§5.2 table).
WARMUP_REPS = 8
WARMUP_REPS_HEAVY = 5
WARMUP_REST_S = 45.0
WARMUP_REST_HEAVY_S = 60.0
WARMUP_TWO_SETS_PERCENT = 65.0
WARMUP_THREE_SETS_PERCENT = 80.0


@dataclass(frozen=True)
class TimedItem:
    """One exercise as it is timed: its prescription in a session."""

    exercise: Exercise
    sets: int
    reps: tuple[int, int]
    unit: Unit
    rest_seconds: int
    rir: int
    mode: Mode = "normal"
    superset: str | None = None  # the label it shares with its partner (supersets.py)


def sides(exercise: Exercise) -> int:
    """2 when each side is worked separately (unilateral or alternating), else 1 (#38)."""
    return 2 if exercise.laterality in ("unilateral", "alternating") else 1


def uses_barbell(exercise: Exercise) -> bool:
    return bool(set(exercise.equipment.required) & BARBELL_KIT)


def is_heavy(item: TimedItem) -> bool:
    """A heavy loaded compound: first working set at >= 80 % 1RM."""
    return warmup_sets(item) >= 3


def warmup_sets(item: TimedItem) -> int:
    """Ramp sets before the first working set, from the working load (%1RM of reps + RIR)."""
    ex = item.exercise
    if item.mode != "normal" or ex.mechanic != "compound" or ex.load != "external":
        return 0
    if item.unit != "reps":
        return 0
    load = percent_1rm(item.reps[0] + item.rir)
    if load >= WARMUP_THREE_SETS_PERCENT:
        return 3
    return 2 if load >= WARMUP_TWO_SETS_PERCENT else 0


def set_seconds(item: TimedItem) -> float:
    """One working set: sides x reps x time per rep, plus set-up."""
    ex = item.exercise
    amount = (item.reps[0] + item.reps[1]) / 2
    if item.mode == "eccentric-only":
        per = T_REP_ECCENTRIC_S
    elif item.unit == "seconds":
        per = T_PER_SECOND_HELD
    elif item.unit == "meters":
        per = T_PER_METER_CARRIED
    elif item.unit == "minutes":
        per = 60.0
    else:
        per = T_REP_HEAVY_S if is_heavy(item) else T_REP_S
    setup = T_SETUP_BARBELL_S if uses_barbell(ex) else T_SETUP_S
    return sides(ex) * amount * per + setup


def warmup_seconds(item: TimedItem) -> float:
    """Time for the ramp sets of the first exercise of a pattern."""
    count = warmup_sets(item)
    if not count:
        return 0.0
    heavy = count >= 3
    reps = WARMUP_REPS_HEAVY if heavy else WARMUP_REPS
    rest = WARMUP_REST_HEAVY_S if heavy else WARMUP_REST_S
    setup = T_SETUP_BARBELL_S if uses_barbell(item.exercise) else T_SETUP_S
    return count * (reps * T_REP_S + setup + rest)


def work_seconds(item: TimedItem) -> float:
    """Working sets with the rest between them."""
    if item.sets <= 0:
        return 0.0
    return item.sets * set_seconds(item) + (item.sets - 1) * item.rest_seconds


def set_costs(item: TimedItem) -> tuple[float, float, float]:
    """An exercise's time as a model counts it: seconds per set (the set and the rest after it),
    seconds per exercise (its transition less the rest not taken after the last set), and its
    ramp sets."""
    ex = item.exercise
    rest = item.rest_seconds
    return set_seconds(item) + rest, transition_seconds(ex) - rest, warmup_seconds(item)


def transition_seconds(exercise: Exercise) -> float:
    """Time to move to and set up this exercise."""
    return T_TRANSITION_BARBELL_S if uses_barbell(exercise) else T_TRANSITION_S


def general_warmup_seconds(goal: Goal, minutes: int) -> float:
    """The general warm-up at the start of a resistance session."""
    if goal == "strength" or minutes < GENERAL_WARMUP_MIN_MINUTES:
        return 0.0
    return T_GENERAL_WARMUP_S


def session_seconds(items: Sequence[TimedItem], general_s: float) -> float:
    """Whole session: general warm-up, ramp sets per pattern, work, transitions, less what
    its supersets save."""
    # A pattern is ramped up to its heaviest exercise in the session, wherever that exercise
    # stands: a light exercise of the pattern placed first does not warm up a heavy one.
    ramps: dict[str, float] = {}
    for item in items:
        pattern = item.exercise.pattern
        ramps[pattern] = max(ramps.get(pattern, 0.0), warmup_seconds(item))
    total = general_s + sum(ramps.values())
    for index, item in enumerate(items):
        total += work_seconds(item)
        if index:
            total += transition_seconds(item.exercise)
    # a superset takes each round's shorter rest while the other exercise works
    return total - sum(pair_saving(items[a], items[b]) for a, b in pairs_of(items))


def minutes_of(seconds: float) -> int:
    """Whole minutes, rounded up, as shown to the user."""
    return math.ceil(seconds / 60 - 1e-9)


def finisher_seconds(exercise: Exercise, minutes: int) -> float:
    """A cardio block closing a session: its minutes, set-up and the move to it."""
    block = TimedItem(exercise, 1, (minutes, minutes), "minutes", 0, 3)
    return work_seconds(block) + transition_seconds(exercise)
