"""Training fixtures: the built-in catalog and a small log builder."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from repforge.catalog.catalog import Catalog
from repforge.catalog.load import load_builtin
from repforge.training.model import LoggedSet, LoggedWorkout


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return load_builtin()


def workout(
    day: date, slug: str, *sets: tuple[float | None, int], rir: float | None = None
) -> LoggedWorkout:
    """One workout of `slug` with (weight_kg, reps) working sets, all at the same RIR."""
    logged = tuple(
        LoggedSet(slug, order=i, weight_kg=w, reps=r, rir=rir) for i, (w, r) in enumerate(sets)
    )
    return LoggedWorkout(started_at=datetime.combine(day, time(18)), sets=logged)
