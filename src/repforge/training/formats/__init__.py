"""Reading and writing training logs: Strong and Hevy CSV exports, and our own JSON."""

from __future__ import annotations

from typing import Literal, get_args

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
from repforge.training.model import LoggedWorkout

LogFormat = Literal["strong", "hevy", "repforge"]
FORMATS: tuple[LogFormat, ...] = get_args(LogFormat)

__all__ = [
    "FORMATS",
    "LogFormat",
    "LogFormatError",
    "parse_hevy",
    "parse_log",
    "parse_native",
    "parse_strong",
    "write_hevy",
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
