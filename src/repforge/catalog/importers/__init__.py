"""Importers: other datasets' records as Exercise drafts, with a report of what was mapped."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path

from repforge.catalog.importers.report import ImportReport
from repforge.catalog.model import Exercise
from repforge.errors import InvalidInputError

Parser = Callable[[Path, str | None], tuple[list[Exercise], ImportReport]]


class ImportFormat(StrEnum):
    """The layouts `parse` reads (the CLI offers exactly these)."""

    FREE_EXERCISE_DB = "free-exercise-db"
    EXERCISEDB = "exercisedb"
    WGER = "wger"
    REPFORGE = "repforge"


class OnDuplicate(StrEnum):
    """What an import does with a record whose slug, name or alias is taken."""

    SKIP = "skip"
    MERGE = "merge"
    RENAME = "rename"


class ExportFormat(StrEnum):
    """The layouts `export_catalog` writes (the CLI offers exactly these)."""

    REPFORGE = "repforge"
    EXERCISEDB = "exercisedb"


# The parser module of each format, imported on first use: commands that never import (such
# as `repforge plan`) should not pay for four parsers at start-up.
FORMATS: dict[str, str] = {
    ImportFormat.FREE_EXERCISE_DB: "free_exercise_db",
    ImportFormat.EXERCISEDB: "exercisedb",
    ImportFormat.WGER: "wger",
    ImportFormat.REPFORGE: "repforge_yaml",
}


def parse(fmt: str, path: Path, source: str | None = None) -> tuple[list[Exercise], ImportReport]:
    """Drafts and report for `path` read as `fmt`; ImportFormatError on malformed input."""
    if fmt not in FORMATS:
        raise InvalidInputError("format", f"unknown import format {fmt!r}", [*map(str, FORMATS)])
    parser: Parser = importlib.import_module(f"{__name__}.{FORMATS[fmt]}").parse
    return parser(path, source)
