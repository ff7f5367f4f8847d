"""Progress: e1RM series, records as they happen, weekly sets per muscle, adherence."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from repforge.catalog.catalog import Catalog
from repforge.training.model import LoggedSet, LoggedWorkout, Prescription
from repforge.training.progress import (
    MuscleVolume,
    adherence,
    e1rm_series,
    personal_records,
    records_in,
    week_start,
    weekly_sets,
    weekly_sets_by_week,
)
from tests.training.conftest import workout

DAY = date(2026, 3, 2)  # a Monday
BENCH = "barbell-bench-press"


def test_e1rm_is_epley_best_per_day_and_skips_high_rep_sets() -> None:
    log = [
        workout(DAY, BENCH, (100, 5), (90, 8)),
        workout(DAY, BENCH, (60, 20)),  # more than 12 reps: no estimate
        workout(DAY + timedelta(days=2), BENCH, (80, 12)),
    ]
    series = e1rm_series(log, BENCH)
    assert [(p.day, p.value) for p in series] == [
        (DAY, pytest.approx(116.7, abs=0.05)),  # 100 * (1 + 5/30)
        (DAY + timedelta(days=2), pytest.approx(112.0, abs=0.05)),  # 80 * 1.4
    ]


def test_warm_ups_never_count() -> None:
    sets = (LoggedSet(BENCH, set_type="warm-up", weight_kg=140, reps=3),)
    log = [LoggedWorkout(datetime(2026, 3, 2, 9), sets=sets)]
    assert e1rm_series(log, BENCH) == []
    assert personal_records(log, BENCH) == []


def test_records_are_flagged_as_they_happen() -> None:
    first = workout(DAY, BENCH, (100, 5), (100, 5))
    second = workout(DAY + timedelta(days=3), BENCH, (100, 7), (102.5, 3))
    kinds = {(r.kind, r.weight_kg, r.reps) for r in records_in(second, [first, second])}
    assert kinds == {
        ("heaviest-weight", 102.5, 3),
        ("best-reps", 100, 7),
        ("best-e1rm", 100, 7),
        ("best-volume", 100, 7),
    }
    assert records_in(first, [first, second]) == []  # the first session is the baseline
    worse = workout(DAY + timedelta(days=6), BENCH, (90, 5))
    assert records_in(worse, [first, second, worse]) == []


def test_personal_records_replays_the_whole_history_in_order() -> None:
    log = [
        workout(DAY + timedelta(days=3), BENCH, (105, 5)),
        workout(DAY, BENCH, (100, 5)),
    ]
    records = personal_records(log, BENCH)
    assert {r.day for r in records} == {DAY + timedelta(days=3)}
    assert "Heaviest weight: 105 kg x 5" in [r.text for r in records]


def test_weekly_sets_direct_and_fractional_follow_the_catalog(catalog: Catalog) -> None:
    bench = catalog.get(BENCH)
    hard = (LoggedSet(BENCH, weight_kg=60, reps=10, rir=2),) * 3
    warm = (LoggedSet(BENCH, set_type="warm-up", weight_kg=20, reps=10),)
    easy = (LoggedSet(BENCH, weight_kg=20, reps=10, rir=8),)  # not a hard set
    custom = (LoggedSet("custom:Sled drag", reps=10),)
    log = [
        LoggedWorkout(datetime(2026, 3, 4, 9), sets=hard + warm + easy + custom),
        LoggedWorkout(datetime(2026, 3, 11, 9), sets=hard),  # the following week
    ]
    week = weekly_sets(log, catalog, date(2026, 3, 6))
    assert week[bench.target] == MuscleVolume(3, 3.0)
    for secondary in bench.secondary:
        assert week[secondary.muscle].direct == 0
        assert week[secondary.muscle].fractional == pytest.approx(3 * secondary.weight)
    assert set(weekly_sets_by_week(log, catalog)) == {date(2026, 3, 2), date(2026, 3, 9)}


def test_adherence_counts_planned_sets_done_in_the_same_week() -> None:
    plan = {
        DAY: [Prescription(BENCH, 3, (8, 10), 2, 60, "")],
        DAY + timedelta(days=2): [Prescription("barbell-back-squat", 3, (5, 8), 2, 100, "")],
    }
    log = [workout(DAY + timedelta(days=1), BENCH, (60, 10), (60, 10), (60, 10), (60, 10))]
    (week,) = adherence(plan, log)
    assert (week.week, week.planned_sessions, week.done_sessions) == (DAY, 2, 1)
    assert (week.planned_sets, week.done_sets, week.share) == (6, 3, 0.5)


def test_week_start_is_monday() -> None:
    assert week_start(date(2026, 3, 8)) == DAY
