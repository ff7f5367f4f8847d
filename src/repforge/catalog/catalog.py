"""The Catalog: an immutable, indexed set of exercises with a content version."""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import cached_property
from typing import TypeVar, cast

from repforge.catalog.model import Exercise
from repforge.catalog.names import normalise
from repforge.errors import NotFoundError

T = TypeVar("T")


class Catalog:
    """Every exercise known to this instance, looked up by slug, name or alias."""

    def __init__(self, exercises: Iterable[Exercise], version: str) -> None:
        ordered = sorted(exercises, key=lambda e: e.slug)
        self._by_slug: Mapping[str, Exercise] = {e.slug: e for e in ordered}
        self.version = version
        self._memo: dict[str, object] = {}

    def __len__(self) -> int:
        return len(self._by_slug)

    def __iter__(self) -> Iterator[Exercise]:
        return iter(self._by_slug.values())

    def __contains__(self, slug: object) -> bool:
        return slug in self._by_slug

    @property
    def slugs(self) -> tuple[str, ...]:
        return tuple(self._by_slug)

    def memo(self, key: str, build: Callable[[], T]) -> T:
        """A value derived from this catalog (a search index, say), built once and kept with it."""
        if key not in self._memo:
            # two threads may both build on first use; the result is the same, so either wins
            self._memo[key] = build()
        return cast(T, self._memo[key])

    def get(self, slug: str) -> Exercise:
        """The exercise with this slug, or NotFoundError with close matches."""
        try:
            return self._by_slug[slug]
        except KeyError:
            close = difflib.get_close_matches(slug, self._by_slug, n=3, cutoff=0.6)
            raise NotFoundError("exercise", slug, close) from None

    def find(self, slug: str) -> Exercise | None:
        return self._by_slug.get(slug)

    @cached_property
    def by_name(self) -> Mapping[str, Exercise]:
        """Normalised name or alias -> exercise."""
        index: dict[str, Exercise] = {}
        for exercise in self:
            for label in (exercise.name, *exercise.aliases):
                index.setdefault(normalise(label), exercise)
        return index

    def _group(self, key: str) -> Mapping[str, tuple[Exercise, ...]]:
        groups: dict[str, list[Exercise]] = defaultdict(list)
        for exercise in self:
            for value in _values(exercise, key):
                groups[value].append(exercise)
        return {k: tuple(v) for k, v in groups.items()}

    @cached_property
    def by_body_part(self) -> Mapping[str, tuple[Exercise, ...]]:
        return self._group("body_part")

    @cached_property
    def by_target(self) -> Mapping[str, tuple[Exercise, ...]]:
        return self._group("target")

    @cached_property
    def by_muscle(self) -> Mapping[str, tuple[Exercise, ...]]:
        """Muscle slug -> exercises that train it as target or secondary."""
        return self._group("muscles")

    @cached_property
    def by_equipment(self) -> Mapping[str, tuple[Exercise, ...]]:
        return self._group("equipment")

    @cached_property
    def by_pattern(self) -> Mapping[str, tuple[Exercise, ...]]:
        return self._group("pattern")

    @cached_property
    def by_difficulty(self) -> Mapping[str, tuple[Exercise, ...]]:
        return self._group("difficulty")

    @cached_property
    def _referrers(self) -> Mapping[str, tuple[tuple[Exercise, str], ...]]:
        found: dict[str, list[tuple[Exercise, str]]] = defaultdict(list)
        for exercise in self:
            for kind in ("easier", "harder", "alternatives"):
                for slug in dict.fromkeys(r.slug for r in getattr(exercise, kind)):
                    found[slug].append((exercise, kind))
        return {slug: tuple(pairs) for slug, pairs in found.items()}

    def referrers(self, slug: str) -> list[tuple[Exercise, str]]:
        """Exercises whose relations point at `slug`, with the relation kind."""
        return list(self._referrers.get(slug, ()))


def _values(exercise: Exercise, key: str) -> tuple[str, ...]:
    if key == "muscles":
        return tuple(exercise.muscle_weights)
    if key == "equipment":
        return exercise.equipment.slugs
    return (str(getattr(exercise, key)),)
