"""Training benchmark: progress and adaptation on five years of history (about 50,000 sets).

Usage: python bench/training_bench.py [SETS]
Builds a synthetic log (four sessions a week, six exercises of four sets) with the built-in
catalog's slugs, then times each pure function REPEAT times and prints the medians and their
ratio to the 100 ms page target; then parses the same log written as a Strong CSV.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta

from repforge.catalog.load import load_builtin
from repforge.training.adapt import next_session
from repforge.training.formats import parse_strong, write_strong
from repforge.training.model import LoggedSet, LoggedWorkout, Prescription
from repforge.training.names import NameMapper, app_name
from repforge.training.progress import (
    e1rm_series,
    personal_records,
    records_in,
    weekly_sets,
    weekly_sets_by_week,
)

REPEAT = 15
TARGET_MS = 100.0
IMPORT_TARGET_S = 10.0
SLUGS = (
    "barbell-bench-press",
    "barbell-back-squat",
    "barbell-deadlift",
    "lat-pulldown",
    "dumbbell-curl",
    "barbell-overhead-press",
    "seated-cable-row",
    "leg-press",
)
SESSION_DAYS = (0, 1, 3, 4)


def history(sets: int, start: date = date(2021, 1, 4)) -> list[LoggedWorkout]:
    """A reproducible log of about `sets` sets, four sessions a week."""
    rng = random.Random(12)
    out: list[LoggedWorkout] = []
    day, count = start, 0
    while count < sets:
        if day.weekday() in SESSION_DAYS:
            logged = []
            for order, slug in enumerate(rng.sample(SLUGS, 6)):
                weight = 40 + 2.5 * rng.randint(0, 40)
                for n in range(4):
                    reps = rng.randint(5, 12)
                    logged.append(LoggedSet(slug, order * 4 + n, "working", weight, reps, rir=2))
            out.append(
                LoggedWorkout(datetime.combine(day, datetime.min.time()), sets=tuple(logged))
            )
            count += len(logged)
        day += timedelta(days=1)
    return out


def median_ms(call: Callable[[], object]) -> float:
    runs = []
    for _ in range(REPEAT):
        begin = time.perf_counter()
        call()
        runs.append((time.perf_counter() - begin) * 1000)
    return statistics.median(runs)


def main() -> None:
    sets = int(sys.argv[1]) if len(sys.argv) > 1 else 50_000
    catalog = load_builtin()
    log = history(sets)
    last = log[-1]
    today = last.started_at.date() + timedelta(days=1)
    session = [Prescription(slug, 3, (8, 12), 2, 60.0, "") for slug in SLUGS[:6]]
    print(f"{sum(len(w.sets) for w in log)} sets in {len(log)} workouts")
    cases: list[tuple[str, Callable[[], object]]] = [
        ("e1rm_series (one exercise)", lambda: e1rm_series(log, SLUGS[0])),
        ("personal_records (one exercise)", lambda: personal_records(log, SLUGS[0])),
        ("records_in (latest workout)", lambda: records_in(last, log)),
        ("weekly_sets (one week)", lambda: weekly_sets(log, catalog, today)),
        ("weekly_sets_by_week (every week)", lambda: weekly_sets_by_week(log, catalog)),
        ("next_session (6 exercises)", lambda: next_session(catalog, session, log, today)),
    ]
    print(f"{'function':36} {'median ms':>10} {'x of 100 ms':>12}")
    for label, call in cases:
        ms = median_ms(call)
        print(f"{label:36} {ms:10.2f} {ms / TARGET_MS:12.3f}")
    strong = write_strong(log, name_of=lambda slug: app_name(catalog, slug))
    begin = time.perf_counter()
    mapper = NameMapper(catalog)
    parsed = parse_strong(strong, exercise=mapper)
    seconds = time.perf_counter() - begin
    parsed_sets = sum(len(w.sets) for w in parsed)
    print(
        f"parse_strong + name mapping: {parsed_sets} sets from {len(strong) / 1e6:.1f} MB in "
        f"{seconds:.2f} s ({seconds / IMPORT_TARGET_S:.3f} x of the {IMPORT_TARGET_S:g} s import "
        f"target; {len(mapper.unmapped)} names unmapped)"
    )


if __name__ == "__main__":
    main()
