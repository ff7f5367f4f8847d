"""Science tables (sets, reps, effort, rest, volume landmarks) and per-exercise prescriptions.

Every number is a named constant with its source, as `docs/planner-rules.md` documents
("[k]" marks a figure not re-read yet). Change a number here and the solver, the progression and
the validator all follow.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal, get_args

from repforge.catalog import vocab
from repforge.catalog.model import Exercise

Goal = Literal["strength", "hypertrophy", "endurance", "general-fitness", "fat-loss"]
Level = Literal["beginner", "intermediate", "advanced"]
Mode = Literal["normal", "eccentric-only"]
Unit = Literal["reps", "seconds", "meters", "minutes"]

GOALS: tuple[Goal, ...] = get_args(Goal)
LEVELS: tuple[Level, ...] = get_args(Level)
LEVEL_RANK: Mapping[Level, int] = {"beginner": 1, "intermediate": 2, "advanced": 3}

# Only these categories are "hard sets" (0-4 RIR, 5-30 reps; RP landmarks definition). Stretching,
# mobility and cardio never count toward volume; plyometrics, olympic lifts, balance and rehab
# drills are left out of volume work because RIR does not describe them.
HARD_SET_CATEGORIES = frozenset({"strength", "strongman"})
CONDITIONING_CATEGORIES = frozenset({"cardio"})
MOBILITY_CATEGORIES = frozenset({"mobility", "stretching"})


@dataclass(frozen=True)
class Landmarks:
    """RP volume landmarks in direct sets per week (MEV and MAV are ranges)."""

    mv: int
    mev_lo: int
    mev_hi: int
    mav_lo: int
    mav_hi: int
    mrv: int


# RP classic landmarks, intermediate lifter (docs/planner-rules.md §2.1; Israetel et al., RP
# "Training Tips for Hypertrophy" 2017-2019; grade D). Direct sets only. Side-delt MV is "0-6"
# (unsure) and taken as 0; forearm MEV "0-2".
LANDMARKS: Mapping[str, Landmarks] = {
    "chest": Landmarks(4, 6, 8, 12, 20, 22),
    "back": Landmarks(6, 10, 10, 14, 22, 25),
    "quads": Landmarks(6, 8, 8, 12, 18, 20),
    "hamstrings": Landmarks(3, 4, 4, 10, 16, 20),
    "glutes": Landmarks(0, 0, 0, 4, 12, 16),
    "biceps": Landmarks(5, 8, 8, 14, 20, 26),
    "triceps": Landmarks(4, 6, 6, 10, 14, 18),
    "front-delts": Landmarks(0, 0, 0, 6, 8, 12),
    "side-delts": Landmarks(0, 8, 8, 16, 22, 26),
    "rear-delts": Landmarks(0, 6, 8, 16, 22, 26),
    "calves": Landmarks(6, 8, 8, 12, 16, 20),
    "abs": Landmarks(0, 0, 0, 16, 20, 25),
    "traps": Landmarks(0, 0, 0, 12, 20, 26),
    "forearms": Landmarks(0, 0, 2, 10, 20, 25),
}

# RP's "back" is lats and upper back together; every other landmark is one catalog muscle.
LANDMARK_MEMBERS: Mapping[str, tuple[str, ...]] = {
    name: (("lats", "upper-back") if name == "back" else (name,)) for name in LANDMARKS
}

# Weekly hard sets per muscle by goal and level (docs/planner-rules.md §1.1 and the decisions at
# its top: hypertrophy 10-20 for intermediate/advanced, 4-12 for beginners; ACSM 2009; Schoenfeld
# 2017; Baz-Valle 2022; Roth 2022 for fat loss). Low end = the volume the objective aims for,
# high end = the direct-set cap.
WEEKLY_SETS: Mapping[Goal, Mapping[Level, tuple[int, int]]] = {
    "strength": {"beginner": (4, 10), "intermediate": (8, 16), "advanced": (10, 20)},
    "hypertrophy": {"beginner": (4, 12), "intermediate": (10, 20), "advanced": (12, 20)},
    "endurance": {"beginner": (4, 10), "intermediate": (6, 15), "advanced": (8, 18)},
    "general-fitness": {"beginner": (6, 12), "intermediate": (6, 12), "advanced": (6, 12)},
    "fat-loss": {"beginner": (6, 10), "intermediate": (10, 20), "advanced": (10, 20)},
}

# Synergist spill-over: a major muscle's fractional weekly sets may pass the goal's high end above
# by this many sets, never more: past the range, extra sets from the other lifts only add fatigue
# (coach rule, D; tests/planner/test_coach_rules.py). Soft in the models, a preference.
FRACTIONAL_SPILL_OVER = 3


def fractional_ceiling(goal: Goal, level: Level) -> int:
    """Most fractional weekly sets a major muscle should get (the range's top plus spill-over)."""
    return WEEKLY_SETS[goal][level][1] + FRACTIONAL_SPILL_OVER


# Maintenance dose for every major muscle, all goals: Iversen et al. 2021, Sports Med 51 [v]
# (invariant #15). Fat loss keeps max(MV, 6): Roth, Schoenfeld & Behringer 2022 (invariant #32).
MAINTENANCE_SETS = 4
FAT_LOSS_FLOOR_SETS = 6
# Secondary muscles count at their catalog weight (Pelland et al. 2024/2025: 0.5 fits best [v]).
VOLUME_COUNTING = (
    "fractional: a set counts 1 for the exercise's target and its catalog weight (0.5 by default) "
    "for each secondary muscle; caps compared with RP landmarks use direct (target) sets only"
)

# Per-session direct sets per muscle: warn above 10, never above 12; at least 2 when trained
# (RP per-session 4-12; invariant #17). At most 6 muscles trained meaningfully (RP, grade D; #18).
SESSION_DIRECT_WARN = 10
SESSION_DIRECT_MAX = 12
SESSION_MIN_SETS_WHEN_TRAINED = 2
SESSION_MAX_MUSCLES = 6
MAX_EXERCISES_PER_SESSION = 10  # ACSM 2011 lists 8-10 exercises for a whole-body session [v]
MAX_SAME_PATTERN_PER_SESSION = 2

# Frequency: each major muscle GROUP of invariant #13 (chest, back, quads, hamstrings/glutes,
# shoulders) on >= 2 days a week when the week has >= 2 resistance days, a day counting when the
# group's members together get >= 2 hard sets (fractional) that day (Schoenfeld, Ogborn & Krieger
# 2016, Sports Med 46 [v]; ACSM 2011; WHO 2020; docs/planner-rules.md §7 #13). Smaller muscles
# (biceps, calves, ...) have no frequency rule: their weekly floors may land on one day.
FREQUENCY_GROUPS: Mapping[str, tuple[str, ...]] = {
    "chest": ("chest",),
    "back": ("lats", "upper-back"),
    "quads": ("quads",),
    "hamstrings-glutes": ("hamstrings", "glutes"),
    "shoulders": ("front-delts", "side-delts", "rear-delts"),
}
FREQUENCY_MIN_DAYS = 2
FREQUENCY_DAY_SETS = 2.0


# Recovery: no muscle gets >= 4 direct sets on consecutive days; calves, abs, forearms and
# side/rear delts may, at <= 4 sets a day (ACSM 2011 48 h; Goulart 2021; invariant #21).
RECOVERY_HEAVY_SETS = 4
FAST_RECOVERY_MUSCLES = frozenset({"calves", "abs", "forearms", "side-delts", "rear-delts"})
FAST_RECOVERY_MAX_SETS = 4
MAX_REST_DAYS_BETWEEN = 3  # NSCA 1-3 rest days between sessions for a muscle [k] (#22, warn)

# Weekly movement-pattern minimums (docs/planner-rules.md §4.2; Iversen 2021; invariant #23).
CORE_PATTERNS = frozenset(
    {"anti-extension", "anti-rotation", "anti-lateral-flexion", "trunk-flexion", "rotation"}
)
PATTERN_REQUIREMENTS: Mapping[str, frozenset[str]] = {
    "squat": frozenset({"squat"}),
    "hinge": frozenset({"hinge", "hip-extension"}),
    "horizontal-push": frozenset({"horizontal-push"}),
    "horizontal-pull": frozenset({"horizontal-pull"}),
    "vertical-push": frozenset({"vertical-push"}),
    "vertical-pull": frozenset({"vertical-pull"}),
    "core": CORE_PATTERNS,
}
GENERAL_FITNESS_EXTRA_PATTERNS: Mapping[str, frozenset[str]] = {
    "lunge": frozenset({"lunge"}),
    "carry": frozenset({"carry"}),
}
CORE_TARGETS = frozenset({"abs", "obliques"})

# Push/pull balance: weekly pulling sets / pushing sets in [0.9, 2.0] (practitioner consensus,
# grade D; invariant #24, warn).
PUSH_PATTERNS = frozenset({"horizontal-push", "vertical-push"})
PULL_PATTERNS = frozenset({"horizontal-pull", "vertical-pull"})
PULL_PUSH_RATIO = (0.9, 2.0)

# Strength: main lift patterns need >= 3 (beginner) / >= 5 weekly sets (Ralston et al. 2017,
# Sports Med 47 [v]; invariant #16). Main lifts are loaded compounds in these patterns.
STRENGTH_MAIN_PATTERNS = frozenset({"squat", "hinge", "horizontal-push", "vertical-push"})
# the big patterns of every reference program (squat, hinge, presses, rows and pull-ups)
MAIN_PATTERNS = STRENGTH_MAIN_PATTERNS | {"horizontal-pull", "vertical-pull"}
STRENGTH_PATTERN_SETS: Mapping[Level, int] = {"beginner": 3, "intermediate": 5, "advanced": 5}

# Sets per exercise (ACSM 2009; NSCA; invariant #11). The solver picks inside SETS_PER_EXERCISE;
# the validator accepts SET_BOUNDS.
SETS_PER_EXERCISE: Mapping[Goal, Mapping[Level, tuple[int, int]]] = {
    "strength": {"beginner": (2, 3), "intermediate": (3, 5), "advanced": (3, 6)},
    "hypertrophy": {"beginner": (2, 3), "intermediate": (2, 5), "advanced": (2, 6)},
    "endurance": {"beginner": (2, 3), "intermediate": (2, 4), "advanced": (2, 4)},
    "general-fitness": {"beginner": (2, 3), "intermediate": (2, 4), "advanced": (2, 4)},
    "fat-loss": {"beginner": (2, 3), "intermediate": (2, 4), "advanced": (2, 4)},
}
SET_BOUNDS: Mapping[Goal, tuple[int, int]] = {
    "strength": (2, 6),
    "hypertrophy": (2, 6),
    "endurance": (2, 4),
    "general-fitness": (1, 4),
    "fat-loss": (2, 4),
}
BEGINNER_SET_BOUNDS = (1, 3)

RepTable = Mapping[str, tuple[int, int]]  # "main" | "compound" | "isolation" -> (lo, hi)

# Rep ranges (ACSM 2009; NSCA ch. 17; ACSM 2011; invariant #5). Double-progression ranges are at
# least 2 wide, 4 for isolation (#36).
REPS: Mapping[Goal, Mapping[Level, RepTable]] = {
    "strength": {
        "beginner": {"main": (5, 8), "compound": (8, 12), "isolation": (8, 12)},
        "intermediate": {"main": (3, 6), "compound": (6, 10), "isolation": (8, 12)},
        "advanced": {"main": (3, 5), "compound": (6, 10), "isolation": (8, 12)},
    },
    "hypertrophy": {
        "beginner": {"main": (8, 12), "compound": (8, 12), "isolation": (10, 15)},
        "intermediate": {"main": (6, 10), "compound": (6, 10), "isolation": (10, 15)},
        "advanced": {"main": (6, 10), "compound": (6, 10), "isolation": (10, 15)},
    },
    "endurance": {
        "beginner": {"main": (12, 16), "compound": (12, 16), "isolation": (12, 16)},
        "intermediate": {"main": (15, 20), "compound": (15, 20), "isolation": (15, 20)},
        "advanced": {"main": (15, 25), "compound": (15, 25), "isolation": (15, 25)},
    },
    "general-fitness": {
        level: {"main": (8, 12), "compound": (8, 12), "isolation": (10, 15)} for level in LEVELS
    },
    "fat-loss": {
        "beginner": {"main": (8, 12), "compound": (8, 12), "isolation": (10, 15)},
        "intermediate": {"main": (6, 10), "compound": (6, 10), "isolation": (10, 15)},
        "advanced": {"main": (6, 10), "compound": (6, 10), "isolation": (10, 15)},
    },
}
# What the validator accepts per goal (invariant #5). Hypertrophy also needs >= 75 % of sets in
# 6-15 reps; strength main lifts 1-6 (beginners 5-12).
REP_BOUNDS: Mapping[Goal, tuple[int, int]] = {
    "strength": (1, 30),
    "hypertrophy": (5, 30),
    "endurance": (12, 30),
    "general-fitness": (8, 15),
    "fat-loss": (6, 20),
}
STRENGTH_MAIN_REP_BOUNDS: Mapping[Level, tuple[int, int]] = {
    "beginner": (5, 12),
    "intermediate": (1, 6),
    "advanced": (1, 6),
}
HYPERTROPHY_CORE_REPS = (6, 15)
HYPERTROPHY_CORE_SHARE = 0.75
REP_RANGE_MIN_WIDTH = {"compound": 2, "isolation": 4}  # #36, warn

# Timed holds and carries: seconds or metres per set, a convention (no trial numbers).
HOLD_SECONDS: Mapping[Level, tuple[int, int]] = {
    "beginner": (20, 40),
    "intermediate": (30, 60),
    "advanced": (30, 60),
}
CARRY_METERS = (20, 40)
# Eccentric-only negatives: 3-5 reps lowered over 3-5 s (docs/planner-rules.md §6.1, practitioner).
ECCENTRIC_REPS = (3, 5)

# Rest between sets in seconds (ACSM 2009; NSCA; Grgic 2018; Schoenfeld 2016; invariant #12).
REST_SECONDS: Mapping[Goal, Mapping[Level, Mapping[str, int]]] = {
    "strength": {
        "beginner": {"main": 150, "compound": 90, "isolation": 90},
        "intermediate": {"main": 180, "compound": 120, "isolation": 90},
        "advanced": {"main": 240, "compound": 120, "isolation": 90},
    },
    "hypertrophy": {
        "beginner": {"main": 90, "compound": 90, "isolation": 60},
        "intermediate": {"main": 120, "compound": 120, "isolation": 75},
        "advanced": {"main": 120, "compound": 120, "isolation": 75},
    },
    "endurance": {level: {"main": 60, "compound": 60, "isolation": 45} for level in LEVELS},
    "general-fitness": {level: {"main": 90, "compound": 90, "isolation": 60} for level in LEVELS},
    "fat-loss": {level: {"main": 90, "compound": 90, "isolation": 60} for level in LEVELS},
}
REST_BOUNDS: Mapping[Goal, Mapping[str, tuple[int, int]]] = {
    "strength": {"main": (120, 300), "compound": (60, 300), "isolation": (45, 180)},
    "hypertrophy": {"main": (60, 180), "compound": (60, 180), "isolation": (45, 120)},
    "endurance": {"main": (20, 90), "compound": (20, 90), "isolation": (20, 90)},
    "general-fitness": {"main": (60, 180), "compound": (60, 180), "isolation": (60, 180)},
    "fat-loss": {"main": (45, 180), "compound": (45, 180), "isolation": (45, 180)},
}

# Target RIR at the start and end of an accumulation block (RP mesocycle practice, grade D;
# Refalo 2023; Helms 2016). Never below 1 here: 0 RIR is optional and left to the lifter.
RIR_RAMP: Mapping[Goal, Mapping[Level, tuple[int, int]]] = {
    "strength": {"beginner": (3, 2), "intermediate": (3, 1), "advanced": (2, 1)},
    "hypertrophy": {"beginner": (3, 2), "intermediate": (3, 1), "advanced": (2, 1)},
    "endurance": {"beginner": (3, 2), "intermediate": (3, 1), "advanced": (2, 1)},
    "general-fitness": dict.fromkeys(LEVELS, (3, 2)),
    "fat-loss": {"beginner": (3, 2), "intermediate": (3, 1), "advanced": (3, 1)},
}
RIR_HARD_SET_MAX = 4  # a hard set ends 0-4 reps short of failure (#8)
# Lifts where a failed rep is unsafe without safeties keep RIR >= 1, beginners >= 2 (§6.3; #9);
# beginners >= 2 in weeks 1-4, >= 1 after (Zourdos 2016; #10).
UNSAFE_MIN_RIR: Mapping[Level, int] = {"beginner": 2, "intermediate": 1, "advanced": 1}
BEGINNER_EARLY_WEEKS = 4
BEGINNER_EARLY_MIN_RIR = 2
BEGINNER_LATE_MIN_RIR = 1

# Deloads: accumulation weeks before a deload (beginner: none for ~8-12 weeks, intermediate 4-6,
# advanced 3-5; Bell et al. 2022/2023, RP practice, grade D). Deload sets ~halved, RIR >= 4.
ACCUMULATION_WEEKS: Mapping[Level, int] = {"beginner": 8, "intermediate": 5, "advanced": 4}
ACCUMULATION_WARN: Mapping[Level, int] = {"beginner": 12, "intermediate": 6, "advanced": 5}
ACCUMULATION_MAX: Mapping[Level, int] = {"beginner": 12, "intermediate": 8, "advanced": 8}
DELOAD_SET_FACTOR = 0.5
DELOAD_MAX_SET_RATIO = 0.6  # invariant #31
DELOAD_RIR = 4
# Hypertrophy set ramp: week 1 in [MEV, MEV+2], +<= 2 sets per muscle per week, never > MRV (#28).
WEEK1_ABOVE_MEV = 2
SET_RAMP_PER_WEEK = 2
WEEK1_CAP_WITHOUT_LANDMARK = 6  # convention for muscles RP gives no landmark (obliques, ...)


@dataclass(frozen=True)
class Prescription:
    """Sets range, rep range, unit, starting RIR and rest for one exercise."""

    sets: tuple[int, int]
    reps: tuple[int, int]
    unit: Unit
    rir: int
    rest_seconds: int
    role: str  # "main" | "compound" | "isolation"


def is_hard_set_work(exercise: Exercise) -> bool:
    """Whether sets of this exercise count as hard sets toward volume."""
    return exercise.category in HARD_SET_CATEGORIES


def is_main_pattern(exercise: Exercise) -> bool:
    """A compound squat, hinge, press, row or pull-up, loaded or not."""
    return exercise.mechanic == "compound" and exercise.pattern in MAIN_PATTERNS


def is_main_lift(exercise: Exercise) -> bool:
    """A loaded compound in a main pattern (squat, hinge, presses)."""
    return (
        exercise.mechanic == "compound"
        and exercise.load == "external"
        and exercise.pattern in STRENGTH_MAIN_PATTERNS
        and exercise.tracking == "reps"
    )


def role_of(exercise: Exercise, goal: Goal) -> str:
    """Which row of the rep and rest tables applies."""
    if exercise.mechanic == "isolation":
        return "isolation"
    return "main" if goal == "strength" and is_main_lift(exercise) else "compound"


def failure_safe(exercise: Exercise) -> bool:
    """False for loaded barbell compounds, where a failed rep needs safeties or a spotter."""
    return not (
        exercise.mechanic == "compound"
        and not vocab.BARBELL_KIT.isdisjoint(exercise.equipment.slugs)
    )


def min_rir(exercise: Exercise, level: Level, week_in_plan: int) -> int:
    """Lowest target RIR allowed for this exercise, level and week (#9, #10)."""
    floor = 0
    if not failure_safe(exercise):
        floor = UNSAFE_MIN_RIR[level]
    if level == "beginner":
        early = week_in_plan <= BEGINNER_EARLY_WEEKS
        floor = max(floor, BEGINNER_EARLY_MIN_RIR if early else BEGINNER_LATE_MIN_RIR)
    return floor


def unit_of(exercise: Exercise, mode: Mode) -> Unit:
    """What the rep numbers count for this exercise."""
    if mode == "eccentric-only" or exercise.tracking == "reps":
        return "reps"
    return "seconds" if exercise.tracking == "time" else "meters"


def prescribe(exercise: Exercise, goal: Goal, level: Level, mode: Mode = "normal") -> Prescription:
    """Week-1 prescription for one exercise, from the goal and level tables."""
    role = role_of(exercise, goal)
    unit = unit_of(exercise, mode)
    if mode == "eccentric-only":
        reps = ECCENTRIC_REPS
    elif unit == "seconds":
        reps = HOLD_SECONDS[level]
    elif unit == "meters":
        reps = CARRY_METERS
    else:
        reps = REPS[goal][level][role]
    rest = REST_SECONDS[goal][level][role]
    return Prescription(
        sets=SETS_PER_EXERCISE[goal][level],
        reps=reps,
        unit=unit,
        rir=RIR_RAMP[goal][level][0],
        rest_seconds=rest,
        role=role,
    )


def landmark_of(muscle: str) -> str | None:
    """The RP landmark group a muscle belongs to, if any."""
    for name, members in LANDMARK_MEMBERS.items():
        if muscle in members:
            return name
    return None


def muscle_floor(goal: Goal) -> int:
    """Weekly fractional sets every major muscle needs (maintenance; fat loss keeps 6)."""
    return FAT_LOSS_FLOOR_SETS if goal == "fat-loss" else MAINTENANCE_SETS


def landmark_floor(name: str, goal: Goal, level: Level) -> int:
    """Weekly fractional sets a landmark group needs: MEV for intermediate+ hypertrophy."""
    if goal == "hypertrophy" and level != "beginner":
        return LANDMARKS[name].mev_lo
    return 0


def landmark_cap(name: str, goal: Goal, level: Level, first_week: bool) -> int:
    """Most weekly direct sets for a landmark group (MRV; week 1 of hypertrophy MEV+2)."""
    marks = LANDMARKS[name]
    cap = min(WEEKLY_SETS[goal][level][1] * len(LANDMARK_MEMBERS[name]), marks.mrv)
    if first_week and goal == "hypertrophy" and level != "beginner":
        cap = min(cap, marks.mev_hi + WEEK1_ABOVE_MEV)
    return cap


def muscle_cap(goal: Goal, level: Level, first_week: bool) -> int:
    """Most weekly direct sets for a muscle RP gives no landmark."""
    cap = WEEKLY_SETS[goal][level][1]
    if first_week and goal == "hypertrophy" and level != "beginner":
        cap = min(cap, WEEK1_CAP_WITHOUT_LANDMARK)
    return cap


# A priority muscle gets an exercise of its own (its target) on this many days of the week, where
# the week has that many sessions that may train it, placed early in them: volume that only spills
# over from other lifts does not specialise anything (RP specialisation, D; ACSM 2009 priority
# sequencing; docs/planner-rules.md #26).
PRIORITY_DIRECT_DAYS = 2


def weekly_target(goal: Goal, level: Level, priority: bool) -> int:
    """Weekly fractional sets the objective aims for (priority muscles aim at MAV's low end)."""
    low = WEEKLY_SETS[goal][level][0]
    return low + 4 if priority else low


# RTS / Tuchscherer effort chart: %1RM for n = reps + RIR (Helms et al. 2016, Strength Cond J
# 38(4) [v]); above 10 the inverse Epley value (docs/planner-rules.md §3.3).
RTS_CHART: Mapping[float, float] = {
    1: 100.0, 1.5: 97.8, 2: 95.5, 2.5: 93.9, 3: 92.2, 3.5: 90.7, 4: 89.2, 4.5: 87.8, 5: 86.3,
    5.5: 85.0, 6: 83.7, 6.5: 82.4, 7: 81.1, 7.5: 79.9, 8: 78.6, 8.5: 77.4, 9: 76.2, 9.5: 75.1,
    10: 73.9,
}  # fmt: skip
LOAD_INCREMENT_KG = 2.5  # NSCA increments, roughly 1-2.5 kg upper and 2.5-5 kg lower body [k]
E1RM_MAX_REPS = 12  # Reynolds et al. 2006: e1RM formulas hold only for sets of 12 reps or fewer


def percent_1rm(reps_plus_rir: float) -> float:
    """%1RM a lifter can use for `reps` with `rir` in reserve."""
    n = max(1.0, reps_plus_rir)
    if n > 10:
        return 100.0 / (1.0 + n / 30.0)
    lower = math.floor(n * 2) / 2
    upper = math.ceil(n * 2) / 2
    if lower == upper:
        return RTS_CHART[lower]
    share = (n - lower) / (upper - lower)
    return RTS_CHART[lower] + share * (RTS_CHART[upper] - RTS_CHART[lower])


def e1rm(weight_kg: float, reps: int, rir: int = 0) -> float:
    """Estimated 1RM (Epley 1985), counting reps in reserve as reps the lifter could do."""
    total = reps + rir
    return weight_kg if total <= 1 else weight_kg * (1 + total / 30)


def starting_load(one_rep_max_kg: float, reps: int, rir: int) -> float:
    """Working load for `reps` at `rir`, rounded down to a plate increment."""
    raw = one_rep_max_kg * percent_1rm(reps + rir) / 100
    return math.floor(raw / LOAD_INCREMENT_KG) * LOAD_INCREMENT_KG
