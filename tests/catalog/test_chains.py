"""Progression chains in the built-in catalog reach from a beginner entry to an advanced end."""

from __future__ import annotations

from collections import defaultdict

import pytest

from repforge.catalog.catalog import Catalog
from repforge.catalog.load import load_builtin

MAIN_PATTERNS = (
    "squat",
    "hinge",
    "lunge",
    "horizontal-push",
    "vertical-push",
    "horizontal-pull",
    "vertical-pull",
    "knee-flexion",
    "hip-extension",
)


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_builtin()


def _strength(catalog: Catalog, pattern: str) -> dict[str, str]:
    """Slug to difficulty for the strength exercises of one pattern."""
    return {
        e.slug: e.difficulty for e in catalog if e.pattern == pattern and e.category == "strength"
    }


def _reachable_harder(catalog: Catalog, start: str, members: dict[str, str]) -> set[str]:
    """Exercises of the same pattern reachable from `start` along harder links
    (or reverse easier links)."""
    up: dict[str, set[str]] = defaultdict(set)
    for e in catalog:
        if e.slug not in members:
            continue
        for r in e.harder:
            if r.slug in members:
                up[e.slug].add(r.slug)
        for r in e.easier:
            if r.slug in members:
                up[r.slug].add(e.slug)
    seen = {start}
    todo = [start]
    while todo:
        for nxt in up[todo.pop()]:
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen


@pytest.mark.parametrize("pattern", MAIN_PATTERNS)
def test_pattern_has_a_path_from_beginner_to_advanced(catalog: Catalog, pattern: str) -> None:
    members = _strength(catalog, pattern)
    beginners = [s for s, d in members.items() if d == "beginner"]
    assert beginners, f"{pattern} has no beginner strength exercise"
    assert any(
        members[s] == "advanced" for b in beginners for s in _reachable_harder(catalog, b, members)
    ), f"{pattern}: no harder-link path from a beginner to an advanced exercise"


@pytest.mark.parametrize("pattern", MAIN_PATTERNS)
def test_no_strength_exercise_is_left_out_of_the_chains(catalog: Catalog, pattern: str) -> None:
    members = _strength(catalog, pattern)
    linked: set[str] = set()
    for e in catalog:
        mine = [r.slug for r in (*e.easier, *e.harder)]
        if mine:
            linked.add(e.slug)
        linked.update(mine)
    lonely = sorted(set(members) - linked)
    assert not lonely, f"{pattern}: no easier or harder link on {lonely}"
