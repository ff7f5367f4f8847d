"""free-exercise-db: one JSON array of records with Title Case names and muscle lists."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict

from repforge.catalog.importers import draft, reading
from repforge.catalog.importers.infer import Facts
from repforge.catalog.importers.report import ImportReport
from repforge.catalog.model import Exercise

FORMAT = "free-exercise-db"
LICENCE = "Unlicense"
AUTHOR = "free-exercise-db contributors"
HOME = "https://github.com/yuhonas/free-exercise-db"


class _Record(BaseModel):
    model_config = ConfigDict(extra="ignore")

    id: reading.NonBlank
    name: reading.NonBlank
    primaryMuscles: list[str]  # noqa: N815 - the source's field names
    secondaryMuscles: list[str] = []  # noqa: N815
    instructions: list[str] = []
    force: str | None = None
    level: str | None = None
    mechanic: str | None = None
    equipment: str | None = None
    category: str | None = None


def _record(index: int, item: _Record, report: ImportReport) -> draft.Record:
    equipment = draft.map_many(FORMAT, "equipment", [item.equipment or "null"], "equipment", report)
    facts = Facts(
        name=item.name,
        target=draft.map_many(FORMAT, "muscles", item.primaryMuscles, "primaryMuscles", report),
        secondary=draft.map_many(
            FORMAT, "muscles", item.secondaryMuscles, "secondaryMuscles", report
        ),
        equipment=equipment,
        category=draft.map_one(FORMAT, "category", item.category, "category", report),
        difficulty=draft.map_one(FORMAT, "level", item.level, "level", report),
        mechanic=draft.map_one(FORMAT, "mechanic", item.mechanic, "mechanic", report),
        force=draft.map_one(FORMAT, "force", item.force, "force", report),
    )
    return draft.Record(
        index=index,
        source_id=item.id,
        name=item.name,
        facts=facts,
        author=AUTHOR,
        licence=LICENCE,
        steps=item.instructions,
        sources=(HOME,),
    )


def parse(path: Path, source: str | None = None) -> tuple[list[Exercise], ImportReport]:
    """Drafts from `exercises.json` (or a folder holding it), with the mapping report."""
    file = path / "exercises.json" if path.is_dir() else path
    source = source or FORMAT
    report = ImportReport(FORMAT, source, str(file))
    items = reading.record_list(reading.read_json(file), file.name)
    records = [
        _record(index, reading.validate(_Record, item, file.name, index), report)
        for index, item in enumerate(items)
    ]
    report.records = len(records)
    drafts = [found for r in records if (found := draft.build(r, source, report)) is not None]
    return drafts, report
