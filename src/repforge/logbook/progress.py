"""One user's progress from their log: e1RM and records per exercise, sets per muscle."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from repforge.catalog.catalog import Catalog
from repforge.errors import NotFoundError
from repforge.logbook.ports import LogStore
from repforge.logbook.service import program_plan
from repforge.planner.profile import Profile
from repforge.training.charts import target_range
from repforge.training.progress import (
    MuscleVolume,
    Point,
    Record,
    e1rm_series,
    personal_records,
    week_start,
    weekly_sets,
)


@dataclass(frozen=True, slots=True)
class ExerciseProgress:
    """Best e1RM per day and every record set, oldest first."""

    slug: str
    e1rm: list[Point]
    records: list[Record]


def exercise_progress(store: LogStore, owner: int, slug: str) -> ExerciseProgress:
    """The owner's progress on one exercise; an exercise they never logged is not found."""
    history = store.history(owner)
    if not any(s.exercise == slug for w in history for s in w.sets):
        raise NotFoundError("exercise in your log", slug)
    return ExerciseProgress(slug, e1rm_series(history, slug), personal_records(history, slug))


def muscle_week(
    store: LogStore, catalog: Catalog, owner: int, week: date
) -> tuple[date, dict[str, MuscleVolume]]:
    """The Monday of `week` and the owner's hard sets per muscle in that week."""
    return week_start(week), weekly_sets(store.history(owner), catalog, week)


def logged_exercises(store: LogStore, owner: int) -> list[str]:
    """The exercises in the owner's log, most often logged first."""
    counts: dict[str, int] = {}
    for workout in store.history(owner):
        for logged in workout.sets:
            counts[logged.exercise] = counts.get(logged.exercise, 0) + 1
    return sorted(counts, key=lambda slug: (-counts[slug], slug))


def weekly_target(store: LogStore, owner: int) -> tuple[int, int]:
    """The owner's weekly hard-set range per muscle, from their program's goal and level."""
    program = store.current_program(owner)
    profile = program_plan(program).profile if program is not None else Profile()
    return target_range(profile.goal, profile.level)
