"""Search reasons and understood filters read as words, never slugs."""

from __future__ import annotations

import pytest

from repforge.pages import plain_words


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
    assert plain_words.reason(raw) == words


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
    assert plain_words.understood(raw) == words


def test_planner_notes_lose_their_rule_ids() -> None:
    note = "volume-floor: biceps: 3.5 weekly sets (fractional), below the floor of 4"
    assert plain_words.without_check_name(note) == (
        "Biceps: 3.5 weekly sets (fractional), below the floor of 4"
    )
    assert plain_words.without_check_name("Rest days moved") == "Rest days moved"
