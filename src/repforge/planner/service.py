"""The planner's entry points: make a plan, validate any plan, rank swaps for an exercise."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from repforge.catalog.catalog import Catalog
from repforge.catalog.model import Exercise
from repforge.errors import InvalidInputError, field_error
from repforge.planner import explain
from repforge.planner import prescription as rx
from repforge.planner.candidates import finisher_of, finisher_reserve_seconds
from repforge.planner.plan import (
    Finding,
    Plan,
    PlanExercise,
    PlanSession,
    PlanWeek,
    ValidationReport,
    WarmUp,
)
from repforge.planner.profile import (
    STAPLE_POPULARITY,
    WEEKDAYS,
    Eligibility,
    Profile,
    check_against_catalog,
    parse_profile,
    score,
)
from repforge.planner.progression import Planned, build_weeks, no_room, rir_for
from repforge.planner.relaxation import errors
from repforge.planner.rules import (
    BALANCE_CATEGORIES,
    BALANCE_MINUTES,
    FINISHER_MINUTES,
    MAJOR_MUSCLES,
    day_volume,
    older_adult,
    reserves_finisher,
    weekly_cap,
)
from repforge.planner.split import SessionSpec, week_sessions
from repforge.planner.timing import (
    T_GENERAL_WARMUP_S,
    finisher_seconds,
    general_warmup_seconds,
    minutes_of,
    session_seconds,
    warmup_sets,
)
from repforge.planner.validate import (
    Day,
    Item,
    Possible,
    days_of,
    meets,
    requirements,
    validate,
    week_findings,
)

if TYPE_CHECKING:
    from repforge.planner.bounds import Verdict  # imports OR-Tools: types only

__all__ = ["alternatives_for", "make_plan", "validate_plan"]

FOCUS_BODY_PARTS: Mapping[str, frozenset[str]] = {
    "upper": frozenset({"chest", "back", "shoulders", "arms"}),
    "push": frozenset({"chest", "shoulders", "arms"}),
    "pull": frozenset({"back", "shoulders", "arms"}),
    "lower": frozenset({"legs", "back", "core"}),
    "legs": frozenset({"legs", "back", "core"}),
}
CONDITIONING_MINUTES = (20, 40)  # easy aerobic work on non-lifting days (WHO 2020: 150-300 min/wk)
MOBILITY_MINUTES = 5


def make_plan(catalog: Catalog, profile: Profile | Mapping[str, Any]) -> Plan:
    """A validated multi-week plan for the profile (raises InvalidInputError or PlanError)."""
    # OR-Tools loads only when a plan is solved, not with every command or server start.
    from repforge.planner.solver import RETRIES, Attempt, select

    profile = parse_profile(profile)
    check_against_catalog(profile, catalog)
    eligibility = Eligibility(catalog, profile)
    specs = week_sessions(profile, frozenset(o.exercise.pattern for o in eligibility.options()))
    selection = select(eligibility, specs)
    tried = {Attempt().for_profile(profile)}
    for attempt in RETRIES:
        # A week that breaks a rule is tried again: with straight sets, then with shorter rests
        # (rules.TIGHT_REST_SHARE), a longer search for the week model and, unless no week can
        # keep every rule, a week sought over the whole catalog (solver.RETRIES, rescue.py).
        if not errors(selection.relaxed):
            break
        if attempt.for_profile(profile) in tried:
            continue  # sessions of an hour or more had straight sets already
        tried.add(attempt.for_profile(profile))
        again = select(eligibility, specs, attempt)
        if errors(again.relaxed) < errors(selection.relaxed):
            selection = again
        elif again.proof is not None:
            # The week kept is an earlier try's, but the proof the last try asked for is about
            # the profile, not the try: it is not asked for twice (_impossible_said).
            selection = replace(selection, proof=again.proof)
    first = [
        [
            Planned(
                p.candidate.option,
                p.candidate.rx,
                p.sets,
                rir_for(profile, p.candidate.option, 1, 1),
                superset=p.superset,
            )
            for p in picks
        ]
        for picks in selection.picks
    ]
    possible = Possible.of(eligibility)

    def guard(sessions: Sequence[Sequence[Planned]]) -> int:
        days = [
            Day(spec.day, items_of_planned(planned), spec.kind)
            for spec, planned in zip(specs, sessions, strict=True)
        ]
        findings = week_findings(profile, possible, days, 2, first_week=False)
        return sum(1 for f in findings if f.severity == "error")

    weeks = []
    reserved = finisher_reserve_seconds(eligibility)
    for week in build_weeks(profile, first, [spec.day for spec in specs], guard, reserved):
        context = WeekContext.of(profile, week.sessions)
        first_week = week.in_block == 1
        weeks.append(
            PlanWeek(
                week=week.week,
                deload=week.deload,
                sessions=[
                    _session(catalog, eligibility, spec, planned, week.deload, context, first_week)
                    for spec, planned in zip(specs, week.sessions, strict=True)
                ],
            )
        )
    weeks = [_with_totals(catalog, w) for w in weeks]
    plan = Plan(
        profile=profile,
        optimal=selection.optimal,
        relaxed=[r.message for r in selection.relaxed],
        relaxed_checks=sorted({r.check for r in selection.relaxed if r.error}),
        weeks=weeks,
        weekly_sets_by_muscle=weeks[0].sets_by_muscle,
        weekly_direct_sets_by_muscle=weeks[0].direct_sets_by_muscle,
        catalog_version=catalog.version,
    )
    report = validate(catalog, plan)
    if no_room(profile, first, reserved):
        plan = _full_sessions_said(plan, report.errors)
    if report.errors:
        plan = _impossible_said(plan, eligibility, specs, selection.proof)
    # "Optimal" certifies the model's objective, which is only worth saying of a plan that keeps
    # every rule: a plan with errors is never called optimal.
    return plan.model_copy(
        update={"validation": report, "optimal": plan.optimal and not report.errors}
    )


FULL_SESSIONS = (
    "Your sessions are full: there is no time for another set or rep, so the weeks repeat. "
    "Progress by beating last week's reps at the same effort, or give the sessions more minutes."
)

# What sessions with no minute to spare cannot keep in the weeks after the first: the weekly
# volume and the visible week-to-week step. Said in the finding's own words.
FULL_SESSION_CHECKS = frozenset({"visible-progression", "volume-floor", "maintenance-volume"})


def _full_sessions_said(plan: Plan, errors: Sequence[Finding]) -> Plan:
    """The plan with what its full sessions cannot keep listed among what had to give."""
    missed = [
        f for f in errors if f.check in FULL_SESSION_CHECKS and f.check not in plan.relaxed_checks
    ]
    if not missed:
        return plan
    repeats = any(f.check == "visible-progression" for f in missed)
    volume = dict.fromkeys(f.message for f in missed if f.check != "visible-progression")
    said = [*([FULL_SESSIONS] if repeats else []), *volume]
    return plan.model_copy(
        update={
            "relaxed": [*plan.relaxed, *said],
            "relaxed_checks": sorted({*plan.relaxed_checks, *(f.check for f in missed)}),
        }
    )


def _impossible_said(
    plan: Plan, eligibility: Eligibility, specs: Sequence[SessionSpec], found: Verdict | None
) -> Plan:
    """The plan marked impossible, with the proof in words first, when no week keeps every rule
    (`found`: the proof, when the selection already asked for it)."""
    from repforge.planner.bounds import said, verdict  # OR-Tools, as in make_plan

    if found is None:
        found = verdict(eligibility, specs)
    if found.possible is not False:
        return plan
    sessions = sum(1 for spec in specs if spec.kind == "resistance")
    sentence = said(eligibility.profile, sessions, found)
    return plan.model_copy(update={"impossible": True, "relaxed": [sentence, *plan.relaxed]})


# A session below this share of the minutes offered says why, when the reason is that every major
# muscle it trains has reached its weekly direct-set cap (coach rule: sessions use >= 60 %).
SHORT_SESSION_SHARE = 0.6


@dataclass(frozen=True)
class WeekContext:
    """One week's totals, for saying what each exercise brings to it."""

    pattern_sets: Mapping[str, int]
    target_sets: Mapping[str, int]
    hosts: Mapping[str, frozenset[str]]  # weekly pattern requirement -> slugs that meet it

    @classmethod
    def of(cls, profile: Profile, sessions: Sequence[Sequence[Planned]]) -> WeekContext:
        patterns: dict[str, int] = defaultdict(int)
        targets: dict[str, int] = defaultdict(int)
        hosts: dict[str, set[str]] = defaultdict(set)
        reqs = requirements(profile)
        for session in sessions:
            for item in session:
                ex = item.option.exercise
                if not rx.is_hard_set_work(ex):
                    continue
                patterns[ex.pattern] += item.sets
                targets[ex.target] += item.sets
                for key, pats in reqs.items():
                    if meets(ex, pats, key):
                        hosts[key].add(ex.slug)
        return cls(dict(patterns), dict(targets), {k: frozenset(v) for k, v in hosts.items()})

    def share(self, profile: Profile, item: Planned) -> explain.WeekShare:
        ex = item.option.exercise
        only = next((k for k, slugs in self.hosts.items() if slugs == {ex.slug}), None)
        main = (
            profile.goal == "strength"
            and rx.is_main_lift(ex)
            and ex.popularity >= STAPLE_POPULARITY
        )
        return explain.WeekShare(
            item.sets,
            self.pattern_sets.get(ex.pattern, 0),
            self.target_sets.get(ex.target, 0),
            only,
            main,
        )

    def capped(self, profile: Profile, trained: Iterable[str], first_week: bool) -> dict[str, int]:
        """Cap units at their weekly cap, if every major muscle trained here is in one."""
        out: dict[str, int] = {}
        for muscle in sorted(set(trained) & set(MAJOR_MUSCLES)):
            unit, members, cap = weekly_cap(muscle, profile, first_week)
            if sum(self.target_sets.get(m, 0) for m in members) < cap:
                return {}
            out[unit] = cap
        return out


def _session(
    catalog: Catalog,
    eligibility: Eligibility,
    spec: SessionSpec,
    planned: Sequence[Planned],
    deload: bool,
    context: WeekContext | None = None,
    first_week: bool = True,
) -> PlanSession:
    profile = eligibility.profile
    if spec.kind == "conditioning":
        return _conditioning(eligibility, spec)
    seen: set[str] = set()
    exercises = []
    paired: dict[str, list[str]] = {}
    for item in planned:
        if item.superset:
            paired.setdefault(item.superset, []).append(item.option.exercise.name)
    for item in planned:
        ex = item.option.exercise
        first_of_pattern = ex.pattern not in seen
        seen.add(ex.pattern)
        replaced = catalog.find(item.option.replaces) if item.option.replaces else None
        harder = _next_step(eligibility, ex)
        share = context.share(profile, item) if context else None
        exercises.append(
            PlanExercise(
                slug=ex.slug,
                name=ex.name,
                sets=item.sets,
                reps=item.rx.reps,
                rir=item.rir,
                rest_seconds=item.rx.rest_seconds,
                why=explain.why_exercise(
                    item.option, profile, replaced.name if replaced else None, share
                )
                + _paired_with(paired, item),
                unit=item.rx.unit,
                mode=item.option.mode,
                replaces=item.option.replaces,
                warmup_sets=warmup_sets(item.timed) if first_of_pattern else 0,
                load_kg=item.load_kg,
                superset=item.superset,
                progression=explain.progression_note(
                    item.option,
                    item.rx,
                    harder.name if harder else None,
                    find_load_at_rir=(
                        item.rir if first_week and not deload and item.load_kg is None else None
                    ),
                ),
            )
        )
    general = general_warmup_seconds(profile.goal, profile.minutes)
    seconds = session_seconds([p.timed for p in planned], general)
    cardio = finisher_of(eligibility)
    if cardio and planned:
        block = finisher_seconds(cardio, FINISHER_MINUTES)
        if reserves_finisher(profile.goal, profile.minutes) or (
            seconds + block <= profile.minutes * 60
        ):
            exercises.append(_finisher(cardio))
            seconds += block
    warm_up = []
    if general:
        drill = _drill(eligibility, spec)
        if drill:
            warm_up.append(
                WarmUp(slug=drill.slug, name=drill.name, minutes=int(T_GENERAL_WARMUP_S // 60))
            )
    balance = _balance_drill(eligibility)
    if balance:
        warm_up.append(WarmUp(slug=balance.slug, name=balance.name, minutes=BALANCE_MINUTES))
        seconds += BALANCE_MINUTES * 60
    direct, _ = day_volume(items_of_planned(planned))
    minutes = minutes_of(seconds)
    capped: dict[str, int] = {}
    if context and not deload and minutes < SHORT_SESSION_SHARE * profile.minutes and direct:
        capped = context.capped(profile, direct, first_week)
    return PlanSession(
        day=spec.day,
        name=spec.name,
        estimated_minutes=minutes,
        exercises=exercises,
        warm_up=warm_up,
        why=explain.why_session(spec.name, minutes, profile.minutes, direct, deload, capped),
        capped=list(capped),
    )


def _paired_with(paired: Mapping[str, Sequence[str]], item: Planned) -> str:
    """The superset sentence of an exercise's reason, naming its partner."""
    mates = paired.get(item.superset or "", [])
    if len(mates) != 2:
        return ""
    name = item.option.exercise.name
    first = mates[0] == name
    return explain.superset_note(mates[1] if first else mates[0], first)


def _finisher(cardio: Exercise) -> PlanExercise:
    """The steady cardio block that closes a fat-loss or endurance session."""
    return PlanExercise(
        slug=cardio.slug,
        name=cardio.name,
        sets=1,
        reps=(FINISHER_MINUTES, FINISHER_MINUTES),
        rir=3,
        rest_seconds=0,
        unit="minutes",
        why=(
            f"{FINISHER_MINUTES} minutes of steady cardio at a pace you could talk at, for the "
            "weekly aerobic minutes your goal needs; it never counts as hard sets."
        ),
    )


def _balance_drill(eligibility: Eligibility) -> Exercise | None:
    """Older adults: a balance drill on every training day (ACSM/AHA 2007), from the user's kit."""
    if not older_adult(eligibility.profile.age):
        return None
    drills = eligibility.extras(BALANCE_CATEGORIES)
    return drills[0] if drills else None


def _next_step(eligibility: Eligibility, exercise: Exercise) -> Exercise | None:
    """The first harder step the profile allows (kit, joints, level, exclusions), or None: the
    advice never points at an exercise the person cannot do."""
    for relation in exercise.harder:
        step = eligibility.catalog.find(relation.slug)
        if step and eligibility.usable(step) and eligibility.level_ok(step):
            return step
    return None


def items_of_planned(planned: Sequence[Planned]) -> tuple[Item, ...]:
    """Planned exercises as the validator's items."""
    return tuple(
        Item(
            p.option.exercise,
            p.sets,
            p.rx.reps,
            p.rx.unit,
            p.rir,
            p.rx.rest_seconds,
            p.option.mode,
            superset=p.superset,
        )
        for p in planned
    )


def _drill(eligibility: Eligibility, spec: SessionSpec) -> Exercise | None:
    """The general warm-up: a dynamic mobility drill before any static stretch (static holds
    before lifting cost force; ACSM 2011), for the session's body parts, varied by weekday."""
    drills = eligibility.extras(rx.MOBILITY_CATEGORIES)
    parts = FOCUS_BODY_PARTS.get(spec.focus)
    fitting = [d for d in drills if parts is None or d.body_part in parts] or drills
    dynamic = [d for d in fitting if d.category == "mobility"] or fitting
    return dynamic[WEEKDAYS.index(spec.day) % len(dynamic)] if dynamic else None


def _conditioning(eligibility: Eligibility, spec: SessionSpec) -> PlanSession:
    profile = eligibility.profile
    cardio = eligibility.extras(rx.CONDITIONING_CATEGORIES)
    drill = _drill(eligibility, spec)
    exercises, minutes = [], 0
    if cardio:
        # Within the minutes offered, also below CONDITIONING_MINUTES[0] (session-time check).
        top = min(CONDITIONING_MINUTES[1], profile.minutes - MOBILITY_MINUTES)
        low = min(top, max(10, top - 10))
        exercises.append(
            PlanExercise(
                slug=cardio[0].slug,
                name=cardio[0].name,
                sets=1,
                reps=(low, top),
                rir=3,
                rest_seconds=0,
                unit="minutes",
                why="Easy aerobic work at a pace you could talk at; it never counts as hard sets.",
            )
        )
        minutes += top
    warm_up = []
    if drill:
        warm_up.append(WarmUp(slug=drill.slug, name=drill.name, minutes=MOBILITY_MINUTES))
        minutes += MOBILITY_MINUTES
    return PlanSession(
        day=spec.day,
        name=spec.name,
        kind="conditioning",
        estimated_minutes=minutes,
        exercises=exercises,
        warm_up=warm_up,
        why=explain.why_session(spec.name, minutes, profile.minutes, {}, False),
    )


def _with_totals(catalog: Catalog, week: PlanWeek) -> PlanWeek:
    days, _ = days_of(catalog, week.sessions, week.week)
    direct_total: dict[str, int] = defaultdict(int)
    frac_total: dict[str, float] = defaultdict(float)
    sessions = []
    for session, day in zip(week.sessions, days, strict=True):
        direct, frac = day_volume(day.items)
        for m, n in direct.items():
            direct_total[m] += n
        for m, v in frac.items():
            frac_total[m] += v
        rounded = {m: round(v, 1) for m, v in sorted(frac.items())}
        sessions.append(session.model_copy(update={"sets_by_muscle": rounded}))
    return week.model_copy(
        update={
            "sessions": sessions,
            "sets_by_muscle": {m: round(v, 1) for m, v in sorted(frac_total.items())},
            "direct_sets_by_muscle": dict(sorted(direct_total.items())),
        }
    )


def validate_plan(catalog: Catalog, plan_json: Plan | Mapping[str, Any] | str) -> ValidationReport:
    """Validate a plan in our JSON format (ours or anyone's); InvalidInputError if unreadable."""
    if isinstance(plan_json, Plan):
        return validate(catalog, plan_json)
    data: Any = plan_json
    if isinstance(plan_json, str):
        try:
            data = json.loads(plan_json)
        except json.JSONDecodeError as exc:
            raise InvalidInputError(
                "plan", f"not valid JSON: {exc.msg} (line {exc.lineno})"
            ) from None
    try:
        plan = Plan.model_validate(data)
    except ValidationError as exc:
        field, message = field_error(exc.errors()[0])
        raise InvalidInputError(field or "plan", message) from None
    return validate(catalog, plan)


def alternatives_for(
    catalog: Catalog, profile: Profile | Mapping[str, Any], slug: str, limit: int = 5
) -> list[Exercise]:
    """Exercises that could replace `slug` for this profile, best first (same job, fits the kit)."""
    profile = parse_profile(profile)
    current = catalog.get(slug)
    ranked = []
    for option in Eligibility(catalog, profile).options():
        ex = option.exercise
        if ex.slug == slug or option.mode != "normal":
            continue
        same_target, same_pattern = ex.target == current.target, ex.pattern == current.pattern
        if not (same_target or same_pattern):
            continue
        listed = any(r.slug == ex.slug for r in current.alternatives)
        rank = 40 * same_pattern + 30 * same_target + 20 * listed + score(option, profile)
        ranked.append((-rank, ex.slug, ex))
    return [ex for _, _, ex in sorted(ranked)[:limit]]
