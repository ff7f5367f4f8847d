"""Science tables and per-exercise prescriptions."""

from __future__ import annotations

import pytest

from repforge.catalog.catalog import Catalog
from repforge.planner import prescription as rx


@pytest.mark.parametrize(("n", "percent"), [(1, 100.0), (5, 86.3), (8, 78.6), (10, 73.9)])
def test_rts_chart_values(n: float, percent: float) -> None:
    assert rx.percent_1rm(n) == percent


def test_chart_interpolates_and_uses_inverse_epley_past_ten() -> None:
    assert rx.percent_1rm(5.25) == pytest.approx((86.3 + 85.0) / 2)
    assert rx.percent_1rm(12) == pytest.approx(71.43, abs=0.01)


def test_e1rm_is_epley_with_reps_in_reserve() -> None:
    assert rx.e1rm(100, 1) == 100
    assert rx.e1rm(100, 10) == pytest.approx(133.33, abs=0.01)
    assert rx.e1rm(100, 8, rir=2) == rx.e1rm(100, 10)


def test_starting_load_rounds_down_to_a_plate() -> None:
    load = rx.starting_load(120, reps=8, rir=2)  # 120 x 73.9 % = 88.7 kg
    assert load == 87.5


def test_prescription_by_goal_and_role(gym: Catalog) -> None:
    squat, curl = gym.get("barbell-back-squat"), gym.get("dumbbell-curl")
    assert rx.prescribe(squat, "strength", "intermediate").reps == (3, 6)
    assert rx.prescribe(squat, "strength", "intermediate").rest_seconds >= 120
    assert rx.prescribe(curl, "hypertrophy", "intermediate").reps == (10, 15)
    assert rx.prescribe(squat, "endurance", "beginner").reps[0] >= 12


def test_units_follow_tracking_and_mode(gym: Catalog) -> None:
    assert rx.prescribe(gym.get("plank"), "general-fitness", "beginner").unit == "seconds"
    assert rx.prescribe(gym.get("farmers-carry"), "general-fitness", "beginner").unit == "meters"
    negatives = rx.prescribe(gym.get("pull-up"), "hypertrophy", "beginner", "eccentric-only")
    assert (negatives.unit, negatives.reps) == ("reps", rx.ECCENTRIC_REPS)


def test_every_table_range_is_inside_what_the_validator_accepts() -> None:
    for goal in rx.GOALS:
        for level in rx.LEVELS:
            lo, hi = rx.SETS_PER_EXERCISE[goal][level]
            bounds = rx.BEGINNER_SET_BOUNDS if level == "beginner" else rx.SET_BOUNDS[goal]
            assert bounds[0] <= lo <= hi <= bounds[1]
            for role, (r_lo, r_hi) in rx.REPS[goal][level].items():
                rep_bounds = rx.REP_BOUNDS[goal]
                if goal == "strength" and role == "main":
                    rep_bounds = rx.STRENGTH_MAIN_REP_BOUNDS[level]
                assert rep_bounds[0] <= r_lo < r_hi <= rep_bounds[1]
                rest_lo, rest_hi = rx.REST_BOUNDS[goal][role]
                assert rest_lo <= rx.REST_SECONDS[goal][level][role] <= rest_hi
            start, end = rx.RIR_RAMP[goal][level]
            assert rx.RIR_HARD_SET_MAX >= start >= end >= 1


def test_failure_safety_and_minimum_rir(gym: Catalog) -> None:
    squat, press = gym.get("barbell-back-squat"), gym.get("machine-chest-press")
    assert not rx.failure_safe(squat)
    assert rx.failure_safe(press)
    assert rx.min_rir(squat, "intermediate", 3) == 1
    assert rx.min_rir(press, "beginner", 2) == 2
    assert rx.min_rir(press, "beginner", 6) == 1
    assert rx.min_rir(press, "advanced", 1) == 0


def test_week_one_hypertrophy_caps_sit_at_mev_plus_two() -> None:
    assert rx.landmark_cap("chest", "hypertrophy", "intermediate", first_week=True) == 10
    assert rx.landmark_cap("chest", "hypertrophy", "intermediate", first_week=False) == 20
    assert rx.landmark_cap("back", "hypertrophy", "advanced", first_week=False) == 25  # MRV
    assert rx.landmark_floor("side-delts", "hypertrophy", "intermediate") == 8
    assert rx.landmark_floor("side-delts", "hypertrophy", "beginner") == 0
    assert rx.muscle_floor("fat-loss") == 6


def test_landmark_groups() -> None:
    assert rx.landmark_of("lats") == rx.landmark_of("upper-back") == "back"
    assert rx.landmark_of("obliques") is None


@pytest.mark.parametrize("kit", ["barbell", "trap-bar"])
def test_barbell_kit_means_the_same_to_the_planner_and_the_quality_gates(kit: str) -> None:
    from repforge.catalog import quality, vocab
    from tests.planner.factories import make_exercise

    assert kit in vocab.BARBELL_KIT
    lift = make_exercise(mechanic="compound", equipment={"required": [kit]})
    assert not rx.failure_safe(lift)
    assert quality._heavy([kit]) == {kit}
