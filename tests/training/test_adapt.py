"""The next prescription from the log: every rule, its reason, and the two safety properties."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from repforge.catalog.catalog import Catalog
from repforge.training.adapt import next_prescription, next_session
from repforge.training.loads import MAX_WEEKLY_LOAD_INCREASE, supported_load
from repforge.training.model import Increments, LoggedSet, LoggedWorkout, Prescription
from repforge.training.sets import exposures
from tests.training.conftest import workout

MONDAY = date(2026, 3, 2)
TODAY = MONDAY + timedelta(days=4)  # Friday
BENCH = Prescription("barbell-bench-press", 3, (8, 10), 2, 60.0, "")


def test_no_log_keeps_the_plan(catalog: Catalog) -> None:
    got = next_prescription(catalog, BENCH, [], TODAY, Increments())
    assert (got.load_kg, got.change) == (60.0, "start")
    assert got.why


def test_every_set_at_the_top_adds_the_smallest_plate_step_and_says_why(catalog: Catalog) -> None:
    log = [workout(MONDAY, BENCH.slug, (60, 10), (60, 10), (60, 10), rir=2)]
    got = next_prescription(catalog, BENCH, log, TODAY, Increments(barbell_kg=2.5))
    assert (got.load_kg, got.change) == (62.5, "increase")
    assert "3 x 10 at 60 kg with 2 reps in reserve" in got.why
    assert "last Monday" in got.why


def test_the_user_increment_sets_the_step(catalog: Catalog) -> None:
    log = [workout(MONDAY, BENCH.slug, (60, 10), (60, 10), (60, 10))]
    got = next_prescription(catalog, BENCH, log, TODAY, Increments(barbell_kg=1.0))
    assert got.load_kg == 61.0


def test_top_reps_below_the_target_rir_do_not_progress(catalog: Catalog) -> None:
    log = [workout(MONDAY, BENCH.slug, (60, 10), (60, 10), (60, 10), rir=0.5)]
    got = next_prescription(catalog, BENCH, log, TODAY, Increments())
    assert got.load_kg == 60.0
    assert got.change == "keep"


def test_rpe_counts_as_ten_minus_rir(catalog: Catalog) -> None:
    sets = tuple(LoggedSet(BENCH.slug, weight_kg=60, reps=10, rpe=8) for _ in range(3))
    log = [LoggedWorkout(started_at=workout(MONDAY, BENCH.slug).started_at, sets=sets)]
    got = next_prescription(catalog, BENCH, log, TODAY, Increments())
    assert got.change == "increase"
    assert "2 reps in reserve" in got.why


def test_one_miss_holds_two_misses_lower(catalog: Catalog) -> None:
    one = [workout(MONDAY, BENCH.slug, (60, 9), (60, 8), (60, 7), rir=2)]
    held = next_prescription(catalog, BENCH, one, TODAY, Increments())
    assert (held.load_kg, held.change) == (60.0, "keep")
    two = [workout(MONDAY - timedelta(days=3), BENCH.slug, (60, 7), (60, 7)), *one]
    lowered = next_prescription(catalog, BENCH, two, TODAY, Increments())
    assert lowered.change == "decrease"
    assert lowered.load_kg == 52.5
    assert "second session running" in lowered.why


def test_much_harder_than_planned_eases_off(catalog: Catalog) -> None:
    log = [workout(MONDAY, BENCH.slug, (100, 9), (100, 9), (100, 8), rir=0)]
    got = next_prescription(catalog, BENCH, log, TODAY, Increments())
    assert got.change == "decrease"
    assert got.load_kg == 95.0


def test_much_easier_than_planned_adds_more_than_one_step_within_the_cap(catalog: Catalog) -> None:
    log = [workout(MONDAY, BENCH.slug, (100, 9), (100, 9), (100, 9), rir=5)]
    got = next_prescription(catalog, BENCH, log, TODAY, Increments())
    assert got.change == "increase"
    assert got.load_kg is not None
    assert 102.5 < got.load_kg <= 110.0


def test_a_step_above_ten_percent_a_week_is_held(catalog: Catalog) -> None:
    curl = Prescription("dumbbell-curl", 3, (10, 15), 2, 8.0, "")
    log = [workout(MONDAY, curl.slug, (8, 15), (8, 15), (8, 15))]
    got = next_prescription(catalog, curl, log, TODAY, Increments(dumbbell_kg=2.0))
    assert (got.load_kg, got.change) == (8.0, "keep")
    assert "10%" in got.why


def test_bodyweight_moves_along_the_chain(catalog: Catalog) -> None:
    push = Prescription("push-up", 3, (8, 12), 2, None, "")
    top = [workout(MONDAY, "push-up", (None, 12), (None, 12), (None, 12))]
    harder = next_prescription(catalog, push, top, TODAY, Increments())
    assert harder.change == "harder"
    assert harder.replaces == "push-up"
    assert harder.slug in {r.slug for r in catalog.get("push-up").harder}
    misses = [
        workout(MONDAY - timedelta(days=3), "push-up", (None, 5), (None, 4)),
        workout(MONDAY, "push-up", (None, 6), (None, 5)),
    ]
    easier = next_prescription(catalog, push, misses, TODAY, Increments())
    assert easier.change == "easier"
    assert easier.slug in {r.slug for r in catalog.get("push-up").easier}


def _stalled_log(start: date, loads_reps: list[tuple[float, int]]) -> list[LoggedWorkout]:
    return [
        workout(start + timedelta(days=3 * i), BENCH.slug, (w, r), (w, r), (w, r), rir=2)
        for i, (w, r) in enumerate(loads_reps)
    ]


def test_three_sessions_without_e1rm_progress_deload(catalog: Catalog) -> None:
    log = _stalled_log(MONDAY - timedelta(days=9), [(80, 9), (80, 9), (80, 8), (80, 9)])
    got = next_prescription(catalog, BENCH, log, TODAY, Increments())
    assert got.change == "deload"
    assert got.sets < BENCH.sets
    assert got.rir >= 4
    assert got.load_kg is not None
    assert got.load_kg < 80
    assert "not improved in 3 sessions" in got.why


def test_a_stall_after_a_reset_switches_to_a_variation_the_user_can_do(catalog: Catalog) -> None:
    history = [(80, 9), (80, 9), (80, 8), (80, 9), (72.5, 9), (75, 9), (77.5, 8), (77.5, 8)]
    log = _stalled_log(TODAY - timedelta(days=3 * len(history)), history)
    got = next_prescription(catalog, BENCH, log, TODAY, Increments())
    assert got.change == "variation"
    assert got.replaces == BENCH.slug
    variation = catalog.get(got.slug)
    assert variation.equipment.doable_with({"barbell", "bench", "bodyweight"})


def test_after_missed_weeks_the_load_comes_down_not_up(catalog: Catalog) -> None:
    log = [workout(TODAY - timedelta(days=21), BENCH.slug, (60, 10), (60, 10), (60, 10))]
    got = next_prescription(catalog, BENCH, log, TODAY, Increments())
    assert got.change == "resume"
    assert got.load_kg == 52.5
    assert got.rir == BENCH.rir + 1
    longer = [workout(TODAY - timedelta(days=40), BENCH.slug, (60, 10))]
    assert next_prescription(catalog, BENCH, longer, TODAY, Increments()).load_kg == 47.5


def test_next_session_adapts_each_exercise_in_order(catalog: Catalog) -> None:
    squat = Prescription("barbell-back-squat", 3, (5, 8), 2, 100.0, "")
    log = [workout(MONDAY, BENCH.slug, (60, 10), (60, 10), (60, 10))]
    got = next_session(catalog, [BENCH, squat], log, TODAY, Increments())
    assert [p.slug for p in got] == [BENCH.slug, squat.slug]
    assert [p.change for p in got] == ["increase", "start"]


_loads = st.sampled_from([20.0, 22.5, 40.0, 60.0, 61.0, 100.0, 140.0])
_sets = st.lists(
    st.tuples(_loads, st.integers(1, 15), st.one_of(st.none(), st.integers(0, 5))),
    min_size=1,
    max_size=4,
)


@settings(max_examples=150, deadline=None)
@given(
    sessions=st.lists(st.tuples(st.integers(1, 20), _sets), min_size=1, max_size=8),
    lo=st.integers(3, 10),
    width=st.integers(0, 5),
    rir=st.integers(0, 4),
    step=st.sampled_from([0.5, 1.0, 2.5, 5.0]),
)
def test_properties_never_beyond_the_weekly_cap_nor_beyond_the_log(
    catalog: Catalog,
    sessions: list[tuple[int, list[tuple[float, int, int | None]]]],
    lo: int,
    width: int,
    rir: int,
    step: float,
) -> None:
    day = TODAY - timedelta(days=sum(gap for gap, _ in sessions))
    log = []
    for gap, sets in sessions:
        log.append(
            LoggedWorkout(
                started_at=workout(day, BENCH.slug).started_at,
                sets=tuple(LoggedSet(BENCH.slug, weight_kg=w, reps=r, rir=x) for w, r, x in sets),
            )
        )
        day += timedelta(days=gap)
    planned = Prescription(BENCH.slug, 3, (lo, lo + width), rir, 60.0, "")
    got = next_prescription(catalog, planned, log, TODAY, Increments(barbell_kg=step))
    assert got.why
    if got.load_kg is None:
        assert got.change in {"variation", "harder", "easier"}
        return
    past = exposures(log, BENCH.slug, TODAY)
    last = past[-1].load
    assert last is not None
    # never a load the log does not support: one step over the last working load, or what the
    # effort-adjusted e1RM of those sets gives for the planned reps and RIR
    chart = supported_load(past[-1].sets, planned, step) or 0.0
    assert got.load_kg <= max(last + step, chart) + 1e-9
    # never more than the science's weekly increase over the lightest load of the past week
    week = [e.load for e in past if e.load and (TODAY - e.day).days <= 7] or [last]
    assert got.load_kg <= max(last, min(week) * (1 + MAX_WEEKLY_LOAD_INCREASE)) + 1e-9
    assert got.load_kg > 0


def test_a_stronger_past_years_ago_is_not_a_stall_now(catalog: Catalog) -> None:
    old = [
        workout(date(2021, 1, 4) + timedelta(days=3 * i), BENCH.slug, (140, 8)) for i in range(5)
    ]
    recent = _stalled_log(TODAY - timedelta(days=12), [(60, 8), (60, 9), (62.5, 8), (62.5, 9)])
    got = next_prescription(catalog, BENCH, old + recent, TODAY, Increments())
    assert got.change == "keep"
    assert got.load_kg == 62.5


def test_assisted_exercises_progress_by_taking_help_away(catalog: Catalog) -> None:
    assisted = Prescription("machine-assisted-pull-up", 3, (6, 10), 2, 30.0, "")
    top = [workout(MONDAY, assisted.slug, (30, 10), (30, 10), (30, 10))]
    less = next_prescription(catalog, assisted, top, TODAY, Increments(machine_kg=5))
    assert (less.change, less.load_kg) == ("less-assistance", 25.0)
    assert "take away 5 kg of help" in less.why
    misses = [
        workout(MONDAY - timedelta(days=3), assisted.slug, (30, 4)),
        workout(MONDAY, assisted.slug, (30, 5)),
    ]
    more = next_prescription(catalog, assisted, misses, TODAY, Increments(machine_kg=5))
    assert (more.change, more.load_kg) == ("more-assistance", 35.0)
    gap = [workout(TODAY - timedelta(days=30), assisted.slug, (30, 8))]
    resumed = next_prescription(catalog, assisted, gap, TODAY, Increments(machine_kg=5))
    assert resumed.load_kg is not None
    assert resumed.load_kg > 30
    last_help = [workout(MONDAY, assisted.slug, (5, 10), (5, 10), (5, 10))]
    off = next_prescription(catalog, assisted, last_help, TODAY, Increments(machine_kg=5))
    assert off.change == "harder"
    assert off.slug in {r.slug for r in catalog.get(assisted.slug).harder}


def test_timed_holds_use_seconds_against_the_range(catalog: Catalog) -> None:
    plank = Prescription("plank", 3, (30, 60), 2, None, "")
    sets = tuple(LoggedSet("plank", seconds=60) for _ in range(3))
    log = [LoggedWorkout(started_at=workout(MONDAY, "plank").started_at, sets=sets)]
    got = next_prescription(catalog, plank, log, TODAY, Increments())
    assert got.change == "harder"
    assert "3 x 60 s" in got.why


def test_reasons_can_speak_pounds_while_loads_stay_in_kg(catalog: Catalog) -> None:
    log = [workout(MONDAY, BENCH.slug, (61.235, 10), (61.235, 10), (61.235, 10))]
    got = next_session(catalog, [BENCH], log, TODAY, Increments(barbell_kg=2.268), unit="lb")[0]
    assert "3 x 10 at 135 lb" in got.why
    assert "140 lb for 3 x 8-10" in got.why
    assert got.load_kg == pytest.approx(63.503)


def test_a_planned_deload_week_goes_lighter_whatever_the_log(catalog: Catalog) -> None:
    deload = Prescription(BENCH.slug, 2, (8, 10), 4, 60.0, "")
    log = [workout(MONDAY, BENCH.slug, (60, 10), (60, 10), (60, 10))]
    got = next_prescription(catalog, deload, log, TODAY, Increments())
    assert (got.change, got.sets, got.rir) == ("deload", 2, 4)
    assert got.load_kg == 52.5
