"""Machine labels in plain words: search reasons, understood filters, planner notes."""

from __future__ import annotations

import re
from typing import Any

from repforge.catalog import vocab
from repforge.pages.text import BODY_PART_ADJECTIVES, join, lower_name

_VOCABS: dict[str, vocab.Vocabulary[Any]] = {
    "muscle": vocab.MUSCLES,
    "target": vocab.MUSCLES,
    "works": vocab.MUSCLES,
    "body part": vocab.BODY_PARTS,
    "equipment": vocab.EQUIPMENT,
    "without": vocab.EQUIPMENT,
    "category": vocab.CATEGORIES,
    "difficulty": vocab.DIFFICULTIES,
}


def _names(kind: str, values: str) -> list[str]:
    terms = _VOCABS.get(kind)
    out = []
    for value in (v.strip() for v in values.split(",")):
        term = terms.get(value) if terms is not None else None
        out.append(lower_name(term.name) if term is not None else value.replace("-", " "))
    return out


def reason(text: str) -> str:
    """One matched reason ('works: hamstrings') as words ('also works the hamstrings')."""
    if text == "name":
        return "the name"
    kind, sep, values = text.partition(": ")
    if not sep:
        return text
    if kind == "alias":
        return f"also called {values}"
    names = join(_names(kind, values), "or")
    phrases = {
        "target": f"targets the {names}",
        "works": f"also works the {names}",
        "body part": f"a {join([BODY_PART_ADJECTIVES.get(v, v) for v in values.split(', ')], 'or')} exercise",
        "equipment": f"uses {names}",
        "category": f"a {names} exercise",
        "about": f"about {values}",
    }
    return phrases.get(kind, f"{kind} {names}")


def understood(text: str) -> str:
    """One understood filter ('equipment: none') as words ('no equipment')."""
    kind, sep, values = text.partition(": ")
    if not sep:
        return text
    if text == "equipment: none":
        return "no equipment"
    if text == "equipment: home":
        return "what you have at home"
    names = join(_names(kind, values), "or")
    if kind == "without":
        return f"without {names}"
    return names.capitalize() if kind != "difficulty" else f"{names.capitalize()} level"


_CHECK_PREFIX = re.compile(r"^[a-z]+(?:-[a-z]+)+: ")


def without_check_name(note: str) -> str:
    """A planner note without its rule's id: 'volume-floor: biceps: ...' -> 'Biceps: ...'."""
    plain = _CHECK_PREFIX.sub("", note, count=1)
    return plain[:1].upper() + plain[1:]
