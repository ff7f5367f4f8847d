"""The planner's rules in one home: named thresholds with their sources.

The week model (solver, split), the prescription and the validator all read these names, so a
threshold changes in one place. Citations are to the primary sources; the grade letters follow
the project's research note (A meta-analysis or position stand, B trial, C textbook, D coaching
practice). The tables of sets, reps, rest and effort by goal and level live in
`prescription.py` and the volume landmarks there too; this module holds the rules about which
muscles count, how a week is shaped and how joints are protected.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Protocol

from repforge.catalog import vocab
from repforge.catalog.model import Exercise
from repforge.planner import prescription as rx

if TYPE_CHECKING:
    from repforge.planner.profile import Profile

# Major muscle GROUPS (floors and frequency are errors for these): chest, back, quads,
# hamstrings/glutes and shoulders. ACSM 2009 and 2011 position stands and WHO 2020 ask for every
# major muscle group twice a week (grade A); Schoenfeld, Ogborn & Krieger 2016 (Sports Med 46)
# for frequency. The groups' members are catalog muscles; the frequency rule's table is the same
# object (prescription.FREQUENCY_GROUPS), so there is one list of major groups.
MAJOR_GROUPS: Mapping[str, tuple[str, ...]] = rx.FREQUENCY_GROUPS
# Muscles whose weekly floors (maintenance 4 sets, Iversen et al. 2021, Sports Med 51; fat loss 6,
# Roth et al. 2022) are errors when missed: the prime movers of the major groups. The other
# members count through their group's floor (group_floor_groups): the lats of a home plan with
# only rows (half a set each) through the back, the deltoids through the shoulders.
MAJOR_MUSCLES: tuple[str, ...] = ("chest", "upper-back", "quads", "hamstrings", "glutes")
# What a priority is compared with (#26): the prime movers of the five major groups, the lats
# and front delts included (a priority below the typical back or shoulder muscle is not one).
PRIORITY_PEERS: tuple[str, ...] = (
    "chest",
    "lats",
    "upper-back",
    "quads",
    "hamstrings",
    "glutes",
    "front-delts",
)
# Everything else (side and rear delts, traps, lower back, arms, core, calves, forearms, neck...)
# is a minor muscle: volume is aimed for, and a miss is a warning unless the user prioritised it.
MINOR_MUSCLES: tuple[str, ...] = tuple(
    m.slug for m in vocab.MUSCLES if m.major and m.slug not in MAJOR_MUSCLES
)


def is_major(muscle: str, priorities: tuple[str, ...] = ()) -> bool:
    """Whether a missed weekly floor for this muscle is an error (major, or a user's priority)."""
    return muscle in MAJOR_MUSCLES or muscle in priorities


def group_floor_groups() -> dict[str, tuple[str, ...]]:
    """Major groups whose members are not all floored one by one: their members' fractional sets
    together meet the floor (back: lats and upper back; shoulders: the three heads)."""
    return {
        name: members
        for name, members in MAJOR_GROUPS.items()
        if not set(members) <= set(MAJOR_MUSCLES)
    }


# Short sessions: below SHORT_SESSION_MINUTES, rests are cut to SHORT_REST_SHARE of the usual
# figure, never below the goal's lowest accepted rest (prescription.REST_BOUNDS). Shorter rests
# cost a little volume per set (Schoenfeld et al. 2016, J Strength Cond Res 30(7); Grgic 2018,
# Sports Med 48) but keep the weekly sets and main-lift frequency a short week otherwise loses;
# practitioners pair and shorten rests first when time is short (training-science.md §5).
SHORT_SESSION_MINUTES = 60
SHORT_REST_SHARE = 0.75
# When a week (of any length) still leaves a weekly rule unmet, it is planned again with rests cut
# to TIGHT_REST_SHARE (still never below the goal's lowest), and the week with fewer errors is
# kept.
TIGHT_REST_SHARE = 0.5


class CountedSet(Protocol):
    """An exercise with its sets, as the volume rules count it (a validator item, a pick)."""

    @property
    def exercise(self) -> Exercise: ...
    @property
    def sets(self) -> int: ...
    @property
    def hard(self) -> bool: ...


def day_volume(items: Iterable[CountedSet]) -> tuple[dict[str, int], dict[str, float]]:
    """Direct sets per target muscle and fractional sets per muscle, hard sets only: a set counts
    1 for its target and its catalog weight for each secondary muscle (Pelland et al. 2024)."""
    direct: dict[str, int] = defaultdict(int)
    frac: dict[str, float] = defaultdict(float)
    for item in items:
        if not item.hard:
            continue
        direct[item.exercise.target] += item.sets
        for muscle, weight in item.exercise.muscle_weights.items():
            frac[muscle] += weight * item.sets
    return dict(direct), dict(frac)


def weekly_cap(muscle: str, profile: Profile, first_week: bool) -> tuple[str, tuple[str, ...], int]:
    """The direct-set cap unit a muscle belongs to: (name, members, cap). RP landmarks (MRV; week 1
    of hypertrophy MEV + 2) for muscles RP names, the goal's weekly high end for the rest."""
    group = rx.landmark_of(muscle)
    if group:
        cap = rx.landmark_cap(group, profile.goal, profile.level, first_week)
        return group, rx.LANDMARK_MEMBERS[group], cap
    return muscle, (muscle,), rx.muscle_cap(profile.goal, profile.level, first_week)


# Aerobic work for the goals that need it: a steady cardio block closes each resistance session
# (WHO 2020 and ACSM 2011: 150-300 minutes of moderate aerobic work a week for health and fat
# loss; endurance needs the aerobic base as well). Sessions of FINISHER_RESERVED_MINUTES or more
# keep time for it; shorter ones get it only when the lifting leaves the time free, because the
# weekly floors come first.
FINISHER_GOALS = frozenset({"fat-loss", "endurance"})
FINISHER_MINUTES = 10
FINISHER_RESERVED_MINUTES = 75


def reserves_finisher(goal: str, minutes: int) -> bool:
    """Whether the session's time budget sets the cardio block's minutes aside."""
    return goal in FINISHER_GOALS and minutes >= FINISHER_RESERVED_MINUTES


# Older adults (ACSM/AHA, Nelson et al. 2007, Circulation 116; ACSM 2009; WHO 2020): from 65,
# strength work of every major group with balance training on most training days, and the
# everyday movements first (sitting down and standing up from a chair).
OLDER_ADULT_AGE = 65
BALANCE_MINUTES = 3
BALANCE_CATEGORIES = frozenset({"balance"})
OLDER_ADULT_STAPLES = frozenset({"high-box-squat"})  # sit-to-stand, the everyday squat
OLDER_ADULT_STAPLE_BONUS = 40


def older_adult(age: int | None) -> bool:
    """Whether ACSM's older-adult guidance applies."""
    return age is not None and age >= OLDER_ADULT_AGE
