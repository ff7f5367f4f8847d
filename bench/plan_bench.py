"""Plan generation benchmark: 50 varied profiles on the full catalog; prints wall times and optimality.

Usage: .venv/bin/python bench/plan_bench.py [CATALOG_DIR] [--profiles N]
Without CATALOG_DIR the catalog shipped with the package is used. Not a test: it prints figures.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from repforge.catalog.load import load_builtin, load_dir
from repforge.planner.prescription import GOALS, LEVELS
from repforge.planner.service import make_plan

PRESETS = ("bodyweight", "home-dumbbells", "home-gym", "full-gym", "full-gym", "full-gym")
JOINTS = ("knees", "lower-back", "shoulders", "wrists")
PRIORITIES = ("chest", "side-delts", "glutes", "biceps", "lats", "quads")
SEED = 7


def profiles(count: int) -> list[dict[str, Any]]:
    """Varied but reproducible profiles covering every goal, level, split and kit preset."""
    rng = random.Random(SEED)
    out = []
    for index in range(count):
        profile: dict[str, Any] = {
            "goal": GOALS[index % len(GOALS)],
            "level": LEVELS[(index // len(GOALS)) % len(LEVELS)],
            "days": rng.randint(1, 7),
            "minutes": rng.choice((20, 30, 45, 60, 75, 90)),
            "equipment": rng.choice(PRESETS),
            "weeks": rng.choice((4, 6, 8, 12)),
        }
        if rng.random() < 0.3:
            profile["protect"] = rng.choice(JOINTS)
        if rng.random() < 0.3:
            profile["priorities"] = rng.choice(PRIORITIES)
        out.append(profile)
    return out


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("catalog", nargs="?", type=Path, help="folder of exercise YAML files")
    parser.add_argument("--profiles", type=int, default=50)
    args = parser.parse_args(argv)
    catalog = load_dir(args.catalog) if args.catalog else load_builtin()
    make_plan(catalog, {"days": 3})  # warm-up: imports, OR-Tools start-up
    times, cpu, optimal, relaxed, errors = [], [], 0, 0, 0
    for profile in profiles(args.profiles):
        start, start_cpu = time.perf_counter(), time.process_time()
        plan = make_plan(catalog, profile)
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
        optimal += plan.optimal
        relaxed += bool(plan.relaxed_checks)
        errors += any(f.check not in plan.relaxed_checks for f in plan.validation.errors)
    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * len(times)) - 1)]
    print(f"catalog: {len(catalog)} exercises (version {catalog.version})")
    print(f"profiles: {len(times)}")
    print(f"median: {statistics.median(times) * 1000:.0f} ms")
    print(f"p95: {p95 * 1000:.0f} ms")
    print(f"max: {times[-1] * 1000:.0f} ms")
    # CPU time of this process: the same figure with other load on the machine factored out.
    print(f"median CPU: {statistics.median(cpu) * 1000:.0f} ms")
    print(f"proven optimal: {optimal}/{len(times)} ({100 * optimal / len(times):.0f} %)")
    print(f"plans with relaxations: {relaxed}/{len(times)}")
    print(f"plans with unreported errors: {errors}/{len(times)}")


if __name__ == "__main__":
    main(sys.argv[1:])
