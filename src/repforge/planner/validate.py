"""The plan rules of docs/planner-rules.md as named checks, usable on any plan in our JSON format.

Every finding has a technical `check` id (for tools and tests) and a `message` that is a plain
sentence for the person reading the plan. Nothing the plan file says about itself is trusted:
volumes and times are recomputed from its exercises, and its stated totals are checked against
them (integrity.py). The check ids and their severities are listed in docs/planner-rules.md.
Item and session checks live in session_checks.py, cross-week checks in progress_checks.py; the
weekly checks stay here (about 550 lines) because the solver reads week-1 gaps from them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from statistics import median

from repforge.catalog.catalog import Catalog
from repforge.catalog.model import Exercise
from repforge.planner import prescription as rx
from repforge.planner import words
from repforge.planner.plan import Finding, Plan, PlanSession, ValidationReport
from repforge.planner.profile import WEEKDAYS, Eligibility, Profile, Weekday
from repforge.planner.rules import MAJOR_MUSCLES, PRIORITY_PEERS, day_volume, weekly_cap
from repforge.planner.timing import TimedItem

EPS = 1e-6
# Muscles with a weekly floor of their own. Only the five major GROUPS (chest, back, quads,
# hamstrings and glutes, shoulders; rx.FREQUENCY_GROUPS) make a missed floor or frequency an
# error; a single muscle below its floor (side or rear delts, calves, biceps ...) is a warning,
# unless the person made it a priority (issue 11, "major" means the groups).
MAJOR_GROUPS: Mapping[str, tuple[str, ...]] = rx.FREQUENCY_GROUPS
# Hypertrophy floors of the groups use the MEV of the group's lead RP landmark (§2.1).
GROUP_LANDMARK: Mapping[str, str] = {
    "chest": "chest",
    "back": "back",
    "quads": "quads",
    "hamstrings-glutes": "hamstrings",
    "shoulders": "front-delts",
}
# Goal intensity bands in %1RM (#7, warn; ACSM 2009, NSCA). The intensity of a set is the load
# over the lifter's e1RM when both are known, else what reps + RIR imply on the RTS chart.
STRENGTH_HEAVY_PERCENT = 80.0  # main lifts, intermediate and advanced, >= 1 session a week
HYPERTROPHY_PERCENT = (30.0, 85.0)
ENDURANCE_MAX_PERCENT = 70.0
# Priority muscles appear in the first half of the session in at least this share of their
# sessions (#26, warn; ACSM 2009 priority sequencing).
PRIORITY_FIRST_HALF_SHARE = 0.5
MINUTES_PER_UNIT = 60  # a "minutes" set of conditioning lasts its top figure in minutes


@dataclass(frozen=True)
class Item:
    """An exercise as the checks see it, from our solver or from a plan file."""

    exercise: Exercise
    sets: int
    reps: tuple[int, int] = (8, 12)
    unit: rx.Unit = "reps"
    rir: int = 2
    rest_seconds: int = 90
    mode: rx.Mode = "normal"
    warmup_sets: int = 0
    load_kg: float | None = None
    superset: str | None = None

    @property
    def hard(self) -> bool:
        return rx.is_hard_set_work(self.exercise)

    @property
    def timed(self) -> TimedItem:
        return TimedItem(
            self.exercise,
            self.sets,
            self.reps,
            self.unit,
            self.rest_seconds,
            self.rir,
            self.mode,
            self.superset,
        )

    @property
    def name(self) -> str:
        return self.exercise.name


@dataclass(frozen=True)
class Day:
    """One session as the checks see it."""

    day: Weekday
    items: tuple[Item, ...]
    kind: str = "resistance"
    warm_up_minutes: int = 0


@dataclass(frozen=True)
class Possible:
    """What the profile could train at all: muscles reached and pattern requirements met."""

    muscles: frozenset[str]
    patterns: frozenset[str]
    pattern_names: frozenset[str]
    main_lifts: frozenset[str] = frozenset()  # strength main patterns with a main lift that fits
    # Priorities no allowed exercise is aimed at, and the fewest extra items that would change it.
    untargeted: Mapping[str, tuple[str, ...] | None] = field(default_factory=dict)

    @classmethod
    def of(cls, eligibility: Eligibility) -> Possible:
        options = eligibility.options()
        muscles = {m for o in options for m in o.exercise.muscle_weights}
        names = {o.exercise.pattern for o in options}
        keys = {
            key
            for key, pats in requirements(eligibility.profile).items()
            if any(meets(o.exercise, pats, key) for o in options)
        }
        lifts = {
            key
            for key in rx.STRENGTH_MAIN_PATTERNS
            if any(strength_counts(o.exercise, key, True) for o in options)
        }
        targets = {o.exercise.target for o in options}
        untargeted = {
            m: eligibility.kit_for(m) for m in eligibility.profile.priorities if m not in targets
        }
        return cls(
            frozenset(muscles), frozenset(keys), frozenset(names), frozenset(lifts), untargeted
        )


def requirements(profile: Profile) -> dict[str, frozenset[str]]:
    """Weekly pattern minimums for the goal (§4.2)."""
    reqs = dict(rx.PATTERN_REQUIREMENTS)
    if profile.goal == "general-fitness":
        reqs.update(rx.GENERAL_FITNESS_EXTRA_PATTERNS)
    return reqs


def meets(exercise: Exercise, patterns: frozenset[str], key: str) -> bool:
    """Whether an exercise satisfies a pattern requirement (core also by its target, but not a
    carry: a carry is a weekly requirement of its own, and one suitcase carry is not both)."""
    by_target = exercise.target in rx.CORE_TARGETS and exercise.pattern != "carry"
    return exercise.pattern in patterns or (key == "core" and by_target)


def strength_counts(exercise: Exercise, key: str, main_possible: bool) -> bool:
    """Whether a set counts toward a strength main pattern's weekly sets: a main lift of the
    pattern, or any exercise of it when no main lift fits the profile (an assisted squat does not
    make a lifter's squat volume; a body-weight plan's squats do)."""
    in_pattern = exercise.pattern in rx.PATTERN_REQUIREMENTS[key]
    return in_pattern and (rx.is_main_lift(exercise) or not main_possible)


def muscle_floor(muscle: str, profile: Profile) -> int:
    """Weekly fractional floor for a major muscle (maintenance, fat loss 6, MEV if singleton)."""
    floor = rx.muscle_floor(profile.goal)
    group = rx.landmark_of(muscle)
    if group and len(rx.LANDMARK_MEMBERS[group]) == 1:
        floor = max(floor, rx.landmark_floor(group, profile.goal, profile.level))
    return floor


def group_floor(group: str, profile: Profile) -> int:
    """Weekly fractional floor for a major group (maintenance, fat loss 6, hypertrophy MEV)."""
    lead = rx.landmark_floor(GROUP_LANDMARK[group], profile.goal, profile.level)
    return max(rx.muscle_floor(profile.goal), lead)


def finding(
    check: str, severity: str, message: str, week: int | None = None, **where: str
) -> Finding:
    """A finding: the check id for tools, the sentence for people, and where it applies."""
    return Finding.model_validate(
        {"check": check, "severity": severity, "message": message, "week": week, **where}
    )


_f = finding


def _weekly_totals(
    per_day: Sequence[tuple[dict[str, int], dict[str, float]]],
) -> tuple[dict[str, int], dict[str, float]]:
    direct: dict[str, int] = defaultdict(int)
    frac: dict[str, float] = defaultdict(float)
    for d_direct, d_frac in per_day:
        for m, n in d_direct.items():
            direct[m] += n
        for m, v in d_frac.items():
            frac[m] += v
    return direct, frac


def week_findings(
    profile: Profile, possible: Possible, days: Sequence[Day], week: int, first_week: bool
) -> list[Finding]:
    """Weekly volume, frequency, spacing, pattern and balance checks for one non-deload week."""
    lifting = [d for d in days if any(i.hard for i in d.items)]
    per_day = [day_volume(d.items) for d in lifting]
    direct, frac = _weekly_totals(per_day)
    out = _floors(profile, possible, frac, week)
    out += _frequency(possible, per_day, len(lifting), week)
    seen_units: set[str] = set()
    for muscle in sorted(direct):
        unit, members, cap = weekly_cap(muscle, profile, first_week)
        total = sum(direct.get(m, 0) for m in members)
        if unit not in seen_units and total > cap:
            seen_units.add(unit)
            msg = (
                f"Your {words.muscle(unit)} {words.verb(unit, 'get')} {total} direct hard sets "
                f"a week; more than {cap} is more than {words.pronoun(unit)} can recover from."
            )
            out.append(_f("weekly-cap", "error", msg, week))
    out += _spacing(lifting, per_day, week)
    out += _patterns(profile, possible, lifting, week)
    out += _balance(profile, possible, lifting, week)
    out += _priorities(profile, possible, lifting, frac, week)
    out += _intensity(profile, lifting, week)
    return out


def _floor_finding(slug: str, have: float, floor: int, severity: str, week: int) -> Finding:
    shown = words.hard_sets(have, floor)
    subject = f"Your {words.muscle(slug)} {words.verb(slug, 'get')} {shown} a week"
    if have + EPS < rx.MAINTENANCE_SETS:
        msg = f"{subject}; {rx.MAINTENANCE_SETS} is the least that keeps what you have."
        return _f("maintenance-volume", severity, msg, week)
    msg = f"{subject}; {floor} is the usual minimum for your goal."
    return _f("volume-floor", severity, msg, week)


def _floors(
    profile: Profile, possible: Possible, frac: Mapping[str, float], week: int
) -> list[Finding]:
    # Groups: errors. Single muscles: warnings, errors when prioritised (#13, #14, #15, #32).
    out: list[Finding] = []
    said: set[str] = set()  # members of a group already reported: one sentence is enough
    for group, members in MAJOR_GROUPS.items():
        if not set(members) & possible.muscles:
            continue
        have, floor = sum(frac.get(m, 0.0) for m in members), group_floor(group, profile)
        if have + EPS < floor:
            out.append(_floor_finding(group, have, floor, "error", week))
            said.update(members)
    for muscle in dict.fromkeys([*MAJOR_MUSCLES, *profile.priorities]):
        if muscle in said and muscle not in profile.priorities:
            continue
        if muscle not in possible.muscles:
            msg = (
                f"Nothing that fits your equipment, joints and level trains your "
                f"{words.muscle(muscle)}, so {'it gets' if muscle in words.SINGULAR else 'they get'} "
                "no sets."
            )
            out.append(_f("volume-floor", "warning", msg, week))
            continue
        have, floor = frac.get(muscle, 0.0), muscle_floor(muscle, profile)
        if have + EPS < floor:
            owed = muscle in profile.priorities and muscle not in possible.untargeted
            out.append(_floor_finding(muscle, have, floor, "error" if owed else "warning", week))
    return out


def group_days(members: Sequence[str], per_day: Iterable[Mapping[str, float]]) -> int:
    """Days on which a frequency group's members together get >= 2 hard sets (fractional)."""
    return sum(
        1
        for frac in per_day
        if sum(frac.get(m, 0.0) for m in members) + EPS >= rx.FREQUENCY_DAY_SETS
    )


def _frequency(
    possible: Possible,
    per_day: Sequence[tuple[dict[str, int], dict[str, float]]],
    lifting: int,
    week: int,
) -> list[Finding]:
    # Invariant #13: the five major groups, each on >= 2 days (warning on a one-day week).
    out: list[Finding] = []
    need = min(rx.FREQUENCY_MIN_DAYS, lifting)
    for group, members in MAJOR_GROUPS.items():
        if not set(members) & possible.muscles:
            continue  # nothing fits the profile: the volume floors already say so
        trained = group_days(members, (frac for _, frac in per_day))
        if trained < need or (lifting == 1 and trained < rx.FREQUENCY_MIN_DAYS):
            severity = "warning" if lifting <= 1 else "error"
            sets = int(rx.FREQUENCY_DAY_SETS)
            get = words.verb(group, "get")
            if trained:
                got = f"{get} {sets} or more hard sets on only {words.count(trained, 'day')} a week"
            else:
                got = f"never {get} {sets} or more hard sets in one session"
            msg = (
                f"Your {words.muscle(group)} {got}; training {words.pronoun(group)} on "
                f"{rx.FREQUENCY_MIN_DAYS} days a week grows more muscle."
            )
            out.append(_f("muscle-frequency", severity, msg, week))
    return out


def _spacing(
    lifting: Sequence[Day], per_day: Sequence[tuple[dict[str, int], dict[str, float]]], week: int
) -> list[Finding]:
    out: list[Finding] = []
    for (a, (da, _)), (b, (db, _)) in (
        (x, y)
        for x in zip(lifting, per_day, strict=True)
        for y in zip(lifting, per_day, strict=True)
    ):
        gap = (WEEKDAYS.index(b.day) - WEEKDAYS.index(a.day)) % 7
        if gap != 1:
            continue
        for muscle in sorted(set(da) & set(db)):
            x, y = da[muscle], db[muscle]
            fast_ok = muscle in rx.FAST_RECOVERY_MUSCLES and max(x, y) <= rx.FAST_RECOVERY_MAX_SETS
            if min(x, y) >= rx.RECOVERY_HEAVY_SETS and not fast_ok:
                msg = (
                    f"Your {words.muscle(muscle)} {words.verb(muscle, 'get')} {x} hard sets on "
                    f"{words.day(a.day)} and "
                    f"{y} on {words.day(b.day)}; hard work on the same muscle needs a day "
                    "between."
                )
                out.append(_f("recovery", "error", msg, week, day=b.day))
    if len(lifting) >= 3:
        for muscle in MAJOR_MUSCLES:
            on = sorted(
                WEEKDAYS.index(d.day)
                for d, v in zip(lifting, per_day, strict=True)
                if v[1].get(muscle, 0) + EPS >= 2
            )
            gaps = [(on[(i + 1) % len(on)] - on[i]) % 7 or 7 for i in range(len(on))]
            if len(on) >= 2 and max(gaps) - 1 > rx.MAX_REST_DAYS_BETWEEN:
                msg = (
                    f"Your {words.muscle(muscle)} {words.verb(muscle, 'rest')} {max(gaps) - 1} days "
                    "between sessions; "
                    f"more than {rx.MAX_REST_DAYS_BETWEEN} lets the training effect fade."
                )
                out.append(_f("muscle-gap", "warning", msg, week))
    return out


def _patterns(
    profile: Profile, possible: Possible, lifting: Sequence[Day], week: int
) -> list[Finding]:
    out: list[Finding] = []
    items = [i for d in lifting for i in d.items if i.hard]
    for key, pats in requirements(profile).items():
        if any(meets(i.exercise, pats, key) for i in items):
            continue
        label = words.pattern(key)
        if key in possible.patterns:
            msg = f"The week has no {label} exercise, though one fits your profile."
            out.append(_f("pattern-coverage", "error", msg, week))
        else:
            msg = (
                f"No {label} exercise fits your equipment, joints and level, so the week has none."
            )
            out.append(_f("pattern-coverage", "warning", msg, week))
    if profile.goal == "strength":
        need = rx.STRENGTH_PATTERN_SETS[profile.level]
        for key in sorted(rx.STRENGTH_MAIN_PATTERNS):
            main = key in possible.main_lifts
            got = sum(i.sets for i in items if strength_counts(i.exercise, key, main))
            if got < need and key in possible.patterns:
                work = "main lift" if main else "work"
                msg = (
                    f"Your {words.pattern(key)} {work} gets {words.count(got, 'set')} a week; "
                    f"a main lift needs at least {need} to build strength."
                )
                out.append(_f("strength-pattern-sets", "error", msg, week))
    return out


def _balance(
    profile: Profile, possible: Possible, lifting: Sequence[Day], week: int
) -> list[Finding]:
    out: list[Finding] = []
    items = [i for d in lifting for i in d.items if i.hard]
    push = sum(i.sets for i in items if i.exercise.pattern in rx.PUSH_PATTERNS)
    pull = sum(i.sets for i in items if i.exercise.pattern in rx.PULL_PATTERNS)
    low, high = rx.PULL_PUSH_RATIO
    if push and not pull:
        if possible.pattern_names & rx.PULL_PATTERNS:
            msg = (
                f"The week has {words.count(push, 'pushing set')} and no pulling, though you "
                "have a way to pull; shoulders need both."
            )
            out.append(_f("push-pull-balance", "error", msg, week))
    elif push and not low - EPS <= pull / push <= high + EPS:
        msg = (
            f"The week has {pull} pulling sets for {push} pushing sets; "
            f"{words.figure(low)} to {words.figure(high)} pulling sets per pushing set keeps "
            "shoulders healthy."
        )
        out.append(_f("push-pull-balance", "warning", msg, week))
    if profile.level == "beginner" and len(lifting) > 4:
        msg = f"The week has {len(lifting)} lifting days; beginners do best with 2 to 4."
        out.append(_f("beginner-frequency", "warning", msg, week))
    if profile.goal == "fat-loss" and len(lifting) < 2:
        msg = (
            "Losing fat while keeping muscle needs at least 2 lifting days a week; "
            f"this week has {len(lifting)}."
        )
        out.append(_f("fat-loss-days", "error", msg, week))
    return out


def _untargeted(muscle: str, have: float, kit: tuple[str, ...] | None, week: int) -> Finding:
    # A priority is a request for direct work; with nothing aimed at the muscle, piling up
    # compound sets for their small share of it is not a plan a coach would write.
    them = words.pronoun(muscle)
    subject = "it" if muscle in words.SINGULAR else "they"
    msg = (
        f"Nothing that fits your equipment, joints and level is aimed at your "
        f"{words.muscle(muscle)}, so as a priority {subject} {words.verb(muscle, 'get')} only "
        f"what other exercises give {them}: {words.hard_sets(have)} a week."
    )
    if kit:
        msg += f" This equipment would let you train {them} directly: {words.kit(kit)}."
    return _f("priority-volume", "warning", msg, week)


def _priorities(
    profile: Profile,
    possible: Possible,
    lifting: Sequence[Day],
    frac: Mapping[str, float],
    week: int,
) -> list[Finding]:
    # #26: a priority gets more than the median other major muscle (error: otherwise it is
    # ignored), at least MAV's low end (warning), and a place in the first half of its sessions.
    out: list[Finding] = []
    others = [frac.get(m, 0.0) for m in PRIORITY_PEERS if m not in profile.priorities]
    typical = median(others) if others else 0.0
    for muscle in profile.priorities:
        if muscle not in possible.muscles:
            continue
        name, have = words.muscle(muscle), frac.get(muscle, 0.0)
        if muscle in possible.untargeted:
            out.append(_untargeted(muscle, have, possible.untargeted[muscle], week))
            continue
        if have <= typical + EPS:
            msg = (
                f"Your priority, the {name}, gets {words.hard_sets(have, typical)} a week, "
                f"no more than a typical muscle ({words.figure(typical, have)})."
            )
            out.append(_f("priority-volume", "error", msg, week))
            continue
        landmark = rx.landmark_of(muscle)
        if landmark and profile.level != "beginner" and profile.goal == "hypertrophy":
            mav = rx.LANDMARKS[landmark].mav_lo
            unit = sum(frac.get(m, 0.0) for m in rx.LANDMARK_MEMBERS[landmark])
            if unit + EPS < mav:
                msg = (
                    f"Your priority, the {words.muscle(landmark)}, gets "
                    f"{words.hard_sets(unit, mav)} a week; a priority usually gets "
                    f"{mav} or more."
                )
                out.append(_f("priority-volume", "warning", msg, week))
        sessions = [d for d in lifting if any(i.exercise.target == muscle for i in d.items)]
        early = sum(
            1
            for d in sessions
            if any(i.exercise.target == muscle for i in d.items[: (len(d.items) + 1) // 2])
        )
        if sessions and early < PRIORITY_FIRST_HALF_SHARE * len(sessions) - EPS:
            msg = (
                f"Your priority, the {name}, comes in the first half of the session on "
                f"{early} of its {len(sessions)} days; priorities go early, while you are fresh."
            )
            out.append(_f("priority-order", "warning", msg, week))
    return out


def intensity_percent(profile: Profile, item: Item) -> float | None:
    """%1RM of the heaviest prescribed set: load over e1RM, else what reps + RIR imply."""
    if item.unit != "reps" or item.mode != "normal" or item.exercise.load != "external":
        return None
    best = profile.maxes.get(item.exercise.slug)
    if best is not None and item.load_kg is not None:
        return 100 * item.load_kg / rx.e1rm(best.weight_kg, best.reps)
    return rx.percent_1rm(item.reps[0] + item.rir)


def _intensity(profile: Profile, lifting: Sequence[Day], week: int) -> list[Finding]:
    # #7 (warn): strength main lifts heavy once a week; hypertrophy 30-85 %; endurance <= 70 %.
    out: list[Finding] = []
    heaviest: dict[str, tuple[float, Item]] = {}
    for d in lifting:
        for item in d.items:
            percent = intensity_percent(profile, item) if item.hard else None
            if percent is None:
                continue
            slug = item.exercise.slug
            if profile.goal == "strength" and rx.role_of(item.exercise, "strength") == "main":
                if slug not in heaviest or percent > heaviest[slug][0]:
                    heaviest[slug] = (percent, item)
            elif profile.goal == "hypertrophy" and not (
                HYPERTROPHY_PERCENT[0] - EPS <= percent <= HYPERTROPHY_PERCENT[1] + EPS
            ):
                lo, hi = HYPERTROPHY_PERCENT
                msg = (
                    f"{item.name} works at about {percent:.0f} % of your best; "
                    f"{lo:.0f} to {hi:.0f} % is the range that builds muscle."
                )
                out.append(_f("intensity", "warning", msg, week, day=d.day, slug=slug))
            elif profile.goal == "endurance" and percent > ENDURANCE_MAX_PERCENT + EPS:
                msg = (
                    f"{item.name} works at about {percent:.0f} % of your best; endurance work "
                    f"stays at {ENDURANCE_MAX_PERCENT:.0f} % or lighter."
                )
                out.append(_f("intensity", "warning", msg, week, day=d.day, slug=slug))
    if profile.level != "beginner":
        for slug, (percent, item) in sorted(heaviest.items()):
            if percent + EPS < STRENGTH_HEAVY_PERCENT:
                msg = (
                    f"{item.name} never goes above about {percent:.0f} % of your best this "
                    f"week; a main lift needs one session at {STRENGTH_HEAVY_PERCENT:.0f} % or "
                    "more to build strength."
                )
                out.append(_f("intensity", "warning", msg, week, slug=slug))
    return out


def days_of(
    catalog: Catalog, sessions: Sequence[PlanSession], week: int
) -> tuple[list[Day], list[Finding]]:
    """Plan sessions as checkable Days; unknown slugs become findings."""
    days, out = [], []
    for session in sessions:
        items = []
        for e in session.exercises:
            ex = catalog.find(e.slug)
            if ex is None:
                msg = f"The plan names an exercise that is not in the catalog: {e.name or e.slug}."
                out.append(_f("unknown-exercise", "error", msg, week, day=session.day, slug=e.slug))
                continue
            items.append(
                Item(
                    ex,
                    e.sets,
                    e.reps,
                    e.unit,
                    e.rir,
                    e.rest_seconds,
                    e.mode,
                    e.warmup_sets,
                    e.load_kg,
                    e.superset,
                )
            )
        warm_up = sum(w.minutes for w in session.warm_up)
        days.append(Day(session.day, tuple(items), session.kind, warm_up))
    return days, out


def validate(catalog: Catalog, plan: Plan) -> ValidationReport:
    """Every check on every week of a plan; duplicate weekly messages are reported once."""
    # Imported here: these modules build on this one's Item, Day and finding().
    from repforge.planner.integrity import integrity_findings
    from repforge.planner.progress_checks import progress_findings
    from repforge.planner.session_checks import item_findings, session_findings

    profile = plan.profile
    eligibility = Eligibility(catalog, profile)
    possible = Possible.of(eligibility)
    findings: list[Finding] = integrity_findings(catalog, eligibility, plan)
    weeks: list[tuple[int, bool, list[Day]]] = []
    for index, week in enumerate(plan.weeks):
        days, unknown = days_of(catalog, week.sessions, week.week)
        findings += unknown
        weeks.append((week.week, week.deload, days))
        for day in days:
            findings += session_findings(profile, day, week.week, profile.minutes)
            for item in day.items:
                findings += item_findings(
                    profile, eligibility, item, week.week, week.deload, day.day
                )
        if not week.deload:
            first = index == 0 or plan.weeks[index - 1].deload
            findings += week_findings(profile, possible, days, week.week, first)
    findings += progress_findings(profile, weeks)
    unique: dict[tuple[str, str, str | None, str | None], Finding] = {}
    for found in findings:
        unique.setdefault((found.check, found.message, found.day, found.slug), found)
    return ValidationReport.of(list(unique.values()))
