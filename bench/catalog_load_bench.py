"""Loading the built-in catalog in a fresh process: full parse against the compiled cache.

Usage: .venv/bin/python bench/catalog_load_bench.py [--runs 7]

Each run starts a new Python process that imports the loader, then times `load_builtin()` once:
without a cache (every YAML file parsed and validated, file:line errors possible), then with a
cache folder already holding the compiled catalog. Prints the median and range of each, their
ratio, the whole process's wall time, and the target (under 150 ms with the cache).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time

CHILD = """
import sys, time
from pathlib import Path
from repforge.catalog import load
cache = Path(sys.argv[1]) if len(sys.argv) > 1 else None
started = time.perf_counter()
catalog = load.load_builtin(cache)
print(len(catalog), time.perf_counter() - started)
"""


def run(cache: str | None) -> tuple[int, float, float]:
    """(exercises, seconds in load_builtin, seconds of the whole process)."""
    started = time.perf_counter()
    args = [sys.executable, "-c", CHILD, *([cache] if cache else [])]
    out = subprocess.run(args, check=True, capture_output=True, text=True).stdout.split()
    return int(out[0]), float(out[1]), time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as cache:
        run(cache)  # compile once
        parsed, cached = [], []
        for _ in range(args.runs):  # interleaved, so both see the same machine
            parsed.append(run(None))
            cached.append(run(cache))
    count = parsed[0][0]
    for label, runs in (("full parse", parsed), ("compiled cache", cached)):
        loads = [r[1] * 1e3 for r in runs]
        walls = [r[2] * 1e3 for r in runs]
        print(
            f"{label:15s} load_builtin median {statistics.median(loads):6.1f} ms "
            f"(min {min(loads):.1f}, max {max(loads):.1f}); process wall median "
            f"{statistics.median(walls):6.1f} ms"
        )
    ratio = statistics.median(r[1] for r in parsed) / statistics.median(r[1] for r in cached)
    best = statistics.median(r[1] for r in cached) * 1e3
    print(f"{count} exercises; cache is {ratio:.1f}x faster; target < 150 ms: {best:.1f} ms")


if __name__ == "__main__":
    main()
