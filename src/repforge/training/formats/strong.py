"""Strong's CSV export in both shapes, read into SI units and written back.

Semicolon shape: Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;RPE;Distance;
Distance Unit;Seconds;Notes;Workout Notes;Workout Duration (units on every row, decimal commas
allowed). Comma shape: Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,
Seconds,Notes,Workout Notes,RPE (no unit columns: the app's unit applies to the whole file).
Set Order is a number, or W (warm-up), D (drop set) or F (failure); columns are found by name.
Strong's newer exports name units in the header instead ("Weight (kg)", "Distance (meters)",
"Duration (sec)"); those are read too.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Literal

from repforge.training.formats.common import (
    DISTANCE_FACTORS,
    WEIGHT_FACTORS,
    DistanceUnit,
    ExerciseNamer,
    LogFormatError,
    RowError,
    WeightUnit,
    as_custom,
    display_name,
    duration,
    fmt,
    format_duration,
    number,
    positive,
    read_table,
    remembering,
    require,
    rpe_and_rir,
    safe_text,
    text_cell,
    timestamp,
    unit_factor,
    whole,
    write_table,
)
from repforge.training.model import LoggedSet, LoggedWorkout, SetType

Shape = Literal["semicolon", "comma"]
SEMICOLON_HEADER = [
    "Date", "Workout Name", "Exercise Name", "Set Order", "Weight", "Weight Unit", "Reps", "RPE",
    "Distance", "Distance Unit", "Seconds", "Notes", "Workout Notes", "Workout Duration",
]  # fmt: skip
COMMA_HEADER = [
    "Date", "Workout Name", "Duration", "Exercise Name", "Set Order", "Weight", "Reps",
    "Distance", "Seconds", "Notes", "Workout Notes", "RPE",
]  # fmt: skip
NEEDED = ("Date", "Workout Name", "Exercise Name", "Set Order", "Weight", "Reps")
DATE_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S")
MARKERS: dict[str, SetType] = {"W": "warm-up", "D": "drop", "F": "failure"}
_MARKER_OF: dict[str, str] = {set_type: marker for marker, set_type in MARKERS.items()}
_UNIT_COLUMN = re.compile(r"^(.*?)\s*\((.+)\)$")
SKIPPED_ORDERS = frozenset({"rest timer", "note"})  # rows Strong writes for timers and notes


@dataclass
class _Draft:
    started_at: datetime
    name: str
    notes: str = ""
    length: timedelta | None = None
    sets: list[LoggedSet] = field(default_factory=list)


def shape_of(text: str) -> Shape:
    """Which of Strong's two shapes a file has, from its header line."""
    first = text.lstrip("\ufeff").split("\n", 1)[0]
    return "semicolon" if first.count(";") > first.count(",") else "comma"


def _set_type(order: str) -> SetType:
    marker = order.strip().upper()
    if marker in MARKERS:
        return MARKERS[marker]
    if marker.isdigit():
        return "working"
    raise RowError(f"Set Order {order.strip()!r} is neither a number nor W, D or F")


def _header_units(header: list[str]) -> tuple[dict[str, str], dict[str, str]]:
    """Columns renamed to their plain names ('Weight (kg)' -> 'Weight') and the units they
    carry, for Strong's newer export that names units in the header."""
    renamed: dict[str, str] = {}
    units: dict[str, str] = {}
    for column in header:
        match = _UNIT_COLUMN.match(column)
        if match and match.group(1) in ("Weight", "Distance", "Duration"):
            renamed[column] = match.group(1)
            units[match.group(1)] = match.group(2)
    return renamed, units


def _read_row(
    row: dict[str, str],
    shape: Shape,
    units: tuple[str, str],
    slug_of: Callable[[str], str],
    order: int,
) -> tuple[LoggedSet, str, float | None]:
    """The set (its exercise already mapped) and the workout's notes and length; `units` are
    the file's weight and distance units where rows do not name their own."""
    comma = shape == "semicolon"  # that shape may write decimal commas: "62,5"
    w_factor = unit_factor(row.get("Weight Unit") or units[0], WEIGHT_FACTORS, "Weight Unit")
    d_factor = unit_factor(row.get("Distance Unit") or units[1], DISTANCE_FACTORS, "Distance Unit")
    length = row.get("Workout Duration") or row.get("Duration", "")
    name = text_cell(row["Exercise Name"])
    if not name:
        raise RowError("Exercise Name is empty")
    weight = positive(number(row["Weight"], "Weight", comma))
    distance = positive(number(row.get("Distance", ""), "Distance", comma))
    logged = LoggedSet(
        exercise=slug_of(name),
        order=order,
        set_type=_set_type(row["Set Order"]),
        weight_kg=None if weight is None else round(weight * w_factor, 4),
        reps=whole(row["Reps"], "Reps") or None,
        seconds=positive(number(row.get("Seconds", ""), "Seconds", comma)),
        metres=None if distance is None else round(distance * d_factor, 3),
        rpe=number(row.get("RPE", ""), "RPE", comma),
        notes=text_cell(row.get("Notes", "")),
    )
    if logged.rpe is not None and logged.rpe > 10:
        raise RowError(f"RPE {logged.rpe:g} is above 10")
    span = duration(length, "Duration")
    return logged, text_cell(row.get("Workout Notes", "")), span.total_seconds() if span else None


def parse_strong(
    text: str,
    source: str = "strong.csv",
    *,
    weight_unit: WeightUnit = "kg",
    distance_unit: DistanceUnit = "km",
    exercise: ExerciseNamer = as_custom,
) -> list[LoggedWorkout]:
    """Every workout in a Strong export, oldest first; LogFormatError names the first bad line.

    `weight_unit` and `distance_unit` are the app's units, used where the file has no unit
    columns (the comma shape); `exercise` maps Strong's names to catalog slugs.
    """
    shape = shape_of(text)
    header, table = read_table(text, source, ";" if shape == "semicolon" else ",")
    renamed, named_units = _header_units(header)
    require({renamed.get(c, c) for c in header}, NEEDED, source)
    units = (named_units.get("Weight", weight_unit), named_units.get("Distance", distance_unit))
    drafts: dict[tuple[str, str], _Draft] = {}
    slug_of = remembering(exercise)
    for line, cells in table:
        row = {renamed.get(k, k): v for k, v in cells.items()} if renamed else cells
        if row["Set Order"].strip().lower() in SKIPPED_ORDERS:
            continue
        key = (row["Date"].strip(), text_cell(row["Workout Name"]))
        try:
            draft = drafts.get(key)
            if draft is None:
                draft = _Draft(timestamp(row["Date"], DATE_FORMATS, "Date"), key[1])
            logged, notes, seconds = _read_row(row, shape, units, slug_of, len(draft.sets))
        except RowError as exc:
            raise LogFormatError(source, line, str(exc)) from None
        drafts[key] = draft
        draft.notes = draft.notes or notes
        if seconds and draft.length is None:
            draft.length = timedelta(seconds=seconds)
        draft.sets.append(logged)
    return _finish(drafts.values())


def _finish(drafts: Iterable[_Draft]) -> list[LoggedWorkout]:
    workouts = [
        LoggedWorkout(
            started_at=d.started_at,
            name=d.name,
            ended_at=d.started_at + d.length if d.length else None,
            notes=d.notes,
            source="strong",
            client_id=f"strong:{d.started_at.isoformat()}",
            sets=tuple(d.sets),
        )
        for d in drafts
    ]
    return sorted(workouts, key=lambda w: w.started_at)


def _order_cell(logged: LoggedSet, number_in_exercise: int) -> str:
    return _MARKER_OF.get(logged.set_type, str(number_in_exercise))


def write_strong(
    workouts: list[LoggedWorkout],
    shape: Shape = "semicolon",
    *,
    name_of: Callable[[str], str] = display_name,
) -> str:
    """A Strong-shaped CSV of the log in kg and km (Strong reads it back, and so do we)."""
    records: list[list[str]] = []
    for workout in sorted(workouts, key=lambda w: w.started_at):
        date = workout.started_at.strftime(DATE_FORMATS[0])
        length = format_duration(
            workout.ended_at - workout.started_at if workout.ended_at else None
        )
        counts: dict[str, int] = {}
        for logged in workout.sets:
            if logged.set_type not in _MARKER_OF:
                counts[logged.exercise] = counts.get(logged.exercise, 0) + 1
            cells = {
                "Date": date,
                "Workout Name": safe_text(workout.name),
                "Duration": length,
                "Workout Duration": length,
                "Exercise Name": safe_text(name_of(logged.exercise)),
                "Set Order": _order_cell(logged, counts.get(logged.exercise, 0)),
                "Weight": fmt(logged.weight_kg) or "0",
                "Weight Unit": "kg",
                "Reps": str(logged.reps or 0),
                "RPE": fmt(rpe_and_rir(logged)),
                "Distance": fmt(logged.metres, 1000.0) or "0",
                "Distance Unit": "km",
                "Seconds": fmt(logged.seconds) or "0",
                "Notes": safe_text(logged.notes),
                "Workout Notes": safe_text(workout.notes),
            }
            header = SEMICOLON_HEADER if shape == "semicolon" else COMMA_HEADER
            records.append([cells[column] for column in header])
    header = SEMICOLON_HEADER if shape == "semicolon" else COMMA_HEADER
    return write_table(header, records, ";" if shape == "semicolon" else ",")
