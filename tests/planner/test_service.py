"""make_plan, validate_plan and alternatives_for, as the web layer and CLI call them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from repforge.catalog.catalog import Catalog
from repforge.catalog.load import load_builtin
from repforge.errors import InvalidInputError
from repforge.planner import plan as plan_model
from repforge.planner.candidates import make_candidate
from repforge.planner.profile import WEEKDAYS, Option
from repforge.planner.service import alternatives_for, make_plan, validate_plan


def test_a_clean_profile_gets_a_plan_without_errors(gym: Catalog) -> None:
    plan = make_plan(
        gym, {"goal": "general-fitness", "level": "intermediate", "days": 4, "weeks": 6}
    )
    assert plan.validation.errors == []
    assert plan.relaxed == []
    assert len(plan.weeks) == 6
    assert all(s.estimated_minutes <= 60 for w in plan.weeks for s in w.sessions)
    assert plan.catalog_version == "test"


def test_every_exercise_has_a_reason_and_every_session_a_summary(gym: Catalog) -> None:
    plan = make_plan(gym, {"goal": "hypertrophy", "level": "beginner", "days": 3})
    for session in plan.weeks[0].sessions:
        assert session.why
        assert session.warm_up
        for item in session.exercises:
            assert item.why
            assert item.progression


def test_conditioning_days_never_count_as_volume(gym: Catalog) -> None:
    plan = make_plan(gym, {"level": "beginner", "days": 6})
    conditioning = [s for s in plan.weeks[0].sessions if s.kind == "conditioning"]
    assert len(conditioning) == 2
    assert all(item.unit == "minutes" for s in conditioning for item in s.exercises)
    assert all(not s.sets_by_muscle for s in conditioning)


def test_plans_are_deterministic(gym: Catalog) -> None:
    profile = {"goal": "strength", "level": "intermediate", "days": 3, "minutes": 75}
    assert make_plan(gym, profile).to_json() == make_plan(gym, profile).to_json()


def test_loads_appear_for_known_maxes(gym: Catalog) -> None:
    profile = {
        "goal": "strength",
        "level": "intermediate",
        "days": 3,
        "minutes": 90,
        "maxes": {"barbell-back-squat": 150},
    }
    plan = make_plan(gym, profile)
    loads = [
        e.load_kg
        for w in plan.weeks
        for s in w.sessions
        for e in s.exercises
        if e.slug == "barbell-back-squat"
    ]
    assert loads
    assert all(load and load < 150 for load in loads)


def test_profile_errors_name_the_field(gym: Catalog) -> None:
    with pytest.raises(InvalidInputError) as caught:
        make_plan(gym, {"days": 0})
    assert caught.value.field == "days"
    with pytest.raises(InvalidInputError) as caught:
        make_plan(gym, {"cannot_do": "muscle-up"})
    assert caught.value.field == "cannot_do"


def test_validate_plan_reads_json_text(gym: Catalog) -> None:
    plan = make_plan(gym, {"days": 2, "weeks": 1})
    report = validate_plan(gym, plan.to_json())
    assert report == plan.validation


def test_unreadable_plans_name_the_problem(gym: Catalog) -> None:
    with pytest.raises(InvalidInputError) as caught:
        validate_plan(gym, "{not json")
    assert caught.value.field == "plan"
    with pytest.raises(InvalidInputError) as caught:
        validate_plan(gym, {"profile": {}, "optimal": True, "weeks": [{"week": 0, "sessions": []}]})
    assert caught.value.field == "weeks.0.week"


def test_alternatives_fit_the_profile_and_do_the_same_job(gym: Catalog) -> None:
    swaps = alternatives_for(gym, {"equipment": "home-dumbbells"}, "barbell-bench-press")
    assert swaps
    assert swaps[0].pattern == "horizontal-push"
    kit = {"bodyweight", "dumbbell", "bench", "exercise-mat", "resistance-band"}
    assert all(e.equipment.doable_with(kit) for e in swaps)
    assert "barbell-bench-press" not in {e.slug for e in swaps}


def _adversarial_plan(
    gym: Catalog, weeks: int, sessions: int, exercises: int, week_number: int | None = None
) -> dict[str, Any]:
    """A plan at the wire model's bounds, every exercise breaking as many checks as it can."""
    slugs = [e.slug for e in gym][:exercises] + ["no-such-lift"] * exercises
    items = [
        {
            "slug": slug,
            "sets": 20,
            "reps": [1, plan_model.MAX_REPS],
            "rir": 0,
            "rest_seconds": 900,
            "warmup_sets": 6,
            "load_kg": plan_model.MAX_LOAD_KG,
        }
        for slug in slugs[:exercises]
    ]
    week_sessions = [
        {"day": WEEKDAYS[i % 7], "name": "x", "estimated_minutes": 0, "exercises": items}
        for i in range(sessions)
    ]
    return {
        "profile": {
            "goal": "strength",
            "level": "beginner",
            "days": 7,
            "weeks": 16,
            "equipment": "bodyweight",
            "protect": "knees,lower-back,shoulders",
            "priorities": "chest,biceps",
            "maxes": {slugs[0]: {"weight_kg": 100, "reps": 5}},
        },
        "optimal": False,
        "weeks": [
            {"week": week_number or w + 1, "deload": w % 3 == 2, "sessions": week_sessions}
            for w in range(weeks)
        ],
    }


@pytest.mark.parametrize(
    ("weeks", "sessions", "exercises", "week_number"),
    [
        # The bounds allow a plan of at most MAX_PLAN_EXERCISES entries in any shape.
        (plan_model.MAX_WEEKS, 2, plan_model.MAX_EXERCISES_PER_SESSION, None),
        (8, plan_model.MAX_SESSIONS_PER_WEEK, plan_model.MAX_EXERCISES_PER_SESSION, None),
        (plan_model.MAX_WEEKS, 2, plan_model.MAX_EXERCISES_PER_SESSION, plan_model.MAX_WEEKS),
    ],
)
def test_validating_a_maximal_plan_is_bounded(
    gym: Catalog, weeks: int, sessions: int, exercises: int, week_number: int | None
) -> None:
    data = _adversarial_plan(gym, weeks, sessions, exercises, week_number)
    assert weeks * sessions * exercises <= plan_model.MAX_PLAN_EXERCISES
    # how long this takes is measured by bench/bounds_bench.py, not asserted here
    report = validate_plan(gym, data)
    assert report.errors


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda d: d["weeks"][0].update(week=1025294), "weeks.0.week"),
        (lambda d: d.update(weeks=d["weeks"] * 27), "weeks"),
        (
            lambda d: d["weeks"][0].update(sessions=d["weeks"][0]["sessions"] * 8),
            "weeks.0.sessions",
        ),
        (
            lambda d: d["weeks"][0]["sessions"][0].update(
                exercises=d["weeks"][0]["sessions"][0]["exercises"] * 21
            ),
            "weeks.0.sessions.0.exercises",
        ),
        (
            lambda d: d["weeks"][0]["sessions"][0]["exercises"][0].update(reps=[1, 10**9]),
            "weeks.0.sessions.0.exercises.0.reps.1",
        ),
        (
            lambda d: d["weeks"][0]["sessions"][0]["exercises"][0].update(load_kg=float("inf")),
            "weeks.0.sessions.0.exercises.0.load_kg",
        ),
        (
            lambda d: d["weeks"][0].update(sets_by_muscle={f"m{i}": 1 for i in range(101)}),
            "weeks.0.sets_by_muscle",
        ),
        (lambda d: d.update(relaxed=["x"] * 501), "relaxed"),
        (lambda d: d["profile"].update(exclude=["x"] * 2001), "profile.exclude"),
        (
            lambda d: d.update(validation={"errors": [{"check": "x"}] * 5001}),
            "validation",
        ),
        (
            # Within every per-list bound, but more exercise entries than the plan allows.
            lambda d: d.update(weeks=d["weeks"] * 3),
            "weeks",
        ),
    ],
)
def test_out_of_bound_plans_are_refused_naming_the_field(
    gym: Catalog, change: Callable[[dict[str, Any]], None], field: str
) -> None:
    data = _adversarial_plan(gym, 10, 5, 40)  # 2000 exercise entries: valid as it is
    validate_plan(gym, data)
    change(data)
    with pytest.raises(InvalidInputError) as caught:
        validate_plan(gym, data)
    assert caught.value.field == field


def test_a_plan_with_errors_is_never_called_optimal(
    gym: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    import repforge.planner.service as service

    error = plan_model.Finding(check="volume-floor", severity="error", message="quads: 2 sets")
    monkeypatch.setattr(
        service, "validate", lambda catalog, plan: plan_model.ValidationReport(errors=[error])
    )
    assert not make_plan(gym, {"days": 3, "weeks": 1}).optimal
    monkeypatch.undo()
    assert make_plan(gym, {"days": 3, "weeks": 1}).optimal


def _usual_rest(catalog: Catalog, plan: plan_model.Plan, item: plan_model.PlanExercise) -> int:
    option = Option(catalog.get(item.slug), item.mode)
    return make_candidate(option, plan.profile).rx.rest_seconds


@pytest.mark.slow
def test_a_short_week_short_of_time_cuts_rests_before_giving_up_a_rule() -> None:
    catalog = load_builtin()
    profile = {"goal": "fat-loss", "level": "beginner", "days": 2, "minutes": 30, "weeks": 1}
    plan = make_plan(catalog, profile)
    # At the usual short-session rests this week left chest and quads below 6 sets.
    assert not plan.validation.errors
    items = [i for s in plan.weeks[0].sessions for i in s.exercises if i.rest_seconds]
    assert any(i.rest_seconds < _usual_rest(catalog, plan, i) for i in items)
    roomy = make_plan(catalog, {**profile, "days": 3})
    assert not roomy.validation.errors
    for session in roomy.weeks[0].sessions:
        for item in session.exercises:
            if item.rest_seconds:
                assert item.rest_seconds == _usual_rest(catalog, roomy, item), item.slug
