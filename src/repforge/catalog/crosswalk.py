"""Crosswalks between other datasets' vocabularies and ours (data in data/crosswalks.yaml)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache
from importlib import resources
from typing import Any, cast

import yaml

from repforge.catalog import vocab
from repforge.catalog.model import Exercise

SOURCES = ("exercisedb", "free-exercise-db", "wger")

# Which vocabulary each crosswalk table maps into; used to validate the data file.
_TARGETS: Mapping[str, vocab.Vocabulary[Any]] = {
    "body_parts": vocab.BODY_PARTS,
    "categories": vocab.BODY_PARTS,
    "muscles": vocab.MUSCLES,
    "equipment": vocab.EQUIPMENT,
    "level": vocab.DIFFICULTIES,
    "category": vocab.CATEGORIES,
    "force": vocab.FORCES,
    "mechanic": vocab.MECHANICS,
}


@cache
def tables() -> Mapping[str, Mapping[str, Mapping[str, Any]]]:
    """The crosswalk data, validated against our vocabularies on first use."""
    text = (resources.files("repforge.catalog") / "data" / "crosswalks.yaml").read_text("utf-8")
    data = cast(dict[str, dict[str, dict[str, Any]]], yaml.safe_load(text))
    for source in SOURCES:
        for table, mapping in data[source].items():
            target = _TARGETS[table]
            for key, value in mapping.items():
                for slug in value if isinstance(value, list) else [value] if value else []:
                    if slug not in target:
                        raise ValueError(f"crosswalk {source}.{table}[{key!r}] -> unknown {slug!r}")
    return data


def lookup(source: str, table: str, value: str) -> Any:
    """Our value(s) for a source value, or None when the crosswalk does not know it."""
    return tables()[source].get(table, {}).get(value)


def knows(source: str, table: str, value: str) -> bool:
    """Whether the crosswalk has an entry (possibly 'no fact') for a source value."""
    return value in tables()[source].get(table, {})


def muscles(source: str, value: str) -> list[str] | None:
    found = lookup(source, "muscles", value)
    return None if found is None else list(found)


def equipment(source: str, value: str) -> list[str] | None:
    found = lookup(source, "equipment", value)
    return None if found is None else list(found)


def _edb(table: str) -> Mapping[str, str]:
    return cast(Mapping[str, str], tables()["to_exercisedb"][table])


@cache
def _edb_equipment() -> Mapping[str, str]:
    # invert exercisedb.equipment, keeping the first source name for each of our slugs
    inverse: dict[str, str] = {}
    for name, slugs in tables()["exercisedb"]["equipment"].items():
        if len(slugs) == 1:
            inverse.setdefault(slugs[0], name)
    inverse["rings"] = inverse["suspension-trainer"] = "body weight"
    return inverse


def exercisedb_body_part(exercise: Exercise) -> str:
    """ExerciseDB's bodyPart for one of our exercises (it splits legs and arms into upper/lower)."""
    if exercise.target in ("calves", "tibialis"):
        return "lower legs"
    if exercise.target == "forearms":
        return "lower arms"
    return _edb("body_parts")[exercise.body_part]


def exercisedb_target(muscle: str) -> str:
    return _edb("muscles")[muscle]


def exercisedb_equipment(slugs: Sequence[str]) -> str:
    """The first item ExerciseDB has a word for; 'body weight' when none (bench, racks, bars)."""
    inverse = _edb_equipment()
    for slug in slugs:
        if slug in inverse:
            return inverse[slug]
    return "body weight"


def exercisedb_level(difficulty: str) -> str:
    return difficulty


# ExerciseDB's published target list; "serratus anterior" has no muscle group of ours behind it.
EXERCISEDB_TARGETS = (
    "abductors",
    "abs",
    "adductors",
    "biceps",
    "calves",
    "cardiovascular system",
    "delts",
    "forearms",
    "glutes",
    "hamstrings",
    "lats",
    "levator scapulae",
    "pectorals",
    "quads",
    "serratus anterior",
    "spine",
    "traps",
    "triceps",
    "upper back",
)

# ExerciseDB has no Olympic-lifting or strongman category; both are strength work there.
_EDB_CATEGORY = {"olympic": "strength", "strongman": "strength"}


def exercisedb_body_parts() -> tuple[str, ...]:
    """ExerciseDB's body-part list, in its order."""
    return tuple(tables()["exercisedb"]["body_parts"])


def exercisedb_equipment_list() -> tuple[str, ...]:
    """ExerciseDB's equipment list, in its order."""
    return tuple(tables()["exercisedb"]["equipment"])


def exercisedb_name(name: str) -> str:
    """A name in ExerciseDB's style: lower case ('Glute Ham Raise' -> 'glute ham raise')."""
    return name.lower()


def exercisedb_secondary(exercise: Exercise) -> list[str]:
    """Secondary muscles in ExerciseDB's words, strongest first, without repeating the target."""
    target = exercisedb_target(exercise.target)
    found: list[str] = []
    for item in sorted(exercise.secondary, key=lambda s: -s.weight):
        word = exercisedb_target(item.muscle)
        if word != target and word not in found:
            found.append(word)
    return found


def exercisedb_category(category: str) -> str:
    return _EDB_CATEGORY.get(category, category)


def exercisedb_equipment_slugs(value: str) -> frozenset[str]:
    """Our equipment slugs behind one ExerciseDB equipment word (empty for 'body weight')."""
    return frozenset(tables()["exercisedb"]["equipment"].get(value) or ())


# Kit ExerciseDB shows under a nearby word (its pulldowns and rows are "cable", its leg presses
# "sled machine", its plate work "weighted"); any other machine is a "leverage machine".
_EDB_NEAREST_EQUIPMENT = {
    "lat-pulldown-machine": "cable",
    "seated-row-machine": "cable",
    "leg-press-machine": "sled machine",
    "hack-squat-machine": "sled machine",
    "weight-plate": "weighted",
    "sandbag": "weighted",
    "backpack": "weighted",
    "water-jug": "weighted",
    "mini-band": "band",
    "safety-squat-bar": "barbell",
    # strongman kit: bars are barbells, everything else is a heavy object
    "log": "barbell",
    "axle": "barbell",
    "atlas-stone": "weighted",
    "keg": "weighted",
    "yoke": "weighted",
    "farmers-frame": "weighted",
}


def exercisedb_equipment_word(slugs: Sequence[str]) -> str:
    """ExerciseDB's one equipment word for our kit: exact, else nearest, else 'body weight'."""
    # benches, racks, bars, rings, boxes and mats have no word there, as in ExerciseDB itself
    exact = _edb_equipment()
    for slug in slugs:
        if slug in exact:
            return exact[slug]
    for slug in slugs:
        if slug in _EDB_NEAREST_EQUIPMENT:
            return _EDB_NEAREST_EQUIPMENT[slug]
        term = vocab.EQUIPMENT.get(slug)
        if term is not None and term.kind == "machine":
            return "leverage machine"
    return "body weight"


def exercisedb_body_part_of(exercise: Exercise) -> str:
    """ExerciseDB's bodyPart, placing full-body exercises by their target muscle."""
    # ExerciseDB has no full-body part: burpees stay cardio, cleans become upper legs
    if exercise.body_part != "full-body":
        return exercisedb_body_part(exercise)
    target_part = vocab.MUSCLES[exercise.target].body_part
    return exercisedb_body_part(exercise.model_copy(update={"body_part": target_part}))
