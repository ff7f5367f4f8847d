"""Wire models of the log and program API, converted to and from the training contract."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from repforge.logbook.model import NextSession, ProgramRecord, WorkoutRecord
from repforge.planner.plan import Plan
from repforge.training.model import LoggedSet, LoggedWorkout, Prescription

SetTypeName = Literal["warm-up", "working", "drop", "failure"]
ClientId = Annotated[
    str,
    Field(
        min_length=1,
        max_length=64,
        pattern=r"^[A-Za-z0-9._:-]+$",
        description="Your id for this workout: sending it again returns the saved workout.",
    ),
]


def bounded_time(value: datetime | None) -> datetime | None:
    """A UTC datetime between 1900 and 2200; a time without offset is taken as UTC."""
    if value is None:
        return None
    if not 1900 <= value.year <= 2200:
        raise ValueError("give a date between 1900 and 2200")
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class SetIn(BaseModel):
    """One set as performed, in SI units."""

    model_config = ConfigDict(extra="forbid")

    exercise: str = Field(
        min_length=1,
        max_length=210,
        description="A catalog slug, or custom:<name> for an exercise of your own.",
    )
    set_type: SetTypeName = "working"
    weight_kg: float | None = Field(default=None, ge=0, le=1000, allow_inf_nan=False)
    reps: int | None = Field(default=None, ge=0, le=1000)
    seconds: float | None = Field(default=None, ge=0, le=86_400, allow_inf_nan=False)
    metres: float | None = Field(default=None, ge=0, le=1_000_000, allow_inf_nan=False)
    rir: float | None = Field(default=None, ge=0, le=10, allow_inf_nan=False)
    rpe: float | None = Field(default=None, ge=1, le=10, allow_inf_nan=False)
    notes: str = Field(default="", max_length=1000)

    def logged(self) -> LoggedSet:
        return LoggedSet(**self.model_dump())


class SetOut(SetIn):
    """A saved set with its position in the workout."""

    model_config = ConfigDict(extra="ignore")

    order: int


class WorkoutIn(BaseModel):
    """A workout to save; `client_id` makes retries safe."""

    model_config = ConfigDict(extra="forbid")

    started_at: datetime
    ended_at: datetime | None = None
    name: str = Field(default="", max_length=200)
    notes: str = Field(default="", max_length=5000)
    client_id: ClientId | None = None
    sets: list[SetIn] = Field(default_factory=list, max_length=500)

    _times = field_validator("started_at", "ended_at")(bounded_time)

    def logged(self, source: str = "api") -> LoggedWorkout:
        return LoggedWorkout(
            started_at=self.started_at,
            ended_at=self.ended_at,
            name=self.name,
            notes=self.notes,
            client_id=self.client_id,
            source=source,
            sets=tuple(s.logged() for s in self.sets),
        )


class WorkoutOut(BaseModel):
    """A saved workout."""

    id: int
    started_at: datetime
    ended_at: datetime | None
    name: str
    notes: str
    source: str
    client_id: str | None
    program_id: int | None
    sets: list[SetOut]

    @classmethod
    def of(cls, record: WorkoutRecord) -> WorkoutOut:
        w = record.workout
        return cls(
            id=record.id,
            started_at=w.started_at,
            ended_at=w.ended_at,
            name=w.name,
            notes=w.notes,
            source=w.source,
            client_id=w.client_id,
            program_id=record.program_id,
            sets=[SetOut.model_validate(s, from_attributes=True) for s in w.sets],
        )


class WorkoutsPage(BaseModel):
    """One page of workouts, newest first, and how many match in all."""

    data: list[WorkoutOut]
    count: int


class PrescriptionOut(BaseModel):
    """What to do next for one exercise, and why."""

    slug: str
    sets: int
    reps: tuple[int, int]
    rir: int
    load_kg: float | None
    why: str
    replaces: str | None = Field(
        default=None, description="For a swap, the exercise of the plan this one replaces."
    )

    @classmethod
    def of(cls, p: Prescription) -> PrescriptionOut:
        return cls(
            slug=p.slug,
            sets=p.sets,
            reps=p.reps,
            rir=p.rir,
            load_kg=p.load_kg,
            why=p.why,
            replaces=p.replaces,
        )


class NextSessionOut(BaseModel):
    """The next session of the current program."""

    week: int
    day: str
    name: str
    exercises: list[PrescriptionOut]

    @classmethod
    def of(cls, s: NextSession) -> NextSessionOut:
        exercises = [PrescriptionOut.of(p) for p in s.exercises]
        return cls(week=s.week, day=s.day, name=s.name, exercises=exercises)


class ProgramOut(BaseModel):
    """The user's program: the plan they took and since when."""

    id: int
    plan_id: str
    start_date: str
    plan: Plan

    @classmethod
    def of(cls, p: ProgramRecord) -> ProgramOut:
        plan = Plan.model_validate(p.plan)
        return cls(id=p.id, plan_id=p.plan_id, start_date=p.start_date.isoformat(), plan=plan)


class TokenOut(BaseModel):
    """An OAuth2 access token."""

    access_token: str
    token_type: Literal["bearer"] = "bearer"
    expires_in: int
