"""A small catalog covering names, aliases, shorthand, muscles, kit and difficulty for search."""

from __future__ import annotations

from typing import Any

import pytest

from repforge.catalog.catalog import Catalog
from repforge.catalog.model import Exercise
from repforge.search import SearchIndex
from tests.factories import make_catalog, make_exercise


def hinge(slug: str, **overrides: Any) -> Exercise:
    fields: dict[str, Any] = {
        "target": "hamstrings",
        "pattern": "hinge",
        "force": "pull",
        "stresses": ["lower-back"],
        "load": "external",
    }
    fields.update(overrides)
    return make_exercise(slug=slug, **fields)


def upper(slug: str, body_part: str, target: str, **overrides: Any) -> Exercise:
    fields: dict[str, Any] = {
        "body_part": body_part,
        "target": target,
        "secondary": [],
        "stresses": ["shoulders"],
    }
    fields.update(overrides)
    return make_exercise(slug=slug, **fields)


def search_exercises() -> list[Exercise]:
    """Sixteen exercises, each there to prove one search behaviour."""
    return [
        hinge(
            "romanian-deadlift",
            name="Romanian Deadlift",
            aliases=["RDL"],
            equipment={"required": ["barbell"]},
            difficulty="intermediate",
            popularity=5,
        ),
        hinge(
            "dumbbell-romanian-deadlift",
            name="Dumbbell Romanian Deadlift",
            equipment={"required": ["dumbbell"]},
            popularity=4,
        ),
        hinge(
            "glute-ham-raise",
            name="Glute Ham Raise",
            aliases=["GHR bench raise"],
            pattern="knee-flexion",
            equipment={"required": ["ghr-bench"]},
            difficulty="advanced",
            load="bodyweight",
            popularity=3,
        ),
        hinge(
            "nordic-hamstring-curl",
            name="Nordic Hamstring Curl",
            aliases=["Nordic Curl"],
            pattern="knee-flexion",
            difficulty="intermediate",
            load="bodyweight",
            popularity=4,
        ),
        hinge(
            "standing-hamstring-stretch",
            name="Standing Hamstring Stretch",
            category="stretching",
            pattern="stretch",
            force="static",
            tracking="time",
            load="bodyweight",
            popularity=4,
        ),
        upper(
            "pull-up",
            "back",
            "lats",
            name="Pull-Up",
            aliases=["Pullup"],
            secondary=[{"muscle": "biceps", "weight": 0.5}],
            pattern="vertical-pull",
            force="pull",
            difficulty="intermediate",
            equipment={"required": ["pull-up-bar"]},
            popularity=5,
        ),
        upper(
            "band-assisted-pull-up",
            "back",
            "lats",
            name="Band-Assisted Pull-Up",
            pattern="vertical-pull",
            force="pull",
            load="assisted",
            equipment={"required": ["pull-up-bar", "resistance-band"]},
            popularity=3,
        ),
        upper(
            "push-up",
            "chest",
            "chest",
            name="Push-Up",
            aliases=["Press-Up"],
            secondary=[{"muscle": "triceps", "weight": 0.5}],
            pattern="horizontal-push",
            popularity=5,
        ),
        upper(
            "dumbbell-bench-press",
            "chest",
            "chest",
            name="Dumbbell Bench Press",
            pattern="horizontal-push",
            load="external",
            equipment={"required": ["dumbbell", "bench"]},
            popularity=4,
        ),
        upper(
            "barbell-overhead-press",
            "shoulders",
            "front-delts",
            name="Barbell Overhead Press",
            aliases=["Military Press"],
            pattern="vertical-push",
            load="external",
            difficulty="intermediate",
            equipment={"required": ["barbell"]},
            popularity=4,
        ),
        upper(
            "dumbbell-lateral-raise",
            "shoulders",
            "side-delts",
            name="Dumbbell Lateral Raise",
            mechanic="isolation",
            pattern="lateral-raise",
            load="external",
            equipment={"required": ["dumbbell"]},
            popularity=4,
        ),
        make_exercise(
            slug="glute-bridge",
            name="Glute Bridge",
            target="glutes",
            secondary=[{"muscle": "hamstrings", "weight": 0.3}],
            pattern="hip-extension",
            popularity=5,
        ),
        make_exercise(
            slug="banded-lateral-walk",
            name="Banded Lateral Walk",
            target="abductors",
            secondary=[{"muscle": "glutes", "weight": 0.6}],
            pattern="hip-abduction",
            equipment={"options": ["mini-band", "resistance-band"]},
            popularity=3,
        ),
        make_exercise(
            slug="bulgarian-split-squat",
            name="Bulgarian Split Squat",
            pattern="lunge",
            laterality="unilateral",
            difficulty="intermediate",
            equipment={"options": ["bench", "plyo-box"]},
            popularity=4,
        ),
        upper(
            "plank",
            "core",
            "abs",
            name="Plank",
            pattern="anti-extension",
            force="static",
            tracking="time",
            popularity=5,
        ),
        upper(
            "dragon-flag",
            "core",
            "abs",
            name="Dragon Flag",
            pattern="anti-extension",
            difficulty="advanced",
            equipment={"required": ["bench"]},
            popularity=2,
        ),
    ]


@pytest.fixture(scope="session")
def search_catalog() -> Catalog:
    return make_catalog(*search_exercises(), version="search-tests")


@pytest.fixture(scope="session")
def index(search_catalog: Catalog) -> SearchIndex:
    return SearchIndex.build(search_catalog)
