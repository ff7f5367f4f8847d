"""An independent referee: 50 random ordinary profiles on the real catalog, graded against the
rules of issue 11 by simple checks written from the issue, not from the validator's code.

Only the first rule asks the validator (it is the rule: zero validator errors). Every other rule
reads the plan and the catalog directly.
"""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from statistics import median
from typing import Any

import pytest

from repforge.catalog import vocab
from repforge.catalog.catalog import Catalog
from repforge.catalog.load import load_builtin
from repforge.catalog.model import Exercise
from repforge.errors import PlanError
from repforge.planner.plan import Plan, PlanSession, PlanWeek
from repforge.planner.service import make_plan
from repforge.planner.validate import validate

SEED = 11
PROFILES = 50
GOALS = ("strength", "hypertrophy", "endurance", "general-fitness", "fat-loss")
LEVELS = ("beginner", "intermediate", "advanced")
# The major groups, each as the catalog muscles that make it up.
GROUPS = {
    "chest": ("chest",),
    "back": ("lats", "upper-back"),
    "quads": ("quads",),
    "hamstrings and glutes": ("hamstrings", "glutes"),
    "shoulders": ("front-delts", "side-delts", "rear-delts"),
}
MAJOR = ("chest", "lats", "upper-back", "quads", "hamstrings", "glutes", "front-delts")
WORK = ("strength", "strongman")  # categories whose sets are hard sets
PULLS = ("horizontal-pull", "vertical-pull")
MAIN_PATTERNS = ("squat", "hinge", "horizontal-push", "vertical-push", *PULLS)
DAY_SETS = 2.0  # sets a group needs in a session for that day to count (fractional)


def ordinary_profiles() -> list[dict[str, Any]]:
    """Seeded random profiles a person could reasonably enter."""
    draw = random.Random(SEED)
    out = []
    for _ in range(PROFILES):
        profile: dict[str, Any] = {
            "goal": draw.choice(GOALS),
            "level": draw.choice(LEVELS),
            "days": draw.randint(2, 6),
            "minutes": draw.randrange(30, 121, 5),
            "equipment": draw.choice(sorted(vocab.EQUIPMENT_PRESETS)),
            "protect": draw.sample(vocab.JOINTS.slugs, draw.randint(0, 2)),
            "weeks": draw.choice((4, 6, 8)),
        }
        if draw.random() < 0.3:
            profile["priorities"] = [draw.choice(MAJOR)]
        out.append(profile)
    return out


@dataclass(frozen=True)
class Graded:
    """A profile, its plan (None when the planner refused) and the catalog."""

    profile: dict[str, Any]
    plan: Plan | None
    catalog: Catalog

    def exercise(self, slug: str) -> Exercise:
        return self.catalog.get(slug)

    def hard(self, session: PlanSession) -> list[tuple[Exercise, int]]:
        return [
            (ex, e.sets)
            for e in session.exercises
            if (ex := self.exercise(e.slug)).category in WORK and e.sets > 0
        ]

    def kit(self) -> set[str]:
        return {"bodyweight", *vocab.EQUIPMENT_PRESETS[self.profile["equipment"]]}

    def allowed(self, ex: Exercise) -> bool:
        """Hard-set work the person's kit and joints allow."""
        return (
            ex.category in WORK
            and ex.equipment.doable_with(self.kit())
            and not set(ex.stresses) & set(self.profile["protect"])
        )

    def training_weeks(self) -> list[PlanWeek]:
        return [w for w in self.plan.weeks if not w.deload] if self.plan else []


def session_sets(graded: Graded, session: PlanSession) -> dict[str, float]:
    sets: dict[str, float] = defaultdict(float)
    for ex, n in graded.hard(session):
        for muscle, weight in ex.muscle_weights.items():
            sets[muscle] += weight * n
    return sets


def rule_zero_validator_errors(g: Graded) -> list[str]:
    if g.plan is None:
        return ["the planner refused an ordinary profile"]
    return [f.message for f in validate(g.catalog, g.plan).errors]


def rule_major_groups_twice_a_week(g: Graded) -> list[str]:
    out = []
    for week in g.training_weeks():
        lifting = [s for s in week.sessions if g.hard(s)]
        if len(lifting) < 3:
            continue
        per_day = [session_sets(g, s) for s in lifting]
        for group, members in GROUPS.items():
            if not any(g.allowed(ex) and ex.target in members for ex in g.catalog):
                continue  # nothing the person may do trains the group
            days = sum(1 for sets in per_day if sum(sets[m] for m in members) >= DAY_SETS - 1e-6)
            if days < 2:
                out.append(f"week {week.week}: {group} on {days} day(s)")
    return out


def rule_quads_under_knee_protection(g: Graded) -> list[str]:
    if "knees" not in g.profile["protect"] or not g.plan:
        return []
    week = g.plan.weeks[0]
    if any(ex.target == "quads" for s in week.sessions for ex, _ in g.hard(s)):
        return []
    return ["no exercise for the quads with the knees protected"]


def rule_pulling_when_possible(g: Graded) -> list[str]:
    if not g.plan:
        return []
    possible = any(g.allowed(ex) for ex in g.catalog if ex.pattern in PULLS)
    if not possible:
        return []
    return [
        f"week {w.week}: no pulling"
        for w in g.training_weeks()
        if not any(ex.pattern in PULLS for s in w.sessions for ex, _ in g.hard(s))
    ]


def rule_no_beginner_inappropriate_lifts(g: Graded) -> list[str]:
    if g.profile["level"] != "beginner" or not g.plan:
        return []
    out = []
    for s in g.plan.weeks[0].sessions:
        for e in s.exercises:
            ex = g.exercise(e.slug)
            if ex.difficulty == "advanced" and e.mode == "normal":
                out.append(f"{ex.name} is an advanced exercise")
            if ex.category == "olympic":
                out.append(f"{ex.name} is an Olympic lift")
    return out


def rule_strength_main_lifts_first_and_repeated(g: Graded) -> list[str]:
    if g.profile["goal"] != "strength" or not g.plan:
        return []
    out = []
    sessions = [s for s in g.plan.weeks[0].sessions if g.hard(s)]
    for s in sessions:
        first, _ = g.hard(s)[0]
        if first.mechanic != "compound" or first.pattern not in MAIN_PATTERNS:
            out.append(f"{s.day}: opens with {first.name}, not a main lift")
    firsts = Counter(g.hard(s)[0][0].slug for s in sessions)
    if len(sessions) >= 3 and max(firsts.values(), default=0) < 2:
        out.append(f"no main lift repeated across the week: {sorted(firsts)}")
    return out


def rule_priorities_honoured(g: Graded) -> list[str]:
    if not g.plan or not g.profile.get("priorities"):
        return []
    out = []
    week = g.plan.weeks[0]
    totals: dict[str, float] = defaultdict(float)
    for s in week.sessions:
        for muscle, sets in session_sets(g, s).items():
            totals[muscle] += sets
    for muscle in g.profile["priorities"]:
        others = [totals[m] for m in MAJOR if m not in g.profile["priorities"]]
        if totals[muscle] <= median(others):
            out.append(f"priority {muscle}: {totals[muscle]:.1f} sets, median {median(others):.1f}")
        early = any(
            ex.target == muscle
            for s in week.sessions
            for ex, _ in g.hard(s)[: max(1, (len(g.hard(s)) + 1) // 2)]
        )
        if not early:
            out.append(f"priority {muscle} never in the first half of a session")
    return out


RULES: dict[str, Callable[[Graded], list[str]]] = {
    "zero-validator-errors": rule_zero_validator_errors,
    "major-groups-twice-a-week": rule_major_groups_twice_a_week,
    "quads-under-knee-protection": rule_quads_under_knee_protection,
    "pulling-when-possible": rule_pulling_when_possible,
    "no-beginner-inappropriate-lifts": rule_no_beginner_inappropriate_lifts,
    "strength-main-lifts-first-and-repeated": rule_strength_main_lifts_first_and_repeated,
    "priorities-honoured": rule_priorities_honoured,
}


@pytest.fixture(scope="module")
def graded() -> list[Graded]:
    catalog = load_builtin()
    out = []
    for profile in ordinary_profiles():
        try:
            plan: Plan | None = make_plan(catalog, profile)
        except PlanError:
            plan = None
        out.append(Graded(profile, plan, catalog))
    return out


def grade(graded: list[Graded], rule: str) -> dict[int, list[str]]:
    """Profile number -> what the rule found wrong with its plan."""
    return {i: found for i, g in enumerate(graded) if (found := RULES[rule](g))}


@pytest.mark.parametrize("rule", list(RULES))
def test_referee(graded: list[Graded], rule: str) -> None:
    failures = grade(graded, rule)
    detail = "; ".join(f"profile {i} {graded[i].profile}: {v[:3]}" for i, v in failures.items())
    assert not failures, f"{rule}: {len(failures)} of {len(graded)} profiles fail. {detail}"


def test_the_profiles_are_ordinary_and_varied() -> None:
    profiles = ordinary_profiles()
    assert len(profiles) == PROFILES
    assert profiles == ordinary_profiles()  # seeded: the same 50 every run
    assert {p["goal"] for p in profiles} == set(GOALS)
    assert {p["level"] for p in profiles} == set(LEVELS)
    assert all(2 <= p["days"] <= 6 and 30 <= p["minutes"] <= 120 for p in profiles)
    assert all(len(p["protect"]) <= 2 for p in profiles)
    assert any("knees" in p["protect"] for p in profiles)
    assert any(p.get("priorities") for p in profiles)
