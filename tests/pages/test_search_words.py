"""Search reasons and understood filters read as words, never slugs."""

from __future__ import annotations

import pytest

from repforge.pages import search_words


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        ("name", "the name"),
        ("alias: RDL", "also called RDL"),
        ("target: hamstrings", "targets the hamstrings"),
        ("works: hamstrings", "also works the hamstrings"),
        ("equipment: cable-machine", "uses cable machine"),
        ("equipment: dumbbell, kettlebell", "uses dumbbell or kettlebell"),
        ("body part: legs", "a leg exercise"),
    ],
)
def test_reasons_are_plain_words(raw: str, words: str) -> None:
    assert search_words.reason(raw) == words


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        ("muscle: hamstrings", "Hamstrings"),
        ("equipment: none", "no equipment"),
        ("equipment: home", "what you have at home"),
        ("without: barbell", "without barbell"),
        ("difficulty: beginner", "Beginner level"),
    ],
)
def test_understood_filters_are_plain_words(raw: str, words: str) -> None:
    assert search_words.understood(raw) == words
