"""Our own YAML format (one exercise per file, a file or a folder), for custom exercises."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from repforge.catalog import load
from repforge.catalog.importers import clean, reading
from repforge.catalog.importers.report import ImportReport
from repforge.catalog.model import Exercise
from repforge.errors import ImportFormatError

FORMAT = "repforge"
# load.parse says "steps.2: ..." for a bad value; lift the field out to name it like the others
_FIELD = re.compile(r"^([a-z_]+(?:\.[\w]+)*): ")


def _files(path: Path) -> list[Path]:
    if path.is_file():
        return [path]
    if not path.is_dir():
        raise ImportFormatError(str(path), "no such file or folder")
    files = sorted([*path.glob("*.yaml"), *path.glob("*.yml")])
    if not files:
        raise ImportFormatError(str(path), "the folder holds no .yaml files")
    return files


def _read(file: Path, index: int) -> str:
    if file.stat().st_size > reading.MAX_FILE_BYTES:
        raise ImportFormatError(file.name, "file too large", index)
    try:
        return file.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFormatError(file.name, f"not UTF-8 text (byte {exc.start})", index) from None


def _check_names(exercise: Exercise, name: str, index: int) -> None:
    # the model leaves aliases open; imported text stays bounded like every other field
    if len(exercise.aliases) > clean.ALIASES_MAX:
        raise ImportFormatError(name, f"more than {clean.ALIASES_MAX} aliases", index, "aliases")
    for position, alias in enumerate(exercise.aliases):
        if not clean.NAME_MIN <= len(alias) <= clean.ALIAS_MAX:
            message = f"must be {clean.NAME_MIN} to {clean.ALIAS_MAX} characters"
            raise ImportFormatError(name, message, index, f"aliases.{position}")


def parse(path: Path, source: str | None = None) -> tuple[list[Exercise], ImportReport]:
    """Exercises from our YAML files; sections may be missing, everything else is checked."""
    report = ImportReport(FORMAT, source or FORMAT, str(path))
    drafts = []
    for index, file in enumerate(_files(path)):
        source_file = load.SourceFile(file.name, _read(file, index))
        parsed, problems = load.parse(source_file, Exercise, clean.every_string)
        if problems or parsed is None:
            first = problems[0]
            field = _FIELD.match(first.message)
            message = first.message[field.end() :] if field else first.message
            raise ImportFormatError(
                f"{first.file}:{first.line}", message, index, field.group(1) if field else None
            )
        exercise = parsed.exercise
        _check_names(exercise, file.name, index)
        provenance = exercise.provenance
        origin = source or provenance.source or FORMAT
        source_id = clean.identifier(provenance.source_id or "") or exercise.slug
        update = {"source": origin, "source_id": source_id}
        drafts.append(
            exercise.model_copy(update={"provenance": provenance.model_copy(update=update)})
        )
    report.records = len(drafts)
    return drafts, report


def to_yaml(exercise: Exercise) -> str:
    """The exercise as one of our YAML files (defaults left out)."""
    data = exercise.model_dump(mode="json", exclude_defaults=True)
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
