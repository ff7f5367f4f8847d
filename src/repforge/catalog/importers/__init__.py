"""Importers: other datasets' records as Exercise drafts, with a report of what was mapped."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from repforge.catalog.importers import exercisedb, free_exercise_db, repforge_yaml, wger
from repforge.catalog.importers.report import ImportReport
from repforge.catalog.model import Exercise
from repforge.errors import InvalidInputError

Parser = Callable[[Path, str | None], tuple[list[Exercise], ImportReport]]

FORMATS: dict[str, Parser] = {
    "free-exercise-db": free_exercise_db.parse,
    "exercisedb": exercisedb.parse,
    "wger": wger.parse,
    "repforge": repforge_yaml.parse,
}


def parse(fmt: str, path: Path, source: str | None = None) -> tuple[list[Exercise], ImportReport]:
    """Drafts and report for `path` read as `fmt`; ImportFormatError on malformed input."""
    if fmt not in FORMATS:
        raise InvalidInputError("format", f"unknown import format {fmt!r}", list(FORMATS))
    return FORMATS[fmt](path, source)
