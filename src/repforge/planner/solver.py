"""Exercise selection with CP-SAT: which exercises, how many week-1 sets, on which day.

The week is split first (`split.allocate`: which session carries which muscle doses, pattern
minimums and recovery limits). Then each session is one small CP-SAT model, solved in calendar
order to proven optimality; each sees what earlier sessions delivered, and whatever they missed
is topped up by later ones. (One model for the whole week was tried first: on 60-120 candidates
CP-SAT needed seconds to prove optimality, far over the time budget.)

Hard in every model, never relaxed: kit, protected joints, level and skills (candidates are
filtered first), session time, per-session and weekly direct-set caps, recovery spacing.
Soft, with penalties that fix the relaxation order, cheapest first:
  1. push-pull-balance      pull/push sets within 0.9-2.0
  2. volume-floor           weekly sets above the maintenance dose (MEV, fat loss 6)
  3. muscle-frequency       the five groups of invariant #13 (chest, back, quads,
                            hamstrings/glutes, shoulders: rx.FREQUENCY_GROUPS) on >= 2 days
  4. maintenance-volume     >= 4 weekly sets per major muscle
  5. strength-pattern-sets  >= 3/5 weekly sets per main lift pattern (strength goal only: the
                            main lifts are the goal, so they outrank frequency and maintenance
                            doses for the small muscles, which full-body strength days cannot
                            always all fit; Ralston 2017)
  6. pattern-coverage       squat, hinge, pushes, pulls, core (+ lunge, carry) each week
Below them, what makes a plan one a coach would sign (tests/planner/test_coach_rules.py):
  - strength main-lift slots: each strength session is built around its skeleton's first two
    main patterns (SessionSpec.main), filled by rule (candidates.slot_lifts: a barbell lift when
    there is one, else a loaded main lift, else the pattern's body-weight compound), with up to
    5 and 3 sets (MAIN_SLOT_SETS); main lifts open the session (`order`)
  - priorities: an exercise of the priority's own on rx.PRIORITY_DIRECT_DAYS days, placed early
    (`order`); the week model also asks for more volume than every other major prime mover
  - volume ceiling: a major muscle's fractional sets stay within the goal's range plus
    rx.FRACTIONAL_SPILL_OVER
  - time: every session uses most of the minutes (FILL_SHARE, and a steeper FLOOR_SHARE tier)
  - variety: an exercise used earlier in the week costs REPEAT_PENALTY (+ per set) again, except
    strength squats and presses, which are practised several times a week on purpose
  - the exercise scores (profile.score): goal fit, popularity (staples first), familiarity
What "optimal" certifies: `Selection.optimal` is true when every session model was proven
optimal for its share of the week (or, after a repair, the week model was proven optimal): no
choice from the shortlisted exercises scores higher on the objective above. It is a statement
about the shortlists, not the whole catalog, and make_plan drops it for any plan with a validator
error. What the week still misses is read off the validator's own weekly checks and reported as
relaxations, so the report and the validator cannot disagree; later weeks are guarded by the same
checks (progression.ramp adds no set that raises a week's errors).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

from repforge.errors import PlanError
from repforge.planner import prescription as rx
from repforge.planner.candidates import (
    EXERCISE_COST,
    REPEAT_SET_PENALTY,
    VOL_SCALE,
    Candidate,
    fills_time,
    finisher_reserve_seconds,
    make_candidate,
    minimum_seconds,
    repeat_cost,
    shortlist,
    slot_lifts,
)
from repforge.planner.cpsat import cp_model
from repforge.planner.ordering import Pick, align_openers, order
from repforge.planner.profile import (
    Eligibility,
    Profile,
    is_barbell_lift,
)
from repforge.planner.relaxation import errors, relaxations
from repforge.planner.repair import Repair, Selection, merged, repaired
from repforge.planner.rules import (
    BALANCE_CATEGORIES,
    BALANCE_MINUTES,
    MAJOR_MUSCLES,
    TIGHT_REST_SHARE,
    older_adult,
)
from repforge.planner.split import (
    PATTERN_KEYS,
    Dose,
    SessionSpec,
    WeekTally,
    allocate,
    room,
    session_doses,
    weekly_needs,
)
from repforge.planner.supersets import SUPERSET_MAX_MINUTES, add_pairs
from repforge.planner.timing import (
    T_TRANSITION_S,
    general_warmup_seconds,
)
from repforge.planner.validate import (
    Possible,
    meets,
    requirements,
    strength_counts,
)
from repforge.planner.week_model import WEEK_MODEL_LIMIT, Weights

# Objective weights. Exercise cost minus its score makes the solver pick few, well-fitting
# exercises; volume up to the weekly target is what it is paid for.
SET_COST = 1
VOLUME_REWARD = 2  # per twentieth of a set, so 40 per set, doubled for priority muscles
# Strength: each session's main-lift slots (SessionSpec.main) want a main lift with its full sets,
# at most 5 for the session's primary lift and 3 for its secondary one (twice a week that is
# still >= 5 weekly sets, Ralston 2017, and it leaves time for the pulling that balances the
# presses); a missing set costs PENALTY["main-lift-slot"].
MAIN_SLOT_SETS = (5, 3)
# Each session should use most of the minutes offered: below FILL_SHARE of them (model time) every
# missing minute costs TIME_FILL_PENALTY. Less than a new exercise costs for a minute or two, more
# than it costs over the five to ten minutes an exercise fills; far less than any volume rule.
FILL_SHARE = 0.85
TIME_FILL_PENALTY = 20
# ...and a steeper second tier below FLOOR_SHARE of the minutes: a session under about 60 % of the
# time offered is not worth the trip (coach rule), so an exercise that fills it is worth adding.
FLOOR_SHARE = 0.65
TIME_FLOOR_PENALTY = 60
PENALTY: Mapping[str, int] = {  # per slack unit; from push-pull-balance on, the relaxation order
    # A strength preference with no validator check behind it, per set: above one missing
    # frequency day, so a main lift gets its third set before a small muscle its second day in
    # this session (later sessions can still give that day; the week's report says if not).
    "main-lift-slot": 8000,
    "push-pull-balance": 25,  # per tenth of a set (250 a set): a pull set before a small gap
    "volume-floor": 60,  # per twentieth of a set (1200 a set)
    # per twentieth of a set a priority trails another major muscle by (1200 a set): the
    # validator's priority rule is an error, like a missed floor
    "priority-volume": 60,
    # per day a priority goes without an exercise of its own (rx.PRIORITY_DIRECT_DAYS): below a
    # main lift's set and a missed frequency day, above the exercise scores and time use
    "priority-direct": 3000,
    # per twentieth of a set above a major muscle's fractional ceiling (1000 a set): a coach
    # preference, below every validator rule's penalty and above the volume reward
    "volume-ceiling": 50,
    "muscle-frequency": 5000,  # per missing day
    "maintenance-volume": 400,  # per twentieth of a set (8000 a set)
    "strength-pattern-sets": 20000,  # per set
    # Per missing pattern: above any realistic sum of the volume slacks (16 muscles x 4 sets x
    # 8000), so a squat, a push and a pull come before volume in a one-session week (Iversen 2021).
    "pattern-coverage": 600000,
}
# The week model's price of a main-lift slot set: below every validator rule's penalty.
WEEK_MAIN_SLOT_PENALTY = 50
# A work budget on CP-SAT's deterministic clock (roughly seconds on one fast core) keeps the same
# profile giving the same plan, whatever the machine's load; the week's budget is shared out over
# its sessions. The wall limit only guards against a pathological model.
WEEK_DETERMINISTIC_LIMIT = 1.0
MIN_SESSION_DETERMINISTIC_LIMIT = 0.05
WALL_LIMIT_S = 10.0
SEED = 20240601


class _Session:
    """The CP-SAT model of one session, given its share of the week."""

    def __init__(
        self,
        profile: Profile,
        listing: Sequence[tuple[Candidate, int]],
        main_lifts: frozenset[str] = frozenset(),
    ) -> None:
        self.profile = profile
        self.listing = listing
        self.main_lifts = main_lifts  # strength main patterns with a main lift the profile allows
        self.model = cp_model.CpModel()
        self.objective: list[cp_model.LinearExprT] = []
        self.x: dict[str, cp_model.IntVar] = {}
        self.n: dict[str, cp_model.IntVar] = {}
        self.pairs: dict[tuple[str, str], cp_model.IntVar] = {}  # supersets, by option keys

    def penalise(self, check: str, name: str, upper: int) -> cp_model.IntVar:
        var = self.model.new_int_var(0, upper, f"slack_{check}_{name}")
        self.objective.append(-PENALTY[check] * var)
        return var

    def sets(self, keep: Callable[[Candidate], bool]) -> cp_model.LinearExpr:
        return cp_model.LinearExpr.sum([self.n[c.option.key] for c, _ in self.listing if keep(c)])

    def frac(self, members: Sequence[str]) -> cp_model.LinearExpr:
        terms = [
            c.weights[m] * self.n[c.option.key]
            for c, _ in self.listing
            for m in members
            if m in c.weights
        ]
        return cp_model.LinearExpr.sum(terms)

    def choose(
        self, budget: int, fill: tuple[int, int], used: Mapping[str, int], supersets: bool
    ) -> None:
        m = self.model
        xs, time_terms, useful = [], [], []
        groups: dict[str, list[cp_model.IntVar]] = defaultdict(list)
        ramps: dict[str, list[tuple[int, cp_model.IntVar]]] = defaultdict(list)
        for cand, points in self.listing:
            key = cand.option.key
            lo, hi = cand.rx.sets
            x = m.new_bool_var(f"x_{key}")
            n = m.new_int_var(0, hi, f"n_{key}")
            m.add(n >= lo * x)
            m.add(n <= hi * x)
            self.x[key], self.n[key] = x, n
            xs.append(x)
            time_terms += [cand.per_set_s * n, cand.fixed_s * x]
            if fills_time(cand, self.profile):
                useful += [cand.per_set_s * n, cand.fixed_s * x]
            if cand.warm_s:
                ramps[cand.option.exercise.pattern].append((cand.warm_s, x))
            groups[f"slug:{cand.slug}"].append(x)
            groups[f"pattern:{cand.option.exercise.pattern}"].append(x)
            # The listing's points already carry the repeat cost of exercises used earlier.
            repeats = used.get(cand.slug, 0) if repeat_cost(cand, self.profile, used) > 0 else 0
            set_cost = SET_COST + REPEAT_SET_PENALTY * repeats
            self.objective += [-(EXERCISE_COST - points) * x, -set_cost * n]
            if is_barbell_lift(cand.option.exercise):
                groups[f"barbell:{cand.option.exercise.pattern}"].append(x)
            if cand.option.mode == "eccentric-only":
                groups["eccentric"].append(x)
        for pattern, warmers in ramps.items():
            # Exactly the heaviest chosen ramp of the pattern (0 when none is chosen): a looser
            # bound would let the solver "fill" the session with warm-ups nobody does.
            ramp = m.new_int_var(0, max(w for w, _ in warmers), f"ramp_{pattern}")
            m.add_max_equality(ramp, [0, *(seconds * x for seconds, x in warmers)])
            time_terms.append(ramp)
            useful.append(ramp)
        if not xs:
            return
        # At least one exercise, unless not even the quickest one fits the minutes.
        if min(minimum_seconds(c) for c, _ in self.listing) <= budget:
            m.add(sum(xs) >= 1)
        m.add(sum(xs) <= rx.MAX_EXERCISES_PER_SESSION)
        if supersets:
            saved, self.pairs = add_pairs(m, self.listing, self.x, self.n)
            time_terms += saved
        m.add(sum(time_terms) <= budget)
        # Use most of the minutes: every minute short of the fill lines costs (soft). Only useful
        # work counts: minutes of filler (see fills_time) do not make a session worth the trip.
        for line, penalty, name in zip(
            fill, (TIME_FILL_PENALTY, TIME_FLOOR_PENALTY), ("short", "far_short"), strict=True
        ):
            short = m.new_int_var(0, max(line, 0) // 60 + 1, f"{name}_minutes")
            m.add(sum(useful) + 60 * short >= line)
            self.objective.append(-penalty * short)
        # One exercise per slug, two per pattern, one barbell lift per pattern (no deadlift and
        # sumo deadlift, or back and front squat, in one session), one set of negatives (3-5
        # sets of slow lowering are a session's worth, docs/planner-rules.md §6.1).
        for label, group in groups.items():
            limit = rx.MAX_SAME_PATTERN_PER_SESSION if label.startswith("pattern:") else 1
            if len(group) > limit:
                m.add(sum(group) <= limit)
        # A step of a progression chain and its neighbour never share a session.
        for cand, _ in self.listing:
            ex = cand.option.exercise
            for relation in (*ex.easier, *ex.harder):
                for other in groups.get(f"slug:{relation.slug}", []):
                    m.add(self.x[cand.option.key] + other <= 1)

    def main_slot(self, pattern: str, most: int) -> None:
        """Strength: this session's main lift for `pattern` gets its full sets (soft)."""
        lifts = slot_lifts([c for c, _ in self.listing], pattern)
        if not lifts:
            return
        want = min(most, max(c.rx.sets[1] for c in lifts))
        done = cp_model.LinearExpr.sum([self.n[c.option.key] for c in lifts])
        self.model.add(done + self.penalise("main-lift-slot", pattern, want) >= want)

    def limit(self, caps: Mapping[tuple[str, ...], int]) -> None:
        """Direct sets per target muscle and per cap unit (landmark group) within the room left."""
        # The "<= 6 muscles per session" convention (#18, warn) is left to the validator: as a
        # hard rule it starves full-body sessions of the twice-a-week frequency (#13, hard).
        for members, cap in caps.items():
            keys = [c.option.key for c, _ in self.listing if c.target in members]
            if keys:
                self.model.add(sum(self.n[k] for k in keys) <= cap)

    def dose(self, dose: Dose) -> None:
        """A volume dose (floor, maintenance, target) or a frequency day (#13: the group's
        members together >= 2 fractional hard sets in this session)."""
        need = dose.need
        volume = self.frac(need.members)
        if dose.floor > 0:
            room = dose.floor - dose.maintenance
            lhs = volume + self.penalise("maintenance-volume", need.name, dose.maintenance)
            if room > 0:
                lhs += self.penalise("volume-floor", need.name, room)
            self.model.add(lhs >= dose.floor)
        if dose.counts_day:
            day = int(rx.FREQUENCY_DAY_SETS * VOL_SCALE)
            missed = self.penalise("muscle-frequency", need.name, 1)
            self.model.add(volume + day * missed >= day)
        if dose.target > 0:
            reward = self.model.new_int_var(0, dose.target, f"reward_{need.name}")
            self.model.add(reward <= volume)
            self.objective.append(VOLUME_REWARD * (2 if need.priority else 1) * reward)

    def ceiling(self, muscle: str, room: int) -> None:
        """A major muscle's fractional sets stay within what the week has left (soft)."""
        over = self.penalise("volume-ceiling", muscle, 60 * VOL_SCALE)
        self.model.add(self.frac((muscle,)) <= max(room, 0) + over)

    def priority_direct(self, muscle: str) -> None:
        """A priority muscle gets an exercise of its own in this session (soft)."""
        own = [self.x[c.option.key] for c, _ in self.listing if c.target == muscle]
        if own:
            self.model.add(sum(own) + self.penalise("priority-direct", muscle, 1) >= 1)

    def pattern(self, key: str, met: bool, sets_done: int) -> None:
        patterns = PATTERN_KEYS[key]
        if not met:
            hits = [
                self.x[c.option.key]
                for c, _ in self.listing
                if meets(c.option.exercise, patterns, key)
            ]
            self.model.add(sum(hits) + self.penalise("pattern-coverage", key, 1) >= 1)
        need = rx.STRENGTH_PATTERN_SETS[self.profile.level] - sets_done
        if self.profile.goal == "strength" and key in rx.STRENGTH_MAIN_PATTERNS and need > 0:
            main = key in self.main_lifts
            volume = self.sets(lambda c: strength_counts(c.option.exercise, key, main))
            self.model.add(volume + self.penalise("strength-pattern-sets", key, need) >= need)

    def balance(self, week: WeekTally, cumulative: bool) -> None:
        push = self.sets(lambda c: c.option.exercise.pattern in rx.PUSH_PATTERNS)
        pull = self.sets(lambda c: c.option.exercise.pattern in rx.PULL_PATTERNS)
        if cumulative:
            push, pull = push + week.push, pull + week.pull
        big = 10 * 6 * rx.MAX_EXERCISES_PER_SESSION * 7
        low, high = (int(r * 10) for r in rx.PULL_PUSH_RATIO)
        self.model.add(10 * pull + self.penalise("push-pull-balance", "low", big) >= low * push)
        self.model.add(10 * pull <= high * push + self.penalise("push-pull-balance", "high", big))

    def solve(self, budget: float) -> tuple[list[Pick], bool, float]:
        self.model.maximize(sum(self.objective))
        solver = cp_model.CpSolver()
        solver.parameters.num_workers = 1
        solver.parameters.random_seed = SEED
        solver.parameters.max_deterministic_time = max(budget, MIN_SESSION_DETERMINISTIC_LIMIT)
        solver.parameters.max_time_in_seconds = WALL_LIMIT_S
        solver.parameters.linearization_level = 2  # full LP relaxation: far faster proofs
        # ...but no cutting planes on top: on these small models the cuts cost more than they
        # prune (measured on the 50 bench profiles: median 184 -> 95 ms, all still optimal).
        solver.parameters.cut_level = 0
        # Probing, symmetry detection and SAT presolve cost more than they save on models this
        # small (measured: about a quarter of the solve time, same optima).
        solver.parameters.cp_model_probing_level = 0
        solver.parameters.symmetry_level = 0
        solver.parameters.cp_model_use_sat_presolve = False
        status = solver.solve(self.model)
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            raise PlanError(
                f"the planner found no session that fits ({solver.status_name(status)})"
            )
        partner = {}
        for (a, b), pair in self.pairs.items():
            if solver.value(pair):
                partner[a], partner[b] = b, a
        picks = [
            Pick(c, solver.value(self.n[c.option.key]), partner.get(c.option.key))
            for c, _ in self.listing
            if solver.value(self.x[c.option.key])
        ]
        return picks, status == cp_model.OPTIMAL, solver.deterministic_time


@dataclass(frozen=True)
class Attempt:
    """How hard one selection tries: what is left of the usual rests, and the week model's work
    budget (CP-SAT deterministic seconds)."""

    rest_share: float | None = None  # candidates.make_candidate's default
    week_limit: float = WEEK_MODEL_LIMIT
    supersets: bool = True  # in sessions short enough for them (supersets.SUPERSET_MAX_MINUTES)
    rescue: bool = False  # a week that still breaks a rule is sought over the whole catalog

    def for_profile(self, profile: Profile) -> Attempt:
        """The attempt as it applies to this profile: no supersets in sessions too long."""
        return replace(self, supersets=self.supersets and profile.minutes <= SUPERSET_MAX_MINUTES)


# The tries after a week that broke a rule, paid only by the weeks that need them
# (bench/plan_bench.py): straight sets (a model with pairs is larger, and its search can stop
# at a worse week within the same work budget), then rests cut (rules.TIGHT_REST_SHARE) with
# more work for the week model and the rescue over the whole catalog (rescue.py).
WEEK_RETRY_LIMIT = 2.0
STRAIGHT = Attempt(supersets=False)
RETRY = Attempt(TIGHT_REST_SHARE, WEEK_RETRY_LIMIT, supersets=False, rescue=True)
RETRIES = (STRAIGHT, RETRY)


def select(
    eligibility: Eligibility, specs: Sequence[SessionSpec], attempt: Attempt = Attempt()
) -> Selection:
    """Solve the week: allocate it over the sessions, then one exact model per session."""
    profile = eligibility.profile
    share = attempt.rest_share
    supersets = attempt.for_profile(profile).supersets
    cands = [make_candidate(option, profile, share) for option in eligibility.options()]
    sessions = [i for i, s in enumerate(specs) if s.kind == "resistance"]
    if sessions and not cands:
        raise PlanError("no strength exercise fits this equipment, these joints and this level")
    possible = Possible.of(eligibility)
    general = general_warmup_seconds(profile.goal, profile.minutes)
    if older_adult(profile.age) and eligibility.extras(BALANCE_CATEGORIES):
        general += BALANCE_MINUTES * 60  # the balance drill of older adults' warm-ups
    general += finisher_reserve_seconds(eligibility)
    budget = int(profile.minutes * 60 - general + T_TRANSITION_S)
    fill = (
        int(FILL_SHARE * profile.minutes * 60 - general + T_TRANSITION_S),
        int(FLOOR_SHARE * profile.minutes * 60 - general + T_TRANSITION_S),
    )
    count = len(sessions)
    lists = {s: shortlist(cands, specs[s], profile, budget, sessions=count) for s in sessions}
    fresh = dict(lists)
    reach: dict[int, dict[str, int]] = {s: {} for s in sessions}
    for s in sessions:
        for cand, _ in lists[s]:
            for muscle, weight in cand.weights.items():
                reach[s][muscle] = max(reach[s].get(muscle, 0), weight)
    capacity = {}
    for s in sessions:
        costs = sorted(c.per_set_s + (c.fixed_s + c.warm_s) // 3 for c, _ in lists[s]) or [120]
        capacity[s] = int(budget / costs[len(costs) // 2] * 2 * VOL_SCALE)
    meetable = {
        key: [s for s in sessions if any(meets(c.option.exercise, pats, key) for c, _ in lists[s])]
        for key, pats in requirements(profile).items()
    }
    needs = weekly_needs(profile, len(sessions), VOL_SCALE)
    alloc = allocate(specs, reach, needs, meetable, capacity, VOL_SCALE, rx.FAST_RECOVERY_MUSCLES)
    owners = {
        s: {
            key: {c.target for c, _ in lists[s] if meets(c.option.exercise, PATTERN_KEYS[key], key)}
            for key in alloc.patterns[s]
        }
        for s in sessions
    }
    week = WeekTally()
    ceiling = rx.fractional_ceiling(profile.goal, profile.level) * VOL_SCALE
    priority_days: dict[str, int] = defaultdict(int)
    spent = 0.0
    picks: list[list[Pick]] = [[] for _ in specs]
    optimal = True
    both = rx.PUSH_PATTERNS | rx.PULL_PATTERNS
    pushing = [s for s in sessions if any(c.option.exercise.pattern in both for c, _ in lists[s])]
    for index, s in enumerate(sessions):
        later = sessions[index + 1 :]
        if week.used:
            lists[s] = shortlist(cands, specs[s], profile, budget, week.used, count)
        model = _Session(profile, lists[s], possible.main_lifts)
        model.choose(budget, fill, week.used, supersets)
        for pattern, most in zip(specs[s].main, MAIN_SLOT_SETS, strict=False):
            model.main_slot(pattern, most)
        model.limit(room(profile, specs, s, later, alloc, owners, week))
        planned_later = [d for t in later for d in alloc.doses[t]]
        for dose in session_doses(needs, alloc.doses[s], planned_later, week, reach[s], VOL_SCALE):
            model.dose(dose)
        # Patterns assigned here, and those an earlier session was given but could not fit.
        earlier = [k for t in sessions[:index] for k in alloc.patterns[t] if k not in week.met]
        # Strength: a main-lift pattern met earlier with too few weekly sets is topped up here.
        short = [
            k
            for k in sorted(rx.STRENGTH_MAIN_PATTERNS)
            if profile.goal == "strength"
            and k in week.met
            and week.pattern_sets[k] < rx.STRENGTH_PATTERN_SETS[profile.level]
        ]
        for key in dict.fromkeys([*alloc.patterns[s], *earlier, *short]):
            if key in alloc.patterns[s] or any(
                meets(c.option.exercise, PATTERN_KEYS[key], key) for c, _ in lists[s]
            ):
                model.pattern(key, key in week.met, week.pattern_sets[key])
        for muscle in MAJOR_MUSCLES:
            model.ceiling(muscle, ceiling - week.frac.get(muscle, 0))
        for muscle in profile.priorities:
            if priority_days[muscle] < rx.PRIORITY_DIRECT_DAYS:
                model.priority_direct(muscle)
        kinds = {c.option.exercise.pattern for c, _ in lists[s]}
        if pushing and s == pushing[-1]:
            model.balance(week, cumulative=True)
        elif kinds & rx.PUSH_PATTERNS and kinds & rx.PULL_PATTERNS:
            model.balance(week, cumulative=False)
        work = (WEEK_DETERMINISTIC_LIMIT - spent) / (len(sessions) - index)
        chosen, proven, used = model.solve(work)
        spent += used
        optimal = optimal and proven
        picks[s] = order(chosen, specs[s], profile)
        for muscle in {p.candidate.target for p in chosen}:
            priority_days[muscle] += 1
        for pick in chosen:
            ex = pick.candidate.option.exercise
            week.record(ex.slug, ex.target, ex.pattern, pick.sets, pick.candidate.weights)
            for key, pats in PATTERN_KEYS.items():
                if meets(ex, pats, key):
                    week.met.add(key)
            for key in rx.STRENGTH_MAIN_PATTERNS:
                main = key in possible.main_lifts
                week.pattern_sets[key] += pick.sets * strength_counts(ex, key, main)
        week.close_day(VOL_SCALE)
    relaxed = relaxations(eligibility, specs, picks)
    if not errors(relaxed):
        return Selection(align_openers(picks, profile), optimal, relaxed)
    weights = Weights(
        EXERCISE_COST,
        SET_COST,
        VOLUME_REWARD,
        fill,
        (TIME_FILL_PENALTY, TIME_FLOOR_PENALTY),
        # In the week model the validator's rules outrank the main-lift slots, a preference.
        {**PENALTY, "main-lift-slot": WEEK_MAIN_SLOT_PENALTY},
        MAIN_SLOT_SETS,
    )
    repair = Repair(
        eligibility, specs, needs, budget, weights, possible, attempt.week_limit, supersets
    )
    pool = {s: merged(fresh[s], lists[s]) for s in sessions}
    return repaired(repair, pool, picks, relaxed, cands, attempt.rescue)
