"""ExerciseDB-compatible routes: a client of the RapidAPI ExerciseDB switches by base URL."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request, Response
from pydantic import WithJsonSchema

from repforge.catalog import crosswalk
from repforge.catalog.catalog import Catalog
from repforge.web.api import exercisedb_service as service
from repforge.web.api.schemas import MAX_OFFSET, ExerciseDbExercise, problem_responses
from repforge.web.caching import OrjsonResponse, cached_json, state_of

# Async for the same reason as v1: every answer is a cached body or an in-memory scan.
router = APIRouter(
    prefix="/api/exercisedb", tags=["exercisedb"], default_response_class=OrjsonResponse
)

Limit = Annotated[
    int | None,
    Query(
        ge=0,
        le=MAX_OFFSET,
        description="Page size; absent or 0 returns every match (no 10-result cap).",
    ),
]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET)]
Records = list[ExerciseDbExercise]


def _enum(values: tuple[str, ...]) -> WithJsonSchema:
    return WithJsonSchema({"type": "string", "enum": list(values)})


BodyPart = Annotated[
    str, _enum(crosswalk.exercisedb_body_parts()), Path(alias="bodyPart", max_length=80)
]
Target = Annotated[str, _enum(crosswalk.EXERCISEDB_TARGETS), Path(max_length=80)]
Equipment = Annotated[str, _enum(crosswalk.exercisedb_equipment_list()), Path(max_length=80)]


def _catalog(request: Request) -> Catalog:
    return state_of(request).catalog


def _base(request: Request) -> str:
    # gifUrl is absolute: ExerciseDB clients load it as an image from anywhere
    return state_of(request).settings.base_url


@router.get("/exercises", response_model=Records, responses=problem_responses(422))
async def exercises(request: Request, limit: Limit = None, offset: Offset = 0) -> Response:
    """Every exercise, paged."""
    return await cached_json(
        request,
        f"edb:all:{limit}:{offset}",
        lambda: service.all_exercises(_catalog(request), limit, offset, _base(request)),
    )


@router.get(
    "/exercises/exercise/{id}",
    response_model=ExerciseDbExercise,
    responses=problem_responses(404, 422),
)
async def exercise(
    request: Request, exercise_id: Annotated[str, Path(alias="id", max_length=80)]
) -> Response:
    """One exercise by id (our slug)."""
    return await cached_json(
        request,
        f"edb:id:{exercise_id}",
        lambda: service.by_id(_catalog(request), exercise_id, _base(request)),
    )


@router.get("/exercises/name/{name}", response_model=Records, responses=problem_responses(422))
async def by_name(
    request: Request,
    name: Annotated[str, Path(max_length=100)],
    limit: Limit = None,
    offset: Offset = 0,
) -> Response:
    """Exercises whose name contains `name`."""
    return await cached_json(
        request,
        f"edb:name:{limit}:{offset}:{name}",
        lambda: service.by_name(_catalog(request), name, limit, offset, _base(request)),
    )


@router.get(
    "/exercises/bodyPart/{bodyPart}", response_model=Records, responses=problem_responses(422)
)
async def by_body_part(
    request: Request, body_part: BodyPart, limit: Limit = None, offset: Offset = 0
) -> Response:
    """Exercises for an ExerciseDB body part."""
    return await cached_json(
        request,
        f"edb:bodyPart:{limit}:{offset}:{body_part}",
        lambda: service.by_body_part(_catalog(request), body_part, limit, offset, _base(request)),
    )


@router.get("/exercises/bodyPartList", response_model=list[str])
async def body_part_list(request: Request) -> Response:
    """ExerciseDB's body parts."""
    return await cached_json(request, "edb:body_part_list", service.body_part_list)


@router.get("/exercises/target/{target}", response_model=Records, responses=problem_responses(422))
async def by_target(
    request: Request, target: Target, limit: Limit = None, offset: Offset = 0
) -> Response:
    """Exercises for an ExerciseDB target muscle."""
    return await cached_json(
        request,
        f"edb:target:{limit}:{offset}:{target}",
        lambda: service.by_target(_catalog(request), target, limit, offset, _base(request)),
    )


@router.get("/exercises/targetList", response_model=list[str])
async def target_list(request: Request) -> Response:
    """ExerciseDB's target muscles."""
    return await cached_json(request, "edb:target_list", service.target_list)


@router.get(
    "/exercises/equipment/{equipment}", response_model=Records, responses=problem_responses(422)
)
async def by_equipment(
    request: Request, equipment: Equipment, limit: Limit = None, offset: Offset = 0
) -> Response:
    """Exercises for an ExerciseDB equipment word."""
    return await cached_json(
        request,
        f"edb:equipment:{limit}:{offset}:{equipment}",
        lambda: service.by_equipment(_catalog(request), equipment, limit, offset, _base(request)),
    )


@router.get("/exercises/equipmentList", response_model=list[str])
async def equipment_list(request: Request) -> Response:
    """ExerciseDB's equipment words."""
    return await cached_json(request, "edb:equipment_list", service.equipment_list)
