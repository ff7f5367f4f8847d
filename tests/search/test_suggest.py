"""Autocomplete: name and alias prefixes, word starts, shorthand, typos, speed."""

from __future__ import annotations

from repforge.search import SearchIndex


def suggested(index: SearchIndex, prefix: str, limit: int = 8) -> list[str]:
    return [hit.slug for hit in index.suggest(prefix, limit)]


def test_name_prefix(index: SearchIndex) -> None:
    assert suggested(index, "roman") == ["romanian-deadlift", "dumbbell-romanian-deadlift"]
    assert suggested(index, "Pull")[0] == "pull-up"


def test_name_start_beats_later_word_then_popularity(index: SearchIndex) -> None:
    assert suggested(index, "pu") == ["pull-up", "push-up", "band-assisted-pull-up"]


def test_alias_prefix(index: SearchIndex) -> None:
    (hit,) = index.suggest("milit")
    assert hit.slug == "barbell-overhead-press"
    assert hit.matched == ("alias: Military Press",)


def test_later_word_of_a_name(index: SearchIndex) -> None:
    assert suggested(index, "deadl") == ["romanian-deadlift", "dumbbell-romanian-deadlift"]


def test_typed_without_spaces_or_hyphens(index: SearchIndex) -> None:
    assert suggested(index, "pullu")[0] == "pull-up"
    assert suggested(index, "pull-u")[0] == "pull-up"


def test_shorthand_is_spelled_out(index: SearchIndex) -> None:
    assert suggested(index, "rdl") == ["romanian-deadlift", "dumbbell-romanian-deadlift"]
    assert suggested(index, "db lat")[0] == "dumbbell-lateral-raise"


def test_typos_fall_back_to_search(index: SearchIndex) -> None:
    hits = index.suggest("romanain")
    assert hits[0].slug == "romanian-deadlift"
    assert hits[0].score < 1.0


def test_limit_and_empty_prefix(index: SearchIndex) -> None:
    assert len(index.suggest("d", limit=2)) == 2
    assert index.suggest("", limit=5) == []
    assert index.suggest("push", limit=0) == []
