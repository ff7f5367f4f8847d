"""A validator that cannot be fooled: real generated plans, edited by hand, each edit caught."""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from typing import Any

import pytest

from repforge.catalog import vocab
from repforge.catalog.catalog import Catalog
from repforge.planner import prescription as rx
from repforge.planner.plan import Finding, Plan
from repforge.planner.service import make_plan
from repforge.planner.session_checks import session_minutes
from repforge.planner.supersets import can_pair
from repforge.planner.validate import days_of, validate

HYPERTROPHY = {"goal": "hypertrophy", "level": "intermediate", "days": 4, "minutes": 60, "weeks": 3}
HOME = {**HYPERTROPHY, "days": 3, "equipment": "home-dumbbells"}
STRENGTH = {
    "goal": "strength",
    "level": "intermediate",
    "days": 3,
    "minutes": 75,
    "weeks": 3,
    "maxes": {"barbell-bench-press": 100},
}
Data = dict[str, Any]


@pytest.fixture(scope="module")
def plans(gym: Catalog) -> dict[str, Plan]:
    return {
        name: make_plan(gym, profile)
        for name, profile in {"gym": HYPERTROPHY, "home": HOME, "strength": STRENGTH}.items()
    }


def edit(plan: Plan, change: Callable[[Data], object]) -> Plan:
    """The plan's JSON, changed by hand, read back as a plan file."""
    data = copy.deepcopy(plan.to_json_data())
    change(data)
    return Plan.model_validate(data)


def found(gym: Catalog, plan: Plan, check: str, severity: str = "error") -> list[Finding]:
    report = validate(gym, plan)
    return [
        f for f in [*report.errors, *report.warnings] if (f.check, f.severity) == (check, severity)
    ]


def test_the_unedited_plans_are_clean(gym: Catalog, plans: dict[str, Plan]) -> None:
    # Each case below starts from a plan with no errors, so every finding is the edit's.
    for plan in plans.values():
        assert validate(gym, plan).errors == []


def test_a_week_of_pushing_without_pulling_is_an_error(
    gym: Catalog, plans: dict[str, Plan]
) -> None:
    pulls = {e.slug for e in gym if e.pattern in rx.PULL_PATTERNS}

    def no_pulling(data: Data) -> None:
        for session in data["weeks"][0]["sessions"]:
            session["exercises"] = [e for e in session["exercises"] if e["slug"] not in pulls]

    hits = found(gym, edit(plans["gym"], no_pulling), "push-pull-balance")
    assert [f.week for f in hits] == [1]
    assert "no pulling" in hits[0].message


def test_no_pulling_is_no_error_when_nothing_lets_you_pull(gym: Catalog) -> None:
    # Body weight only: every row in the test gym needs kit, so pushing alone is all there is.
    plan = make_plan(gym, {**HYPERTROPHY, "equipment": "bodyweight", "weeks": 1})
    assert not found(gym, plan, "push-pull-balance")


def test_an_ignored_priority_is_an_error(gym: Catalog, plans: dict[str, Plan]) -> None:
    plan = plans["gym"]
    least = min(
        (m for m in vocab.MUSCLES if m.major),
        key=lambda m: plan.weeks[0].sets_by_muscle.get(m.slug, 0.0),
    )

    def prioritise(data: Data) -> None:
        data["profile"]["priorities"] = [least.slug]

    hits = found(gym, edit(plan, prioritise), "priority-volume")
    assert hits
    assert hits[0].message.startswith(f"Your priority, the {least.name.lower()}, gets ")


def test_copies_of_week_one_show_no_progression(gym: Catalog, plans: dict[str, Plan]) -> None:
    def flat(data: Data) -> None:
        for week in data["weeks"][1:]:
            week["sessions"] = copy.deepcopy(data["weeks"][0]["sessions"])
            for session in week["sessions"]:
                for exercise in session["exercises"]:
                    exercise["rir"] = max(0, exercise["rir"] - 1)  # only effort changes

    assert found(gym, edit(plans["gym"], flat), "visible-progression")
    assert not found(gym, plans["gym"], "visible-progression")


def test_a_light_main_lift_breaks_the_intensity_rule(gym: Catalog, plans: dict[str, Plan]) -> None:
    def light(data: Data) -> None:
        for session in data["weeks"][0]["sessions"]:
            for exercise in session["exercises"]:
                if exercise["slug"] == "barbell-bench-press":
                    exercise["load_kg"] = 50.0  # half the lifter's best

    hits = found(gym, edit(plans["strength"], light), "intensity", "warning")
    week_one = [f for f in hits if f.week == 1]
    assert [f.slug for f in week_one] == ["barbell-bench-press"]
    assert "Barbell Bench Press never goes above about 50 % of your best" in week_one[0].message


def test_warm_ups_must_use_the_profiles_kit(gym: Catalog, plans: dict[str, Plan]) -> None:
    def bike(data: Data) -> None:
        data["weeks"][0]["sessions"][0]["warm_up"] = [
            {"slug": "stationary-bike", "name": "Stationary bike", "minutes": 5}
        ]

    hits = found(gym, edit(plans["home"], bike), "warm-up")
    assert len(hits) == 1
    assert "needs equipment you do not have" in hits[0].message


def test_the_same_exercise_twice_in_a_session(gym: Catalog, plans: dict[str, Plan]) -> None:
    def twice(data: Data) -> None:
        session = data["weeks"][0]["sessions"][0]
        session["exercises"].append(copy.deepcopy(session["exercises"][0]))

    first = plans["gym"].weeks[0].sessions[0].exercises[0]
    hits = found(gym, edit(plans["gym"], twice), "repeated-exercise")
    assert [f.slug for f in hits] == [first.slug]


def test_two_sessions_on_one_weekday(gym: Catalog, plans: dict[str, Plan]) -> None:
    def same_day(data: Data) -> None:
        sessions = data["weeks"][1]["sessions"]
        sessions[1]["day"] = sessions[0]["day"]

    hits = found(gym, edit(plans["gym"], same_day), "same-day-sessions")
    assert [f.week for f in hits] == [2]


def test_totals_are_recomputed_not_trusted(gym: Catalog, plans: dict[str, Plan]) -> None:
    def inflate(data: Data) -> None:
        data["weeks"][0]["sets_by_muscle"]["quads"] += 5
        data["weekly_direct_sets_by_muscle"]["chest"] = 20

    hits = found(gym, edit(plans["gym"], inflate), "stated-totals")
    assert len(hits) == 2
    assert any("quads" in f.message for f in hits)

    def quicker(data: Data) -> None:
        data["weeks"][0]["sessions"][0]["estimated_minutes"] = 10

    hits = found(gym, edit(plans["gym"], quicker), "stated-totals")
    assert hits
    assert "says it takes 10 minutes" in hits[0].message


def test_a_conditioning_label_does_not_escape_the_time_check(
    gym: Catalog, plans: dict[str, Plan]
) -> None:
    def relabel(data: Data) -> None:
        session = data["weeks"][0]["sessions"][0]
        session["kind"] = "conditioning"
        for exercise in session["exercises"]:
            exercise["sets"] = 6

    plan = edit(plans["gym"], relabel)
    assert found(gym, plan, "session-label")
    assert [f.day for f in found(gym, plan, "session-time")] == [plan.weeks[0].sessions[0].day]


@pytest.mark.parametrize(
    ("plan_name", "advice", "why"),
    [
        ("home", "Barbell Back Squat", "needs equipment you do not have"),
        ("gym", "Pistol Squat", "which you asked to protect"),
    ],
)
def test_progression_advice_toward_what_the_profile_rules_out(
    gym: Catalog, plans: dict[str, Plan], plan_name: str, advice: str, why: str
) -> None:
    def point(data: Data) -> None:
        data["profile"]["protect"] = ["knees"] if plan_name == "gym" else []
        exercise = data["weeks"][0]["sessions"][0]["exercises"][0]
        exercise["progression"] = (
            f"When every set reaches the top of the range, move on to {advice}."
        )

    hits = found(gym, edit(plans[plan_name], point), "progression-advice")
    assert len(hits) == 1
    assert advice in hits[0].message
    assert why in hits[0].message


# Slugs of muscles, joints and patterns with a hyphen: a message naming one was written for tools.
SLUGS = re.compile(
    r"\b(?:"
    + "|".join(
        re.escape(s)
        for s in [*vocab.MUSCLES.slugs, *vocab.JOINTS.slugs, *vocab.PATTERNS.slugs]
        if "-" in s
    )
    + r")\b"
)
FIGURE_BELOW = re.compile(r"get (\d+(?:\.\d+)?) hard sets? a week; (\d+) (?:is|or more)")


def test_messages_are_sentences_without_ids_and_figures_stay_below_their_floor(
    gym: Catalog,
) -> None:
    profiles: list[Data] = [
        {**HYPERTROPHY, "equipment": "bodyweight", "priorities": "side-delts"},
        {**HOME, "protect": "knees,lower-back", "goal": "fat-loss"},
        {"goal": "strength", "level": "beginner", "days": 2, "minutes": 30},
    ]
    messages = []
    for profile in profiles:
        report = validate(gym, make_plan(gym, profile))
        for f in [*report.errors, *report.warnings]:
            messages.append(f.message)
            assert f.check not in f.message
            assert not SLUGS.search(f.message), f.message
            assert f.message[0].isupper(), f.message
            assert f.message.endswith("."), f.message
    figures = [m for m in messages if FIGURE_BELOW.search(m)]
    assert figures  # the profiles above are chosen to miss some floors
    for message in figures:
        have, floor = FIGURE_BELOW.search(message).groups()  # type: ignore[union-attr]
        assert float(have) < float(floor), message


def test_a_superset_label_must_pair_two_neighbours_that_can_alternate(
    gym: Catalog, plans: dict[str, Plan]
) -> None:
    session = plans["gym"].weeks[0].sessions[0]
    competing = next(
        i
        for i in range(len(session.exercises) - 1)
        if not can_pair(gym.get(session.exercises[i].slug), gym.get(session.exercises[i + 1].slug))
    )

    def pair_competing(data: Data) -> None:
        exercises = data["weeks"][0]["sessions"][0]["exercises"]
        exercises[competing]["superset"] = exercises[competing + 1]["superset"] = "A"

    edited = edit(plans["gym"], pair_competing)
    hits = found(gym, edited, "superset")
    assert len(hits) == 1
    assert "do them one after the other" in hits[0].message
    # and the label bought no minutes: the session's time is what it was
    profile = plans["gym"].profile
    before, _ = days_of(gym, plans["gym"].weeks[0].sessions, 1)
    after, _ = days_of(gym, edited.weeks[0].sessions, 1)
    assert session_minutes(profile, after[0]) == session_minutes(profile, before[0])

    def lone(data: Data) -> None:
        data["weeks"][0]["sessions"][0]["exercises"][0]["superset"] = "B"

    hits = found(gym, edit(plans["gym"], lone), "superset")
    assert len(hits) == 1
    assert "a superset is two exercises next to each other" in hits[0].message
