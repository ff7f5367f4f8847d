"""Words: normalised, singular, the same for labels and queries."""

from __future__ import annotations

import pytest

from repforge.search.terms import compact, stem, words


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("hamstrings", "hamstring"),
        ("presses", "press"),
        ("crunches", "crunch"),
        ("raises", "raise"),
        ("lunges", "lunge"),
        ("calves", "calf"),
        ("biceps", "bicep"),
        ("abs", "ab"),
        ("ups", "up"),
        ("bodies", "body"),
        ("press", "press"),
        ("gluteus", "gluteus"),
        ("row", "row"),
    ],
)
def test_stem_folds_plurals_only(word: str, expected: str) -> None:
    assert stem(word) == expected


def test_short_ies_words_keep_their_letters_for_spelling_fixes() -> None:
    assert stem("raies") == "raie"


def test_words_normalise_case_accents_punctuation_and_possessives() -> None:
    assert words("Farmer's Carry") == ("farmer", "carry")
    assert words("Pull-Ups") == ("pull", "up")
    assert words("  CRUNCHÉS ") == ("crunch",)


def test_compact_ignores_spacing() -> None:
    assert compact(words("pull-up")) == compact(words("pull up")) == compact(words("pullup"))
