"""JSON API v1 routes: each validates input, asks the service and serves a cached body."""

from __future__ import annotations

from typing import Annotated, TypeVar, get_origin

from fastapi import APIRouter, Path, Query, Request, Response
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ValidationError

from repforge.catalog.catalog import Catalog
from repforge.web.api import service
from repforge.web.api.schemas import (
    MAX_LIMIT,
    MAX_OFFSET,
    AlternativesPublic,
    AlternativesQuery,
    CatalogPublic,
    ExerciseDetailPublic,
    ExerciseQuery,
    ExercisesPublic,
    ProgressionsPublic,
    SearchResultsPublic,
    TaxonomyPublic,
    problem_responses,
    query_parameters,
)
from repforge.web.caching import OrjsonResponse, cached_json, state_of

# Handlers are async on purpose: a cached body is served on the loop, cheaper than the
# thread-pool hop a sync handler would pay on every request; a miss renders in the pool.
router = APIRouter(prefix="/api/v1", tags=["v1"], default_response_class=OrjsonResponse)

Slug = Annotated[str, Path(max_length=80, description="Exercise slug, e.g. glute-ham-raise.")]


Q = TypeVar("Q", bound=BaseModel)


def _catalog(request: Request) -> Catalog:
    return state_of(request).catalog


def _parse(model: type[Q], request: Request) -> Q:
    # Routes with many filters parse their query here rather than through FastAPI parameters:
    # FastAPI's per-request query-model parsing cost more than serving the cached body. The
    # validated model, not the raw query, keys the cache, so unknown parameters are ignored.
    # The schema comes from the same model (query_parameters).
    params = request.query_params
    data = {
        name: params.getlist(name) if get_origin(field.annotation) is list else params[name]
        for name, field in model.model_fields.items()
        if name in params
    }
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        errors = [{**e, "loc": ("query", *e["loc"])} for e in exc.errors()]
        raise RequestValidationError(errors) from None


@router.get(
    "/exercises",
    response_model=ExercisesPublic,
    responses=problem_responses(422),
    openapi_extra={"parameters": query_parameters(ExerciseQuery)},
)
async def list_exercises(request: Request) -> Response:
    """Exercises matching every filter, sorted and paged."""
    query = _parse(ExerciseQuery, request)
    return await cached_json(
        request,
        f"v1:list:{query.model_dump_json()}",
        lambda: service.list_exercises(_catalog(request), query),
    )


@router.get(
    "/exercises/{slug}",
    response_model=ExerciseDetailPublic,
    responses=problem_responses(404, 422),
)
async def exercise(request: Request, slug: Slug) -> Response:
    """Everything the exercise page shows, as structured fields."""
    return await cached_json(
        request, f"v1:detail:{slug}", lambda: service.exercise_detail(_catalog(request), slug)
    )


@router.get(
    "/exercises/{slug}/alternatives",
    response_model=AlternativesPublic,
    responses=problem_responses(404, 422),
    openapi_extra={"parameters": query_parameters(AlternativesQuery)},
)
async def alternatives(request: Request, slug: Slug) -> Response:
    """Ranked substitutes with a score and a reason."""

    query = _parse(AlternativesQuery, request)
    kit = sorted(set(query.available_equipment))
    return await cached_json(
        request,
        f"v1:alternatives:{slug}:{query.limit}:{','.join(kit)}",
        lambda: service.alternatives(_catalog(request), slug, kit, query.limit),
    )


@router.get(
    "/exercises/{slug}/progressions",
    response_model=ProgressionsPublic,
    responses=problem_responses(404, 422),
)
async def progressions(request: Request, slug: Slug) -> Response:
    """The easier and harder chains, nearest step first."""
    return await cached_json(
        request, f"v1:progressions:{slug}", lambda: service.progressions(_catalog(request), slug)
    )


@router.get("/search", response_model=SearchResultsPublic, responses=problem_responses(422))
async def search(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=200, description="Search words.")],
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 20,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> Response:
    """The site's search, with relevance scores."""
    return await cached_json(
        request,
        f"v1:search:{limit}:{offset}:{q}",
        lambda: service.search(_catalog(request), q, limit, offset),
    )


@router.get("/taxonomy", response_model=TaxonomyPublic)
async def taxonomy(request: Request) -> Response:
    """Every vocabulary with slugs, names and counts."""
    return await cached_json(request, "v1:taxonomy", lambda: service.taxonomy(_catalog(request)))


@router.get("/catalog", response_model=CatalogPublic)
async def catalog(request: Request) -> Response:
    """Catalog version, counts and licences."""
    return await cached_json(request, "v1:catalog", lambda: service.catalog_info(_catalog(request)))
