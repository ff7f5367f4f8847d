"""Every ordinary profile gets a plan with zero validator errors (issue 11, Build 1).

A grid over the full built-in catalog: every goal, level and equipment preset with no, one or
two protected joints at 3 days of 45 minutes, then 2-6 days at 45, 60 and 120 minutes. Profiles
the rules make truly impossible are listed with the reason, and must be reported as such.
"""

from __future__ import annotations

import itertools
import re
from typing import Any

import pytest

from repforge.catalog import vocab
from repforge.catalog.catalog import Catalog
from repforge.catalog.load import load_builtin
from repforge.planner.plan import Plan
from repforge.planner.prescription import GOALS, LEVELS
from repforge.planner.profile import Eligibility
from repforge.planner.service import make_plan

PROTECTIONS = ("", "knees", "lower-back", "knees,shoulders")
# Two intermediate strength days hold 5 weekly sets of each of the four main lifts (Ralston 2017)
# and chest on both days only with more than 2 x 60 minutes at the main-lift rests.
IMPOSSIBLE = {("strength", "intermediate", "full-gym", 2, 60)}


def grid() -> list[dict[str, Any]]:
    """The ordinary profiles: 240 at 3 x 45 minutes, and 75 across days and minutes."""
    out: list[dict[str, Any]] = [
        {"goal": g, "level": lv, "equipment": kit, "protect": joints, "days": 3, "minutes": 45}
        for g, lv, kit, joints in itertools.product(
            GOALS, LEVELS, vocab.EQUIPMENT_PRESETS, PROTECTIONS
        )
    ]
    presets = ("bodyweight", "full-gym", "home-dumbbells")
    for index, (goal, days, minutes) in enumerate(
        itertools.product(GOALS, range(2, 7), (45, 60, 120))
    ):
        level = LEVELS[index % len(LEVELS)] if goal != "strength" else "intermediate"
        kit = presets[index % len(presets)]
        out.append(
            {"goal": goal, "level": level, "equipment": kit, "days": days, "minutes": minutes}
        )
    return out


def key(profile: dict[str, Any]) -> tuple[object, ...]:
    return tuple(profile[k] for k in ("goal", "level", "equipment", "days", "minutes"))


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_builtin()


def problems(plan: Plan) -> list[str]:
    return [f"{f.check}: {f.message}" for f in plan.validation.errors]


@pytest.mark.slow
@pytest.mark.parametrize("goal", GOALS)
def test_ordinary_profiles_get_plans_without_errors(catalog: Catalog, goal: str) -> None:
    failures = {}
    for profile in grid():
        if profile["goal"] != goal or key(profile) in IMPOSSIBLE:
            continue
        plan = make_plan(catalog, profile)
        if plan.validation.errors:
            failures[str(profile)] = problems(plan)
    assert failures == {}


@pytest.mark.slow
def test_impossible_profiles_say_so(catalog: Catalog) -> None:
    for goal, level, kit, days, minutes in sorted(IMPOSSIBLE):
        profile = {"goal": goal, "level": level, "equipment": kit, "days": days}
        plan = make_plan(catalog, {**profile, "minutes": minutes, "weeks": 1})
        assert plan.validation.errors
        assert plan.relaxed
        assert not plan.optimal


@pytest.mark.parametrize(
    "profile",
    [
        {"equipment": "bodyweight", "protect": "knees"},
        {"equipment": "home-dumbbells", "protect": "shoulders", "level": "intermediate"},
        {"equipment": "bodyweight", "goal": "hypertrophy", "level": "advanced"},
    ],
)
def test_progression_advice_names_only_exercises_the_profile_allows(
    catalog: Catalog, profile: dict[str, Any]
) -> None:
    plan = make_plan(catalog, {**profile, "weeks": 1})
    eligibility = Eligibility(catalog, plan.profile)
    by_name = {ex.name: ex for ex in catalog}
    named = [
        match.group(1)
        for session in plan.weeks[0].sessions
        for item in session.exercises
        if (match := re.search(r"move on to (.+)\.$", item.progression))
    ]
    for name in named:
        assert eligibility.usable(by_name[name]), name
        assert eligibility.level_ok(by_name[name]), name
