"""The progress page: e1RM chart of one exercise and the week's sets per muscle on the body map."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from repforge.errors import InvalidInputError
from repforge.logbook import progress
from repforge.logbook.model import CUSTOM_PREFIX
from repforge.pages.bodymap import body_map
from repforge.training.charts import HEAT_WORDS, e1rm_chart, heat, muscle_heat
from repforge.web.auth import SiteUser
from repforge.web.caching import state_of
from repforge.web.site.private import private_page
from repforge.web.stores import log_store

router = APIRouter(include_in_schema=False)


def _name(request: Request, slug: str) -> str:
    if slug.startswith(CUSTOM_PREFIX):
        return slug.removeprefix(CUSTOM_PREFIX)
    found = state_of(request).catalog.find(slug)
    return found.name if found is not None else slug


@router.get("/progress")
def progress_page(
    request: Request,
    user: SiteUser,
    exercise: Annotated[str, Query(max_length=200)] = "",
    week: Annotated[str, Query(max_length=10)] = "",
) -> Response:
    try:
        day = date.fromisoformat(week) if week else date.today()
    except ValueError:
        raise InvalidInputError("week", "enter a date like 2026-12-07") from None
    catalog = state_of(request).catalog
    with log_store(request) as store:
        logged = progress.logged_exercises(store, user.id)
        chosen = exercise if exercise in logged else (logged[0] if logged else "")
        lifts = progress.exercise_progress(store, user.id, chosen) if chosen else None
        start, volumes = progress.muscle_week(store, catalog, user.id, day)
        target = progress.weekly_target(store, user.id)
    chart = e1rm_chart(lifts.e1rm, _name(request, chosen)) if lifts else None
    muscles = sorted(volumes, key=lambda m: -volumes[m].fractional)
    return private_page(
        request,
        "log/progress.html",
        exercises=[(slug, _name(request, slug)) for slug in logged],
        chosen=chosen,
        chart=chart,
        records=lifts.records if lifts else [],
        week=start,
        target=target,
        bodymap=body_map({}, link=False),
        heat=muscle_heat(volumes, target),
        volumes=[(m, volumes[m], HEAT_WORDS[heat(volumes[m], target)]) for m in muscles],
    )
