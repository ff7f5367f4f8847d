"""The invariants of training-science.md §7 as named checks, usable on any plan in our JSON format.

Check names (severity): unknown-exercise, equipment, protected-joint, excluded, difficulty,
skill-regression, rep-range, load-vs-effort, rir-window, failure-safety, beginner-effort,
sets-per-exercise, rest, rep-range-width (w), warm-up-sets (w), exercise-order (w), session-time,
session-cap, session-breadth (w), volume-floor, maintenance-volume, weekly-cap, muscle-frequency
(the five groups of #13, rx.FREQUENCY_GROUPS; warning on a one-day week), strength-pattern-sets,
recovery, muscle-gap (w), pattern-coverage, push-pull-balance (w), priority-volume (w),
beginner-frequency (w), fat-loss-days, and the progression checks of progression.py. Volume
floors use fractional sets; caps compare direct sets with RP landmarks.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from statistics import median

from repforge.catalog.catalog import Catalog
from repforge.catalog.model import Exercise
from repforge.planner import prescription as rx
from repforge.planner.plan import Finding, Plan, PlanSession, ValidationReport
from repforge.planner.profile import WEEKDAYS, Eligibility, Profile, Weekday
from repforge.planner.progression import progression_findings
from repforge.planner.rules import MAJOR_MUSCLES, day_volume, weekly_cap
from repforge.planner.timing import TimedItem, general_warmup_seconds, session_seconds, warmup_sets

EPS = 1e-6


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

    @property
    def hard(self) -> bool:
        return rx.is_hard_set_work(self.exercise)


@dataclass(frozen=True)
class Day:
    """One session as the checks see it."""

    day: Weekday
    items: tuple[Item, ...]
    kind: str = "resistance"


@dataclass(frozen=True)
class Possible:
    """What the profile could train at all: muscles reached and pattern requirements met."""

    muscles: frozenset[str]
    patterns: frozenset[str]
    pattern_names: frozenset[str]

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
        return cls(frozenset(muscles), frozenset(keys), frozenset(names))


def requirements(profile: Profile) -> dict[str, frozenset[str]]:
    """Weekly pattern minimums for the goal (§4.2)."""
    reqs = dict(rx.PATTERN_REQUIREMENTS)
    if profile.goal == "general-fitness":
        reqs.update(rx.GENERAL_FITNESS_EXTRA_PATTERNS)
    return reqs


def meets(exercise: Exercise, patterns: frozenset[str], key: str) -> bool:
    """Whether an exercise satisfies a pattern requirement (core also by its target)."""
    return exercise.pattern in patterns or (key == "core" and exercise.target in rx.CORE_TARGETS)


def muscle_floor(muscle: str, profile: Profile) -> int:
    """Weekly fractional floor for a major muscle (maintenance, fat loss 6, MEV if singleton)."""
    floor = rx.muscle_floor(profile.goal)
    group = rx.landmark_of(muscle)
    if group and len(rx.LANDMARK_MEMBERS[group]) == 1:
        floor = max(floor, rx.landmark_floor(group, profile.goal, profile.level))
    return floor


def _f(check: str, severity: str, message: str, week: int | None = None, **where: str) -> Finding:
    return Finding.model_validate(
        {"check": check, "severity": severity, "message": message, "week": week, **where}
    )


def week_findings(
    profile: Profile, possible: Possible, days: Sequence[Day], week: int, first_week: bool
) -> list[Finding]:
    """Weekly volume, frequency, spacing, pattern and balance checks for one non-deload week."""
    out: list[Finding] = []
    lifting = [d for d in days if any(i.hard for i in d.items)]
    per_day = [day_volume(d.items) for d in lifting]
    direct: dict[str, int] = defaultdict(int)
    frac: dict[str, float] = defaultdict(float)
    for d_direct, d_frac in per_day:
        for m, n in d_direct.items():
            direct[m] += n
        for m, v in d_frac.items():
            frac[m] += v
    for muscle in MAJOR_MUSCLES:
        if muscle not in possible.muscles:
            msg = f"no exercise that fits the profile trains {muscle}; its floor is waived"
            out.append(_f("volume-floor", "warning", msg, week))
            continue
        have, floor = frac.get(muscle, 0.0), muscle_floor(muscle, profile)
        if have + EPS < rx.MAINTENANCE_SETS:
            msg = f"{muscle}: {have:.1f} weekly sets (fractional), below the maintenance dose of 4"
            out.append(_f("maintenance-volume", "error", msg, week))
        if have + EPS < floor:
            msg = f"{muscle}: {have:.1f} weekly sets (fractional), below the floor of {floor}"
            out.append(_f("volume-floor", "error", msg, week))
    out += _frequency(possible, per_day, len(lifting), week)
    for name, members in rx.LANDMARK_MEMBERS.items():
        floor = rx.landmark_floor(name, profile.goal, profile.level)
        have = sum(frac.get(m, 0.0) for m in members)
        if len(members) > 1 and floor and set(members) & possible.muscles and have + EPS < floor:
            msg = f"{name}: {have:.1f} weekly sets (fractional), below MEV {floor}"
            out.append(_f("volume-floor", "error", msg, week))
    seen_units: set[str] = set()
    for muscle in sorted(direct):
        unit, members, cap = weekly_cap(muscle, profile, first_week)
        total = sum(direct.get(m, 0) for m in members)
        if unit not in seen_units and total > cap:
            seen_units.add(unit)
            msg = f"{unit}: {total} direct weekly sets, above the cap of {cap}"
            out.append(_f("weekly-cap", "error", msg, week))
    out += _spacing(lifting, per_day, week)
    out += _patterns(profile, possible, lifting, week)
    out += _balance(profile, lifting, frac, week)
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
    for group, members in rx.FREQUENCY_GROUPS.items():
        if not set(members) & possible.muscles:
            continue  # nothing fits the profile: the volume floors already say so
        trained = group_days(members, (frac for _, frac in per_day))
        if trained < need or (lifting == 1 and trained < rx.FREQUENCY_MIN_DAYS):
            severity = "warning" if lifting <= 1 else "error"
            who = group if members == (group,) else f"{group} ({', '.join(members)})"
            msg = (
                f"{who} gets >= 2 hard sets on {trained} day(s) a week; "
                f"it needs {rx.FREQUENCY_MIN_DAYS} (#13)"
            )
            out.append(_f("muscle-frequency", severity, msg, week))
    return out


def _spacing(
    lifting: Sequence[Day], per_day: Sequence[tuple[dict[str, int], dict[str, float]]], week: int
) -> list[Finding]:
    out: list[Finding] = []
    index = {d.day: i for i, d in enumerate(lifting)}
    for a in lifting:
        for b in lifting:
            gap = (WEEKDAYS.index(b.day) - WEEKDAYS.index(a.day)) % 7
            if gap != 1 or a.day == b.day:
                continue
            da, db = per_day[index[a.day]][0], per_day[index[b.day]][0]
            for muscle in sorted(set(da) & set(db)):
                x, y = da[muscle], db[muscle]
                fast_ok = muscle in rx.FAST_RECOVERY_MUSCLES and max(x, y) <= 4
                if min(x, y) >= rx.RECOVERY_HEAVY_SETS and not fast_ok:
                    msg = (
                        f"{muscle}: {x} and {y} direct sets on consecutive days ({a.day}, {b.day})"
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
                msg = f"{muscle}: {max(gaps) - 1} rest days between its sessions (more than 3)"
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
        if key in possible.patterns:
            out.append(_f("pattern-coverage", "error", f"no {key} exercise this week", week))
        else:
            msg = f"no {key} exercise fits the profile's kit, joints and level; waived"
            out.append(_f("pattern-coverage", "warning", msg, week))
    if profile.goal == "strength":
        need = rx.STRENGTH_PATTERN_SETS[profile.level]
        for key in sorted(rx.STRENGTH_MAIN_PATTERNS):
            pats = rx.PATTERN_REQUIREMENTS[key]
            got = sum(i.sets for i in items if i.exercise.pattern in pats)
            if got < need and key in possible.patterns:
                msg = f"{key}: {got} weekly sets; a main lift needs {need} (Ralston 2017)"
                out.append(_f("strength-pattern-sets", "error", msg, week))
    return out


def _balance(
    profile: Profile, lifting: Sequence[Day], frac: dict[str, float], week: int
) -> list[Finding]:
    out: list[Finding] = []
    items = [i for d in lifting for i in d.items if i.hard]
    push = sum(i.sets for i in items if i.exercise.pattern in rx.PUSH_PATTERNS)
    pull = sum(i.sets for i in items if i.exercise.pattern in rx.PULL_PATTERNS)
    low, high = rx.PULL_PUSH_RATIO
    if push and pull and not low - EPS <= pull / push <= high + EPS:
        msg = f"{pull} pulling vs {push} pushing sets (ratio {pull / push:.2f}, aim 0.9-2.0)"
        out.append(_f("push-pull-balance", "warning", msg, week))
    others = [frac.get(m, 0.0) for m in MAJOR_MUSCLES if m not in profile.priorities]
    for muscle in profile.priorities:
        if others and frac.get(muscle, 0.0) + EPS < median(others):
            msg = f"priority {muscle} gets {frac.get(muscle, 0.0):.1f} sets, less than most muscles"
            out.append(_f("priority-volume", "warning", msg, week))
    if profile.level == "beginner" and len(lifting) > 4:
        msg = f"{len(lifting)} resistance days; beginners do best with 2-4 (ACSM 2009)"
        out.append(_f("beginner-frequency", "warning", msg, week))
    if profile.goal == "fat-loss" and len(lifting) < 2:
        msg = "fat loss keeps lean mass with >= 2 resistance days a week (Roth 2022)"
        out.append(_f("fat-loss-days", "error", msg, week))
    return out


def item_findings(
    profile: Profile, eligibility: Eligibility, item: Item, week: int, deload: bool, day: Weekday
) -> list[Finding]:
    """Checks on one prescribed exercise (#1-#12, #35, #36)."""
    ex, out = item.exercise, []
    where = {"day": day, "slug": ex.slug}
    reason = eligibility.unusable_reason(ex)
    if reason:
        names = {"excluded by you": "excluded", "needs equipment you do not have": "equipment"}
        out.append(
            _f(names.get(reason, "protected-joint"), "error", f"{ex.slug} {reason}", week, **where)
        )
    if not eligibility.level_ok(ex):
        msg = f"{ex.slug} is {ex.difficulty}, too hard for a {profile.level} lifter"
        out.append(_f("difficulty", "error", msg, week, **where))
    if item.mode == "normal" and item.hard and eligibility.not_yet(ex):
        msg = f"{ex.slug} is a skill not reached yet; prescribe its regression"
        out.append(_f("skill-regression", "error", msg, week, **where))
    if not item.hard or deload:
        return out
    goal, role = profile.goal, rx.role_of(ex, profile.goal)
    if item.unit == "reps" and item.mode == "normal":
        lo, hi = rx.REP_BOUNDS[goal]
        if goal == "strength" and role == "main":
            lo, hi = rx.STRENGTH_MAIN_REP_BOUNDS[profile.level]
        if item.reps[0] < lo or item.reps[1] > hi:
            msg = f"{ex.slug}: {item.reps[0]}-{item.reps[1]} reps, outside {lo}-{hi} for {goal}"
            out.append(_f("rep-range", "error", msg, week, **where))
        width = rx.REP_RANGE_MIN_WIDTH["isolation" if role == "isolation" else "compound"]
        if item.reps[1] - item.reps[0] < width:
            msg = f"{ex.slug}: rep range {item.reps[0]}-{item.reps[1]} is narrower than {width}"
            out.append(_f("rep-range-width", "warning", msg, week, **where))
    if not 0 <= item.rir <= rx.RIR_HARD_SET_MAX:
        msg = f"{ex.slug}: RIR {item.rir} is not a hard set (0-4)"
        out.append(_f("rir-window", "error", msg, week, **where))
    floor = rx.min_rir(ex, profile.level, week)
    if item.rir < floor:
        check = "failure-safety" if not rx.failure_safe(ex) else "beginner-effort"
        out.append(
            _f(check, "error", f"{ex.slug}: RIR {item.rir}, needs >= {floor}", week, **where)
        )
    lo, hi = rx.BEGINNER_SET_BOUNDS if profile.level == "beginner" else rx.SET_BOUNDS[goal]
    if not lo <= item.sets <= hi:
        msg = f"{ex.slug}: {item.sets} sets, outside {lo}-{hi}"
        out.append(_f("sets-per-exercise", "error", msg, week, **where))
    lo, hi = rx.REST_BOUNDS[goal][role]
    if not lo <= item.rest_seconds <= hi:
        msg = f"{ex.slug}: {item.rest_seconds} s rest, outside {lo}-{hi} s"
        out.append(_f("rest", "error", msg, week, **where))
    best = profile.maxes.get(ex.slug)
    if item.load_kg is not None and best is not None:
        e1rm = rx.e1rm(best.weight_kg, best.reps)
        limit = e1rm * rx.percent_1rm(item.reps[0] + item.rir) / 100 + rx.LOAD_INCREMENT_KG
        if item.load_kg > limit + EPS:
            msg = f"{ex.slug}: {item.load_kg} kg is heavier than {limit:.1f} kg for these reps"
            out.append(_f("load-vs-effort", "error", msg, week, **where))
    return out


def session_findings(profile: Profile, day: Day, week: int, minutes: int) -> list[Finding]:
    """Time, per-session caps, breadth, order and warm-up checks for one session."""
    out: list[Finding] = []
    hard = [i for i in day.items if i.hard]
    if day.kind == "resistance":
        timed = [
            TimedItem(i.exercise, i.sets, i.reps, i.unit, i.rest_seconds, i.rir, i.mode)
            for i in day.items
        ]
        seconds = session_seconds(timed, general_warmup_seconds(profile.goal, profile.minutes))
        if seconds > minutes * 60 + EPS:
            msg = f"estimated {seconds / 60:.0f} min, more than the {minutes} available"
            out.append(_f("session-time", "error", msg, week, day=day.day))
    direct, _ = day_volume(hard)
    for muscle, sets in sorted(direct.items()):
        if sets > rx.SESSION_DIRECT_WARN:
            severity = "error" if sets > rx.SESSION_DIRECT_MAX else "warning"
            msg = f"{muscle}: {sets} direct sets in one session (warn > 10, max 12)"
            out.append(_f("session-cap", severity, msg, week, day=day.day))
    if sum(1 for n in direct.values() if n >= 2) > rx.SESSION_MAX_MUSCLES:
        msg = "more than 6 muscles trained meaningfully in one session"
        out.append(_f("session-breadth", "warning", msg, week, day=day.day))
    seen: set[str] = set()
    for index, item in enumerate(hard):
        ex = item.exercise
        later = hard[index + 1 :]
        early_isolation = ex.mechanic == "isolation" and ex.target not in profile.priorities
        if early_isolation and any(
            o.exercise.mechanic == "compound" and o.exercise.body_part == ex.body_part
            for o in later
        ):
            msg = f"{ex.slug} (single-joint) comes before a multi-joint {ex.body_part} exercise"
            out.append(_f("exercise-order", "warning", msg, week, day=day.day, slug=ex.slug))
        if ex.pattern not in seen:
            seen.add(ex.pattern)
            need = warmup_sets(
                TimedItem(
                    ex, item.sets, item.reps, item.unit, item.rest_seconds, item.rir, item.mode
                )
            )
            if item.warmup_sets < need:
                msg = (
                    f"{ex.slug}: {item.warmup_sets} warm-up sets; the working load calls for {need}"
                )
                out.append(_f("warm-up-sets", "warning", msg, week, day=day.day, slug=ex.slug))
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
                msg = f"{e.slug} is not in the catalog"
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
                )
            )
        days.append(Day(session.day, tuple(items), session.kind))
    return days, out


def validate(catalog: Catalog, plan: Plan) -> ValidationReport:
    """Every check on every week of a plan; duplicate weekly messages are reported once."""
    profile = plan.profile
    eligibility = Eligibility(catalog, profile)
    possible = Possible.of(eligibility)
    findings: list[Finding] = []
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
    findings += progression_findings(profile, weeks)
    unique: dict[tuple[str, str, str | None, str | None], Finding] = {}
    for finding in findings:
        unique.setdefault((finding.check, finding.message, finding.day, finding.slug), finding)
    return ValidationReport.of(list(unique.values()))
