"""Load limits: equipment steps, cuts in whole steps, the weekly cap, the e1RM-supported load."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from repforge.catalog.catalog import Catalog
from repforge.training.loads import cut_load, step_kg, supported_load, weekly_cap
from repforge.training.model import Increments, Prescription
from repforge.training.sets import exposures
from tests.training.conftest import workout

TODAY = date(2026, 3, 6)


def test_steps_follow_the_equipment(catalog: Catalog) -> None:
    inc = Increments(barbell_kg=2.5, dumbbell_kg=2.0, machine_kg=5.0, cable_kg=1.25)
    assert step_kg(catalog.get("barbell-bench-press"), inc) == 2.5
    assert step_kg(catalog.get("dumbbell-curl"), inc) == 2.0
    assert step_kg(catalog.get("lat-pulldown"), inc) == 5.0
    assert step_kg(catalog.get("cable-curl"), inc) == 1.25


def test_cuts_are_whole_steps_and_never_below_one_step() -> None:
    assert cut_load(60, 0.10, 2.5) == 52.5  # 6 kg is more than two steps: three
    assert cut_load(100, 0.05, 2.5) == 95
    assert cut_load(5, 0.5, 2.5) == 2.5
    assert cut_load(2.5, 0.5, 2.5) == 2.5


def test_the_weekly_cap_starts_from_the_lightest_load_of_the_week() -> None:
    log = [
        workout(TODAY - timedelta(days=12), "x", (90, 5)),
        workout(TODAY - timedelta(days=6), "x", (100, 5)),
        workout(TODAY - timedelta(days=2), "x", (105, 5)),
    ]
    assert weekly_cap(exposures(log, "x", TODAY), TODAY) == pytest.approx(110)
    assert weekly_cap([], TODAY) is None


def test_the_supported_load_follows_the_effort_chart() -> None:
    planned = Prescription("x", 3, (8, 10), 2, None, "")
    (top,) = workout(TODAY, "x", (100, 8), rir=2).sets
    # 100 kg x 8 at 2 RIR: e1RM 100 * (1 + 10/30); 8 reps at 2 RIR is 73.9 % of it
    expected = 100 * (1 + 10 / 30) * 0.739 + 2.5
    assert abs((supported_load([top], planned, 2.5) or 0) - expected) < 0.01
    (unknown,) = workout(TODAY, "x", (100, 8)).sets
    assert supported_load([unknown], planned, 2.5) is None
