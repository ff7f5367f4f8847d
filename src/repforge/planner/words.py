"""Plain words for plan messages: muscle, joint and day names, lists, and figures that never
round across the threshold they are compared with."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

from repforge.catalog import vocab

DAY_NAMES: Mapping[str, str] = {
    "mon": "Monday",
    "tue": "Tuesday",
    "wed": "Wednesday",
    "thu": "Thursday",
    "fri": "Friday",
    "sat": "Saturday",
    "sun": "Sunday",
}
# The five major groups of the frequency and floor rules (prescription.FREQUENCY_GROUPS keys).
GROUP_NAMES: Mapping[str, str] = {"hamstrings-glutes": "hamstrings and glutes"}
PATTERN_LABELS: Mapping[str, str] = {"hinge": "hinge or hip extension"}
# Muscles and groups named in the singular ("your chest gets"); the rest read as plurals.
SINGULAR = frozenset({"chest", "back", "upper-back", "lower-back", "neck", "rotator-cuff"})
# Under a session with supersets (A1 and A2, B1 and B2 ...): how to do them.
SUPERSET_NOTE = (
    "Exercises marked with the same letter are a superset: do a set of the first, walk to the "
    "second and do a set of it, then rest for the longer of their two rests and start again. "
    "Each exercise rests while the other works, so the session fits in less time."
)
# A figure compared with a threshold is shown to this many decimals.
DECIMALS = 1
_EPS = 1e-6


def listing(items: Iterable[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    names = list(items)
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def muscle(slug: str) -> str:
    """A muscle or muscle group as a reader says it: 'quads', 'hamstrings and glutes'."""
    if slug in GROUP_NAMES:
        return GROUP_NAMES[slug]
    found = vocab.MUSCLES.get(slug)
    return found.name.lower() if found else slug.replace("-", " ")


def verb(subject: str, plural: str) -> str:
    """The verb agreeing with a muscle or group slug: verb("chest", "get") == "gets"."""
    return plural + "s" if subject in SINGULAR else plural


def pronoun(subject: str) -> str:
    return "it" if subject in SINGULAR else "them"


def joints(slugs: Iterable[str]) -> str:
    return listing(
        (vocab.JOINTS[s].name.lower() if s in vocab.JOINTS else s.replace("-", " ")) for s in slugs
    )


def kit(slugs: Iterable[str]) -> str:
    return listing(
        (vocab.EQUIPMENT[s].name.lower() if s in vocab.EQUIPMENT else s.replace("-", " "))
        for s in slugs
    )


def day(slug: str) -> str:
    return DAY_NAMES.get(slug, slug)


def pattern(key: str) -> str:
    """A movement pattern or weekly pattern requirement in a sentence."""
    if key in PATTERN_LABELS:
        return PATTERN_LABELS[key]
    found = vocab.PATTERNS.get(key)
    return found.name.lower() if found else key.replace("-", " ")


def count(n: int, noun: str, plural: str | None = None) -> str:
    """'1 set', '3 sets', 'no sets'."""
    if n == 0:
        return f"no {plural or noun + 's'}"
    return f"{n} {noun if n == 1 else plural or noun + 's'}"


def hard_sets(value: float, threshold: float | None = None) -> str:
    """'no hard sets', '1 hard set', '3.5 hard sets': `figure` with the noun agreeing."""
    shown = figure(value, threshold)
    if shown == "0":
        return "no hard sets"
    return f"{shown} hard set" + ("" if shown == "1" else "s")


def figure(value: float, threshold: float | None = None) -> str:
    """A number to one decimal that stays on its side of `threshold` (3.96 below 4 reads 3.9)."""
    scale = 10**DECIMALS
    shown = round(value, DECIMALS)
    if threshold is not None:
        if value < threshold - _EPS and shown >= threshold:
            shown = math.floor(value * scale) / scale
        elif value > threshold + _EPS and shown <= threshold:
            shown = math.ceil(value * scale) / scale
    return f"{shown:g}"
