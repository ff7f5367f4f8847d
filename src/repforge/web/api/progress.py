"""Progress of the signed-in user: e1RM and records per exercise, weekly sets per muscle."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from pydantic import BaseModel, Field

from repforge.logbook import progress
from repforge.web.api.schemas import problem_responses
from repforge.web.auth import Reader
from repforge.web.caching import OrjsonResponse, state_of
from repforge.web.stores import log_store

router = APIRouter(
    prefix="/api/v1/progress", tags=["progress"], default_response_class=OrjsonResponse
)
ExerciseSlug = Annotated[str, Path(max_length=200, description="Exercise slug, or custom:<name>.")]


class E1rmPoint(BaseModel):
    date: date
    kg: float = Field(
        description="Best estimated one-rep max that day (Epley, sets of 12 reps or fewer)."
    )


class RecordOut(BaseModel):
    kind: str
    date: date
    value: float
    weight_kg: float
    reps: int


class ExerciseProgressOut(BaseModel):
    e1rm: list[E1rmPoint]
    prs: list[RecordOut]


class MuscleSets(BaseModel):
    direct: int = Field(description="Hard sets with this muscle as the target.")
    fractional: float = Field(description="Hard sets counted by each exercise's muscle shares.")


class MuscleWeekOut(BaseModel):
    week: date = Field(description="The Monday the week starts on.")
    muscles: dict[str, MuscleSets]


@router.get(
    "/exercises/{slug}",
    response_model=ExerciseProgressOut,
    summary="Your estimated one-rep max over time and your records for one exercise",
    responses=problem_responses(401, 404, 422),
)
def exercise(request: Request, principal: Reader, slug: ExerciseSlug) -> ExerciseProgressOut:
    with log_store(request) as store:
        found = progress.exercise_progress(store, principal.user.id, slug)
    return ExerciseProgressOut(
        e1rm=[E1rmPoint(date=p.day, kg=p.value) for p in found.e1rm],
        prs=[
            RecordOut(kind=r.kind, date=r.day, value=r.value, weight_kg=r.weight_kg, reps=r.reps)
            for r in found.records
        ],
    )


@router.get(
    "/muscles",
    response_model=MuscleWeekOut,
    summary="Your hard sets per muscle in one week",
    responses=problem_responses(401, 422),
)
def muscles(
    request: Request,
    principal: Reader,
    week: Annotated[
        date | None, Query(description="Any day of the week; this week if left out.")
    ] = None,
) -> MuscleWeekOut:
    with log_store(request) as store:
        start, volumes = progress.muscle_week(
            store, state_of(request).catalog, principal.user.id, week or date.today()
        )
    return MuscleWeekOut(
        week=start,
        muscles={
            m: MuscleSets(direct=v.direct, fractional=v.fractional) for m, v in volumes.items()
        },
    )
