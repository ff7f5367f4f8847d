"""Coach rules: would a demanding coach sign these plans? Personas on the REAL built-in catalog.

The validator (validate.py) checks the hard science of docs/planner-rules.md §7. These tests check
what it does not: that the plan is one a good coach would hand over. Each rule is a function that
returns its violations for one persona's plan, with a docstring giving the threshold and the
reason; every persona is checked against every rule.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from repforge.catalog.catalog import Catalog
from repforge.catalog.load import load_builtin
from repforge.catalog.model import Exercise
from repforge.planner import prescription as rx
from repforge.planner import words
from repforge.planner.explain import requirement_label
from repforge.planner.plan import Plan, PlanExercise, PlanSession
from repforge.planner.profile import Eligibility, Profile
from repforge.planner.rules import MAJOR_MUSCLES, weekly_cap
from repforge.planner.service import make_plan
from repforge.planner.validate import meets, muscle_floor, requirements

PERSONAS: dict[str, dict[str, Any]] = {
    "strength-beginner-gym-3x60": {
        "goal": "strength",
        "level": "beginner",
        "days": 3,
        "minutes": 60,
        "equipment": "full-gym",
    },
    "strength-intermediate-gym-4x75": {
        "goal": "strength",
        "level": "intermediate",
        "days": 4,
        "minutes": 75,
        "equipment": "full-gym",
    },
    "hypertrophy-intermediate-gym-4x60": {
        "goal": "hypertrophy",
        "level": "intermediate",
        "days": 4,
        "minutes": 60,
        "equipment": "full-gym",
    },
    "hypertrophy-intermediate-gym-5x60": {
        "goal": "hypertrophy",
        "level": "intermediate",
        "days": 5,
        "minutes": 60,
        "equipment": "full-gym",
    },
    "hypertrophy-beginner-dumbbells-3x45": {
        "goal": "hypertrophy",
        "level": "beginner",
        "days": 3,
        "minutes": 45,
        "equipment": "home-dumbbells",
    },
    "general-beginner-bodyweight-3x30": {
        "goal": "general-fitness",
        "level": "beginner",
        "days": 3,
        "minutes": 30,
        "equipment": "bodyweight",
    },
    "fat-loss-intermediate-home-gym-4x45": {
        "goal": "fat-loss",
        "level": "intermediate",
        "days": 4,
        "minutes": 45,
        "equipment": "home-gym",
    },
    "endurance-beginner-bodyweight-3x30": {
        "goal": "endurance",
        "level": "beginner",
        "days": 3,
        "minutes": 30,
        "equipment": "bodyweight",
    },
    "hypertrophy-advanced-gym-6x75": {
        "goal": "hypertrophy",
        "level": "advanced",
        "days": 6,
        "minutes": 75,
        "equipment": "full-gym",
    },
    "hypertrophy-knees-lower-back-gym-4x60": {
        "goal": "hypertrophy",
        "level": "intermediate",
        "days": 4,
        "minutes": 60,
        "equipment": "full-gym",
        "protect": "knees,lower-back",
    },
    "general-no-pull-up-home-gym-3x45": {
        "goal": "general-fitness",
        "level": "intermediate",
        "days": 3,
        "minutes": 45,
        "equipment": "home-gym",
        "cannot_do": "pull-up",
    },
}

# Thresholds, each with its reason (used by the rules below).
# A strength beginner needs >= 3 weekly sets per main lift, later >= 5 (docs/planner-rules.md §1.1;
# Ralston 2017: 5-9 weekly sets beat < 5 for novices and intermediates).
MAIN_LIFT_WEEKLY_SETS = {"beginner": 3, "intermediate": 5, "advanced": 5}
# Sessions of one week should cost about the same: the shortest at least 60 % of the longest, and
# each at least 60 % of the minutes the user offered. Below that a session is not worth the trip
# to the gym, and the week is lopsided (one hard day, one token day).
SESSION_BALANCE = 0.6
SESSION_TIME_USE = 0.6
# A staple is an exercise most coaches would recognise and most gyms can load: catalog
# popularity 4 or 5 (of 5).
STAPLE_POPULARITY = 4
# "Comparable" option for the variety rule: it does the same job (same pattern, mechanic and
# tracking, and the same target muscle, or both are main lifts: a deadlift and a Romanian deadlift
# are both "the hinge"), it is not harder than the repeated exercise or the lifter's level, and
# its popularity is at most one step lower and at least 3 (nobody should swap a staple for a
# curiosity just to vary the week).
COMPARABLE_POPULARITY_STEP = 1
# Isolation sets as a share of the week's hard sets: compounds carry strength and most of the
# volume (ACSM 2009 "multi-joint first"; Iversen 2021). Hypertrophy and advanced lifters use more
# single-joint work for small muscles (side/rear delts, arms, calves), so they get more room.
ISOLATION_SHARE = {"hypertrophy": 0.5, "default": 0.4}
# Synergist spill-over: fractional weekly sets for a major muscle may pass the goal's direct-set
# ceiling (docs/planner-rules.md §1.1, WEEKLY_SETS) by this many sets, never more.
FRACTIONAL_SPILL_OVER = 3.0
PATTERN_GROUPS: dict[str, frozenset[str]] = {
    "squat or lunge": frozenset({"squat", "lunge"}),
    "hinge or hip extension": frozenset({"hinge", "hip-extension"}),
    "horizontal push": frozenset({"horizontal-push"}),
    "horizontal pull": frozenset({"horizontal-pull"}),
    "vertical pull": frozenset({"vertical-pull"}),
    "core": rx.CORE_PATTERNS,
}
# Main strength lifts that are trained several times a week on purpose (practice frequency;
# Pelland 2024: frequency helps strength): the squat and the presses. Heavy hinges are not.
REPEATABLE_STRENGTH_PATTERNS = frozenset({"squat", "horizontal-push", "vertical-push"})


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_builtin()


@pytest.fixture(scope="module")
def plans(catalog: Catalog) -> dict[str, Plan]:
    return {name: make_plan(catalog, {**data, "weeks": 4}) for name, data in PERSONAS.items()}


class View:
    """A plan with its catalog exercises and profile options, for the rules below."""

    def __init__(self, catalog: Catalog, plan: Plan) -> None:
        self.catalog = catalog
        self.plan = plan
        self.profile: Profile = plan.profile
        self.eligibility = Eligibility(catalog, self.profile)
        self.options = [o.exercise for o in self.eligibility.options() if o.mode == "normal"]
        self.sessions = [s for s in plan.weeks[0].sessions if s.kind == "resistance"]

    def ex(self, item: PlanExercise) -> Exercise:
        return self.catalog.get(item.slug)

    def items(self) -> Iterator[tuple[PlanSession, PlanExercise, Exercise]]:
        for session in self.sessions:
            for item in session.exercises:
                yield session, item, self.ex(item)

    def possible(self, patterns: frozenset[str]) -> bool:
        return any(e.pattern in patterns for e in self.options)


def _kit(ex: Exercise) -> set[str]:
    return set(ex.equipment.required) | set(ex.equipment.options)


def barbell_squat(ex: Exercise) -> bool:
    return ex.pattern == "squat" and "barbell" in ex.equipment.required and rx.is_main_lift(ex)


def barbell_hinge(ex: Exercise) -> bool:
    return ex.pattern == "hinge" and bool({"barbell", "trap-bar"} & set(ex.equipment.required))


def free_weight_press(ex: Exercise) -> bool:
    return (
        ex.pattern in ("horizontal-push", "vertical-push")
        and rx.is_main_lift(ex)
        and bool({"barbell", "dumbbell"} & _kit(ex))
    )


STRENGTH_STAPLES: dict[str, Callable[[Exercise], bool]] = {
    "barbell squat": barbell_squat,
    "barbell hinge": barbell_hinge,
    "barbell or dumbbell press": free_weight_press,
}


def _staple(ex: Exercise) -> bool:
    return any(test(ex) for test in STRENGTH_STAPLES.values())


def rule_strength_main_lifts(v: View) -> list[str]:
    """Strength with a barbell and a rack: the week has a barbell squat, a barbell hinge and a
    free-weight press, each >= 3 weekly sets (beginner; >= 5 later), placed before any accessory.
    Why: these lifts ARE the strength goal (§1.1 "main lifts"; Ralston 2017), and heavy lifts go
    first while the lifter is fresh (ACSM 2009 exercise order)."""
    kit = v.profile.available_equipment()
    if v.profile.goal != "strength" or not {"barbell", "squat-rack"} <= kit:
        return []
    out = []
    need = MAIN_LIFT_WEEKLY_SETS[v.profile.level]
    for label, test in STRENGTH_STAPLES.items():
        if not any(test(e) for e in v.options):
            continue  # joints or level rule the whole family out
        weekly: Counter[str] = Counter()
        for _, item, ex in v.items():
            if test(ex):
                weekly[item.slug] += item.sets
        if not weekly:
            out.append(f"no {label} in the week")
        elif max(weekly.values()) < need:
            out.append(f"{label}: at most {max(weekly.values())} weekly sets, needs {need}")
    for session in v.sessions:
        exs = [v.ex(i) for i in session.exercises]
        for index, ex in enumerate(exs):
            if _staple(ex) and any(not _staple(e) for e in exs[:index]):
                out.append(f"{session.day}: {ex.slug} comes after an accessory")
    return out


def rule_pattern_coverage(v: View) -> list[str]:
    """Every week covers squat or lunge, hinge or hip extension, horizontal push, horizontal pull,
    vertical pull and core, whenever the kit and joints allow the pattern at all.
    Why: Iversen 2021 (a leg press/squat, a push and a pull at minimum); §4.2 weekly minimums."""
    used = {ex.pattern for _, _, ex in v.items()}
    return [
        f"no {name} this week"
        for name, patterns in PATTERN_GROUPS.items()
        if v.possible(patterns) and not used & patterns
    ]


def rule_no_repeat_in_session(v: View) -> list[str]:
    """No exercise appears twice in one session. Why: a second slot for the same lift is a
    bookkeeping error, not a programme."""
    out = []
    for session in v.sessions:
        counts = Counter(i.slug for i in session.exercises)
        out += [f"{session.day}: {slug} x{n}" for slug, n in counts.items() if n > 1]
    return out


def comparable(v: View, ex: Exercise, other: Exercise) -> bool:
    """Whether `other` could stand in for `ex` on another day (see COMPARABLE_POPULARITY_STEP)."""
    level = rx.LEVEL_RANK[v.profile.level]
    same_job = ex.target == other.target or (rx.is_main_lift(ex) and rx.is_main_lift(other))
    return (
        same_job
        and other.slug != ex.slug
        and other.pattern == ex.pattern
        and other.mechanic == ex.mechanic
        and other.tracking == ex.tracking
        and other.difficulty_rank <= max(ex.difficulty_rank, level)
        and other.popularity >= max(ex.popularity - COMPARABLE_POPULARITY_STEP, 3)
    )


def rule_variety_across_sessions(v: View) -> list[str]:
    """An exercise is used in one session a week when a comparable option (same job, not harder,
    popularity at most one step lower) is left unused. Strength main squats and presses are
    exempt: practising them several times a week is the method.
    Why: variety spreads joint stress and trains the muscle at other lengths and angles; two lower
    days with two different hinges is what a coach writes."""
    sessions_of: dict[str, set[str]] = defaultdict(set)
    for session, item, _ in v.items():
        sessions_of[item.slug].add(session.day)
    used = set(sessions_of)
    out = []
    for slug, days in sorted(sessions_of.items()):
        if len(days) < 2:
            continue
        ex = v.catalog.get(slug)
        if (
            v.profile.goal == "strength"
            and rx.is_main_lift(ex)
            and ex.pattern in REPEATABLE_STRENGTH_PATTERNS
        ):
            continue
        if rx.is_main_lift(ex) and ex.popularity >= STAPLE_POPULARITY:
            continue  # a staple main lift practised twice beats five variants (issue 11)
        unused = sorted(o.slug for o in v.options if o.slug not in used and comparable(v, ex, o))
        if unused:
            out.append(f"{slug} on {len(days)} days; unused: {', '.join(unused[:3])}")
    return out


def _capped_ok(v: View, session: PlanSession) -> bool:
    """A short session is fine only when it says which weekly caps bind, and they truly do."""
    if not session.capped:
        return False
    direct = v.plan.weeks[0].direct_sets_by_muscle
    for unit in session.capped:
        _, members, cap = weekly_cap(unit, v.profile, first_week=True)
        if sum(direct.get(m, 0) for m in members) < cap:
            return False
    trained = {v.ex(i).target for i in session.exercises} & set(MAJOR_MUSCLES)
    capped_members = {m for unit in session.capped for m in weekly_cap(unit, v.profile, True)[1]}
    return trained <= capped_members


def rule_balanced_sessions(v: View) -> list[str]:
    """The shortest session is >= 60 % of the longest, unless it says which volume caps bind.
    Why: a 17-minute Friday after two 55-minute days is a lopsided week, not a plan."""
    if len(v.sessions) < 2:
        return []
    longest = max(s.estimated_minutes for s in v.sessions)
    return [
        f"{s.day}: {s.estimated_minutes} min vs the longest {longest} min"
        for s in v.sessions
        if s.estimated_minutes < SESSION_BALANCE * longest and not _capped_ok(v, s)
    ]


def rule_sessions_use_the_time(v: View) -> list[str]:
    """Each session uses >= 60 % of the minutes offered, unless it says which volume caps bind.
    Why: the user set the time aside; leaving most of it unused wastes the stimulus they came for."""
    minutes = v.profile.minutes
    return [
        f"{s.day}: {s.estimated_minutes} of {minutes} min"
        for s in v.sessions
        if s.estimated_minutes < SESSION_TIME_USE * minutes and not _capped_ok(v, s)
    ]


def rule_popular_main_lifts(v: View) -> list[str]:
    """Main lifts are staples (popularity >= 4) whenever a staple of the same pattern fits the kit,
    joints and level. Main lifts: the first exercise of every session, and for strength every
    loaded compound in a main pattern. Why: the heavy work of a plan belongs to lifts that can be
    loaded progressively and coached well, not to curiosities (a kettlebell windmill as the hinge)."""
    out = []

    def staple_exists(ex: Exercise) -> bool:
        return any(
            o.pattern == ex.pattern
            and o.mechanic == "compound"
            and o.tracking == "reps"  # a hold (wall sit) does not open a session
            and o.popularity >= STAPLE_POPULARITY
            for o in v.options
        )

    for session in v.sessions:
        for index, item in enumerate(session.exercises):
            ex = v.ex(item)
            main = index == 0 or (v.profile.goal == "strength" and rx.is_main_lift(ex))
            if main and ex.popularity < STAPLE_POPULARITY and staple_exists(ex):
                out.append(f"{session.day}: {ex.slug} (popularity {ex.popularity})")
    return out


def rule_protected_joints(v: View) -> list[str]:
    """No exercise in any week puts high stress on a protected joint (low-stress work such as a
    wall sit stays, so the region is still trained). Why: the user told us it hurts."""

    def hurt(slug: str) -> list[str]:
        ex = v.catalog.get(slug)
        return sorted(j for j in v.profile.protect if ex.stress_grade(j) == "high")

    return [
        f"week {w.week} {s.day}: {e.slug} loads {hurt(e.slug)}"
        for w in v.plan.weeks
        for s in w.sessions
        for e in s.exercises
        if hurt(e.slug)
    ]


def rule_honest_regressions(v: View) -> list[str]:
    """A `why` only says "an easier step toward X" when X is a skill the user marked cannot-do, or
    the usual choice for the pattern (a staple more popular than anything the user can do) that
    the level rules out,
    and then it says so plainly. Why: telling a beginner their dead bug is "toward Dragon Flag,
    which you cannot do yet" invents a goal and a failure they never mentioned."""
    out = []
    for session, item, _ in v.items():
        claims = "easier step toward" in item.why or "Stands in for" in item.why
        if not item.replaces:
            if claims:
                out.append(f"{session.day}: {item.slug} claims a regression without one")
            continue
        if not claims:
            out.append(f"{session.day}: {item.slug} replaces {item.replaces} but does not say so")
        skill = v.catalog.get(item.replaces)
        if item.replaces in v.profile.cannot_do:
            if "you said you cannot do yet" not in item.why:
                out.append(f"{session.day}: {item.slug} does not say the user asked for this")
            continue
        usual = skill.popularity >= STAPLE_POPULARITY and all(
            o.popularity < skill.popularity
            for o in v.options
            if o.pattern == skill.pattern and v.eligibility.direct(o)
        )
        if not usual:
            out.append(f"{session.day}: {item.slug} claims a step toward {skill.slug}, not asked")
        elif v.profile.level not in item.why:
            out.append(f"{session.day}: {item.slug} does not say the level rules out {skill.slug}")
        if "cannot do yet" in item.why:
            out.append(f"{session.day}: {item.slug} says the user cannot do {skill.slug}")
    return out


def rule_why_names_its_job(v: View) -> list[str]:
    """Every `why` opens with what the exercise brings to THIS plan's week, and its numbers are
    true: "3 of the week's 9 hip hinge sets" (its pattern's weekly sets), "3 of the week's 10
    direct sets for the chest" (its target's weekly direct sets), or "the week's only vertical
    pull exercise" (no other exercise meets that weekly pattern requirement).
    Why: the user should see why this exercise, here, not only what it is."""
    labels = {requirement_label(key): key for key in requirements(v.profile)}
    week = [(s, i, e) for s, i, e in v.items() if rx.is_hard_set_work(e)]
    patterns: Counter[str] = Counter()
    targets: Counter[str] = Counter()
    for _, item, ex in week:
        patterns[ex.pattern] += item.sets
        targets[ex.target] += item.sets
    out = []
    for session, item, ex in week:
        found = re.search(r"the week's (\d+)|the week's only ([a-z -]+) exercise", item.why, re.I)
        if found is None:
            out.append(f"{session.day}: {item.slug}: no weekly role: {item.why[:60]}...")
        elif found.group(1) and int(found.group(1)) not in (
            patterns[ex.pattern],
            targets[ex.target],
        ):
            out.append(f"{session.day}: {item.slug}: wrong weekly total {found.group(1)}")
        elif found.group(2):
            key = labels.get(found.group(2), "?")
            pats = requirements(v.profile).get(key, frozenset())
            others = {e.slug for _, _, e in week if meets(e, pats, key)} - {ex.slug}
            if not meets(ex, pats, key) or others:
                out.append(f"{session.day}: {item.slug}: not the only {key}: {sorted(others)}")
    return out


def rule_isolation_does_not_crowd_out(v: View) -> list[str]:
    """Isolation sets are at most 40 % of the week's hard sets (50 % for hypertrophy), and every
    session opens with a compound. Why: multi-joint lifts carry the training effect per minute
    (ACSM 2009; Iversen 2021); curls and raises top up, they do not lead."""
    total = iso = 0
    out = []
    for session in v.sessions:
        first = v.ex(session.exercises[0]) if session.exercises else None
        if first is not None and first.mechanic == "isolation":
            out.append(f"{session.day}: opens with isolation {first.slug}")
        for item in session.exercises:
            ex = v.ex(item)
            # Trunk drills (planks, Pallof presses) are single-joint by tag but do not stand in
            # for the limbs' compounds; they are left out of the share either way.
            if rx.is_hard_set_work(ex) and ex.pattern not in rx.CORE_PATTERNS:
                total += item.sets
                iso += item.sets * (ex.mechanic == "isolation")
    share = ISOLATION_SHARE.get(v.profile.goal, ISOLATION_SHARE["default"])
    if total and iso / total > share + 1e-9:
        out.append(f"isolation {iso}/{total} sets ({iso / total:.0%}), above {share:.0%}")
    return out


def rule_weekly_volume_in_range(v: View) -> list[str]:
    """Each major muscle's weekly sets (fractional: target 1, synergist at its catalog weight) are
    at least the validator floor (maintenance 4, fat loss 6, MEV for intermediate+ hypertrophy) -
    or the plan reports that floor as relaxed - and at most the goal's ceiling (§1.1) plus 3 sets
    of synergist spill-over; direct sets never pass the weekly cap.
    Why: below the floor the muscle does not grow or keep; far above the range only adds fatigue."""
    out = []
    frac = v.plan.weekly_sets_by_muscle
    direct = v.plan.weekly_direct_sets_by_muscle
    ceiling = rx.WEEKLY_SETS[v.profile.goal][v.profile.level][1] + FRACTIONAL_SPILL_OVER
    relaxed = " ".join(v.plan.relaxed)
    for muscle in MAJOR_MUSCLES:
        have = frac.get(muscle, 0.0)
        floor = muscle_floor(muscle, v.profile)
        # relaxed, or waived: nothing trains it (the relaxation names the muscle in words)
        reported = re.search(rf"\b{words.muscle(muscle)}\b", relaxed)
        if have + 1e-6 < floor and not reported:
            out.append(f"{muscle}: {have} fractional sets, floor {floor}, not reported")
        if have > ceiling + 1e-6:
            out.append(f"{muscle}: {have} fractional sets, above {ceiling}")
        unit, members, cap = weekly_cap(muscle, v.profile, first_week=True)
        total = sum(direct.get(m, 0) for m in members)
        if total > cap:
            out.append(f"{unit}: {total} direct sets, above the week-1 cap {cap}")
    return out


def rule_no_unreported_errors(v: View) -> list[str]:
    """The validator finds no error the plan does not report as a relaxation."""
    return [
        f"{f.check}: {f.message}"
        for f in v.plan.validation.errors
        if f.check not in v.plan.relaxed_checks
    ]


RULES: dict[str, Callable[[View], list[str]]] = {
    "strength-main-lifts": rule_strength_main_lifts,
    "pattern-coverage": rule_pattern_coverage,
    "no-repeat-in-session": rule_no_repeat_in_session,
    "variety-across-sessions": rule_variety_across_sessions,
    "balanced-sessions": rule_balanced_sessions,
    "sessions-use-the-time": rule_sessions_use_the_time,
    "popular-main-lifts": rule_popular_main_lifts,
    "protected-joints": rule_protected_joints,
    "honest-regressions": rule_honest_regressions,
    "why-names-its-job": rule_why_names_its_job,
    "isolation-does-not-crowd-out": rule_isolation_does_not_crowd_out,
    "weekly-volume-in-range": rule_weekly_volume_in_range,
    "no-unreported-errors": rule_no_unreported_errors,
}


@pytest.mark.parametrize("rule", sorted(RULES))
@pytest.mark.parametrize("persona", sorted(PERSONAS))
def test_coach_rule(
    catalog: Catalog,
    plans: dict[str, Plan],
    persona: str,
    rule: str,
) -> None:
    violations = RULES[rule](View(catalog, plans[persona]))
    assert violations == [], f"{persona} breaks {rule}: {violations}"


def test_strength_beginner_squats_and_deadlifts_with_a_barbell(plans: dict[str, Plan]) -> None:
    """The example from the brief: a full-gym strength beginner gets barbell squats and a barbell
    hinge, not a leg press as the only squat."""
    plan = plans["strength-beginner-gym-3x60"]
    slugs = {e.slug for s in plan.weeks[0].sessions for e in s.exercises}
    assert slugs & {"barbell-back-squat", "barbell-front-squat", "barbell-box-squat"}
    assert slugs & {"barbell-deadlift", "romanian-deadlift", "trap-bar-deadlift"}
    assert not plan.relaxed


def test_cannot_do_pull_up_gets_an_honest_stand_in(plans: dict[str, Plan]) -> None:
    plan = plans["general-no-pull-up-home-gym-3x45"]
    items = [e for s in plan.weeks[0].sessions for e in s.exercises]
    assert all(not (e.slug == "pull-up" and e.mode == "normal") for e in items)
    stand_ins = [e for e in items if e.replaces == "pull-up"]
    assert stand_ins
    assert all("you said you cannot do yet" in e.why for e in stand_ins)


def test_coach_personas_are_deterministic(catalog: Catalog) -> None:
    data = {**PERSONAS["hypertrophy-intermediate-gym-4x60"], "weeks": 2}
    assert make_plan(catalog, data).to_json() == make_plan(catalog, data).to_json()
