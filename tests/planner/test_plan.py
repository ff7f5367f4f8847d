"""The Plan JSON format: the issue's field names, round trips, ids, foreign fields."""

from __future__ import annotations

import json

import pytest

from repforge.catalog.catalog import Catalog
from repforge.planner.plan import Plan
from repforge.planner.service import make_plan


@pytest.fixture(scope="module")
def plan(gym: Catalog) -> Plan:
    return make_plan(gym, {"goal": "general-fitness", "days": 2, "minutes": 45, "weeks": 2})


def test_top_level_and_nested_fields_of_the_issue(plan: Plan) -> None:
    data = plan.to_json_data()
    issue_keys = ["profile", "optimal", "relaxed", "weeks", "weekly_sets_by_muscle", "validation"]
    assert list(data)[: len(issue_keys)] == issue_keys
    week = data["weeks"][0]
    assert list(week)[:3] == ["week", "deload", "sessions"]
    session = week["sessions"][0]
    assert list(session)[:4] == ["day", "name", "estimated_minutes", "exercises"]
    item = session["exercises"][0]
    assert list(item)[:6] == ["slug", "sets", "reps", "rir", "rest_seconds", "why"]
    assert isinstance(item["reps"], list)
    assert len(item["reps"]) == 2
    assert set(data["validation"]) >= {"errors", "warnings"}


def test_round_trip_and_content_id(plan: Plan) -> None:
    again = Plan.model_validate_json(plan.to_json())
    assert again == plan
    assert again.content_id() == plan.content_id()
    assert len(plan.content_id()) == 16


def test_foreign_fields_are_ignored(plan: Plan) -> None:
    data = plan.to_json_data()
    data["made_by"] = "another app"
    data["weeks"][0]["sessions"][0]["exercises"][0]["tempo"] = "3-1-1"
    assert Plan.model_validate(data).weeks[0] == plan.weeks[0]


def test_json_is_plain_and_sorted_by_week(plan: Plan) -> None:
    data = json.loads(plan.to_json())
    assert [w["week"] for w in data["weeks"]] == [1, 2]
    assert all(isinstance(v, float | int) for v in data["weekly_sets_by_muscle"].values())
