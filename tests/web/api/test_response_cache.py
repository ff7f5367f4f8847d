"""The byte-bounded response cache behind the API (repforge.web.caching)."""

from __future__ import annotations

import sys
import threading

from repforge.web.api.schemas import TermPublic
from repforge.web.caching import ResponseCache, dump_json


def test_least_recently_used_bodies_go_first_past_the_byte_budget() -> None:
    cache = ResponseCache(max_bytes=10)
    cache.put(("v", "a"), b"aaaa", '"a"')
    cache.put(("v", "b"), b"bbbb", '"b"')
    assert cache.get(("v", "a")) == (b"aaaa", '"a"')  # a is now the most recent
    cache.put(("v", "c"), b"cccc", '"c"')
    assert cache.get(("v", "b")) is None
    assert len(cache) == 2
    assert cache.size == 8


def test_a_body_bigger_than_the_budget_is_not_kept() -> None:
    cache = ResponseCache(max_bytes=3)
    cache.put(("v", "a"), b"aaaa", '"a"')
    assert len(cache) == 0


def test_replacing_a_key_keeps_the_size_right() -> None:
    cache = ResponseCache(max_bytes=100)
    cache.put(("v", "a"), b"aaaa", '"a"')
    cache.put(("v", "a"), b"aa", '"a2"')
    assert cache.size == 2


def test_dump_json_serialises_models_with_orjson() -> None:
    term = TermPublic(slug="legs", name="Legs", count=2)
    assert dump_json([term]) == b'[{"slug":"legs","name":"Legs","count":2}]'


def test_eight_threads_hammering_the_cache_keep_it_consistent() -> None:
    cache = ResponseCache(max_bytes=4_000)
    errors: list[BaseException] = []
    start = threading.Barrier(8)

    def hammer(worker: int) -> None:
        start.wait()
        try:
            for i in range(20_000):
                key = ("v", str((i * 7 + worker) % 300))
                if cache.get(key) is None:
                    cache.put(key, b"x" * (1 + i % 50), '"e"')
        except BaseException as exc:  # any failure in a thread fails the test
            errors.append(exc)

    previous = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as possible to expose races
    try:
        threads = [threading.Thread(target=hammer, args=(n,)) for n in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(previous)
    assert errors == []
    held = [cache.get(key) for key in cache.held_keys()]
    assert cache.size == sum(len(item[0]) for item in held if item is not None)
    assert None not in held
    assert cache.size <= cache.max_bytes
