"""Golden plans for four personas on the test catalog (REPFORGE_UPDATE_GOLDEN=1 rewrites them)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from repforge.catalog.catalog import Catalog
from repforge.planner.service import make_plan

GOLDEN = Path(__file__).parent / "golden"
PERSONAS: dict[str, dict[str, Any]] = {
    "home-beginner-knees": {
        "goal": "general-fitness",
        "level": "beginner",
        "days": 3,
        "minutes": 45,
        "equipment": "home-dumbbells",
        "protect": "knees",
        "weeks": 4,
    },
    "gym-hypertrophy-chest": {
        "goal": "hypertrophy",
        "level": "intermediate",
        "days": 4,
        "minutes": 60,
        "priorities": "chest",
        "weeks": 6,
    },
    "home-gym-strength": {
        "goal": "strength",
        "level": "advanced",
        "days": 4,
        "minutes": 75,
        "equipment": "home-gym",
        "maxes": {"barbell-back-squat": {"weight_kg": 160, "reps": 3}, "barbell-bench-press": 110},
        "weeks": 5,
    },
    "bodyweight-fat-loss": {
        "goal": "fat-loss",
        "level": "beginner",
        "days": 6,
        "minutes": 30,
        "equipment": "bodyweight,pull-up-bar",
        "cannot_do": "pull-up",
        "weeks": 2,
    },
}


@pytest.mark.parametrize("name", sorted(PERSONAS))
def test_persona_plan_matches_golden(gym: Catalog, name: str) -> None:
    plan = make_plan(gym, PERSONAS[name])
    path = GOLDEN / f"{name}.json"
    if os.environ.get("REPFORGE_UPDATE_GOLDEN") == "1":
        path.write_text(plan.to_json(), encoding="utf-8")
    expected = json.loads(path.read_text(encoding="utf-8"))
    assert plan.to_json_data() == expected


@pytest.mark.parametrize("name", sorted(PERSONAS))
def test_persona_plan_has_no_unexplained_errors(gym: Catalog, name: str) -> None:
    plan = make_plan(gym, PERSONAS[name])
    unexplained = [f for f in plan.validation.errors if f.check not in plan.relaxed_checks]
    assert unexplained == []
