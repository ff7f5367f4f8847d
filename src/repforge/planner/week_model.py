"""The whole week as one CP-SAT model, seeded by the session-by-session answer.

`solver.select` solves the sessions one at a time in calendar order, which is fast and proves
each session optimal for its share of the week, but a session cannot take back what an earlier
one chose. When that week still breaks a weekly rule, this model takes every session's
shortlist at once, with the week's rules as constraints of one model: weekly floors and caps,
two training days for each major group, recovery spacing on consecutive days, pattern coverage,
main-lift sets and push:pull balance. The first answer is its hint, so CP-SAT's own
large-neighbourhood search starts from it and only moves where the week gains.

The model is a repair, so its search stops early (WEEK_CLEAN_STOP) at a week the validator finds
clean; such a week is not called optimal. "Optimal" from this model certifies that no week built from these shortlists scores higher on
the objective below: fewer weekly rules given up first (the penalties of solver.PENALTY, in
their relaxation order), then the exercise scores, time use and variety of the session models.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from repforge.planner import prescription as rx
from repforge.planner.candidates import (
    REPEAT_PENALTY,
    VOL_SCALE,
    Candidate,
    fills_time,
    minimum_seconds,
    repeatable,
    slot_lifts,
)
from repforge.planner.cpsat import cp_model
from repforge.planner.profile import Profile, is_barbell_lift
from repforge.planner.rules import MAJOR_MUSCLES, PRIORITY_PEERS, weekly_cap
from repforge.planner.split import Need, SessionSpec, consecutive_pairs
from repforge.planner.supersets import add_pairs
from repforge.planner.validate import meets, requirements, strength_counts

Listing = Sequence[tuple[Candidate, int]]
# Above this many direct sets a muscle needs 48 h before it is trained hard again (#21).
HEAVY_DAY_SETS = rx.RECOVERY_HEAVY_SETS
# Work budget for the week model on CP-SAT's deterministic clock (about seconds on one core).
WEEK_MODEL_LIMIT = 0.6
# The model is a repair: once a week keeps every validator rule (`clean`, the validator's own
# weekly checks), the search stops at the first such week found after this much work, instead of
# spending the whole budget on exercise scores and time use (bench/plan_bench.py: the repair path
# set the p95). Such a week is reported as not proven optimal.
WEEK_CLEAN_STOP = 0.15
SEED = 20240601
Week = dict[int, list[tuple[Candidate, int]]]
Partners = dict[int, dict[str, str]]  # per session, option key -> its superset partner's key


@dataclass(frozen=True)
class Weights:
    """The objective weights shared with the session models (solver.py)."""

    exercise_cost: int
    set_cost: int
    volume_reward: int
    fill: tuple[int, int]  # seconds of useful work below which each minute costs
    fill_penalty: tuple[int, int]
    penalty: Mapping[str, int]
    main_slot_sets: tuple[int, ...]


class _StopWhenClean(cp_model.CpSolverSolutionCallback):
    """Stops the search at a week the validator finds clean, once WEEK_CLEAN_STOP is spent."""

    def __init__(self, model: WeekModel, clean: Callable[[Week], bool]) -> None:
        super().__init__()
        self.week_model = model
        self.clean = clean

    def on_solution_callback(self) -> None:
        if self.deterministic_time < WEEK_CLEAN_STOP:
            return
        if self.clean(self.week_model.chosen(self.value)):
            self.stop_search()


class WeekModel:
    """Every resistance session of the week in one CP-SAT model."""

    def __init__(
        self,
        profile: Profile,
        specs: Sequence[SessionSpec],
        lists: Mapping[int, Listing],
        weights: Weights,
        main_lifts: frozenset[str] = frozenset(),
    ) -> None:
        self.profile = profile
        self.main_lifts = main_lifts  # strength main patterns with a main lift the profile allows
        self.specs = specs
        self.lists = lists
        self.w = weights
        self.model = cp_model.CpModel()
        self.objective: list[cp_model.LinearExprT] = []
        self.x: dict[tuple[int, str], cp_model.IntVar] = {}
        self.n: dict[tuple[int, str], cp_model.IntVar] = {}
        self.pairs: dict[int, dict[tuple[str, str], cp_model.IntVar]] = {}  # supersets

    def penalise(self, check: str, name: str, upper: int) -> cp_model.IntVar:
        var = self.model.new_int_var(0, upper, f"slack_{check}_{name}")
        self.objective.append(-self.w.penalty[check] * var)
        return var

    def chosen(self, value: Callable[[cp_model.IntVar], int]) -> Week:
        """The week a solution describes: each session's exercises and sets."""
        return {
            s: [
                (c, value(self.n[s, c.option.key]))
                for c, _ in listing
                if value(self.x[s, c.option.key])
            ]
            for s, listing in self.lists.items()
        }

    def _sum(self, terms: Sequence[cp_model.LinearExprT]) -> cp_model.LinearExpr:
        return cp_model.LinearExpr.sum(list(terms))

    def direct(self, s: int, members: Sequence[str]) -> cp_model.LinearExpr:
        return self._sum([self.n[s, c.option.key] for c, _ in self.lists[s] if c.target in members])

    def frac(self, s: int, members: Sequence[str]) -> cp_model.LinearExpr:
        return self._sum(
            [
                c.weights[m] * self.n[s, c.option.key]
                for c, _ in self.lists[s]
                for m in members
                if m in c.weights
            ]
        )

    def sessions(self, budget: int, supersets: bool = False) -> None:
        """Per-session rules: sets per exercise, time, exercise count, one per slug and chain."""
        m = self.model
        for s, listing in self.lists.items():
            xs, time_terms, useful = [], [], []
            groups: dict[str, list[cp_model.IntVar]] = defaultdict(list)
            ramps: dict[str, list[tuple[int, cp_model.IntVar]]] = defaultdict(list)
            for cand, points in listing:
                key = cand.option.key
                lo, hi = cand.rx.sets
                x = m.new_bool_var(f"x_{s}_{key}")
                n = m.new_int_var(0, hi, f"n_{s}_{key}")
                m.add(n >= lo * x)
                m.add(n <= hi * x)
                self.x[s, key], self.n[s, key] = x, n
                xs.append(x)
                time_terms += [cand.per_set_s * n, cand.fixed_s * x]
                if fills_time(cand, self.profile):
                    useful += [cand.per_set_s * n, cand.fixed_s * x]
                if cand.warm_s:
                    ramps[cand.option.exercise.pattern].append((cand.warm_s, x))
                ex = cand.option.exercise
                groups[f"slug:{cand.slug}"].append(x)
                groups[f"pattern:{ex.pattern}"].append(x)
                if is_barbell_lift(ex):
                    groups[f"barbell:{ex.pattern}"].append(x)
                if cand.option.mode == "eccentric-only":
                    groups["eccentric"].append(x)
                self.objective += [-(self.w.exercise_cost - points) * x, -self.w.set_cost * n]
            for pattern, warmers in ramps.items():
                ramp = m.new_int_var(0, max(w for w, _ in warmers), f"ramp_{s}_{pattern}")
                m.add_max_equality(ramp, [0, *(sec * x for sec, x in warmers)])
                time_terms.append(ramp)
                useful.append(ramp)
            if not xs:
                continue
            if min(minimum_seconds(c) for c, _ in listing) <= budget:
                m.add(sum(xs) >= 1)
            m.add(sum(xs) <= rx.MAX_EXERCISES_PER_SESSION)
            if supersets:
                keys = [c.option.key for c, _ in listing]
                saved, self.pairs[s] = add_pairs(
                    m,
                    listing,
                    {k: self.x[s, k] for k in keys},
                    {k: self.n[s, k] for k in keys},
                )
                time_terms += saved
            m.add(sum(time_terms) <= budget)
            for line, cost in zip(self.w.fill, self.w.fill_penalty, strict=True):
                short = m.new_int_var(0, max(line, 0) // 60 + 1, f"short_{s}_{line}")
                m.add(sum(useful) + 60 * short >= line)
                self.objective.append(-cost * short)
            for label, group in groups.items():
                limit = rx.MAX_SAME_PATTERN_PER_SESSION if label.startswith("pattern:") else 1
                if len(group) > limit:
                    m.add(sum(group) <= limit)
            for cand, _ in listing:
                ex = cand.option.exercise
                for relation in (*ex.easier, *ex.harder):
                    for other in groups.get(f"slug:{relation.slug}", []):
                        m.add(self.x[s, cand.option.key] + other <= 1)
            for muscle in {c.target for c, _ in listing}:
                m.add(self.direct(s, (muscle,)) <= rx.SESSION_DIRECT_WARN)
            for pattern, most in zip(self.specs[s].main, self.w.main_slot_sets, strict=False):
                self.main_slot(s, pattern, most)

    def main_slot(self, s: int, pattern: str, most: int) -> None:
        """Strength: the session's main lift for `pattern` gets its full sets (soft)."""
        lifts = slot_lifts([c for c, _ in self.lists[s]], pattern)
        if not lifts:
            return
        want = min(most, max(c.rx.sets[1] for c in lifts))
        done = self._sum([self.n[s, c.option.key] for c in lifts])
        self.model.add(done + self.penalise("main-lift-slot", f"{s}_{pattern}", want) >= want)

    def caps(self) -> None:
        """Weekly direct-set caps per landmark unit, over all sessions."""
        units: dict[tuple[str, ...], int] = {}
        for listing in self.lists.values():
            for cand, _ in listing:
                _, members, cap = weekly_cap(cand.target, self.profile, first_week=True)
                units[members] = cap
        for members, cap in units.items():
            self.model.add(self._sum([self.direct(s, members) for s in self.lists]) <= cap)

    def needs(self, needs: Sequence[Need]) -> None:
        """Weekly floors and targets (soft, in relaxation order) and frequency days."""
        for need in needs:
            if need.frequency:
                self.frequency(need)
                continue
            volume = self._sum([self.frac(s, need.members) for s in self.lists])
            if need.floor > 0:
                lhs = volume + self.penalise("maintenance-volume", need.name, need.maintenance)
                if need.floor > need.maintenance:
                    lhs += self.penalise("volume-floor", need.name, need.floor - need.maintenance)
                self.model.add(lhs >= need.floor)
            if need.target > 0:
                reward = self.model.new_int_var(0, need.target, f"reward_{need.name}")
                self.model.add(reward <= volume)
                weight = self.w.volume_reward * (2 if need.priority else 1)
                self.objective.append(weight * reward)

    def priorities(self, needs: Sequence[Need]) -> None:
        """Each priority gets at least a set a week more than every other major muscle (soft).

        The validator asks for more than the median major muscle (rules.md, priorities); asking
        for more than each of them lets the model lower the others as well as raise the priority.
        """
        volume = {
            need.name: self._sum([self.frac(s, need.members) for s in self.lists])
            for need in needs
            if need.members == (need.name,) and not need.frequency
        }
        for priority in self.profile.priorities:
            if priority not in volume:
                continue
            for other in PRIORITY_PEERS:
                if other in self.profile.priorities or other not in volume:
                    continue
                slack = self.penalise("priority-volume", f"{priority}_{other}", 60 * VOL_SCALE)
                self.model.add(volume[other] + VOL_SCALE <= volume[priority] + slack)

    def ceilings(self) -> None:
        """Each major muscle's fractional weekly sets within the goal's ceiling (soft)."""
        ceiling = rx.fractional_ceiling(self.profile.goal, self.profile.level) * VOL_SCALE
        for muscle in MAJOR_MUSCLES:
            volume = self._sum([self.frac(s, (muscle,)) for s in self.lists])
            over = self.penalise("volume-ceiling", muscle, 60 * VOL_SCALE)
            self.model.add(volume <= ceiling + over)

    def priority_direct(self) -> None:
        """Each priority gets an exercise of its own on rx.PRIORITY_DIRECT_DAYS days (soft)."""
        for muscle in self.profile.priorities:
            days = []
            for s, listing in self.lists.items():
                own = [self.x[s, c.option.key] for c, _ in listing if c.target == muscle]
                if own:
                    day = self.model.new_bool_var(f"own_{muscle}_{s}")
                    self.model.add(sum(own) >= day)
                    days.append(day)
            want = min(rx.PRIORITY_DIRECT_DAYS, len(days))
            if want:
                missed = self.penalise("priority-direct", muscle, want)
                self.model.add(sum(days) + missed >= want)

    def frequency(self, need: Need) -> None:
        day = int(rx.FREQUENCY_DAY_SETS * VOL_SCALE)
        days = []
        for s in self.lists:
            trained = self.model.new_bool_var(f"day_{need.name}_{s}")
            self.model.add(self.frac(s, need.members) >= day * trained)
            days.append(trained)
        missed = self.penalise("muscle-frequency", need.name, need.days)
        self.model.add(sum(days) + missed >= need.days)

    def recovery(self) -> None:
        """No muscle gets a heavy dose of direct sets on two consecutive days (#21)."""
        order = list(self.lists)
        days = [self.specs[s].day for s in order]
        for i, j in consecutive_pairs(days):
            a, b = order[i], order[j]
            shared = {c.target for c, _ in self.lists[a]} & {c.target for c, _ in self.lists[b]}
            for muscle in sorted(shared):
                heavy = []
                for s in (a, b):
                    h = self.model.new_bool_var(f"heavy_{s}_{muscle}")
                    big = rx.SESSION_DIRECT_WARN
                    self.model.add(self.direct(s, (muscle,)) <= HEAVY_DAY_SETS - 1 + big * h)
                    heavy.append(h)
                self.model.add(sum(heavy) <= 1)

    def patterns(self) -> None:
        """Weekly pattern coverage, and the strength main lifts' weekly sets."""
        level_sets = rx.STRENGTH_PATTERN_SETS[self.profile.level]
        for key, pats in requirements(self.profile).items():
            hits = [
                self.x[s, c.option.key]
                for s, listing in self.lists.items()
                for c, _ in listing
                if meets(c.option.exercise, pats, key)
            ]
            if hits:
                self.model.add(sum(hits) + self.penalise("pattern-coverage", key, 1) >= 1)
            if self.profile.goal != "strength" or key not in rx.STRENGTH_MAIN_PATTERNS:
                continue
            main = key in self.main_lifts
            counted = [
                (s, c) for s, listing in self.lists.items() for c, _ in listing
                if strength_counts(c.option.exercise, key, main)
            ]  # fmt: skip
            if not counted:
                continue
            sets = self._sum([self.n[s, c.option.key] for s, c in counted])
            slack = self.penalise("strength-pattern-sets", key, level_sets)
            self.model.add(sets + slack >= level_sets)

    def balance(self) -> None:
        """Weekly pulling sets within 0.9-2.0 times the pushing sets (#24)."""

        def total(patterns: frozenset[str]) -> cp_model.LinearExpr:
            return self._sum(
                [
                    self.n[s, c.option.key]
                    for s, listing in self.lists.items()
                    for c, _ in listing
                    if c.option.exercise.pattern in patterns
                ]
            )

        push, pull = total(rx.PUSH_PATTERNS), total(rx.PULL_PATTERNS)
        big = 10 * 6 * rx.MAX_EXERCISES_PER_SESSION * 7
        low, high = (int(r * 10) for r in rx.PULL_PUSH_RATIO)
        self.model.add(10 * pull + self.penalise("push-pull-balance", "low", big) >= low * push)
        self.model.add(10 * pull <= high * push + self.penalise("push-pull-balance", "high", big))

    def variety(self) -> None:
        """The same exercise on another day costs, except main lifts practised on purpose."""
        by_slug: dict[str, list[cp_model.IntVar]] = defaultdict(list)
        free: set[str] = set()
        for s, listing in self.lists.items():
            for cand, _ in listing:
                by_slug[cand.slug].append(self.x[s, cand.option.key])
                if repeatable(cand, self.profile):
                    free.add(cand.slug)
        for slug, uses in by_slug.items():
            if len(uses) < 2 or slug in free:
                continue
            extra = self.model.new_int_var(0, len(uses), f"repeat_{slug}")
            self.model.add(extra >= sum(uses) - 1)
            self.objective.append(-REPEAT_PENALTY * extra)

    def hint(self, first: Mapping[int, Mapping[str, int]]) -> None:
        for (s, key), x in self.x.items():
            sets = first.get(s, {}).get(key, 0)
            self.model.add_hint(x, 1 if sets else 0)
            self.model.add_hint(self.n[s, key], sets)

    def partners(self, value: Callable[[cp_model.IntVar], int]) -> Partners:
        """Each session's supersets in a solution: option key to its partner's key."""
        out: Partners = {}
        for s, pairs in self.pairs.items():
            for (a, b), pair in pairs.items():
                if value(pair):
                    out.setdefault(s, {}).update({a: b, b: a})
        return out

    def solve(
        self, limit: float, clean: Callable[[Week], bool] | None = None
    ) -> tuple[Week, bool, Partners] | None:
        self.model.maximize(sum(self.objective))
        solver = cp_model.CpSolver()
        solver.parameters.num_workers = 1
        solver.parameters.random_seed = SEED
        solver.parameters.max_deterministic_time = limit
        # The session models' tuning (solver.py): full LP relaxation, no cuts, probing,
        # symmetry detection or SAT presolve on models this small.
        solver.parameters.linearization_level = 2
        solver.parameters.cut_level = 0
        solver.parameters.cp_model_probing_level = 0
        solver.parameters.symmetry_level = 0
        solver.parameters.cp_model_use_sat_presolve = False
        callback = _StopWhenClean(self, clean) if clean else None
        status = solver.solve(self.model, callback)
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            return None
        return self.chosen(solver.value), status == cp_model.OPTIMAL, self.partners(solver.value)


def solve_week(
    profile: Profile,
    specs: Sequence[SessionSpec],
    lists: Mapping[int, Listing],
    needs: Sequence[Need],
    budget: int,
    weights: Weights,
    first: Mapping[int, Mapping[str, int]],
    clean: Callable[[Week], bool] | None = None,
    main_lifts: frozenset[str] = frozenset(),
    limit: float = WEEK_MODEL_LIMIT,
    supersets: bool = False,
) -> tuple[Week, bool, Partners] | None:
    """The best week from these shortlists under the week's rules, hinted by `first` (`clean`:
    whether the validator finds a week clean, which lets the search stop early)."""
    model = WeekModel(profile, specs, lists, weights, main_lifts)
    model.sessions(budget, supersets)
    model.caps()
    model.needs(needs)
    model.priorities(needs)
    model.priority_direct()
    model.ceilings()
    model.recovery()
    model.patterns()
    model.balance()
    model.variety()
    model.hint(first)
    return model.solve(limit, clean)
