"""Reading and writing training logs: Strong and Hevy CSV exports, and our own JSON."""

from __future__ import annotations

from dataclasses import dataclass
from typing import get_args

from repforge.catalog.catalog import Catalog
from repforge.training.formats.common import (
    DistanceUnit,
    ExerciseNamer,
    LogFormatError,
    WeightUnit,
    as_custom,
)
from repforge.training.formats.hevy import parse_hevy, write_hevy
from repforge.training.formats.native import parse_native, write_native
from repforge.training.formats.strong import parse_strong, write_strong
from repforge.training.model import ExportFormat, LogFormat, LoggedWorkout
from repforge.training.names import NameMapper, app_name

FORMATS: tuple[LogFormat, ...] = get_args(LogFormat)

__all__ = [
    "FORMATS",
    "ExportFormat",
    "ImportedLog",
    "LogFormat",
    "LogFormatError",
    "parse_hevy",
    "parse_log",
    "parse_native",
    "parse_strong",
    "read_log",
    "write_hevy",
    "write_log",
    "write_native",
    "write_strong",
]


def parse_log(
    log_format: LogFormat,
    text: str,
    source: str,
    *,
    exercise: ExerciseNamer = as_custom,
    weight_unit: WeightUnit = "kg",
    distance_unit: DistanceUnit = "km",
) -> list[LoggedWorkout]:
    """Every workout in `text`, or LogFormatError naming the line: nothing partial."""
    if log_format == "strong":
        return parse_strong(
            text, source, weight_unit=weight_unit, distance_unit=distance_unit, exercise=exercise
        )
    if log_format == "hevy":
        return parse_hevy(text, source, exercise=exercise)
    if log_format == "repforge":
        return parse_native(text, source)
    raise LogFormatError(source, None, f"unknown format {log_format!r}; use {', '.join(FORMATS)}")


@dataclass(frozen=True, slots=True)
class ImportedLog:
    """A whole file read: its workouts (exercises as slugs or custom names) and what was unmapped."""

    workouts: list[LoggedWorkout]
    unmapped: list[str]

    @property
    def sets(self) -> int:
        return sum(len(w.sets) for w in self.workouts)


def read_log(
    log_format: LogFormat,
    text: str,
    source: str,
    catalog: Catalog,
    *,
    weight_unit: WeightUnit = "kg",
    distance_unit: DistanceUnit = "km",
) -> ImportedLog:
    """A file in any format, app names mapped to the catalog; LogFormatError names the line."""
    mapper = NameMapper(catalog)
    workouts = parse_log(
        log_format,
        text,
        source,
        exercise=mapper,
        weight_unit=weight_unit,
        distance_unit=distance_unit,
    )
    return ImportedLog(workouts, mapper.unmapped)


def write_log(export_format: ExportFormat, workouts: list[LoggedWorkout], catalog: Catalog) -> str:
    """The log in another app's shape (with the names that app uses) or in our JSON."""

    def named(slug: str) -> str:
        return app_name(catalog, slug)

    if export_format == "strong":
        return write_strong(workouts, "semicolon", name_of=named)
    if export_format == "strong-comma":
        return write_strong(workouts, "comma", name_of=named)
    if export_format == "hevy":
        return write_hevy(workouts, name_of=named)
    return write_native(workouts)
