"""Originality: find runs of 8+ words our text shares with third-party exercise text."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from repforge.catalog.model import Exercise

RUN_WORDS = 8
_WORD = re.compile(r"[a-z0-9']+")
_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class Overlap:
    """A run of words in one of our fields that also appears in reference text."""

    slug: str
    field: str
    words: str


def words(text: str) -> list[str]:
    return _WORD.findall(html.unescape(_TAG.sub(" ", text)).lower().replace("’", "'"))


def shingles(text: str, size: int = RUN_WORDS) -> set[str]:
    """Every run of `size` consecutive words, joined by spaces."""
    tokens = words(text)
    return {" ".join(tokens[i : i + size]) for i in range(len(tokens) - size + 1)}


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def reference_shingles(files: Iterable[Path]) -> set[str]:
    """Shingles of every string of 8+ words in the given JSON files."""
    found: set[str] = set()
    for path in files:
        for text in _strings(json.loads(path.read_text(encoding="utf-8"))):
            found |= shingles(text)
    return found


def prose_fields(exercise: Exercise) -> Iterator[tuple[str, str]]:
    """(field, text) for every piece of prose in an exercise."""
    if exercise.summary:
        yield "summary", exercise.summary
    for name in ("steps", "tips", "mistakes"):
        for index, text in enumerate(getattr(exercise, name)):
            yield f"{name}[{index}]", text
    for index, item in enumerate(exercise.faq):
        yield f"faq[{index}]", f"{item.q} {item.a}"
    if exercise.why_hard:
        yield "why_hard", exercise.why_hard
    if exercise.contraindications:
        yield "contraindications", exercise.contraindications


def field_path(field: str) -> tuple[str | int, ...]:
    """'steps[2]' -> ('steps', 2), for locating a field in its YAML file."""
    name, _, index = field.partition("[")
    return (name, int(index.rstrip("]"))) if index else (name,)


def overlaps(exercises: Iterable[Exercise], reference: set[str]) -> list[Overlap]:
    """Every field of ours that shares a run of RUN_WORDS words with the reference."""
    found = []
    for exercise in exercises:
        for field, text in prose_fields(exercise):
            for run in sorted(shingles(text) & reference):
                found.append(Overlap(exercise.slug, field, run))
    return found
