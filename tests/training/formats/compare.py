"""Comparing workouts read back from a written file."""

from __future__ import annotations

import pytest

from repforge.training.model import LoggedWorkout


def assert_same_sets(before: list[LoggedWorkout], after: list[LoggedWorkout]) -> None:
    """Every set kept its fields; loads and distances to the gram and millimetre."""
    old = [s for w in before for s in w.sets]
    new = [s for w in after for s in w.sets]
    assert len(new) == len(old)
    for a, b in zip(old, new, strict=True):
        assert (b.exercise, b.set_type, b.reps, b.seconds, b.rpe, b.notes) == (
            a.exercise,
            a.set_type,
            a.reps,
            a.seconds,
            a.rpe,
            a.notes,
        )
        assert b.weight_kg == pytest.approx(a.weight_kg, abs=1e-3)
        assert b.metres == pytest.approx(a.metres, abs=1e-3)
