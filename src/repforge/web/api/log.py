"""The training log and programs over the API; every route needs a Bearer token."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request, Response
from pydantic import BeforeValidator

from repforge.errors import InvalidInputError
from repforge.logbook import service
from repforge.logbook.transfer import export_log
from repforge.planner.profile import Profile
from repforge.planner.service import make_plan
from repforge.training.formats import ExportFormat
from repforge.web.api.log_schemas import (
    NextSessionOut,
    PrescriptionOut,
    ProgramOut,
    WorkoutIn,
    WorkoutOut,
    WorkoutsPage,
    bounded_time,
)
from repforge.web.api.schemas import problem_responses
from repforge.web.auth import Reader, Writer
from repforge.web.caching import OrjsonResponse, state_of
from repforge.web.downloads import attachment
from repforge.web.stores import coaching, log_store, write_log

router = APIRouter(prefix="/api/v1", tags=["log"], default_response_class=OrjsonResponse)

WorkoutId = Annotated[int, Path(ge=1, le=2**31 - 1, description="Id of one of your workouts.")]
ExerciseSlug = Annotated[str, Path(max_length=80, description="Exercise slug.")]
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _iso_only(value: Any) -> Any:
    # pydantic reads a bare number as a Unix timestamp; the documented format is ISO 8601 only
    if isinstance(value, str) and not _ISO_DATE.match(value):
        raise ValueError("use an ISO 8601 date and time, e.g. 2026-01-31T07:30:00Z")
    return value


Since = Annotated[
    datetime | None,
    BeforeValidator(_iso_only),
    Query(description="Only workouts started at or after this time."),
]
Until = Annotated[
    datetime | None,
    BeforeValidator(_iso_only),
    Query(description="Only workouts started before this time."),
]


def _utc(value: datetime | None) -> datetime | None:
    try:
        return bounded_time(value)
    except ValueError as exc:
        raise InvalidInputError("since/until", str(exc)) from None


@router.get(
    "/workouts",
    response_model=WorkoutsPage,
    summary="Your workouts, newest first",
    responses=problem_responses(401, 422),
)
def list_workouts(
    request: Request,
    principal: Reader,
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
    since: Since = None,
    until: Until = None,
) -> WorkoutsPage:
    with log_store(request) as store:
        records, count = store.workouts(principal.user.id, limit, offset, _utc(since), _utc(until))
    return WorkoutsPage(data=[WorkoutOut.of(r) for r in records], count=count)


@router.post(
    "/workouts",
    response_model=WorkoutOut,
    status_code=201,
    summary="Log a workout (safe to retry with the same client_id)",
    responses={
        200: {"description": "The client_id was used before: the saved workout, unchanged."},
        **problem_responses(400, 401, 403, 422),
    },
)
async def create_workout(request: Request, principal: Writer, body: WorkoutIn) -> Response:
    # async, so the response model is not re-validated in a second trip to the thread pool
    catalog, owner, workout = state_of(request).catalog, principal.user.id, body.logged()
    record, created = await write_log(
        request, lambda store: service.log_workout(store, catalog, owner, workout)
    )
    return OrjsonResponse(WorkoutOut.of(record), status_code=201 if created else 200)


@router.get(
    "/workouts/export",
    response_class=Response,
    summary="Your whole log as a file: Strong or Hevy CSV, or complete repforge JSON",
    responses={
        200: {
            "content": {
                "text/csv": {"schema": {"type": "string"}},
                "application/json": {"schema": {"type": "object"}},
            }
        },
        **problem_responses(401, 422),
    },
)
def export_workouts(
    request: Request,
    principal: Reader,
    format: Annotated[ExportFormat, Query(description="strong, strong-comma, hevy or repforge")],
) -> Response:
    with log_store(request) as store:
        name, media_type, text = export_log(
            store, state_of(request).catalog, principal.user.id, format
        )
    return attachment(text, name, media_type, private=True)


@router.get(
    "/workouts/{workout_id}",
    response_model=WorkoutOut,
    summary="One of your workouts",
    responses=problem_responses(401, 404, 422),
)
def get_workout(request: Request, principal: Reader, workout_id: WorkoutId) -> WorkoutOut:
    with log_store(request) as store:
        return WorkoutOut.of(service.get_workout(store, principal.user.id, workout_id))


@router.put(
    "/workouts/{workout_id}",
    response_model=WorkoutOut,
    summary="Replace one of your workouts",
    responses=problem_responses(400, 401, 403, 404, 422),
)
def put_workout(
    request: Request, principal: Writer, workout_id: WorkoutId, body: WorkoutIn
) -> WorkoutOut:
    catalog = state_of(request).catalog
    with log_store(request) as store:
        record = service.replace_workout(
            store, catalog, principal.user.id, workout_id, body.logged()
        )
    return WorkoutOut.of(record)


@router.delete(
    "/workouts/{workout_id}",
    status_code=204,
    summary="Delete one of your workouts",
    responses=problem_responses(401, 403, 404, 422),
)
def delete_workout(request: Request, principal: Writer, workout_id: WorkoutId) -> Response:
    with log_store(request) as store:
        service.delete_workout(store, principal.user.id, workout_id)
    return Response(status_code=204)


@router.post(
    "/programs",
    response_model=ProgramOut,
    status_code=201,
    summary="Make a plan from a profile and follow it from today",
    responses=problem_responses(400, 401, 403, 422),
)
def create_program(request: Request, principal: Writer, profile: Profile) -> ProgramOut:
    plan = make_plan(state_of(request).catalog, profile)
    with log_store(request) as store:
        program = service.take_program(store, principal.user.id, plan, date.today())
    return ProgramOut.of(program)


@router.get(
    "/programs/current",
    response_model=ProgramOut,
    summary="Your current program",
    responses=problem_responses(401, 404),
)
def current_program(request: Request, principal: Reader) -> ProgramOut:
    with log_store(request) as store:
        return ProgramOut.of(service.current_program(store, principal.user.id))


@router.get(
    "/programs/current/calendar.ics",
    response_class=Response,
    summary="Your current program as an iCalendar file, one event per session",
    responses={
        200: {"content": {"text/calendar": {"schema": {"type": "string"}}}},
        **problem_responses(401, 404),
    },
)
def program_calendar(request: Request, principal: Reader) -> Response:
    with log_store(request) as store:
        text = service.program_calendar(store, principal.user.id)
    return attachment(text, service.CALENDAR_NAME, service.CALENDAR_TYPE, private=True)


@router.get(
    "/programs/current/next",
    response_model=NextSessionOut,
    summary="The next session of your program, with the reason for each prescription",
    responses=problem_responses(401, 404),
)
def next_session(request: Request, principal: Reader) -> NextSessionOut:
    with log_store(request) as store:
        owner = principal.user.id
        _, session = service.upcoming(store, owner, coaching(request, store, owner))
    return NextSessionOut.of(session)


@router.get(
    "/programs/current/prescription/{slug}",
    response_model=PrescriptionOut,
    summary="The next prescription of one exercise of your program",
    responses=problem_responses(401, 404, 422),
)
def prescription(request: Request, principal: Reader, slug: ExerciseSlug) -> PrescriptionOut:
    with log_store(request) as store:
        owner = principal.user.id
        found = service.prescription_for(store, owner, slug, coaching(request, store, owner))
    return PrescriptionOut.of(found)
