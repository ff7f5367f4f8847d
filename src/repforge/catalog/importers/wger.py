"""wger: Django fixtures (base data, translations, lookups) from one folder; English text only."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict

from repforge.catalog.importers import clean, draft, reading
from repforge.catalog.importers.infer import Facts
from repforge.catalog.importers.report import ImportReport
from repforge.catalog.model import Exercise
from repforge.errors import ImportFormatError

FORMAT = "wger"
HOME = "https://wger.de"
AUTHOR = "wger.de contributors"
BASE, TRANSLATIONS = "exercise-base-data.json", "translations.json"
LOOKUPS = ("categories.json", "equipment.json", "muscles.json")
ENGLISH_PK = 2  # wger's own id for English, used when languages.json is absent


class _Wire(BaseModel):
    model_config = ConfigDict(extra="ignore")


class _Row(_Wire):
    model: str
    pk: int
    fields: dict[str, Any]


class _Named(_Wire):
    name: str


class _Licence(_Wire):
    short_name: str
    url: str = ""


class _Language(_Wire):
    short_name: str


class _Base(_Wire):
    uuid: reading.NonBlank
    category: int | None = None
    muscles: list[int] = []
    muscles_secondary: list[int] = []
    equipment: list[int] = []
    license: int | None = None
    license_author: str | None = None


class _Translation(_Wire):
    exercise: int
    language: int
    name: reading.NonBlank
    description: str = ""
    license: int | None = None
    license_author: str | None = None


class _Alias(_Wire):
    translation: int
    alias: str


@dataclass(frozen=True)
class _Fixture:
    index: int
    model: str
    pk: int
    fields: dict[str, Any]


def _rows(folder: Path, name: str) -> list[_Fixture]:
    items = reading.record_list(reading.read_json(folder / name), name)
    rows = []
    for index, item in enumerate(items):
        row = reading.validate(_Row, item, name, index)
        rows.append(_Fixture(index, row.model, row.pk, row.fields))
    return rows


def _lookup(folder: Path, name: str) -> dict[int, str]:
    return {
        row.pk: reading.validate(_Named, row.fields, name, row.index, "fields.").name
        for row in _rows(folder, name)
    }


def _optional(folder: Path, name: str, model: type[reading.M]) -> dict[int, reading.M]:
    if not (folder / name).is_file():
        return {}
    return {
        row.pk: reading.validate(model, row.fields, name, row.index, "fields.")
        for row in _rows(folder, name)
    }


def _names(
    keys: list[int],
    table: Mapping[int, str],
    crosswalk_table: str,
    field: str,
    report: ImportReport,
) -> list[str]:
    values = []
    for key in keys:
        if key in table:
            values.append(table[key])
        else:
            report.unmapped_value(field, f"#{key} (not in the lookup fixture)")
    return draft.map_many(FORMAT, crosswalk_table, values, field, report)


class _Reader:
    """The folder's fixtures, cross-referenced."""

    def __init__(self, folder: Path, report: ImportReport) -> None:
        self.report = report
        self.categories = _lookup(folder, "categories.json")
        self.equipment = _lookup(folder, "equipment.json")
        self.muscles = _lookup(folder, "muscles.json")
        self.licences = _optional(folder, "licenses.json", _Licence)
        languages = _optional(folder, "languages.json", _Language)
        english = [pk for pk, lang in languages.items() if lang.short_name == "en"]
        self.english = english[0] if english else ENGLISH_PK
        self.translations: dict[int, tuple[int, _Translation]] = {}  # exercise pk -> English
        self.aliases: dict[int, list[str]] = {}  # translation pk -> aliases
        for row in _rows(folder, TRANSLATIONS):
            if row.model == "exercises.translation":
                found = reading.validate(
                    _Translation, row.fields, TRANSLATIONS, row.index, "fields."
                )
                current = self.translations.get(found.exercise)
                if found.language == self.english and (current is None or row.pk < current[0]):
                    self.translations[found.exercise] = (row.pk, found)
            elif row.model == "exercises.alias":
                alias = reading.validate(_Alias, row.fields, TRANSLATIONS, row.index, "fields.")
                self.aliases.setdefault(alias.translation, []).append(alias.alias)

    def record(self, index: int, pk: int, base: _Base) -> draft.Record | None:
        found = self.translations.get(pk)
        if found is None:
            self.report.skip(index, base.uuid, "no English translation")
            return None
        translation_pk, text = found
        report = self.report
        category = self.categories.get(base.category) if base.category is not None else None
        body_part = draft.map_one(FORMAT, "categories", category, "category", report)
        if base.category is not None and category is None:
            report.unmapped_value("category", f"#{base.category} (not in the lookup fixture)")
        facts = Facts(
            name=text.name,
            body_part=body_part,
            target=_names(base.muscles, self.muscles, "muscles", "muscles", report),
            secondary=_names(
                base.muscles_secondary, self.muscles, "muscles", "muscles_secondary", report
            ),
            equipment=_names(base.equipment, self.equipment, "equipment", "equipment", report),
        )
        sections = clean.html_sections(text.description)
        steps = sections.items if len(sections.items) >= 2 else []
        prose = sections.paragraphs + ([] if steps else sections.items)
        licence = self.licences.get(text.license or base.license or 0)
        return draft.Record(
            index=index,
            source_id=base.uuid,
            name=text.name,
            facts=facts,
            author=text.license_author or base.license_author or AUTHOR,
            licence=licence.short_name if licence else f"wger licence #{text.license}",
            summary=" ".join(prose),
            steps=steps,
            aliases=self.aliases.get(translation_pk, []),
            sources=(HOME, *([licence.url] if licence and licence.url else [])),
        )


def parse(path: Path, source: str | None = None) -> tuple[list[Exercise], ImportReport]:
    """Drafts from a folder of wger fixtures, English names and descriptions only."""
    needed = (BASE, TRANSLATIONS, *LOOKUPS)
    missing = [name for name in needed if not (path / name).is_file()]
    if not path.is_dir() or missing:
        lacks = f" (missing {', '.join(missing)})" if path.is_dir() else ""
        message = f"wger imports read a folder holding {', '.join(needed)}{lacks}"
        raise ImportFormatError(str(path), message)
    source = source or FORMAT
    report = ImportReport(FORMAT, source, str(path))
    reader = _Reader(path, report)
    records = []
    for row in _rows(path, BASE):
        if row.model != "exercises.exercise":
            continue
        base = reading.validate(_Base, row.fields, BASE, row.index, "fields.")
        report.records += 1
        records.append(reader.record(row.index, row.pk, base))
    drafts = [found for r in records if r is not None and (found := draft.build(r, source, report))]
    return drafts, report
