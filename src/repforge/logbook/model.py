"""Stored workouts and programs: the training contract's plain data plus ids and owners."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from repforge.training.model import LoggedWorkout, Prescription

CUSTOM_PREFIX = "custom:"  # LoggedSet.exercise of the user's own exercise: custom:<name>


@dataclass(frozen=True, slots=True)
class WorkoutRecord:
    """A logged workout with its id and the program it was done under."""

    id: int
    workout: LoggedWorkout
    program_id: int | None = None


@dataclass(frozen=True, slots=True)
class ProgramRecord:
    """A plan a user follows from `start_date`, as saved when they took it."""

    id: int
    plan_id: str
    plan: dict[str, Any]
    start_date: date
    created_at: datetime


@dataclass(frozen=True, slots=True)
class NextSession:
    """The session to do next: where it sits in the plan and each exercise's prescription."""

    week: int
    day: str
    name: str
    index: int  # sessions of the program already logged
    exercises: tuple[Prescription, ...]
    rest_seconds: tuple[int, ...] = ()  # per exercise, as the plan prescribes
    supersets: tuple[str, ...] = ()  # per exercise, its place in a superset ("A1") or ""
