"""Bounded costs that used to be wall-clock asserts in unit tests, measured side by side.

Usage: .venv/bin/python bench/bounds_bench.py [--repeat 7]
Prints medians of: validating a plan at the wire model's bounds vs a generated plan; a search
with a 25 000-character query vs the same words alone; autocomplete per call. Each ratio says
how much the worst input costs over the ordinary one (targets: maximal plan under 5 s, long
query under 0.1 s, suggest under 2 ms per call).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # for the tests' factories

from tests.factories import make_catalog
from tests.planner.factories import gym_catalog
from tests.planner.test_service import _adversarial_plan
from tests.search.conftest import search_exercises

from repforge.planner import plan as plan_model
from repforge.planner.service import make_plan, validate_plan
from repforge.search import SearchIndex

LONG_QUERY = "romanian deadlift " + "qwxz " * 5000


def median_seconds(call: Callable[[], object], repeat: int, number: int = 1) -> float:
    """Median over `repeat` runs of the time per call, each run making `number` calls."""
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(number):
            call()
        runs.append((time.perf_counter() - start) / number)
    return statistics.median(runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()

    gym = gym_catalog()
    maximal = _adversarial_plan(
        gym, plan_model.MAX_WEEKS, 2, plan_model.MAX_EXERCISES_PER_SESSION, None
    )
    ordinary = make_plan(gym, {"goal": "strength", "days": 3}).to_json()
    worst = median_seconds(lambda: validate_plan(gym, maximal), args.repeat)
    usual = median_seconds(lambda: validate_plan(gym, ordinary), args.repeat)
    print(
        f"validate: maximal plan {worst * 1e3:.0f} ms, generated plan {usual * 1e3:.0f} ms, "
        f"ratio {worst / usual:.1f} (target: maximal < 5000 ms)"
    )

    index = SearchIndex.build(make_catalog(*search_exercises(), version="bench"))
    long = median_seconds(lambda: index.search(LONG_QUERY), args.repeat, 5)
    short = median_seconds(lambda: index.search("romanian deadlift"), args.repeat, 5)
    print(
        f"search: 25 000-character query {long * 1e3:.2f} ms, the words alone "
        f"{short * 1e3:.2f} ms, ratio {long / short:.1f} (target: < 100 ms)"
    )
    suggest = median_seconds(lambda: index.suggest("dumb"), args.repeat, 200)
    print(f"suggest: {suggest * 1e6:.0f} us per call (target: < 2000 us)")


if __name__ == "__main__":
    main()
