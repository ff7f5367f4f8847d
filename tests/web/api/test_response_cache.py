"""The byte-bounded response cache behind the API (repforge.web.caching)."""

from __future__ import annotations

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
