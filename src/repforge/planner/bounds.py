"""Whether any week can keep every rule: a CP-SAT proof over every exercise the profile allows.

The planner's own models work on shortlists, so a week they cannot make clean may still exist.
This model decides it for the whole eligible catalog, with the validator's weekly error rules
(major-group floors, prioritised muscles' floors, two days per major group, weekly direct-set
caps, pattern coverage, main-lift sets, two lifting days for fat loss) as hard constraints and
each session's time as its only session rule. Everything else the planner prefers is left out,
and every figure is rounded in the week's favour: the shortest rests and the set counts the
validator accepts, times rounded down, muscle weights rounded up, week 1's ramp sets (reps and
reps in reserve are the planner's prescriptions), and where sessions may hold supersets each
set of an exercise that has a partner saves half its rest (a pair saves at most the shorter
rest per round, supersets.pair_saving). So the model is a relaxation: when it is
infeasible, no week of these sessions keeps every rule, and the errors are the profile's, not
the planner's.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from repforge.planner import prescription as rx
from repforge.planner import words
from repforge.planner.cpsat import cp_model
from repforge.planner.profile import Eligibility, Option, Profile
from repforge.planner.rules import MAJOR_GROUPS, weekly_cap
from repforge.planner.split import SessionSpec
from repforge.planner.supersets import SUPERSET_MAX_MINUTES, can_pair, round_saving
from repforge.planner.timing import (
    T_TRANSITION_BARBELL_S,
    TimedItem,
    general_warmup_seconds,
    set_costs,
)
from repforge.planner.validate import (
    Possible,
    group_floor,
    meets,
    muscle_floor,
    requirements,
    strength_counts,
)

SCALE = 20  # muscle weights in twentieths of a set, rounded up
# CP-SAT work (deterministic seconds, about seconds on one core): for the question itself, and
# for each follow-up (what alone blocks it, which session length would fit); undecided beyond.
PROOF_LIMIT = 1.0
FOLLOW_UP_LIMIT = 0.3
SEED = 20240601
# The rule families, in the order they are named when one of them alone does not fit.
FAMILIES = ("strength-pattern-sets", "muscle-frequency", "volume-floor", "pattern-coverage")
MORE_MINUTES = (15, 30, 45, 60)  # longer sessions tried, to say what would fit


@dataclass(frozen=True)
class Timed:
    """An eligible exercise with the least time and most muscle credit the rules allow."""

    option: Option
    per_set: int  # one set and the shortest rest after it, rounded down
    fixed: int  # transition minus the rest not taken after the last set, rounded down
    warm: int  # ramp sets, rounded down
    weights: dict[str, int]
    score: int = 0  # how well it fits the profile (rescue.py); the proof ignores it


@dataclass(frozen=True)
class Verdict:
    """Whether a clean week exists: True, False (proven impossible) or None (undecided)."""

    possible: bool | None
    blocking: tuple[str, ...] = ()  # families whose removal alone makes the week possible
    fits_at: int | None = None  # the fewest session minutes tried that make it possible


def timed(option: Option, profile: Profile, paired: bool = False) -> Timed:
    """The option at the shortest rest its role allows and its lightest week's ramp sets
    (`paired`: it may join a superset, which saves at most half its rest per set)."""
    ex = option.exercise
    pres = rx.prescribe(ex, profile.goal, profile.level, option.mode)
    rest = rx.REST_BOUNDS[profile.goal][pres.role][0]
    # Week 1 has the most reps in reserve, so the lightest loads and the fewest ramp sets; every
    # plan has a week 1, whatever its length (progression.rir_for).
    start = rx.RIR_RAMP[profile.goal][profile.level][0]
    rir = max(start, rx.min_rir(ex, profile.level, 1))
    item = TimedItem(ex, 1, pres.reps, pres.unit, rest, rir, option.mode)
    weights = {m: math.ceil(w * SCALE - 1e-9) for m, w in ex.muscle_weights.items()}
    per_set, fixed, warm = (math.floor(seconds) for seconds in set_costs(item))
    if paired and pres.unit != "minutes":
        per_set -= math.ceil(round_saving(rest, rest) / 2)
    return Timed(option, per_set, fixed, warm, weights)


def pool_of(eligibility: Eligibility) -> list[Timed]:
    """Every option timed in the week's favour, dominated ones left out."""
    return reduced(timed_options(eligibility), eligibility.profile)


def timed_options(eligibility: Eligibility) -> list[Timed]:
    """Every option timed in the week's favour."""
    profile = eligibility.profile
    options = eligibility.options()
    paired: set[str] = set()
    if profile.minutes <= SUPERSET_MAX_MINUTES:
        exercises = [o.exercise for o in options]
        paired = {e.slug for e in exercises if any(can_pair(e, other) for other in exercises)}
    return [timed(o, profile, o.exercise.slug in paired) for o in options]


def _dominated(a: Timed, b: Timed) -> bool:
    """Whether `a` is never worse than `b` for any rule of the model."""
    return (
        a.per_set <= b.per_set
        and a.fixed <= b.fixed
        and a.warm <= b.warm
        and a.score >= b.score
        and all(a.weights.get(m, 0) >= w for m, w in b.weights.items())
    )


def reduced(pool: Sequence[Timed], profile: Profile) -> list[Timed]:
    """The pool without exercises another of the same role does at least as well."""
    reqs = requirements(profile)
    groups: dict[tuple[object, ...], list[Timed]] = defaultdict(list)
    for t in pool:
        ex = t.option.exercise
        keys = frozenset(k for k, pats in reqs.items() if meets(ex, pats, k))
        groups[ex.pattern, ex.target, keys, rx.is_main_lift(ex)].append(t)
    kept: list[Timed] = []
    for members in groups.values():
        for i, t in enumerate(members):
            if not any(
                _dominated(o, t) and (not _dominated(t, o) or j < i)
                for j, o in enumerate(members)
                if j != i
            ):
                kept.append(t)
    return kept


class WeekBound:
    """The relaxation as a CP-SAT model: sets of each exercise in each session."""

    def __init__(self, profile: Profile, pool: Sequence[Timed], sessions: int) -> None:
        self.profile = profile
        self.pool = pool
        self.m = cp_model.CpModel()
        lo, hi = (
            rx.BEGINNER_SET_BOUNDS if profile.level == "beginner" else rx.SET_BOUNDS[profile.goal]
        )
        self.x = [
            [self.m.new_bool_var(f"x{s}_{i}") for i in range(len(pool))] for s in range(sessions)
        ]
        self.n = [
            [self.m.new_int_var(0, hi, f"n{s}_{i}") for i in range(len(pool))]
            for s in range(sessions)
        ]
        for xs, ns in zip(self.x, self.n, strict=True):
            for x, n in zip(xs, ns, strict=True):
                self.m.add(n >= lo * x)
                self.m.add(n <= hi * x)

    def frac(self, s: int, members: Sequence[str]) -> cp_model.LinearExpr:
        return cp_model.LinearExpr.sum(
            [
                t.weights[m] * self.n[s][i]
                for i, t in enumerate(self.pool)
                for m in members
                if m in t.weights
            ]
        )

    def time(self, budget: int) -> None:
        for s, (xs, ns) in enumerate(zip(self.x, self.n, strict=True)):
            terms: list[cp_model.LinearExprT] = []
            by_pattern: dict[str, list[int]] = defaultdict(list)
            for i, t in enumerate(self.pool):
                terms += [t.per_set * ns[i], t.fixed * xs[i]]
                by_pattern[t.option.exercise.pattern].append(i)
            for pattern, members in by_pattern.items():
                warmers = [i for i in members if self.pool[i].warm]
                if not warmers:
                    continue
                ramp = self.m.new_int_var(
                    0, max(self.pool[i].warm for i in warmers), f"r{s}_{pattern}"
                )
                for i in warmers:
                    # A pattern is ramped up to its heaviest exercise in the session (timing).
                    self.m.add(ramp >= self.pool[i].warm * xs[i])
                terms.append(ramp)
            # The first exercise has no transition; the longest one is given back.
            self.m.add(sum(terms) <= budget + int(T_TRANSITION_BARBELL_S))

    def rules(self, possible: Possible, skip: frozenset[str]) -> None:
        profile, m, days = self.profile, self.m, range(len(self.x))
        lifting = []
        for s in days:
            used = m.new_bool_var(f"lift{s}")
            m.add_max_equality(used, self.x[s])
            lifting.append(used)
        if profile.goal == "fat-loss" and len(lifting) >= 2:
            m.add(sum(lifting) >= 2)
        if "volume-floor" not in skip:
            for group, members in MAJOR_GROUPS.items():
                if set(members) & possible.muscles:
                    floor = group_floor(group, profile) * SCALE
                    m.add(sum(self.frac(s, members) for s in days) >= floor)
            for muscle in profile.priorities:
                # A priority nothing allowed is aimed at owes no floor (validate._untargeted).
                if muscle in possible.muscles and muscle not in possible.untargeted:
                    floor = muscle_floor(muscle, profile) * SCALE
                    m.add(sum(self.frac(s, (muscle,)) for s in days) >= floor)
        if "muscle-frequency" not in skip and len(lifting) >= 2:
            # Two days per major group once the week has two lifting days (one lifting day
            # turns the rule into a warning).
            several = m.new_bool_var("several")
            m.add(sum(lifting) <= 1 + len(lifting) * several)
            day = int(rx.FREQUENCY_DAY_SETS * SCALE)
            for group, members in MAJOR_GROUPS.items():
                if not set(members) & possible.muscles:
                    continue
                trained = []
                for s in days:
                    y = m.new_bool_var(f"day_{group}_{s}")
                    m.add(self.frac(s, members) >= day * y)
                    trained.append(y)
                m.add(sum(trained) >= rx.FREQUENCY_MIN_DAYS * several)
        units: dict[tuple[str, ...], int] = {}
        for t in self.pool:
            _, members, cap = weekly_cap(t.option.exercise.target, profile, first_week=False)
            _, _, first = weekly_cap(t.option.exercise.target, profile, first_week=True)
            units[members] = max(cap, first)
        for members, cap in units.items():
            direct = [
                self.n[s][i]
                for s in days
                for i, t in enumerate(self.pool)
                if t.option.exercise.target in members
            ]
            m.add(sum(direct) <= cap)
        reqs = requirements(profile)
        for key, pats in reqs.items():
            if key not in possible.patterns:
                continue
            hits = [
                self.x[s][i]
                for s in days
                for i, t in enumerate(self.pool)
                if meets(t.option.exercise, pats, key)
            ]
            if "pattern-coverage" not in skip:
                m.add(sum(hits) >= 1)
            if (
                profile.goal == "strength"
                and key in rx.STRENGTH_MAIN_PATTERNS
                and "strength-pattern-sets" not in skip
            ):
                main = key in possible.main_lifts
                sets = [
                    self.n[s][i]
                    for s in days
                    for i, t in enumerate(self.pool)
                    if strength_counts(t.option.exercise, key, main)
                ]
                m.add(sum(sets) >= rx.STRENGTH_PATTERN_SETS[profile.level])

    def solve(self, limit: float = PROOF_LIMIT) -> bool | None:
        solver = cp_model.CpSolver()
        solver.parameters.num_workers = 1
        solver.parameters.random_seed = SEED
        solver.parameters.max_deterministic_time = limit
        status = solver.solve(self.m)
        if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            return True
        return False if status == cp_model.INFEASIBLE else None


def budget_seconds(profile: Profile, minutes: int) -> int:
    """Seconds of a session the lifting may use: the session less its general warm-up."""
    return minutes * 60 - int(general_warmup_seconds(profile.goal, minutes))


def build(
    eligibility: Eligibility,
    sessions: int,
    minutes: int,
    skip: frozenset[str] = frozenset(),
    pool: Sequence[Timed] | None = None,
    possible: Possible | None = None,
) -> WeekBound:
    """The relaxed week model for these sessions and minutes (`pool`: all options, reduced;
    `possible`: Possible.of(eligibility), passed in when several models share it)."""
    profile = eligibility.profile
    if pool is None:
        pool = pool_of(eligibility)
    model = WeekBound(profile, pool, sessions)
    model.time(budget_seconds(profile, minutes))
    model.rules(possible or Possible.of(eligibility), skip)
    return model


def verdict(eligibility: Eligibility, specs: Sequence[SessionSpec]) -> Verdict:
    """Whether a week of these sessions can keep every weekly rule, and if not, what would fit."""
    profile = eligibility.profile
    sessions = sum(1 for s in specs if s.kind == "resistance")
    pool = pool_of(eligibility)
    if not sessions or not pool:
        return Verdict(True)

    rules = Possible.of(eligibility)

    def fits(
        minutes: int, skip: frozenset[str] = frozenset(), limit: float = FOLLOW_UP_LIMIT
    ) -> bool | None:
        return build(eligibility, sessions, minutes, skip, pool, rules).solve(limit)

    answer = fits(profile.minutes, limit=PROOF_LIMIT)
    if answer is not False:
        return Verdict(answer)
    blocking = tuple(f for f in FAMILIES if fits(profile.minutes, frozenset({f})))
    fits_at = next(
        (profile.minutes + more for more in MORE_MINUTES if fits(profile.minutes + more)),
        None,
    )
    return Verdict(False, blocking, fits_at)


def _rule_words(family: str, profile: Profile) -> str:
    if family == "strength-pattern-sets":
        sets = rx.STRENGTH_PATTERN_SETS[profile.level]
        return f"{sets} sets a week of each main lift with its warm-up sets"
    return {
        "muscle-frequency": "training each major muscle group on two days",
        "volume-floor": "the weekly sets each major muscle group needs",
        "pattern-coverage": "every movement pattern each week",
    }[family]


def said(profile: Profile, sessions: int, found: Verdict) -> str:
    """The proof in words: what cannot fit, and what would."""
    head = (
        f"No week of {words.count(sessions, 'session')} of {profile.minutes} minutes can keep "
        "every rule for your goal, whatever exercises it uses"
    )
    rules = [_rule_words(f, profile) for f in found.blocking]
    if len(rules) == 1:
        why = f": {rules[0]} cannot fit in that time."
    elif rules:
        why = f": {words.listing(rules)} cannot all fit in that time."
    else:
        why = ": together they need more time."
    if found.fits_at:
        after = f" Sessions of {found.fits_at} minutes could hold them all."
    else:
        after = " Longer sessions or another training day would make room."
    return head + why + after
