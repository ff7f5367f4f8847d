"""Supersets (planner/supersets.py): which exercises may alternate, what a pair saves, and that
short sessions use them while the time check cannot be bought with a label."""

from __future__ import annotations

import pytest

from repforge.catalog.catalog import Catalog
from repforge.planner.service import make_plan
from repforge.planner.supersets import (
    can_pair,
    pair_saving,
    pairs_of,
    rest_after,
    why_not_pair,
)
from repforge.planner.timing import TimedItem, session_seconds, work_seconds

from .factories import make_exercise

PRESS = make_exercise(
    slug="db-press", target="chest", pattern="horizontal-push", load="external",
    secondary=[{"muscle": "triceps", "weight": 0.5}], equipment={"required": ["dumbbell"]},
)  # fmt: skip
ROW = make_exercise(
    slug="db-row", target="upper-back", pattern="horizontal-pull", load="external",
    secondary=[{"muscle": "biceps", "weight": 0.5}], equipment={"required": ["dumbbell"]},
)  # fmt: skip
DIP = make_exercise(
    slug="bench-dip", target="triceps", pattern="vertical-push",
)  # fmt: skip
BAR_SQUAT = make_exercise(
    slug="bar-squat", target="quads", pattern="squat", load="external",
    equipment={"required": ["barbell", "squat-rack"]},
)  # fmt: skip
BAR_PRESS = make_exercise(
    slug="bar-press", target="front-delts", pattern="vertical-push", load="external",
    equipment={"required": ["barbell"]},
)  # fmt: skip
CARRY = make_exercise(slug="carry", target="forearms", pattern="carry")


def _item(exercise: object, sets: int = 3, rest: int = 90, label: str | None = None) -> TimedItem:
    return TimedItem(exercise, sets, (10, 10), "reps", rest, 2, superset=label)  # type: ignore[arg-type]


def test_only_exercises_that_share_nothing_may_alternate() -> None:
    assert can_pair(PRESS, ROW)
    assert not can_pair(PRESS, DIP)  # the dip's triceps are the press's secondary
    assert "same muscles" in why_not_pair(PRESS, DIP)
    assert not can_pair(BAR_SQUAT, BAR_PRESS)  # one bar holds one load
    assert "same bar or machine" in why_not_pair(BAR_SQUAT, BAR_PRESS)
    assert not can_pair(ROW, CARRY)  # a walk is not a set to alternate
    assert not can_pair(PRESS, PRESS)


def test_a_pair_saves_the_shorter_rest_of_each_round_but_the_last_less_the_walks() -> None:
    press, row = _item(PRESS, rest=90, label="A"), _item(ROW, rest=60, label="A")
    # 3 rounds: 2 x the shorter rest (60 s) saved, 3 walks of 15 s paid
    assert pair_saving(press, row) == 2 * 60 - 3 * 15
    apart = session_seconds([_item(PRESS, rest=90), _item(ROW, rest=60)], 0.0)
    assert session_seconds([press, row], 0.0) == apart - 75
    # and each exercise still rests at least its own rest: the other's set, the walk, the longer rest
    assert work_seconds(press) / 3 < 90 + 15 + work_seconds(row)


def test_a_label_saves_time_only_for_two_neighbours_that_can_pair() -> None:
    dip = _item(DIP, label="A")
    apart = session_seconds([_item(PRESS), _item(DIP)], 0.0)
    assert session_seconds([_item(PRESS, label="A"), dip], 0.0) == apart  # they compete
    three = [_item(PRESS, label="A"), _item(ROW, label="A"), _item(BAR_SQUAT, label="A")]
    assert pairs_of(three) == []
    apart_rows = [_item(PRESS, label="B"), _item(BAR_SQUAT), _item(ROW, label="B")]
    assert pairs_of(apart_rows) == []


@pytest.mark.parametrize(
    "profile",
    [
        {"goal": "hypertrophy", "level": "beginner", "days": 3, "minutes": 45},
        {"goal": "general-fitness", "level": "beginner", "days": 2, "minutes": 30},
    ],
)
def test_short_sessions_hold_supersets_a_person_can_follow(
    gym: Catalog, profile: dict[str, object]
) -> None:
    plan = make_plan(gym, {**profile, "equipment": "home-dumbbells", "weeks": 2})
    assert not plan.validation.errors
    sessions = [s for w in plan.weeks for s in w.sessions]
    paired = [s for s in sessions if any(e.superset for e in s.exercises)]
    assert paired, "a short week with dumbbells should pair something"
    for session in paired:
        marks = session.superset_marks()
        for index, exercise in enumerate(session.exercises):
            if marks[index].endswith("1"):
                mate = session.exercises[index + 1]
                assert marks[index + 1] == f"{exercise.superset}2"
                assert can_pair(gym.get(exercise.slug), gym.get(mate.slug))
                assert f"A superset with {mate.name}" in exercise.why


def test_an_hour_or_more_keeps_straight_sets(gym: Catalog) -> None:
    plan = make_plan(gym, {"goal": "hypertrophy", "level": "beginner", "days": 3, "minutes": 60})
    assert not any(e.superset for w in plan.weeks for s in w.sessions for e in s.exercises)


def test_a_superset_rests_after_its_second_exercise_for_the_longer_rest() -> None:
    marks = ("A1", "A2", "", "B1", "B2")
    rests = (60, 90, 45, 120, 60)
    assert [rest_after(rests, marks, i) for i in range(5)] == [15, 90, 45, 15, 120]
