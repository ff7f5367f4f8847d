"""The catalog in ExerciseDB's shape and vocabulary, and its lookups."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from repforge.catalog import crosswalk
from repforge.catalog.catalog import Catalog
from repforge.catalog.importers import exercisedb
from repforge.catalog.model import Exercise
from repforge.errors import InvalidInputError
from repforge.pages.demo import absolute, demonstration
from repforge.web.api.schemas import ExerciseDbExercise


def record(ex: Exercise, base_url: str = "") -> ExerciseDbExercise:
    """One exercise as an ExerciseDB record (the file export's mapping); gifUrl is null when it
    has no demonstration."""
    demo = demonstration(ex)
    data = exercisedb.record(ex)
    data["gifUrl"] = absolute(base_url, demo.gif) if demo and base_url else None
    return ExerciseDbExercise.model_validate(data)


@lru_cache(maxsize=2)
def _records(
    catalog: Catalog, base_url: str = ""
) -> tuple[tuple[Exercise, ExerciseDbExercise], ...]:
    # two entries: the served catalog, plus one while a reload swaps it
    return tuple((ex, record(ex, base_url)) for ex in catalog)


def _page(
    found: Sequence[ExerciseDbExercise], limit: int | None, offset: int
) -> list[ExerciseDbExercise]:
    # ExerciseDB caps pages at 10; here no limit (or 0) means every match
    end = None if not limit else offset + limit
    return list(found[offset:end])


def _where(
    catalog: Catalog, keep: Callable[[Exercise, ExerciseDbExercise], bool], base_url: str = ""
) -> list[ExerciseDbExercise]:
    return [rec for ex, rec in _records(catalog, base_url) if keep(ex, rec)]


def _check(field: str, value: str, allowed: Sequence[str]) -> None:
    if value not in allowed:
        raise InvalidInputError(field, f"unknown ExerciseDB {field} {value!r}", list(allowed))


def all_exercises(
    catalog: Catalog, limit: int | None, offset: int, base_url: str = ""
) -> list[ExerciseDbExercise]:
    return _page([rec for _, rec in _records(catalog, base_url)], limit, offset)


def by_id(catalog: Catalog, exercise_id: str, base_url: str = "") -> ExerciseDbExercise:
    """The record with this id (our slug); NotFoundError with close slugs otherwise."""
    return record(catalog.get(exercise_id), base_url)


def _words(text: str) -> str:
    # 'Push-Up', 'push up' and 'push  up' all read alike
    return " ".join(re.split(r"[\s\-_]+", text.lower())).strip()


def by_name(
    catalog: Catalog, name: str, limit: int | None, offset: int, base_url: str = ""
) -> list[ExerciseDbExercise]:
    """Records whose name or an alias contains `name`, ignoring case, hyphens and spacing."""
    wanted = _words(name)
    return _page(
        _where(
            catalog,
            lambda ex, _: any(wanted in _words(n) for n in (ex.name, *ex.aliases)),
            base_url,
        ),
        limit,
        offset,
    )


def by_body_part(
    catalog: Catalog, body_part: str, limit: int | None, offset: int, base_url: str = ""
) -> list[ExerciseDbExercise]:
    _check("bodyPart", body_part, body_part_list())
    return _page(_where(catalog, lambda _, rec: rec.bodyPart == body_part, base_url), limit, offset)


def by_target(
    catalog: Catalog, target: str, limit: int | None, offset: int, base_url: str = ""
) -> list[ExerciseDbExercise]:
    _check("target", target, target_list())
    return _page(_where(catalog, lambda _, rec: rec.target == target, base_url), limit, offset)


def by_equipment(
    catalog: Catalog, equipment: str, limit: int | None, offset: int, base_url: str = ""
) -> list[ExerciseDbExercise]:
    """Records shown with this equipment, plus any whose kit includes what the word maps to."""
    _check("equipment", equipment, equipment_list())
    ours = crosswalk.exercisedb_equipment_slugs(equipment)
    return _page(
        _where(
            catalog,
            lambda ex, rec: rec.equipment == equipment or not ours.isdisjoint(ex.equipment.slugs),
            base_url,
        ),
        limit,
        offset,
    )


def body_part_list() -> list[str]:
    return list(crosswalk.exercisedb_body_parts())


def target_list() -> list[str]:
    return list(crosswalk.EXERCISEDB_TARGETS)


def equipment_list() -> list[str]:
    return list(crosswalk.exercisedb_equipment_list())
