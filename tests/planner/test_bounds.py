"""The impossibility proof (planner/bounds.py): sound for the weeks the planner makes, decisive
for weeks too short, and said in words a person can act on."""

from __future__ import annotations

from typing import Any

import pytest

from repforge.catalog.catalog import Catalog
from repforge.catalog.load import load_builtin
from repforge.planner import bounds
from repforge.planner import prescription as rx
from repforge.planner.markdown import plan_markdown
from repforge.planner.profile import Eligibility
from repforge.planner.service import make_plan, parse_profile
from repforge.planner.split import week_sessions

# Clean plans of several shapes: each week must be a solution of the relaxation, or the model
# is stricter than the rules somewhere and its "impossible" could be false.
CLEAN = [
    {"goal": "hypertrophy", "level": "intermediate", "days": 3, "minutes": 45},
    {"goal": "strength", "level": "intermediate", "days": 3, "minutes": 60},
    {"goal": "strength", "level": "beginner", "equipment": "home-dumbbells", "days": 3},
    {"goal": "fat-loss", "level": "beginner", "equipment": "bodyweight", "days": 4, "minutes": 30},
    {"goal": "general-fitness", "level": "advanced", "days": 5, "minutes": 60, "protect": "knees"},
    {"goal": "endurance", "level": "beginner", "equipment": "home-gym", "days": 2, "minutes": 60},
    {"goal": "hypertrophy", "level": "advanced", "days": 6, "minutes": 45, "priorities": "glutes"},
]


@pytest.fixture(scope="module")
def builtin() -> Catalog:
    return load_builtin()


def _week(catalog: Catalog, profile: dict[str, Any]) -> tuple[Eligibility, int]:
    parsed = parse_profile({"weeks": 1, **profile})
    eligibility = Eligibility(catalog, parsed)
    patterns = frozenset(o.exercise.pattern for o in eligibility.options())
    specs = week_sessions(parsed, patterns)
    return eligibility, sum(1 for s in specs if s.kind == "resistance")


@pytest.mark.slow
@pytest.mark.parametrize("profile", CLEAN, ids=lambda p: f"{p['goal']}-{p['days']}")
def test_every_clean_week_the_planner_makes_solves_the_relaxation(
    builtin: Catalog, profile: dict[str, Any]
) -> None:
    plan = make_plan(builtin, {**profile, "weeks": 1})
    assert not plan.validation.errors
    eligibility, sessions = _week(builtin, profile)
    pool = bounds.timed_options(eligibility)
    index = {t.option.key: i for i, t in enumerate(pool)}
    model = bounds.build(eligibility, sessions, plan.profile.minutes, pool=pool)
    lifting = [s for s in plan.weeks[0].sessions if s.kind == "resistance"]
    assert len(lifting) == sessions
    for s, session in enumerate(lifting):
        sets = {f"{e.slug}:{e.mode}": e.sets for e in session.exercises}
        hard = [k for k in sets if rx.is_hard_set_work(builtin.get(k.split(":")[0]))]
        assert set(hard) <= set(index), "a hard exercise of the plan is missing from the pool"
        for key, i in index.items():
            model.m.add(model.n[s][i] == sets.get(key, 0))
    assert model.solve() is True


@pytest.mark.slow
@pytest.mark.parametrize("profile", CLEAN[:3], ids=lambda p: f"{p['goal']}-{p['days']}")
def test_pruning_dominated_exercises_keeps_the_answer(
    builtin: Catalog, profile: dict[str, Any]
) -> None:
    # Too short for the rules at 20 minutes, enough at the profile's own: both answers must be
    # the same with and without the pruned exercises.
    eligibility, sessions = _week(builtin, profile)
    full = bounds.timed_options(eligibility)
    pruned = bounds.reduced(full, eligibility.profile)
    assert len(pruned) < len(full)
    for minutes in (20, eligibility.profile.minutes):
        answers = {
            bounds.build(eligibility, sessions, minutes, pool=pool).solve()
            for pool in (full, pruned)
        }
        assert len(answers) == 1, minutes


def test_a_quarter_hour_is_proven_too_short_for_an_intermediates_hypertrophy_week(
    builtin: Catalog,
) -> None:
    # Supersets make 30 minutes possible in the relaxation (and 25): 15 is too short for them
    profile = {"goal": "hypertrophy", "level": "intermediate", "days": 1, "minutes": 15}
    found = bounds.verdict(*_specs(builtin, profile))
    assert found == bounds.Verdict(False, ("volume-floor",), 45)
    assert bounds.verdict(*_specs(builtin, {**profile, "minutes": 30})).possible is True


def _specs(catalog: Catalog, profile: dict[str, Any]) -> tuple[Eligibility, Any]:
    eligibility, _ = _week(catalog, profile)
    patterns = frozenset(o.exercise.pattern for o in eligibility.options())
    return eligibility, week_sessions(eligibility.profile, patterns)


def test_an_impossible_plan_says_so_first_in_plain_words(builtin: Catalog) -> None:
    plan = make_plan(
        builtin,
        {"goal": "hypertrophy", "level": "intermediate", "days": 1, "minutes": 15, "weeks": 1},
    )
    assert plan.impossible
    assert plan.validation.errors
    assert not plan.optimal
    assert plan.relaxed[0] == (
        "No week of 1 session of 15 minutes can keep every rule for your goal, whatever "
        "exercises it uses: the weekly sets each major muscle group needs cannot fit in that "
        "time. Sessions of 45 minutes could hold them all."
    )
    text = plan_markdown(plan)
    assert "no week of these sessions keeps every rule" in text
    assert "1 day x 15 min, 1 week\n" in text


def test_a_plan_the_planner_merely_missed_is_not_called_impossible(builtin: Catalog) -> None:
    # A clean week exists (a plan of the planner's own is one), so no proof can say otherwise.
    plan = make_plan(builtin, {"goal": "general-fitness", "days": 3, "minutes": 45, "weeks": 1})
    assert not plan.impossible
    assert bounds.verdict(*_specs(builtin, {"days": 3, "minutes": 45})).possible is True


@pytest.mark.parametrize(
    ("blocking", "fits_at", "expected"),
    [
        (
            ("strength-pattern-sets", "muscle-frequency"),
            None,
            ": 5 sets a week of each main lift with its warm-up sets and training each major "
            "muscle group on two days cannot all fit in that time. Longer sessions or another "
            "training day would make room.",
        ),
        ((), 60, ": together they need more time. Sessions of 60 minutes could hold them all."),
    ],
)
def test_what_cannot_fit_is_named_without_rule_ids(
    blocking: tuple[str, ...], fits_at: int | None, expected: str
) -> None:
    profile = parse_profile({"goal": "strength", "level": "advanced", "days": 2, "minutes": 30})
    text = bounds.said(profile, 2, bounds.Verdict(False, blocking, fits_at))
    assert text.startswith("No week of 2 sessions of 30 minutes can keep every rule")
    assert text.endswith(expected)
    assert "-" not in text.replace("warm-up", "")
