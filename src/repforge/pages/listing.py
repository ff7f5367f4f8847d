"""Filtering, sorting and paging lists of exercises: the one list filter of hubs and the API."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from repforge.catalog import vocab
from repforge.catalog.model import Exercise
from repforge.errors import InvalidInputError

SORTS = ("popularity", "name")
PAGE_SIZE = 24


@dataclass(frozen=True)
class ExerciseFilter:
    """What a visitor asked for; empty fields match everything."""

    body_part: str | None = None
    muscle: str | None = None  # target or secondary
    target: str | None = None
    equipment: tuple[str, ...] = ()  # uses any of these
    available: tuple[str, ...] = ()  # doable with only this kit (bodyweight implied)
    difficulty: str | None = None
    category: str | None = None
    pattern: str | None = None
    mechanic: str | None = None
    sort: str = "popularity"

    def __post_init__(self) -> None:
        checks: list[tuple[str, str | None, vocab.Vocabulary[Any]]] = [
            ("body_part", self.body_part, vocab.BODY_PARTS),
            ("muscle", self.muscle, vocab.MUSCLES),
            ("target", self.target, vocab.MUSCLES),
            ("difficulty", self.difficulty, vocab.DIFFICULTIES),
            ("category", self.category, vocab.CATEGORIES),
            ("pattern", self.pattern, vocab.PATTERNS),
            ("mechanic", self.mechanic, vocab.MECHANICS),
        ]
        checks += [("equipment", v, vocab.EQUIPMENT) for v in self.equipment]
        checks += [("available_equipment", v, vocab.EQUIPMENT) for v in self.available]
        for name, value, vocabulary in checks:
            if value is not None and value not in vocabulary:
                raise InvalidInputError(
                    name, f"unknown {vocabulary.name} {value!r}", list(vocabulary.slugs)
                )
        if self.sort not in SORTS:
            raise InvalidInputError("sort", f"unknown sort {self.sort!r}", list(SORTS))

    @property
    def active(self) -> bool:
        return any(
            (
                self.body_part,
                self.muscle,
                self.target,
                self.equipment,
                self.available,
                self.difficulty,
                self.category,
                self.pattern,
                self.mechanic,
            )
        )

    def matches(self, ex: Exercise) -> bool:
        """Whether one exercise passes every filter."""
        kit = frozenset(self.available) | {"bodyweight"}
        return (
            (self.body_part is None or ex.body_part == self.body_part)
            and (self.muscle is None or self.muscle in ex.muscle_weights)
            and (self.target is None or ex.target == self.target)
            and (not self.equipment or bool(set(self.equipment) & set(ex.equipment.slugs)))
            and (not self.available or ex.equipment.doable_with(kit))
            and (self.difficulty is None or ex.difficulty == self.difficulty)
            and (self.category is None or ex.category == self.category)
            and (self.pattern is None or ex.pattern == self.pattern)
            and (self.mechanic is None or ex.mechanic == self.mechanic)
        )


def by_popularity(ex: Exercise) -> tuple[int, str, str]:
    """Most popular first; ties by name, then slug, so every list has one order."""
    return (-ex.popularity, ex.name.lower(), ex.slug)


def by_name(ex: Exercise) -> tuple[str, str]:
    return (ex.name.lower(), ex.slug)


def sort_exercises(exercises: Iterable[Exercise], sort: str) -> list[Exercise]:
    """`exercises` in the order `sort` (one of SORTS) names."""
    return sorted(exercises, key=by_name if sort == "name" else by_popularity)


def apply(
    exercises: Iterable[Exercise], wanted: ExerciseFilter, keep_order: bool = False
) -> list[Exercise]:
    """The exercises passing `wanted`, sorted as asked (or kept in order)."""
    found = [e for e in exercises if wanted.matches(e)]
    return found if keep_order else sort_exercises(found, wanted.sort)


@dataclass(frozen=True)
class Page:
    """One page of a longer list."""

    items: Sequence[Exercise]
    number: int
    pages: int
    total: int

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.pages


def paginate(items: Sequence[Exercise], number: int, size: int = PAGE_SIZE) -> Page:
    """Page `number` (1-based) of `items`; out-of-range pages are an input error."""
    pages = max(1, math.ceil(len(items) / size))
    if not 1 <= number <= pages:
        raise InvalidInputError("page", f"page {number} does not exist (1-{pages})")
    start = (number - 1) * size
    return Page(items[start : start + size], number, pages, len(items))
