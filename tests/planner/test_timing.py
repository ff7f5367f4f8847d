"""The session time model reproduces the worked examples of docs/planner-rules.md §5.3."""

from __future__ import annotations

from repforge.planner.timing import (
    TimedItem,
    general_warmup_seconds,
    minutes_of,
    session_seconds,
    set_seconds,
    sides,
    warmup_sets,
)

from .factories import make_exercise


def _compound(slug: str, pattern: str, **kit: object) -> TimedItem:
    ex = make_exercise(slug=slug, pattern=pattern, load="external", **kit)
    return TimedItem(ex, 3, (10, 10), "reps", 90, 2)


def test_hypertrophy_worked_example_is_39_minutes() -> None:
    # 5 exercises x 3 x 10 reps, 90 s rest; two compounds get 2 ramp sets; 5 min general warm-up.
    items = [
        _compound("press-a", "horizontal-push", equipment={"required": ["dumbbell"]}),
        _compound("row-a", "horizontal-pull", equipment={"required": ["dumbbell"]}),
        *(
            TimedItem(
                make_exercise(slug=f"iso-{i}", mechanic="isolation", pattern=p),
                3,
                (10, 10),
                "reps",
                90,
                2,
            )
            for i, p in enumerate(("elbow-flexion", "elbow-extension", "lateral-raise"))
        ),
    ]
    assert set_seconds(items[2]) == 40
    assert session_seconds(items, general_s=300) == 2356
    assert minutes_of(2356) == 40


def test_strength_worked_example_is_69_minutes() -> None:
    # 4 exercises x 4 x 5 reps, 180 s rest, barbell; 3 ramp sets each; no general warm-up.
    patterns = ("squat", "horizontal-push", "hinge", "vertical-push")
    items = [
        TimedItem(
            make_exercise(
                slug=f"lift-{p}", pattern=p, load="external", equipment={"required": ["barbell"]}
            ),
            4,
            (5, 5),
            "reps",
            180,
            2,
        )
        for p in patterns
    ]
    assert warmup_sets(items[0]) == 3
    assert set_seconds(items[0]) == 32.5
    assert session_seconds(items, general_s=0) == 4120


def test_ramp_sets_follow_the_working_load() -> None:
    ex = make_exercise(load="external")
    assert warmup_sets(TimedItem(ex, 3, (5, 8), "reps", 120, 1)) == 3  # 6 reps to failure: 84 %
    assert warmup_sets(TimedItem(ex, 3, (8, 12), "reps", 90, 3)) == 2  # 11: 73 %
    assert warmup_sets(TimedItem(ex, 3, (15, 20), "reps", 60, 2)) == 0  # 17: 64 %
    bodyweight = make_exercise()
    assert warmup_sets(TimedItem(bodyweight, 3, (5, 8), "reps", 90, 1)) == 0


def test_only_the_first_exercise_of_a_pattern_warms_up() -> None:
    first = _compound("one", "squat")
    second = _compound("two", "squat")
    both = session_seconds([first, second], 0)
    assert both - session_seconds([first], 0) < session_seconds([second], 0) + 60


def test_a_pattern_is_ramped_up_to_its_heaviest_exercise_wherever_it_stands() -> None:
    heavy = TimedItem(make_exercise(slug="heavy", load="external"), 3, (5, 8), "reps", 120, 1)
    light = TimedItem(make_exercise(slug="light"), 2, (10, 15), "reps", 60, 2)
    assert warmup_sets(heavy) == 3
    assert warmup_sets(light) == 0
    # A body-weight squat placed first does not stand in for the barbell squat's ramp sets.
    assert session_seconds([light, heavy], 0) == session_seconds([heavy, light], 0)
    alone = session_seconds([light], 0) + session_seconds([heavy], 0)
    assert session_seconds([light, heavy], 0) == alone + 60  # one move between them


def test_unilateral_work_is_timed_per_side() -> None:
    ex = make_exercise(laterality="unilateral")
    assert sides(ex) == 2
    assert set_seconds(TimedItem(ex, 1, (10, 10), "reps", 60, 2)) == 2 * 10 * 3 + 10


def test_general_warm_up_only_for_sessions_of_30_minutes_and_not_strength() -> None:
    assert general_warmup_seconds("hypertrophy", 45) == 300
    assert general_warmup_seconds("hypertrophy", 20) == 0
    assert general_warmup_seconds("strength", 90) == 0
