"""Coverage of the catalog: how many exercises per body part, muscle, kit, pattern and more."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

from repforge.catalog import vocab
from repforge.catalog.model import Exercise

# The built-in catalog's targets (issue: catalog coverage); tests hold it to these.
MIN_TARGET_PER_MUSCLE = 5
MIN_EQUIPMENT_KINDS = 20
REQUIRED_CATEGORIES = (
    "strength",
    "stretching",
    "mobility",
    "plyometrics",
    "cardio",
    "rehabilitation",
)


def coverage(exercises: Iterable[Exercise]) -> Mapping[str, Counter[str]]:
    """Counts per dimension: body_part, target, muscle (any role), equipment, pattern, ..."""
    table: dict[str, Counter[str]] = {
        key: Counter()
        for key in (
            "body_part",
            "target",
            "muscle",
            "equipment",
            "pattern",
            "category",
            "difficulty",
        )
    }
    for ex in exercises:
        table["body_part"][ex.body_part] += 1
        table["target"][ex.target] += 1
        table["muscle"].update(ex.muscle_weights)
        table["equipment"].update(ex.equipment.slugs)
        table["pattern"][ex.pattern] += 1
        table["category"][ex.category] += 1
        table["difficulty"][ex.difficulty] += 1
    return table


def gaps(exercises: Iterable[Exercise]) -> list[str]:
    """What the catalog lacks against the coverage targets, as readable lines."""
    table = coverage(exercises)
    found = []
    for body_part in vocab.BODY_PARTS.slugs:
        if not table["body_part"][body_part]:
            found.append(f"no exercise for body part {body_part!r}")
    for muscle in vocab.MUSCLES.slugs:
        if table["target"][muscle] < MIN_TARGET_PER_MUSCLE:
            found.append(
                f"muscle {muscle!r} is the target of {table['target'][muscle]} exercises "
                f"(want {MIN_TARGET_PER_MUSCLE})"
            )
    for pattern in vocab.PATTERNS.slugs:
        if not table["pattern"][pattern]:
            found.append(f"no exercise with pattern {pattern!r}")
    for category in REQUIRED_CATEGORIES:
        if not table["category"][category]:
            found.append(f"no exercise in category {category!r}")
    kinds = len([e for e in table["equipment"] if e != "bodyweight"])
    if kinds < MIN_EQUIPMENT_KINDS:
        found.append(f"{kinds} equipment kinds used (want {MIN_EQUIPMENT_KINDS})")
    return found


DIMENSION_VOCAB: Mapping[
    str,
    vocab.Vocabulary[vocab.Term]
    | vocab.Vocabulary[vocab.Muscle]
    | vocab.Vocabulary[vocab.Equipment]
    | vocab.Vocabulary[vocab.BodyPart]
    | vocab.Vocabulary[vocab.Ranked],
] = {
    "body_part": vocab.BODY_PARTS,
    "target": vocab.MUSCLES,
    "muscle": vocab.MUSCLES,
    "equipment": vocab.EQUIPMENT,
    "pattern": vocab.PATTERNS,
    "category": vocab.CATEGORIES,
    "difficulty": vocab.DIFFICULTIES,
}
