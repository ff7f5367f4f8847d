"""A week from the whole eligible catalog, for when the shortlists cannot keep every rule.

The session and week models choose among each session's shortlist (the best few exercises per
pattern and muscle), which keeps them fast and their proofs short. In a short week the best
exercises are often the slow ones (barbell work with ramp sets), and the quick ones that would let
every weekly floor fit never make the list. This model looks at every eligible exercise, with its
real timing, and asks only for a week that keeps the validator's weekly error rules (the rules of
bounds.WeekBound, here with the planner's real rests and ramp sets instead of the relaxation's
most favourable ones) plus the session rules the week model holds hard, preferring better-scored
exercises. Its answer is not the plan: it widens the week model's shortlists and is its hint, so
the week model's own rules and objective still decide (solver.select).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence

from repforge.planner import prescription as rx
from repforge.planner.bounds import Timed, WeekBound, reduced
from repforge.planner.candidates import EXERCISE_COST, Candidate
from repforge.planner.cpsat import cp_model
from repforge.planner.profile import CURIOSITY_POPULARITY, Profile, is_barbell_lift, too_easy
from repforge.planner.rules import weekly_cap
from repforge.planner.timing import T_TRANSITION_BARBELL_S
from repforge.planner.validate import Possible

# CP-SAT work (deterministic seconds) for the rescue: it runs only for weeks that still break a
# rule after every retry, and stops at the first week that keeps them when the budget runs out.
RESCUE_LIMIT = 3.0
# First any week that keeps the rules (no objective: the quickest search), then the better-scored
# weeks from there with the rest of the budget.
FEASIBLE_SHARE = 0.5
# What each set below an exercise's prescribed fewest costs: more than the score that separates a
# staple from a fair alternative.
UNDER_SET_COST = 60
SEED = 20240601


def timed(cand: Candidate) -> Timed:
    """The candidate as the week-bound model counts it: its real seconds, muscles and score."""
    # Both count muscle weights in twentieths of a set (bounds.SCALE, candidates.VOL_SCALE).
    weights = dict(cand.weights)
    return Timed(cand.option, cand.per_set_s, cand.fixed_s, cand.warm_s, weights, cand.base_score)


def week(
    profile: Profile,
    cands: Sequence[Candidate],
    sessions: int,
    budget: int,
    possible: Possible,
    limit: float = RESCUE_LIMIT,
) -> list[list[tuple[Candidate, int]]] | None:
    """Per session, the exercises and sets of a week that keeps every weekly error rule over the
    whole eligible catalog at the candidates' real timing, or None when none is found."""
    # Curiosities (an atlas stone, a yoke walk) never fill a session (candidates.fills_time),
    # and body-weight work below the lifter's level is not hard at the prescribed reps: a week
    # that keeps the floors only through them is not one to hand out.
    usual = [
        c
        for c in cands
        if c.option.exercise.popularity > CURIOSITY_POPULARITY
        and not too_easy(c.option.exercise, profile)
    ]
    by_key = {c.option.key: c for c in usual}
    pool = reduced([timed(c) for c in usual], profile)
    bound = WeekBound(profile, pool, sessions)
    # WeekBound gives back a barbell transition for the first exercise; `budget` already gives
    # back the planner's own, so the sum is held to `budget` exactly.
    for xs, ns in zip(bound.x, bound.n, strict=True):
        for t, x, n in zip(pool, xs, ns, strict=True):
            # No more sets than prescribed; as few as the validator accepts (a beginner's one
            # set of flyes on a second chest day), which WeekBound already holds.
            bound.m.add(n <= by_key[t.option.key].rx.sets[1] * x)
    bound.time(budget - int(T_TRANSITION_BARBELL_S))
    bound.rules(possible, frozenset())
    _caps(bound)
    _session_rules(bound)
    _balance(bound)
    first = _solve(bound.m, FEASIBLE_SHARE * limit)
    if first is None:
        return None
    # Then the best-scored week the rest of the budget finds, starting from the first one: the
    # objective alone makes the search wander far from any week that keeps the rules.
    for xs, ns in zip(bound.x, bound.n, strict=True):
        for x, n in zip(xs, ns, strict=True):
            bound.m.add_hint(x, first.value(x))
            bound.m.add_hint(n, first.value(n))
    objective: list[cp_model.LinearExprT] = []
    for s, (xs, ns) in enumerate(zip(bound.x, bound.n, strict=True)):
        for i, (t, x, n) in enumerate(zip(pool, xs, ns, strict=True)):
            objective += [(t.score - EXERCISE_COST) * x, -n]
            # Fewer sets than prescribed are allowed (a beginner's single set of flyes), but a
            # single set of a main lift spread over three squat variants is not a coach's week.
            lo = by_key[t.option.key].rx.sets[0]
            if lo > 1:
                under = bound.m.new_int_var(0, lo, f"under{s}_{i}")
                bound.m.add(under >= lo * x - n)
                objective.append(-UNDER_SET_COST * under)
    bound.m.maximize(sum(objective))
    best = _solve(bound.m, (1 - FEASIBLE_SHARE) * limit) or first
    return [
        [
            (by_key[t.option.key], best.value(n))
            for t, x, n in zip(pool, xs, ns, strict=True)
            if best.value(x)
        ]
        for xs, ns in zip(bound.x, bound.n, strict=True)
    ]


def _solve(model: cp_model.CpModel, limit: float) -> cp_model.CpSolver | None:
    """The solver holding a solution found within `limit`, or None."""
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.random_seed = SEED
    solver.parameters.max_deterministic_time = limit
    # The full LP relaxation finds rule-keeping weeks sooner on this model (measured on the
    # half-hour weeks of two sessions: 6 of 6 found within the budget, 4 with the default).
    solver.parameters.linearization_level = 2
    status = solver.solve(model)
    return solver if status in (cp_model.OPTIMAL, cp_model.FEASIBLE) else None


def _session_rules(bound: WeekBound) -> None:
    """What the week model holds hard in every session: exercise count, one per slug, two per
    pattern, one barbell lift per pattern, direct sets per muscle."""
    m = bound.m
    for xs, ns in zip(bound.x, bound.n, strict=True):
        m.add(sum(xs) <= rx.MAX_EXERCISES_PER_SESSION)
        groups: dict[str, list[cp_model.IntVar]] = defaultdict(list)
        direct: dict[str, list[cp_model.IntVar]] = defaultdict(list)
        for t, x, n in zip(bound.pool, xs, ns, strict=True):
            ex = t.option.exercise
            groups[f"slug:{ex.slug}"].append(x)
            groups[f"pattern:{ex.pattern}"].append(x)
            if is_barbell_lift(ex):
                groups[f"barbell:{ex.pattern}"].append(x)
            direct[ex.target].append(n)
        for label, group in groups.items():
            most = rx.MAX_SAME_PATTERN_PER_SESSION if label.startswith("pattern:") else 1
            if len(group) > most:
                m.add(sum(group) <= most)
        for sets in direct.values():
            m.add(sum(sets) <= rx.SESSION_DIRECT_WARN)


def _caps(bound: WeekBound) -> None:
    """Weekly direct sets within the tighter of the first week's and later weeks' caps (the
    bound allows the looser of the two)."""
    units: dict[tuple[str, ...], int] = {}
    for t in bound.pool:
        target = t.option.exercise.target
        _, members, later = weekly_cap(target, bound.profile, first_week=False)
        _, _, first = weekly_cap(target, bound.profile, first_week=True)
        units[members] = min(later, first)
    for members, cap in units.items():
        direct = [
            n
            for ns in bound.n
            for t, n in zip(bound.pool, ns, strict=True)
            if t.option.exercise.target in members
        ]
        bound.m.add(sum(direct) <= cap)


def _balance(bound: WeekBound) -> None:
    """Weekly pulling sets within the push:pull ratio, as the week model asks (#24)."""
    totals: Mapping[str, list[cp_model.IntVar]] = {"push": [], "pull": []}
    for ns in bound.n:
        for t, n in zip(bound.pool, ns, strict=True):
            pattern = t.option.exercise.pattern
            if pattern in rx.PUSH_PATTERNS:
                totals["push"].append(n)
            elif pattern in rx.PULL_PATTERNS:
                totals["pull"].append(n)
    push, pull = sum(totals["push"]), sum(totals["pull"])
    low, high = (int(r * 10) for r in rx.PULL_PUSH_RATIO)
    bound.m.add(10 * pull >= low * push)
    bound.m.add(10 * pull <= high * push)
