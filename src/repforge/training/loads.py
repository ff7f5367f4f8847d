"""Which loads the log allows: equipment steps, cuts in whole steps, the weekly cap, and the
load an e1RM supports (training-science.md §3.3 and invariants #27 and #35)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date

from repforge.catalog import vocab
from repforge.catalog.model import Exercise
from repforge.planner import prescription as rx
from repforge.training.model import Increments, LoggedSet, Prescription
from repforge.training.sets import Exposure, rir_of

# Week-to-week load increase at most 10 % (training-science.md §7 invariant #27: ACSM 2009's
# 2-10 % rule and the NSCA 2-for-2 rule; §3.3 also clamps one session's change to +-10 %).
MAX_WEEKLY_LOAD_INCREASE = 0.10
WEEK_DAYS = 7

_BARBELL_KIT = frozenset({"barbell", "ez-bar", "trap-bar", "smith-machine", "landmine"})
_MACHINE_KIT = frozenset(e.slug for e in vocab.EQUIPMENT.terms if e.kind == "machine")


def step_kg(exercise: Exercise | None, increments: Increments) -> float:
    """The smallest load change the user can make on this exercise's equipment."""
    kit = set(exercise.equipment.slugs) if exercise else set()
    if kit & _BARBELL_KIT:
        return increments.barbell_kg
    if "dumbbell" in kit:
        return increments.dumbbell_kg
    if "kettlebell" in kit:
        return increments.kettlebell_kg
    if "cable-machine" in kit:
        return increments.cable_kg
    if kit & _MACHINE_KIT:
        return increments.machine_kg
    return increments.other_kg


def cut_load(load: float, share: float, step: float) -> float:
    """`load` lowered by at least `share`, in whole equipment steps, never below one step."""
    steps = max(1, math.ceil(load * share / step - 1e-9))
    lowered = load - steps * step
    return round(lowered, 3) if lowered >= step else min(load, step)


def weekly_cap(past: Sequence[Exposure], today: date) -> float | None:
    """Highest load the next session may use: 10 % over the lightest load of the past week,
    or the last load itself when the user already lifted more than that."""
    loads = [e.load for e in past if e.load and (today - e.day).days <= WEEK_DAYS]
    last = past[-1].load if past else None
    if last is None:
        return None
    base = min([*loads, last])
    return max(last, base * (1 + MAX_WEEKLY_LOAD_INCREASE))


def supported_load(sets: Sequence[LoggedSet], planned: Prescription, step: float) -> float | None:
    """Heaviest load the logged sets support for the planned reps and RIR: the effort-adjusted
    e1RM through the RTS chart, plus at most one step (training-science.md §7 invariant #35)."""
    best = 0.0
    for logged in sets:
        reps, weight, rir = logged.reps, logged.weight_kg, rir_of(logged)
        if reps and weight and rir is not None and reps <= rx.E1RM_MAX_REPS:
            best = max(best, rx.e1rm(weight, reps, round(rir)))
    if not best:
        return None
    return best * rx.percent_1rm(planned.reps[0] + planned.rir) / 100 + step
