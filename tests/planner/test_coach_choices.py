"""Coach-grade choices on the full catalog: protection keeps a region trained, home pulling,
cardio for fat loss and endurance, older adults' balance work, warm-ups from the user's kit."""

from __future__ import annotations

import pytest

from repforge.catalog.catalog import Catalog
from repforge.catalog.load import load_builtin
from repforge.planner.profile import Eligibility
from repforge.planner.rules import BALANCE_MINUTES, FINISHER_MINUTES
from repforge.planner.service import make_plan


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_builtin()


def test_protected_knees_still_train_the_quads(catalog: Catalog) -> None:
    plan = make_plan(catalog, {"equipment": "bodyweight", "protect": "knees", "weeks": 1})
    quads = [
        e for s in plan.weeks[0].sessions for e in s.exercises
        if catalog.get(e.slug).target == "quads"
    ]  # fmt: skip
    assert quads, "no thigh work under knee protection"
    for item in quads:
        assert catalog.get(item.slug).stress_grade("knees") != "high"
    assert not plan.validation.errors


def test_a_bodyweight_plan_pulls_with_what_a_home_has(catalog: Catalog) -> None:
    plan = make_plan(catalog, {"equipment": "bodyweight", "weeks": 1})
    pulls = {
        e.slug for s in plan.weeks[0].sessions for e in s.exercises
        if catalog.get(e.slug).pattern in ("horizontal-pull", "vertical-pull")
    }  # fmt: skip
    assert pulls & {"table-row", "door-frame-row", "towel-door-row"}


@pytest.mark.parametrize("goal", ["fat-loss", "endurance"])
def test_long_sessions_end_with_cardio_that_fits_the_time(catalog: Catalog, goal: str) -> None:
    plan = make_plan(catalog, {"goal": goal, "minutes": 90, "weeks": 1})
    for session in plan.weeks[0].sessions:
        last = session.exercises[-1]
        assert catalog.get(last.slug).category == "cardio"
        assert (last.unit, last.reps) == ("minutes", (FINISHER_MINUTES, FINISHER_MINUTES))
        assert session.estimated_minutes <= 90
    assert not plan.validation.errors


def test_strength_plans_have_no_cardio_block(catalog: Catalog) -> None:
    plan = make_plan(catalog, {"goal": "strength", "minutes": 90, "weeks": 1})
    assert all(
        catalog.get(e.slug).category != "cardio"
        for s in plan.weeks[0].sessions
        for e in s.exercises
    )


def test_older_adults_get_balance_work_from_their_own_kit(catalog: Catalog) -> None:
    profile = {"equipment": "bodyweight", "age": 72, "minutes": 45, "weeks": 1}
    plan = make_plan(catalog, profile)
    eligibility = Eligibility(catalog, plan.profile)
    for session in plan.weeks[0].sessions:
        balance = [w for w in session.warm_up if catalog.get(w.slug).category == "balance"]
        assert [w.minutes for w in balance] == [BALANCE_MINUTES]
        assert session.estimated_minutes <= 45
        for drill in session.warm_up:
            assert eligibility.usable(catalog.get(drill.slug))
    younger = make_plan(catalog, {**profile, "age": 40})
    assert not any(
        catalog.get(w.slug).category == "balance"
        for s in younger.weeks[0].sessions
        for w in s.warm_up
    )
    assert not plan.validation.errors


def test_warm_ups_vary_and_start_dynamic(catalog: Catalog) -> None:
    plan = make_plan(catalog, {"days": 3, "minutes": 60, "weeks": 1})
    drills = [s.warm_up[0].slug for s in plan.weeks[0].sessions if s.warm_up]
    assert drills
    assert all(catalog.get(slug).category == "mobility" for slug in drills)
    assert len(set(drills)) > 1
