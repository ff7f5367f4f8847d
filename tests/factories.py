"""Small factories for test data, built next to the tests that use them."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import yaml
from markdown_it import MarkdownIt

from repforge.catalog.catalog import Catalog
from repforge.catalog.model import Exercise

# Third-party datasets for importer tests and cross-checks (never copied into the catalog).
# Tests that need them skip when absent; README "Tests that need the datasets" says how to run them.
DATASETS = Path(
    os.environ.get("REPFORGE_TEST_DATASETS", Path(__file__).parents[2] / "shared" / "datasets")
)


def exercise_data(**overrides: Any) -> dict[str, Any]:
    """A valid exercise as plain data (what a YAML file holds)."""
    slug = overrides.get("slug", "test-squat")
    data: dict[str, Any] = {
        "slug": slug,
        "name": slug.replace("-", " ").title(),
        "body_part": "legs",
        "target": "quads",
        "secondary": [{"muscle": "glutes", "weight": 0.5}],
        "category": "strength",
        "difficulty": "beginner",
        "mechanic": "compound",
        "force": "push",
        "pattern": "squat",
        "laterality": "bilateral",
        "tracking": "reps",
        "load": "bodyweight",
        "equipment": {"required": []},
        "stresses": ["knees"],
        "summary": f"A test exercise called {slug} that squats down and stands up again for the quads.",
        "steps": [
            f"Stand tall with your feet under your hips for {slug}.",
            f"Sit your hips down and back between your heels in the {slug}.",
            f"Keep your knees tracking over your toes as the {slug} goes down.",
            f"Stand back up from the {slug} by pushing the floor away.",
        ],
        "tips": [
            f"Tip one written specifically for {slug} and nothing else.",
            f"Tip two written specifically for {slug} and nothing else.",
            f"Tip three written specifically for {slug} and nothing else.",
        ],
        "mistakes": [
            f"Mistake one written specifically for {slug} and nothing else.",
            f"Mistake two written specifically for {slug} and nothing else.",
            f"Mistake three written specifically for {slug} and nothing else.",
        ],
        "popularity": 3,
        "provenance": {"author": "tests", "licence": "CC0-1.0"},
    }
    if overrides.get("difficulty") == "advanced" and "why_hard" not in overrides:
        data["why_hard"] = f"{slug} is hard because the lever is long."
    data.update(overrides)
    return data


def make_exercise(**overrides: Any) -> Exercise:
    """A valid Exercise; override any field."""
    return Exercise.model_validate(exercise_data(**overrides))


def make_catalog(*exercises: Exercise, version: str = "test") -> Catalog:
    return Catalog(exercises, version)


def to_yaml(data: dict[str, Any]) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


# Imported text that a CommonMark renderer would turn into script, handlers or hostile links.
HOSTILE_MARKDOWN = (
    "<script>alert(1)</script> <img src=x onerror=alert(2)> [x](javascript:alert(3)) "
    "![i](data:text/html,hi) <javascript:alert(4)> &lt;b&gt; *em* `code` | pipe"
)


def rendered_markdown_is_inert(markdown: str) -> bool:
    """Whether CommonMark (raw HTML allowed, as most renderers do) makes no tag or bad link."""
    html = MarkdownIt("commonmark").render(markdown)
    tags = re.findall(r"<(script|img|iframe)\b", html)
    links = re.findall(r'(?:href|src)="(?:javascript|data):', html)
    return not tags and not links
