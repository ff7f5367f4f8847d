"""Plain words for plan messages."""

from __future__ import annotations

import pytest

from repforge.planner import words


@pytest.mark.parametrize(
    ("value", "threshold", "shown"),
    [
        (3.96, 4, "3.9"),  # below a floor stays below it
        (4.0, 4, "4"),
        (4.04, 4, "4.1"),  # above a cap stays above it
        (3.75, None, "3.8"),
        (12.0, None, "12"),
        (0.0, 4, "0"),
    ],
)
def test_figures_never_round_across_their_threshold(
    value: float, threshold: float | None, shown: str
) -> None:
    assert words.figure(value, threshold) == shown


@pytest.mark.parametrize(
    ("value", "threshold", "said"),
    [
        (1.0, 4, "1 hard set"),
        (0.0, 4, "no hard sets"),
        (0.96, 1, "0.9 hard sets"),  # never rounded up to "1 hard set" below a floor of 1
        (2.6, None, "2.6 hard sets"),
    ],
)
def test_hard_sets_agree_with_their_number(
    value: float, threshold: float | None, said: str
) -> None:
    assert words.hard_sets(value, threshold) == said


def test_names_read_as_people_say_them() -> None:
    assert words.muscle("hamstrings-glutes") == "hamstrings and glutes"
    assert words.muscle("side-delts") == "side delts"
    assert words.joints(["knees", "lower-back"]) == "knees and lower back"
    assert words.pattern("hinge") == "hinge or hip extension"
    assert words.pattern("vertical-pull") == "vertical pull"
    assert words.day("wed") == "Wednesday"
    assert words.count(1, "set") == "1 set"
    assert words.count(0, "pushing set") == "no pushing sets"
    assert words.listing(["a", "b", "c"]) == "a, b and c"


def test_verbs_agree_with_the_muscle() -> None:
    assert words.verb("chest", "get") == "gets"
    assert words.verb("quads", "get") == "get"
    assert words.verb("hamstrings-glutes", "get") == "get"
    assert words.pronoun("back") == "it"
