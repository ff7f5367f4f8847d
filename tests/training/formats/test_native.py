"""Our own JSON log: full fidelity both ways, and errors that name the field."""

from __future__ import annotations

import json
from datetime import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from repforge.training.formats import LogFormatError, parse_log, parse_native, write_native
from repforge.training.model import SET_TYPES, LoggedSet, LoggedWorkout

_amount = st.one_of(st.none(), st.floats(0, 500, allow_nan=False).map(lambda x: round(x, 3)))
_sets = st.builds(
    LoggedSet,
    exercise=st.sampled_from(["barbell-bench-press", "custom:Sled drag", "push-up"]),
    order=st.integers(0, 40),
    set_type=st.sampled_from(SET_TYPES),
    weight_kg=_amount,
    reps=st.one_of(st.none(), st.integers(0, 100)),
    seconds=_amount,
    metres=_amount,
    rir=st.one_of(st.none(), st.integers(0, 10).map(float)),
    rpe=st.one_of(st.none(), st.sampled_from([6.0, 7.5, 10.0])),
    notes=st.text(max_size=20),
)
_workouts = st.builds(
    LoggedWorkout,
    started_at=st.datetimes(datetime(2015, 1, 1), datetime(2030, 1, 1)),
    name=st.text(max_size=20),
    ended_at=st.none(),
    notes=st.text(max_size=20),
    source=st.sampled_from(["repforge", "strong", "hevy", "api"]),
    client_id=st.one_of(st.none(), st.uuids().map(str)),
    sets=st.lists(_sets, max_size=5).map(tuple),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(_workouts, max_size=4))
def test_round_trip_is_exact(workouts: list[LoggedWorkout]) -> None:
    ordered = sorted(workouts, key=lambda w: w.started_at)
    assert parse_native(write_native(workouts)) == ordered


def test_errors_name_the_field_or_line() -> None:
    good = json.loads(
        write_native([LoggedWorkout(datetime(2025, 1, 1, 9), sets=(LoggedSet("x"),))])
    )
    good["workouts"][0]["sets"][0]["set_type"] = "superset"
    with pytest.raises(LogFormatError, match=r"workouts\[0\]\.sets\[0\]\.set_type"):
        parse_native(json.dumps(good))
    with pytest.raises(LogFormatError, match="line 2: is not valid JSON"):
        parse_native('{\n  "format": ,\n}')
    with pytest.raises(LogFormatError, match="not a repforge log"):
        parse_native('{"workouts": []}')


def test_parse_log_dispatches_by_format() -> None:
    text = write_native([LoggedWorkout(datetime(2025, 1, 1, 9))])
    assert len(parse_log("repforge", text, "log.json")) == 1
    with pytest.raises(LogFormatError, match="unknown format"):
        parse_log("fitnotes", text, "log.json")  # type: ignore[arg-type]
