"""The training pages: Today (log the next session), history, one workout, take a plan."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request, Response
from starlette.datastructures import QueryParams

from repforge.accounts.model import User
from repforge.errors import InvalidInputError
from repforge.logbook import service
from repforge.logbook.model import CUSTOM_PREFIX
from repforge.planner.service import make_plan
from repforge.planner.supersets import rest_after
from repforge.training.model import LoggedSet, LoggedWorkout
from repforge.web.auth import SiteUser, accounts, check_csrf
from repforge.web.caching import state_of
from repforge.web.downloads import attachment
from repforge.web.site.log_forms import parse_started, sets_from_form, to_display
from repforge.web.site.plan import canonical, profile_from
from repforge.web.site.private import private_page, redirect
from repforge.web.stores import coaching, log_store

router = APIRouter(dependencies=[Depends(check_csrf)], include_in_schema=False)
PER_PAGE = 20
BLANK_ROWS = 3
WorkoutId = Annotated[int, Path(ge=1, le=2**31 - 1)]


@dataclass(frozen=True)
class Row:
    """One set row of a form, values in the user's units."""

    exercise: str
    name: str
    set_type: str = "working"
    weight: str = ""
    reps: str = ""
    seconds: str = ""
    rir: str = ""
    timed: bool = False


def _units(request: Request, user: User) -> str:
    with accounts(request) as service_:
        return service_.store.preferences(user.id).units


def _name(request: Request, exercise: str) -> str:
    if exercise.startswith(CUSTOM_PREFIX):
        return exercise.removeprefix(CUSTOM_PREFIX)
    found = state_of(request).catalog.find(exercise)
    return found.name if found is not None else exercise


def _timed(request: Request, exercise: str) -> bool:
    found = state_of(request).catalog.find(exercise)
    return found is not None and found.tracking == "time"


def _row(request: Request, logged: LoggedSet, units: str) -> Row:
    def show(value: float | None) -> str:
        return "" if value is None else f"{value:g}"

    return Row(
        exercise=logged.exercise,
        name=_name(request, logged.exercise),
        set_type=logged.set_type,
        weight=to_display(logged.weight_kg, units),
        reps="" if logged.reps is None else str(logged.reps),
        seconds=show(logged.seconds),
        rir=show(logged.rir),
        timed=logged.seconds is not None or _timed(request, logged.exercise),
    )


@router.get("/today")
def today(request: Request, user: SiteUser) -> Response:
    units = _units(request, user)
    now = datetime.now(UTC)
    with log_store(request) as store:
        if store.current_program_id(user.id) is None:
            return private_page(request, "log/today.html", session=None, units=units)
        session, started = service.today(store, user.id, now, coaching(request, store, user.id))
    done: dict[str, list[LoggedSet]] = {}
    for logged in started.sets if started else ():
        done.setdefault(logged.exercise, []).append(logged)
    marks = session.supersets or ("",) * len(session.exercises)
    exercises = [
        {
            "p": p,
            "name": _name(request, p.slug),
            "replaces": _name(request, p.replaces) if p.replaces else "",
            "timed": _timed(request, p.slug),
            "mark": marks[i],
            # the first of a superset "rests" only the walk to the second
            "then": _name(request, session.exercises[i + 1].slug)
            if marks[i].endswith("1") and i + 1 < len(session.exercises)
            else "",
            "rest": rest_after(session.rest_seconds, marks, i),
            "load": to_display(p.load_kg, units),
            # the sets already saved, shown again so a reload mid-session loses nothing
            "rows": [_row(request, s, units) for s in done.get(p.slug, [])][: p.sets],
        }
        for i, p in enumerate(session.exercises)
    ]
    return private_page(
        request,
        "log/today.html",
        session=session,
        exercises=exercises,
        units=units,
        client_id=started.client_id if started else uuid.uuid4().hex,
        started_at=(started.started_at if started else now).strftime("%Y-%m-%dT%H:%M"),
    )


def _workout_from_form(request: Request, form: Any, units: str, source: str) -> LoggedWorkout:
    client_id = str(form.get("client_id", "")).strip()[:64] or None
    return LoggedWorkout(
        started_at=parse_started(str(form.get("started_at", ""))),
        ended_at=None,
        name=str(form.get("name", ""))[:200],
        notes=str(form.get("notes", ""))[:5000],
        source=source,
        client_id=client_id,
        sets=sets_from_form(form, state_of(request).catalog, units),
    )


def _wants_json(request: Request) -> bool:
    return request.headers.get("X-Requested-With") == "fetch"


@router.post("/today")
async def save_today(request: Request, user: SiteUser) -> Response:
    """Save the session so far; the client id makes every resubmission update the same one."""
    form = await request.form()
    workout = _workout_from_form(request, form, _units(request, user), "repforge")
    if workout.client_id is None:
        raise InvalidInputError("client_id", "the form is missing its id; reload the page")
    if not _wants_json(request):  # the final submit ends the workout; autosaves do not
        workout = replace(workout, ended_at=datetime.now(UTC))
    with log_store(request) as store:
        record = service.save_session(store, state_of(request).catalog, user.id, workout)
    if _wants_json(request):
        return Response(status_code=204, headers={"X-Workout-Id": str(record.id)})
    return redirect(f"/workouts/{record.id}?saved=1")


@router.get("/today/calendar.ics")
def today_calendar(request: Request, user: SiteUser) -> Response:
    with log_store(request) as store:
        text = service.program_calendar(store, user.id)
    return attachment(text, service.CALENDAR_NAME, service.CALENDAR_TYPE, private=True)


@router.get("/history")
def history(
    request: Request, user: SiteUser, page: Annotated[int, Query(ge=1, le=100_000)] = 1
) -> Response:
    units = _units(request, user)
    with log_store(request) as store:
        records, count = store.workouts(user.id, PER_PAGE, (page - 1) * PER_PAGE)
    items = [
        {
            "id": r.id,
            "workout": r.workout,
            "exercises": list(dict.fromkeys(_name(request, s.exercise) for s in r.workout.sets)),
            "sets": len(r.workout.sets),
        }
        for r in records
    ]
    pages = max(1, -(-count // PER_PAGE))
    return private_page(
        request, "log/history.html", items=items, count=count, page=page, pages=pages, units=units
    )


@router.get("/workouts/{workout_id}")
def workout_page(
    request: Request, user: SiteUser, workout_id: WorkoutId, saved: str = ""
) -> Response:
    units = _units(request, user)
    with log_store(request) as store:
        record = service.get_workout(store, user.id, workout_id)
    rows = [_row(request, s, units) for s in record.workout.sets]
    rows += [Row(exercise="", name="") for _ in range(BLANK_ROWS)]
    return private_page(
        request,
        "log/workout.html",
        record=record,
        rows=rows,
        units=units,
        saved=bool(saved),
        started_at=record.workout.started_at.strftime("%Y-%m-%dT%H:%M"),
    )


@router.post("/workouts/{workout_id}")
async def edit_workout(request: Request, user: SiteUser, workout_id: WorkoutId) -> Response:
    form = await request.form()
    with log_store(request) as store:
        current = service.get_workout(store, user.id, workout_id).workout
        edited = _workout_from_form(request, form, _units(request, user), current.source)
        edited = replace(edited, client_id=current.client_id, ended_at=current.ended_at)
        service.replace_workout(store, state_of(request).catalog, user.id, workout_id, edited)
    return redirect(f"/workouts/{workout_id}?saved=1")


@router.post("/workouts/{workout_id}/delete")
def remove_workout(request: Request, user: SiteUser, workout_id: WorkoutId) -> Response:
    with log_store(request) as store:
        service.delete_workout(store, user.id, workout_id)
    return redirect("/history")


@router.get("/plan/take")
def take_plan_page(request: Request, user: SiteUser) -> Response:
    """Confirm taking the plan of this profile as the program (a form, so it carries CSRF)."""
    query = canonical(request.query_params)
    plan = make_plan(state_of(request).catalog, profile_from(request.query_params))
    return private_page(
        request, "log/take.html", plan=plan, query=query, today=date.today().isoformat()
    )


@router.post("/plan/take")
async def take_plan(request: Request, user: SiteUser) -> Response:
    form = await request.form()
    params = QueryParams(str(form.get("query", "")))
    try:
        start = date.fromisoformat(str(form.get("start", "")) or date.today().isoformat())
    except ValueError:
        raise InvalidInputError("start", "enter a date like 2026-12-07") from None
    plan = make_plan(state_of(request).catalog, profile_from(params))
    with log_store(request) as store:
        service.take_program(store, user.id, plan, start)
    return redirect("/today")
