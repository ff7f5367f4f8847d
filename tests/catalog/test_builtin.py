"""The shipped catalog: loads, passes every gate, covers what it promises, chains hold."""

from __future__ import annotations

from functools import cache

import pytest

from repforge.catalog import coverage, load, quality, relations
from repforge.catalog.catalog import Catalog


@cache
def builtin() -> Catalog:
    return load.load_builtin()


def test_loads_with_no_problem_and_passes_every_quality_gate() -> None:
    parsed, problems = load.check(load.read_dir(load.builtin_dir()))
    problems += quality.check_quality(parsed)
    assert not problems, "\n".join(str(p) for p in problems[:30])
    assert len(parsed) >= 300


def test_coverage_targets_are_met() -> None:
    assert coverage.gaps(builtin()) == []


def test_the_seed_exercise_is_right_this_time() -> None:
    ghr = builtin().get("glute-ham-raise")
    assert ghr.equipment.required == ("ghr-bench",)
    assert ghr.pattern == "knee-flexion"
    assert ghr.target == "hamstrings"
    assert "back-extension" not in " ".join(ghr.steps).lower().replace(" ", "-")


@pytest.mark.parametrize(
    ("start", "must_reach"),
    [
        ("wall-push-up", ["incline-push-up", "knee-push-up", "push-up", "one-arm-push-up"]),
        ("dead-hang", ["scapular-pull-up", "band-assisted-pull-up", "pull-up", "weighted-pull-up"]),
        ("bench-dip", ["parallel-bar-dip"]),
        ("assisted-squat", ["bodyweight-squat", "pistol-squat"]),
        ("split-squat", ["reverse-lunge", "bulgarian-split-squat"]),
        ("dowel-hip-hinge", ["romanian-deadlift"]),
        (
            "slider-hamstring-curl",
            ["stability-ball-hamstring-curl", "nordic-hamstring-negative", "glute-ham-raise"],
        ),
        ("dead-bug", ["plank", "hollow-body-hold", "kneeling-ab-wheel-rollout"]),
        ("pike-push-up", ["wall-handstand-hold", "wall-handstand-push-up"]),
    ],
)
def test_progression_chains_reach_their_goals(start: str, must_reach: list[str]) -> None:
    harder, _ = relations.progression_graph(builtin())
    reachable, frontier = set(), [start]
    while frontier:
        for nxt in harder.get(frontier.pop(), ()):
            if nxt not in reachable:
                reachable.add(nxt)
                frontier.append(nxt)
    assert set(must_reach) <= reachable, set(must_reach) - reachable


def test_difficulty_never_drops_along_harder_links() -> None:
    catalog = builtin()
    harder, _ = relations.progression_graph(catalog)
    for source, targets in harder.items():
        for target in targets:
            assert catalog.get(target).difficulty_rank >= catalog.get(source).difficulty_rank
