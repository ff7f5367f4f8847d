"""make_plan, validate_plan and alternatives_for, as the web layer and CLI call them."""

from __future__ import annotations

import pytest

from repforge.catalog.catalog import Catalog
from repforge.errors import InvalidInputError
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
