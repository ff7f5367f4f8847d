"""Plan endpoints: make a plan from a profile, fetch a saved one, validate any plan."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Path, Request, Response

from repforge import saved_plans
from repforge.planner.plan import Plan, ValidationReport
from repforge.planner.profile import Profile
from repforge.planner.service import validate_plan
from repforge.web.api.schemas import problem_responses
from repforge.web.caching import OrjsonResponse, state_of

router = APIRouter(prefix="/api/v1", tags=["plans"], default_response_class=OrjsonResponse)

PlanId = Annotated[str, Path(pattern=r"^[0-9a-f]{16}$", description="Content id of a saved plan.")]


class SavedPlanPublic(Plan):
    """A plan with the id it is saved under."""

    id: str


@router.post(
    "/plans",
    response_model=SavedPlanPublic,
    summary="Make a plan from a profile",
    responses=problem_responses(400, 422),
)
def create_plan(request: Request, profile: Profile) -> dict[str, Any]:
    """Solve the profile, save the plan under its content id and return it."""
    state = state_of(request)
    return saved_plans.create(state.sessions, state.catalog, profile)


@router.get(
    "/plans/{plan_id}",
    response_model=SavedPlanPublic,
    summary="A saved plan",
    responses=problem_responses(404, 422),
)
def get_plan(request: Request, plan_id: PlanId) -> dict[str, Any]:
    """The plan saved under `plan_id` by POST /plans."""
    return saved_plans.get(state_of(request).sessions, plan_id)


@router.post(
    "/plans/validate",
    response_model=ValidationReport,
    summary="Check any plan against the science",
    responses=problem_responses(400, 422),
)
def check_plan(
    request: Request,
    plan: Annotated[Plan, Body(description="A plan in repforge's plan JSON format.")],
) -> Response:
    """The validator's report (errors and warnings) for a plan, ours or anyone's."""
    report = validate_plan(state_of(request).catalog, plan)
    return OrjsonResponse(report.model_dump(mode="json"))
