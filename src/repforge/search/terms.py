"""Query and label words: normalised, singular, shared by the index and the query parser."""

from __future__ import annotations

from functools import lru_cache

from repforge.catalog.names import normalise

# Plurals English stemmers get wrong or that gym language bends its own way.
IRREGULAR: dict[str, str] = {
    "calves": "calf",
    "calve": "calf",
    "flyes": "fly",
    "flye": "fly",
    "flies": "fly",
    "hammies": "hammy",
    "quadriceps": "quadricep",
    "biceps": "bicep",
    "triceps": "tricep",
    "abs": "ab",
    "ups": "up",
    "lats": "lat",
    "pecs": "pec",
}

# Words ending in s that are not plurals.
_KEEP_ENDINGS = ("ss", "us", "is")


@lru_cache(maxsize=8192)
def stem(word: str) -> str:
    """Fold a plural to its singular: 'hamstrings' -> 'hamstring', 'presses' -> 'press'.

    Hand-written on purpose: a full stemmer (Porter) also strips -ing and -ed, which merges
    exercise names that must stay apart ('jumping jack' vs 'jump squat', 'banded' vs 'band'
    is handled as a synonym instead), and catalog words are few and known.
    """
    if word in IRREGULAR:
        return IRREGULAR[word]
    if len(word) <= 3 or not word.endswith("s") or word.endswith(_KEEP_ENDINGS):
        return word
    if word.endswith("ies") and len(word) > 5:  # 'raies' is a typo of 'raises', not a plural
        return word[:-3] + "y"
    if word.endswith(("sses", "ches", "shes", "xes")):
        return word[:-2]
    return word[:-1]


@lru_cache(maxsize=16384)
def words(text: str) -> tuple[str, ...]:
    """Normalised, singular words of a text: 'Pull-Ups' -> ('pull', 'up')."""
    # a lone 's' is what is left of an apostrophe: "Farmer's Carry" reads as "farmer carry"
    return tuple(stem(w) for w in normalise(text).split() if w != "s")


def compact(parts: tuple[str, ...] | list[str]) -> str:
    """Words joined without spaces, so 'pull up', 'pull-up' and 'pullup' compare equal."""
    return "".join(parts)
