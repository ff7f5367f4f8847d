"""`repforge plan` for one profile, timed from the shell as a user runs it.

Usage: .venv/bin/python bench/cli_plan_bench.py [--runs 7]

Each run starts the installed `repforge` console script in a new process with a warm compiled
catalog cache: the default profile on a machine with no database yet (nothing imported, so none
is opened) and with a database already made (opened to merge imported exercises), a strength
profile, and, as the floor, a bare Python start. Bytecode is written as on a user's machine.
Prints median wall and CPU seconds of each, interleaved so all see the same machine, and the
target (under 0.8 s wall).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DEFAULT = ["plan"]  # what a new user types first: general fitness, beginner, 3 x 60, full gym
STRENGTH = ["plan", "--goal", "strength", "--days", "3", "--minutes", "60"]


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one process."""
    cpu, started = _cpu(), time.perf_counter()
    subprocess.run(args, check=True, capture_output=True, env=env)
    return time.perf_counter() - started, _cpu() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    script = str(Path(sys.executable).with_name("repforge"))
    with tempfile.TemporaryDirectory() as root:
        # An installed package runs from bytecode; PYTHONDONTWRITEBYTECODE (set on some CI
        # machines) would make every run recompile repforge's own modules (about 70 ms).
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        base = {**env, "REPFORGE_CACHE_DIR": f"{root}/cache"}
        made = {**base, "REPFORGE_DATA_DIR": f"{root}/made"}
        subprocess.run([script, *DEFAULT], check=True, capture_output=True, env=made)  # warm up
        results: dict[str, list[tuple[float, float]]] = {
            "bare": [],
            "fresh": [],
            "made": [],
            "strength": [],
        }
        for n in range(args.runs):
            fresh = {**base, "REPFORGE_DATA_DIR": f"{root}/fresh-{n}"}  # never created
            results["bare"].append(run([sys.executable, "-c", "pass"], base))
            results["fresh"].append(run([script, *DEFAULT], fresh))
            results["made"].append(run([script, *DEFAULT], made))
            results["strength"].append(run([script, *STRENGTH], made))
    labels = {
        "bare": "python -c pass",
        "fresh": "repforge plan, no database yet",
        "made": "repforge plan, database exists",
        "strength": "strength 3 x 60, database exists",
    }
    for key, label in labels.items():
        walls = [r[0] for r in results[key]]
        cpus = [r[1] for r in results[key]]
        print(
            f"{label:32s} wall median {statistics.median(walls):5.2f} s "
            f"(min {min(walls):.2f}, max {max(walls):.2f}); CPU median {statistics.median(cpus):5.2f} s"
        )
    fresh = statistics.median(r[0] for r in results["fresh"])
    print(f"target < 0.8 s wall: {fresh:.2f} s without a database")


if __name__ == "__main__":
    main()
