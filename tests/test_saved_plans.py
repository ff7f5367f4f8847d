"""saved_plans: the service behind the saved-plan routes, without HTTP."""

from __future__ import annotations

import pytest

from repforge import saved_plans
from repforge.errors import NotFoundError
from repforge.store import db
from tests.planner.factories import gym_catalog

PROFILE = {"goal": "strength", "level": "beginner", "days": 3, "minutes": 60}


def test_a_created_plan_is_saved_once_under_its_content_id(database_url: str) -> None:
    engine = db.make_engine(database_url)
    db.upgrade(engine)
    sessions = db.session_factory(engine)
    catalog = gym_catalog()
    created = saved_plans.create(sessions, catalog, PROFILE)
    assert saved_plans.create(sessions, catalog, PROFILE)["id"] == created["id"]
    assert saved_plans.get(sessions, created["id"]) == created
    with pytest.raises(NotFoundError):
        saved_plans.get(sessions, "0123456789abcdef")
    engine.dispose()
