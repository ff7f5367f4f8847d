"""ExerciseDB: the classic record (id, bodyPart, target...) and the v1 record (exerciseId...)."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, field_validator

from repforge.catalog import crosswalk, vocab
from repforge.catalog.importers import draft, reading
from repforge.catalog.importers.infer import Facts
from repforge.catalog.importers.report import ImportReport
from repforge.catalog.model import Exercise

FORMAT = "exercisedb"
HOME = "https://github.com/ExerciseDB/exercisedb-api"
# The open v1 records are published under the AGPL; classic records carry no licence of their own.
V1_LICENCE = "AGPL-3.0-or-later"
CLASSIC_LICENCE = "unspecified"
AUTHOR = "ExerciseDB"
_STEP_PREFIX = re.compile(r"^\s*step\s*:?\s*\d+\s*[:.)-]?\s*", re.IGNORECASE)


class _Exact(BaseModel):
    """Our own facts, written beside the ExerciseDB fields by our export for a lossless trip."""

    model_config = ConfigDict(extra="ignore")

    name: reading.NonBlank
    target: str
    secondary: list[str] = []
    category: str | None = None

    @field_validator("target", "secondary")
    @classmethod
    def _muscles(cls, value: str | list[str]) -> str | list[str]:
        for muscle in [value] if isinstance(value, str) else value:
            if muscle not in vocab.MUSCLES:
                raise ValueError(f"unknown muscle {muscle!r}")
        return value


class _Classic(BaseModel):
    model_config = ConfigDict(extra="ignore")

    id: reading.NonBlank
    name: reading.NonBlank
    bodyPart: str  # noqa: N815 - the source's field names
    equipment: str
    target: str
    secondaryMuscles: list[str] = []  # noqa: N815
    instructions: list[str] = []
    description: str | None = None
    difficulty: str | None = None
    category: str | None = None
    # written by our own export so that provenance survives a round trip
    licence: str | None = None
    author: str | None = None
    source: str | None = None
    sourceId: str | None = None  # noqa: N815
    sources: list[str] = []
    repforge: _Exact | None = None


class _V1(BaseModel):
    model_config = ConfigDict(extra="ignore")

    exerciseId: reading.NonBlank  # noqa: N815
    name: reading.NonBlank
    targetMuscles: list[str]  # noqa: N815
    bodyParts: list[str]  # noqa: N815
    equipments: list[str]
    secondaryMuscles: list[str] = []  # noqa: N815
    instructions: list[str] = []


def _ours(
    value: str | None, vocabulary: vocab.Vocabulary[Any], field: str, report: ImportReport
) -> str | None:
    # classic difficulty and category values are our own words when they are known at all
    if value is None or not value.strip():
        return None
    if value in vocabulary:
        return value
    report.unmapped_value(field, value)
    return None


def _facts(
    name: str,
    body_parts: list[str],
    targets: list[str],
    secondary: list[str],
    equipment: list[str],
    report: ImportReport,
) -> Facts:
    body_part = None
    for value in body_parts[:1]:
        body_part = draft.map_one(FORMAT, "body_parts", value, "bodyPart", report)
    return Facts(
        name=name,
        body_part=body_part,
        target=draft.map_many(FORMAT, "muscles", targets, "target", report),
        secondary=draft.map_many(FORMAT, "muscles", secondary, "secondaryMuscles", report),
        equipment=draft.map_many(FORMAT, "equipment", equipment, "equipment", report),
    )


def _steps(instructions: list[str]) -> list[str]:
    return [_STEP_PREFIX.sub("", step) for step in instructions]


def _classic(index: int, item: _Classic, report: ImportReport) -> draft.Record:
    exact = item.repforge
    if exact is None:
        targets, secondary, category = [item.target], item.secondaryMuscles, item.category
    else:
        # our export: the exact muscles, not the coarser ExerciseDB words beside them
        targets = [muscle_word(exact.target)]
        secondary = [muscle_word(m) for m in exact.secondary]
        category = exact.category
    facts = _facts(item.name, [item.bodyPart], targets, secondary, [item.equipment], report)
    if exact is not None:
        facts.target, facts.secondary = [exact.target], exact.secondary
    facts.difficulty = _ours(item.difficulty, vocab.DIFFICULTIES, "difficulty", report)
    facts.category = _ours(category, vocab.CATEGORIES, "category", report)
    return draft.Record(
        index=index,
        source_id=item.sourceId or item.id,
        name=exact.name if exact is not None else item.name,
        facts=facts,
        author=item.author or AUTHOR,
        licence=item.licence or CLASSIC_LICENCE,
        summary=item.description,
        steps=_steps(item.instructions),
        sources=item.sources,
        source=item.source,
    )


def _v1(index: int, item: _V1, report: ImportReport) -> draft.Record:
    facts = _facts(
        item.name,
        item.bodyParts,
        item.targetMuscles,
        item.secondaryMuscles,
        item.equipments,
        report,
    )
    return draft.Record(
        index=index,
        source_id=item.exerciseId,
        name=item.name,
        facts=facts,
        author=AUTHOR,
        licence=V1_LICENCE,
        steps=_steps(item.instructions),
        sources=(HOME,),
    )


def parse(path: Path, source: str | None = None) -> tuple[list[Exercise], ImportReport]:
    """Drafts from an ExerciseDB JSON array (classic or v1 records, even mixed)."""
    file = path / "exercises.json" if path.is_dir() else path
    report = ImportReport(FORMAT, source or FORMAT, str(file))
    items = reading.record_list(reading.read_json(file), file.name)
    records = []
    for index, item in enumerate(items):
        if isinstance(item, dict) and "exerciseId" in item:
            records.append(_v1(index, reading.validate(_V1, item, file.name, index), report))
        else:
            classic = _classic(index, reading.validate(_Classic, item, file.name, index), report)
            # a source named on the command line wins over the one our export wrote
            classic.source = None if source else classic.source
            records.append(classic)
    report.records = len(records)
    drafts = [e for r in records if (e := draft.build(r, report.source, report)) is not None]
    return drafts, report


@cache
def _exact_words() -> dict[str, str]:
    # the first ExerciseDB muscle word that reads back as exactly one muscle of ours
    words: dict[str, str] = {}
    for word, slugs in crosswalk.tables()[FORMAT]["muscles"].items():
        if len(slugs) == 1:
            words.setdefault(slugs[0], word)
    return words


def muscle_word(muscle: str) -> str:
    """ExerciseDB's word for one of our muscles, chosen so that importing it gives it back."""
    target = crosswalk.exercisedb_target(muscle)
    if crosswalk.muscles(FORMAT, target) == [muscle]:
        return target
    # obliques, rear delts, hip flexors: a finer ExerciseDB word than its target list has
    return _exact_words().get(muscle, target)


def record(exercise: Exercise) -> dict[str, Any]:
    """One exercise as an ExerciseDB record: the one mapping of the API and the file export.

    ExerciseDB's style throughout, so its clients can filter on what they read: a lower-case
    name, a target from its target list, secondary muscles in the same words, strongest first.
    """
    return {
        "id": exercise.slug,
        "name": crosswalk.exercisedb_name(exercise.name),
        "bodyPart": crosswalk.exercisedb_body_part_of(exercise),
        "equipment": crosswalk.exercisedb_equipment_word(exercise.equipment.slugs),
        "target": crosswalk.exercisedb_target(exercise.target),
        "secondaryMuscles": crosswalk.exercisedb_secondary(exercise),
        "instructions": list(exercise.steps),
        "description": exercise.summary or "",
        "difficulty": crosswalk.exercisedb_level(exercise.difficulty),
        "category": crosswalk.exercisedb_category(exercise.category),
        "gifUrl": None,
    }


def export_record(exercise: Exercise) -> dict[str, Any]:
    """`record` plus what our import reads back losslessly: provenance and our exact facts."""
    provenance = exercise.provenance
    return {
        **record(exercise),
        "repforge": {
            "name": exercise.name,
            "target": exercise.target,
            "secondary": [s.muscle for s in exercise.secondary],
            "category": exercise.category,
        },
        "licence": provenance.licence,
        "author": provenance.author,
        "source": provenance.source,
        "sourceId": provenance.source_id,
        "sources": list(provenance.sources),
    }
