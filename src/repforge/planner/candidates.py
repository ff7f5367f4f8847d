"""Candidates for the session models: each option timed and weighted, and the per-session shortlist.

Kept apart from the CP-SAT model in solver.py: this decides which exercises a session's model may
consider (the best few per pattern and target, the quick way to meet a weekly pattern), the model
decides which of them to use.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from repforge.catalog import vocab
from repforge.catalog.model import Exercise
from repforge.planner import prescription as rx
from repforge.planner.profile import (
    CURIOSITY_POPULARITY,
    STAPLE_POPULARITY,
    Eligibility,
    Option,
    Profile,
    is_barbell_lift,
    score,
)
from repforge.planner.rules import (
    FINISHER_GOALS,
    FINISHER_MINUTES,
    SHORT_REST_SHARE,
    SHORT_SESSION_MINUTES,
    reserves_finisher,
)
from repforge.planner.split import SessionSpec
from repforge.planner.timing import (
    TimedItem,
    finisher_seconds,
    set_costs,
)
from repforge.planner.validate import meets, requirements

# What choosing an exercise costs the models, less its score: above the best exercise score, so
# no exercise is free (solver.py, rescue.py).
EXERCISE_COST = 160
VOL_SCALE = 20  # fractional weights in twentieths of a set (0.05 resolution)
MAJOR_MUSCLES = tuple(m.slug for m in vocab.MUSCLES if m.major)
# Candidates kept per session: the best few per pattern and per target muscle keep the model small.
TOP_PER_PATTERN = 2
TOP_PER_TARGET = 1
MAX_CANDIDATES_PER_SESSION = 20
QUICK_SCORE_GAP = 40  # a quick way to meet a pattern scores at most this much below the best
# Same exercise on another day of the week, per earlier use: about three popularity steps of
# score (10-12 points a step) plus REPEAT_SET_PENALTY a set, so the week swaps an exercise for a
# comparable one it has not used yet (two lower days, two different hinges), and repeats one only
# when the alternatives are clearly worse. Strength squats and presses are exempt: practising
# them several times a week is the method (Pelland 2024: frequency helps strength).
REPEAT_PENALTY = 40
REPEAT_SET_PENALTY = 12  # and per set, so a repeat does not win back its cost in muscle volume
REPEATABLE_STRENGTH_PATTERNS = frozenset({"squat", "horizontal-push", "vertical-push"})
STRENGTH_REPEAT_BONUS = 15  # a main lift done earlier in the week scores this much higher
SKELETON_BONUS = 10


@dataclass(frozen=True)
class Candidate:
    """An option prepared for the model: its prescription, time coefficients and muscles."""

    option: Option
    rx: rx.Prescription
    base_score: int
    per_set_s: int
    fixed_s: int  # transition minus the rest not taken after the last set
    weights: Mapping[str, int]
    warm_s: int = 0  # ramp sets, paid once per pattern in a session (the heaviest one)

    @property
    def slug(self) -> str:
        return self.option.exercise.slug

    @property
    def target(self) -> str:
        return self.option.exercise.target


def make_candidate(option: Option, profile: Profile, rest_share: float | None = None) -> Candidate:
    """Prescription, per-set and fixed seconds, and scaled muscle weights for one option
    (`rest_share`: what is left of the usual rests; by default SHORT_REST_SHARE in a short
    session and all of them otherwise)."""
    ex = option.exercise
    pres = rx.prescribe(ex, profile.goal, profile.level, option.mode)
    if rest_share is None:
        rest_share = SHORT_REST_SHARE if profile.minutes < SHORT_SESSION_MINUTES else 1.0
    if rest_share < 1.0:
        lowest_rest = rx.REST_BOUNDS[profile.goal][pres.role][0]
        rest = max(lowest_rest, int(pres.rest_seconds * rest_share) // 15 * 15)
        pres = replace(pres, rest_seconds=rest)
    # Timed at the block's lowest RIR: heavier loads later need more ramp sets (and time).
    lowest = rx.RIR_RAMP[profile.goal][profile.level][1]
    item = TimedItem(ex, 1, pres.reps, pres.unit, pres.rest_seconds, lowest, option.mode)
    # Ramp sets are timed per pattern: the session's first exercise of a pattern warms it up
    # (`order` puts the heaviest first), later ones of the same pattern start warm (§5.2).
    per_set, fixed, warm = (math.ceil(seconds) for seconds in set_costs(item))
    weights = {m: round(w * VOL_SCALE) for m, w in ex.muscle_weights.items()}
    return Candidate(option, pres, score(option, profile), per_set, fixed, weights, warm)


def minimum_seconds(cand: Candidate) -> int:
    """Seconds the exercise takes at its fewest sets, with its ramp sets."""
    return cand.rx.sets[0] * cand.per_set_s + cand.fixed_s + cand.warm_s


def fills_time(cand: Candidate, profile: Profile) -> bool:
    """Whether this exercise's minutes count toward using the session's time: not a curiosity,
    and for strength and hypertrophy rep work only (holds and carries do not fill a block)."""
    ex = cand.option.exercise
    if ex.popularity <= CURIOSITY_POPULARITY:
        return False
    return profile.goal not in ("strength", "hypertrophy") or ex.tracking == "reps"


def repeat_cost(cand: Candidate, profile: Profile, used: Mapping[str, int]) -> int:
    """What using this exercise again costs, given how often earlier sessions used it."""
    times = used.get(cand.slug, 0)
    if not times:
        return 0
    if repeatable(cand, profile):
        # a strength plan repeats its main lifts rather than rotating variants (issue 11)
        return -STRENGTH_REPEAT_BONUS if profile.goal == "strength" else 0
    return REPEAT_PENALTY * times


def repeatable(cand: Candidate, profile: Profile) -> bool:
    """A main lift practised on several days on purpose: every strength squat or press, a
    body-weight strength plan's main movements, and any staple main lift (a second deadlift day
    beats a rack pull; issue 11)."""
    ex = cand.option.exercise
    unloaded = ex.load != "external" and rx.is_main_pattern(ex)
    if profile.goal == "strength" and unloaded and ex.pattern in REPEATABLE_STRENGTH_PATTERNS:
        return True  # a body-weight strength plan practises its squat and presses too
    if not rx.is_main_lift(ex):
        return False
    strength = profile.goal == "strength" and ex.pattern in REPEATABLE_STRENGTH_PATTERNS
    return strength or ex.popularity >= STAPLE_POPULARITY


def session_points(
    cand: Candidate, spec: SessionSpec, profile: Profile, used: Mapping[str, int]
) -> int:
    """The candidate's score in this session: its fit, a bonus in the session's skeleton, less
    what repeating an exercise of an earlier session costs."""
    in_skeleton = cand.option.exercise.pattern in spec.skeleton
    return cand.base_score + SKELETON_BONUS * in_skeleton - repeat_cost(cand, profile, used)


def shortlist(
    cands: Sequence[Candidate],
    spec: SessionSpec,
    profile: Profile,
    budget: int,
    used: Mapping[str, int] | None = None,
    sessions: int = 1,
) -> list[tuple[Candidate, int]]:
    """The candidates a session may use, with their session score (top few per pattern/target)."""
    # Exercises for minor muscles (neck, wrists, rotator cuff, hip flexors, ...) stay out unless
    # they are a priority or meet a weekly pattern minimum: no floor asks for them, and every
    # extra candidate makes the model slower to prove. Exercises earlier sessions used score
    # their repeat cost lower, so fresh options of the same pattern make the list.
    required = {p for pats in requirements(profile).values() for p in pats}
    used = used or {}
    scored = [
        (c, session_points(c, spec, profile, used))
        for c in cands
        if c.target in spec.targets
        and (
            c.target in MAJOR_MUSCLES
            or c.target in profile.priorities
            or c.option.exercise.pattern in required
        )
    ]
    scored.sort(key=lambda pair: (-pair[1], pair[0].option.key))
    # The best for every required or skeleton pattern and every major muscle always stays.
    wanted = {f"p:{p}" for p in required | set(spec.skeleton)}
    wanted |= {f"t:{m}" for m in MAJOR_MUSCLES if m in spec.targets}
    keep: dict[str, tuple[Candidate, int]] = {}
    for cand, points in scored:
        ex = cand.option.exercise
        for label in (f"p:{ex.pattern}", f"t:{ex.target}"):
            if label in wanted:
                wanted.discard(label)
                keep[cand.option.key] = (cand, points)
    # When the best way to meet a weekly pattern takes over a third of the session, or the best
    # ways to meet them all cannot fit in the week's sessions, the quickest way stays too: short
    # sessions would otherwise have to drop patterns.
    meetings = {
        key: [pair for pair in scored if meets(pair[0].option.exercise, pats, key)]
        for key, pats in requirements(profile).items()
    }
    best_total = sum(minimum_seconds(m[0][0]) for m in meetings.values() if m)
    crowded = best_total > budget * sessions
    for meeting in meetings.values():
        if meeting and (crowded or minimum_seconds(meeting[0][0]) * 3 > budget):
            # Quick, but still a fair choice: no curiosity, not far below the best on score.
            fair = [
                pair
                for pair in meeting
                if pair[1] >= meeting[0][1] - QUICK_SCORE_GAP
                and pair[0].option.exercise.popularity > CURIOSITY_POPULARITY
            ] or meeting[:1]
            quick = min(fair, key=lambda pair: (minimum_seconds(pair[0]), pair[0].option.key))
            keep.setdefault(quick[0].option.key, quick)
    if sessions >= rx.FREQUENCY_MIN_DAYS:
        for quick in _quick_days(scored, spec, budget):
            keep.setdefault(quick[0].option.key, quick)
    by_pattern: dict[str, int] = defaultdict(int)
    by_target: dict[str, int] = defaultdict(int)
    for cand, points in scored:
        if len(keep) >= MAX_CANDIDATES_PER_SESSION:
            break
        ex = cand.option.exercise
        if by_pattern[ex.pattern] < TOP_PER_PATTERN or by_target[ex.target] < TOP_PER_TARGET:
            keep[cand.option.key] = (cand, points)
        by_pattern[ex.pattern] += 1
        by_target[ex.target] += 1
    return sorted(keep.values(), key=lambda pair: (-pair[1], pair[0].option.key))


def _quick_days(
    scored: Sequence[tuple[Candidate, int]], spec: SessionSpec, budget: int
) -> list[tuple[Candidate, int]]:
    """For each frequency group (#13) the session may train, the quickest fair exercise that
    makes it a training day at its fewest sets, when the best-scored ways do not all fit: those
    are often the slowest (barbell work with ramp sets), and a short session that must also give a
    group its second day of the week needs the two sets of push-ups that fit, whatever the
    catalog holds."""
    out, best_total = [], 0
    day = rx.FREQUENCY_DAY_SETS * VOL_SCALE
    for members in rx.FREQUENCY_GROUPS.values():
        if not set(members) & set(spec.targets):
            continue
        makes_day = [
            pair
            for pair in scored
            if pair[0].option.exercise.popularity > CURIOSITY_POPULARITY
            and pair[0].rx.sets[0] * sum(pair[0].weights.get(m, 0) for m in members) >= day
        ]
        if makes_day:
            best_total += _day_seconds(makes_day[0][0])
            best = makes_day[0][1]
            fair = [pair for pair in makes_day if pair[1] >= best - QUICK_SCORE_GAP] or makes_day
            out.append(min(fair, key=lambda pair: (_day_seconds(pair[0]), pair[0].option.key)))
    # Only when the best ways to give every group its day do not fit the session together: with
    # time to spare, the quick stand-in would only displace the better lift.
    return out if best_total > budget else []


def _day_seconds(cand: Candidate) -> int:
    """Seconds for the sets that make a frequency day (at least two, however few the minimum)."""
    sets = max(cand.rx.sets[0], math.ceil(rx.FREQUENCY_DAY_SETS))
    return sets * cand.per_set_s + cand.fixed_s + cand.warm_s


def slot_lifts(cands: Sequence[Candidate], pattern: str) -> list[Candidate]:
    """What may fill a strength session's main-lift slot for `pattern`, by rule rather than by
    score: a barbell lift when there is one (a goblet squat is not the squat of a strength plan
    when there is a rack), else any loaded main lift, else the pattern's body-weight compounds
    (a high-box squat is the closest fit to the squat a knee or hip protection allows)."""
    in_pattern = [c for c in cands if c.option.exercise.pattern == pattern]
    loaded = [c for c in in_pattern if rx.is_main_lift(c.option.exercise)]
    barbell = [c for c in loaded if is_barbell_lift(c.option.exercise)]
    unloaded = [c for c in in_pattern if rx.is_main_pattern(c.option.exercise)]
    return barbell or loaded or unloaded


def finisher_of(eligibility: Eligibility) -> Exercise | None:
    """The cardio block that closes resistance sessions, when the goal wants one."""
    profile = eligibility.profile
    if profile.goal not in FINISHER_GOALS:
        return None
    cardio = eligibility.extras(rx.CONDITIONING_CATEGORIES)
    return cardio[0] if cardio else None


def finisher_reserve_seconds(eligibility: Eligibility) -> float:
    """Seconds every session sets aside for its cardio finisher (0 when none is reserved)."""
    profile = eligibility.profile
    cardio = finisher_of(eligibility)
    if cardio is None or not reserves_finisher(profile.goal, profile.minutes):
        return 0.0
    return finisher_seconds(cardio, FINISHER_MINUTES)
