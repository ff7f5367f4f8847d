"""Hevy CSV: kg and lb files, set types, timed and distance sets, errors by line, round trip."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from repforge.training.formats import LogFormatError, parse_hevy, write_hevy
from repforge.training.formats.common import KG_PER_LB, METRES_PER_MILE
from tests.training.formats.compare import assert_same_sets

FIXTURES = Path(__file__).parents[1] / "fixtures"


def read(name: str) -> str:
    return (FIXTURES / name).read_text("utf-8")


def test_kg_file_reads_types_notes_and_times() -> None:
    upper, cardio = parse_hevy(read("hevy_kg.csv"))
    assert (upper.started_at, upper.ended_at) == (
        datetime(2025, 7, 26, 7, 6),
        datetime(2025, 7, 26, 8, 10),
    )
    assert (upper.name, upper.notes, upper.source) == ("Upper", "Morning session", "hevy")
    kinds = [s.set_type for s in upper.sets]
    assert kinds == ["warm-up", "working", "failure", "working", "drop", "working"]
    assert upper.sets[1].rpe == 8
    assert upper.sets[3].notes == "Wide grip"
    plank = upper.sets[5]
    assert (plank.seconds, plank.reps, plank.weight_kg) == (90, None, None)
    (run,) = cardio.sets
    assert (run.metres, run.seconds) == (5200, 1650)


def test_lb_file_converts_to_kg_and_miles_to_metres() -> None:
    (legs,) = parse_hevy(read("hevy_lbs.csv"))
    squat, carry = legs.sets
    assert squat.weight_kg == pytest.approx(225 * KG_PER_LB, abs=1e-3)
    assert squat.rpe == 8.5
    assert carry.metres == pytest.approx(0.1 * METRES_PER_MILE, abs=1e-3)


def test_a_malformed_row_aborts_the_file_naming_its_line() -> None:
    with pytest.raises(LogFormatError, match=r"hevy\.csv: line 3: set_type 'superset'"):
        parse_hevy(read("hevy_malformed.csv"))


def test_a_file_without_a_weight_column_is_refused() -> None:
    with pytest.raises(LogFormatError, match="neither weight_kg nor weight_lbs"):
        parse_hevy('"title","start_time","exercise_title","set_type","reps"\n')


def test_round_trip_keeps_every_field_hevy_has() -> None:
    original = parse_hevy(read("hevy_kg.csv")) + parse_hevy(read("hevy_lbs.csv"))
    again = parse_hevy(write_hevy(original))
    assert [(w.started_at, w.ended_at, w.name, w.notes) for w in again] == [
        (w.started_at, w.ended_at, w.name, w.notes)
        for w in sorted(original, key=lambda w: w.started_at)
    ]
    assert_same_sets(sorted(original, key=lambda w: w.started_at), again)
