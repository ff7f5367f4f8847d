"""Filtering, sorting and paging lists of exercises: the one list filter of hubs and the API."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from repforge.catalog import vocab
from repforge.catalog.model import Exercise
from repforge.errors import InvalidInputError

# "fit" is a hub's own promise (works the muscle most first); on the full index it means popularity
SORTS = ("fit", "popularity", "name")
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


FitKey = Callable[[Exercise], tuple[float, int, str, str]]


def _part_share(ex: Exercise, part: str) -> float:
    weights = ex.muscle_weights
    inside = sum(w for m, w in weights.items() if vocab.MUSCLES[m].body_part == part)
    return inside / sum(weights.values())


def _equipment_share(ex: Exercise, item: str) -> float:
    # needed outright beats one choice among several; fewer other items beats more
    needs = ex.equipment
    if item in needs.required:
        return 1.0 / len(needs.required) + 1.0
    if item in needs.options:
        return 1.0 / (len(needs.required) + 1)
    return 1.0 if needs.slugs == (item,) else 0.0


def fit_key(kind: str, key: str) -> FitKey:
    """Sort key for a hub: how much an exercise does what the hub promises, popularity second."""
    share: Callable[[Exercise], float]
    if kind == "muscle":
        share = lambda ex: ex.muscle_weights.get(key, 0.0)  # noqa: E731
    elif kind in ("body-part", "body-part-equipment"):
        part = key.split("/", 1)[0]
        share = lambda ex: _part_share(ex, part)  # noqa: E731
    elif kind == "equipment":
        share = lambda ex: _equipment_share(ex, key)  # noqa: E731
    else:
        share = lambda ex: 0.0  # noqa: E731
    return lambda ex: (-round(share(ex), 3), *by_popularity(ex))


_FIT_LABELS = {
    "muscle": "Works this muscle most",
    "equipment": "Built around this equipment",
    "body-part": "Works this area most",
    "body-part-equipment": "Works this area most",
}


def sort_labels(hub_kind: str | None) -> list[tuple[str, str]]:
    """The sort choices a list offers, as (value, plain label), the default first."""
    plain = [("popularity", "Most popular"), ("name", "Name, A to Z")]
    fit = _FIT_LABELS.get(hub_kind or "")
    return [("fit", fit), *plain] if fit else plain


def popular_spread(exercises: Iterable[Exercise], count: int) -> list[Exercise]:
    """The most popular exercises, one per body part first, so a short list shows the range."""
    ranked = sort_exercises(exercises, "popularity")
    chosen: list[Exercise] = []
    seen: set[str] = set()
    for ex in ranked:
        if ex.body_part not in seen and len(chosen) < count:
            chosen.append(ex)
            seen.add(ex.body_part)
    chosen += [ex for ex in ranked if ex not in chosen][: count - len(chosen)]
    return sort_exercises(chosen, "popularity")


def by_popularity(ex: Exercise) -> tuple[int, str, str]:
    """Most popular first; ties by name, then slug, so every list has one order."""
    return (-ex.popularity, ex.name.lower(), ex.slug)


def by_name(ex: Exercise) -> tuple[str, str]:
    return (ex.name.lower(), ex.slug)


def sort_exercises(
    exercises: Iterable[Exercise], sort: str, fit: FitKey | None = None
) -> list[Exercise]:
    """`exercises` by name, by popularity, or by the hub's fit (popularity without a hub)."""
    if sort == "name":
        return sorted(exercises, key=by_name)
    if sort == "fit" and fit is not None:
        return sorted(exercises, key=fit)
    return sorted(exercises, key=by_popularity)


def apply(
    exercises: Iterable[Exercise],
    wanted: ExerciseFilter,
    keep_order: bool = False,
    fit: FitKey | None = None,
) -> list[Exercise]:
    """The exercises passing `wanted`, sorted as asked (or kept in order)."""
    found = [e for e in exercises if wanted.matches(e)]
    return found if keep_order else sort_exercises(found, wanted.sort, fit)


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
