"""Reasons given for each exercise and session."""

from __future__ import annotations

import re
from typing import Any

import pytest

from repforge.catalog.catalog import Catalog
from repforge.planner import prescription as rx
from repforge.planner.explain import (
    WeekShare,
    kit_phrase,
    progression_note,
    requirement_label,
    why_exercise,
    why_session,
)
from repforge.planner.profile import Option, Profile
from repforge.planner.service import make_plan
from repforge.planner.validate import meets, requirements


def test_why_names_muscles_pattern_and_kit(gym: Catalog) -> None:
    text = why_exercise(Option(gym.get("one-arm-dumbbell-row")), Profile())
    assert "Horizontal pull for the lats" in text
    assert "upper back" in text
    assert "dumbbell and bench" in text


def test_why_explains_regressions_priorities_and_familiarity(gym: Catalog) -> None:
    profile = Profile(priorities=("lats",), familiar=("pull-up",))
    negatives = why_exercise(
        Option(gym.get("pull-up"), "eccentric-only", "pull-up"), profile, "Pull-Up"
    )
    assert "lower yourself slowly" in negatives
    assert "priority" in negatives
    assert "already know" in negatives
    easier = why_exercise(
        Option(gym.get("band-assisted-pull-up"), "normal", "pull-up"), profile, "Pull-Up"
    )
    assert "easier step toward Pull-Up" in easier


def test_kit_phrase_lists_options_with_or(gym: Catalog) -> None:
    assert kit_phrase(gym.get("goblet-squat")) == "dumbbell or kettlebell"
    assert kit_phrase(gym.get("push-up")) == "no equipment"


def test_progression_notes(gym: Catalog) -> None:
    push_up = Option(gym.get("push-up"))
    pres = rx.prescribe(push_up.exercise, "general-fitness", "beginner")
    assert "Decline Push-Up" in progression_note(push_up, pres, "Decline Push-Up")
    bench = Option(gym.get("dumbbell-bench-press"))
    assert "smallest step" in progression_note(
        bench, rx.prescribe(bench.exercise, "hypertrophy", "beginner"), None
    )


def test_session_reason_has_time_and_sets() -> None:
    text = why_session("Upper A", 52, 60, {"chest": 6, "lats": 6}, deload=False)
    assert "12 hard sets" in text
    assert "about 52 of your 60 minutes" in text
    assert "chest 6" in text
    assert "conditioning" in why_session("Rest day", 30, 45, {}, deload=False)


def test_why_opens_with_what_the_exercise_brings_to_the_week(gym: Catalog) -> None:
    bench = Option(gym.get("dumbbell-bench-press"))
    text = why_exercise(bench, Profile(), share=WeekShare(3, 6, 9))
    assert text.startswith("3 of the week's 9 direct sets for the chest.")
    only = why_exercise(bench, Profile(), share=WeekShare(3, 3, 3, only="horizontal-push"))
    assert only.startswith("The week's only horizontal push exercise: 3 sets here.")
    twice = why_exercise(bench, Profile(), share=WeekShare(3, 9, 9, only="horizontal-push"))
    assert twice.startswith(
        "The week's only horizontal push exercise: 3 sets here, 9 over the week."
    )
    squat = Option(gym.get("barbell-back-squat"))
    strength = Profile(goal="strength", level="intermediate")
    main = why_exercise(squat, strength, share=WeekShare(5, 10, 10, main=True))
    assert main.startswith("Main squat lift of your strength plan: 5 of the week's 10 squat sets.")
    hinge = why_exercise(
        Option(gym.get("glute-bridge")), Profile(), share=WeekShare(2, 2, 2, "hinge")
    )
    assert "only hinge or hip extension exercise" in hinge


def test_regressions_say_who_ruled_the_skill_out(gym: Catalog) -> None:
    band = Option(gym.get("band-assisted-pull-up"), "normal", "pull-up")
    asked = why_exercise(band, Profile(cannot_do=("pull-up",)), "Pull-Up")
    assert "An easier step toward Pull-Up, which you said you cannot do yet." in asked
    level = why_exercise(band, Profile(level="beginner"), "Pull-Up")
    assert "the usual choice here, but rarely within reach at beginner level yet" in level
    assert "cannot do" not in level
    plain = why_exercise(Option(gym.get("plank")), Profile())
    assert "easier step" not in plain


def test_short_sessions_say_which_caps_bind() -> None:
    text = why_session("Push A", 40, 75, {"chest": 5}, deload=False, capped={"chest": 10})
    assert "Shorter than your 75 minutes on purpose" in text
    assert "chest (10)" in text


WEEK_SHARE = re.compile(r"^(\d+) of the week's (\d+) direct sets for the ([a-z ]+)\.")
ONLY = re.compile(
    r"^The week's only ([a-z ]+) exercise: (\d+) sets here(?:, (\d+) over the week)?\."
)


@pytest.mark.parametrize(
    "profile",
    [
        {"goal": "general-fitness", "level": "beginner", "days": 3, "equipment": "bodyweight"},
        {"goal": "hypertrophy", "level": "intermediate", "days": 4, "weeks": 2},
        {"goal": "fat-loss", "level": "beginner", "days": 3, "equipment": "home-dumbbells"},
    ],
)
def test_the_figures_in_each_why_are_the_plans_own(gym: Catalog, profile: dict[str, Any]) -> None:
    plan = make_plan(gym, profile)
    labels = {requirement_label(k): k for k in requirements(plan.profile)}
    claims = 0
    for week in plan.weeks:
        hard = [
            (s, e, gym.get(e.slug))
            for s in week.sessions
            for e in s.exercises
            if rx.is_hard_set_work(gym.get(e.slug))
        ]
        for _, e, ex in hard:
            share = WEEK_SHARE.match(e.why)
            if share:
                claims += 1
                direct = sum(o.sets for _, o, x in hard if x.target == ex.target)
                assert (int(share[1]), int(share[2])) == (e.sets, direct), e.why
            only = ONLY.match(e.why)
            if only:
                claims += 1
                key = labels[only[1]]
                pats = requirements(plan.profile)[key]
                hosts = {x.slug for _, _, x in hard if meets(x, pats, key)}
                assert hosts == {ex.slug}, e.why
                assert int(only[2]) == e.sets
                weekly = sum(o.sets for _, o, x in hard if x.slug == ex.slug)
                assert int(only[3] or e.sets) == weekly, e.why
    assert claims
