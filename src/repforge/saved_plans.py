"""Saved plans: the service between the plan routes and the plan repository."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from repforge import metrics
from repforge.catalog.catalog import Catalog
from repforge.errors import NotFoundError
from repforge.planner.profile import Profile
from repforge.planner.service import make_plan
from repforge.store.db import transaction
from repforge.store.plans import PlanRepository


def create(
    sessions: sessionmaker[Session], catalog: Catalog, profile: Profile | Mapping[str, Any]
) -> dict[str, Any]:
    """Solve the profile, save the plan under its content id; the plan's data with its `id`."""
    with metrics.PLAN_SOLVE_SECONDS.time():
        plan = make_plan(catalog, profile)
    plan_id = plan.content_id()
    data = plan.to_json_data()
    with transaction(sessions) as session:
        PlanRepository(session).save(plan_id, catalog.version, data)
    return {"id": plan_id, **data}


def get(sessions: sessionmaker[Session], plan_id: str) -> dict[str, Any]:
    """The plan saved under `plan_id`, with its `id`; NotFoundError when there is none."""
    with transaction(sessions) as session:
        data = PlanRepository(session).get(plan_id)
    if data is None:
        raise NotFoundError("plan", plan_id)
    return {"id": plan_id, **data}
