"""Search benchmark: index build time, precision@1 / recall@5 on the labelled queries, latency.

Usage: python bench/search_bench.py [FOLDER ...]
Without folders it loads the built-in catalog; with folders it indexes every exercise file in
them that parses (cross-file problems such as links to files not given are ignored).
Latency is in-process: each query runs REPEAT times and its median is kept; the report gives
the median and 95th percentile of those per-query medians, and of the first (cold) runs.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # for tests.search.queries

from tests.search.queries import QUERIES, Labelled, misses, precision_at_1, recall_at_5

from repforge.catalog.catalog import Catalog
from repforge.catalog.load import check, load_builtin, read_dir
from repforge.search import SearchIndex

REPEAT = 50
BUILDS = 5


def load(folders: Sequence[str]) -> Catalog:
    if not folders:
        return load_builtin()
    sources, names = [], set()
    for folder in folders:
        for source in read_dir(Path(folder)):
            if source.name not in names:
                names.add(source.name)
                sources.append(source)
    parsed, problems = check(sources)
    print(f"{len(sources)} files, {len(parsed)} parsed, {len(problems)} problem(s) ignored")
    return Catalog([p.exercise for p in parsed], "bench")


def percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def timed(call: Callable[[], object], repeat: int) -> tuple[float, float]:
    """(first run, median of the rest) in microseconds."""
    runs = []
    for _ in range(repeat + 1):
        start = time.perf_counter_ns()
        call()
        runs.append((time.perf_counter_ns() - start) / 1000)
    return runs[0], statistics.median(runs[1:])


def report(label: str, firsts: list[float], medians: list[float]) -> None:
    print(
        f"{label:<8} n={len(medians):<4} median {statistics.median(medians):7.1f} us   "
        f"p95 {percentile(medians, 0.95):7.1f} us   "
        f"(first run: median {statistics.median(firsts):7.1f} us, "
        f"p95 {percentile(firsts, 0.95):7.1f} us)"
    )


def main(folders: Sequence[str]) -> None:
    catalog = load(folders)
    start = time.perf_counter()
    index = SearchIndex.build(catalog)
    cold = (time.perf_counter() - start) * 1000
    builds = []
    for _ in range(BUILDS):
        start = time.perf_counter()
        SearchIndex.build(catalog)
        builds.append((time.perf_counter() - start) * 1000)
    print(f"catalog: {len(catalog)} exercises, version {catalog.version}")
    print(
        f"index build: first {cold:.1f} ms, "
        f"median of {BUILDS} more {statistics.median(builds):.1f} ms"
    )

    usable: list[Labelled] = [q for q in QUERIES if q.relevant <= set(catalog.slugs)]
    print(f"labelled queries: {len(usable)} of {len(QUERIES)} have all their slugs in this catalog")

    def run(query: str) -> list[str]:
        return [hit.slug for hit in index.search(query, limit=10).hits]

    if usable:
        print(
            f"precision@1 {precision_at_1(usable, run):.3f}   "
            f"recall@5 {recall_at_5(usable, run):.3f}"
        )
        by_kind: dict[str, list[Labelled]] = defaultdict(list)
        for item in usable:
            by_kind[item.kind].append(item)
        for kind, items in sorted(by_kind.items()):
            print(
                f"  {kind:<12} n={len(items):<3} P@1 {precision_at_1(items, run):.3f}"
                f"   R@5 {recall_at_5(items, run):.3f}"
            )
        for query, found in misses(usable, run):
            print(f"  miss: {query!r} -> {found}")

    fresh = SearchIndex.build(catalog)  # first runs measured on an index no query has touched
    firsts, medians = [], []
    for item in QUERIES:
        first, median = timed(lambda q=item.query: fresh.search(q, limit=20), REPEAT)
        firsts.append(first)
        medians.append(median)
    report("search", firsts, medians)

    prefixes = sorted(
        {q.query[:size] for q in QUERIES for size in (2, 3, 5, 8) if len(q.query) >= size}
    )
    firsts, medians = [], []
    for prefix in prefixes:
        first, median = timed(lambda p=prefix: fresh.suggest(p, limit=8), REPEAT)
        firsts.append(first)
        medians.append(median)
    report("suggest", firsts, medians)


if __name__ == "__main__":
    main(sys.argv[1:])
