"""Hevy's CSV export, read into SI units and written back.

Columns (found by name): title, start_time, end_time, description, exercise_title, superset_id,
exercise_notes, set_index, set_type, weight_kg or weight_lbs, reps, distance_km or
distance_miles, duration_seconds, rpe. Dates look like '26 Jul 2025, 07:06'.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from repforge.training.formats.common import (
    KG_PER_LB,
    METRES_PER_KM,
    METRES_PER_MILE,
    ExerciseNamer,
    LogFormatError,
    RowError,
    as_custom,
    display_name,
    fmt,
    number,
    positive,
    read_table,
    remembering,
    require,
    rpe_and_rir,
    safe_text,
    text_cell,
    timestamp,
    whole,
    write_table,
)
from repforge.training.model import LoggedSet, LoggedWorkout, SetType

HEADER = [
    "title", "start_time", "end_time", "description", "exercise_title", "superset_id",
    "exercise_notes", "set_index", "set_type", "weight_kg", "reps", "distance_km",
    "duration_seconds", "rpe",
]  # fmt: skip
NEEDED = ("title", "start_time", "exercise_title", "set_type", "reps")
DATE_FORMATS = (
    "%d %b %Y, %H:%M",
    "%d %B %Y, %H:%M",
    "%b %d, %Y, %I:%M %p",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
)
SET_TYPES: dict[str, SetType] = {
    "normal": "working",
    "warmup": "warm-up",
    "dropset": "drop",
    "failure": "failure",
}
_HEVY_TYPE: dict[SetType, str] = {ours: theirs for theirs, ours in SET_TYPES.items()}


@dataclass
class _Draft:
    started_at: datetime
    name: str
    ended_at: datetime | None
    notes: str
    sets: list[LoggedSet] = field(default_factory=list)


def _units(header: set[str], source: str) -> tuple[str, float, str, float]:
    """(weight column, kg per unit, distance column, metres per unit) from the header."""
    weight = next((c for c in ("weight_kg", "weight_lbs") if c in header), None)
    if weight is None:
        raise LogFormatError(source, 1, "the header has neither weight_kg nor weight_lbs")
    distance = next((c for c in ("distance_km", "distance_miles") if c in header), "")
    return (
        weight,
        1.0 if weight == "weight_kg" else KG_PER_LB,
        distance,
        METRES_PER_KM if distance != "distance_miles" else METRES_PER_MILE,
    )


def _set(
    row: dict[str, str],
    units: tuple[str, float, str, float],
    slug_of: Callable[[str], str],
    order: int,
) -> LoggedSet:
    weight_col, kg, distance_col, metres = units
    kind = row["set_type"].strip().lower()
    if kind not in SET_TYPES:
        raise RowError(f"set_type {kind!r} is not one of {', '.join(SET_TYPES)}")
    name = text_cell(row["exercise_title"])
    if not name:
        raise RowError("exercise_title is empty")
    weight = positive(number(row[weight_col], weight_col))
    distance = positive(number(row.get(distance_col, ""), distance_col)) if distance_col else None
    rpe = number(row.get("rpe", ""), "rpe")
    if rpe is not None and rpe > 10:
        raise RowError(f"rpe {rpe:g} is above 10")
    return LoggedSet(
        exercise=slug_of(name),
        order=order,
        set_type=SET_TYPES[kind],
        weight_kg=None if weight is None else round(weight * kg, 4),
        reps=whole(row["reps"], "reps") or None,
        seconds=positive(number(row.get("duration_seconds", ""), "duration_seconds")),
        metres=None if distance is None else round(distance * metres, 3),
        rpe=rpe,
        notes=text_cell(row.get("exercise_notes", "")),
    )


def parse_hevy(
    text: str, source: str = "hevy.csv", *, exercise: ExerciseNamer = as_custom
) -> list[LoggedWorkout]:
    """Every workout in a Hevy export, oldest first; LogFormatError names the first bad line."""
    header, table = read_table(text, source, ",")
    names = set(header)
    require(names, NEEDED, source)
    units = _units(names, source)
    drafts: dict[tuple[str, str], _Draft] = {}
    slug_of = remembering(exercise)
    for line, row in table:
        key = (text_cell(row["title"]), row["start_time"].strip())
        try:
            draft = drafts.get(key)
            if draft is None:
                started = timestamp(row["start_time"], DATE_FORMATS, "start_time")
                end = row.get("end_time", "").strip()
                ended = timestamp(end, DATE_FORMATS, "end_time") if end else None
                notes = text_cell(row.get("description", ""))
                draft = _Draft(started, key[0], ended, notes)
            logged = _set(row, units, slug_of, len(draft.sets))
        except RowError as exc:
            raise LogFormatError(source, line, str(exc)) from None
        drafts[key] = draft
        draft.sets.append(logged)
    workouts = [
        LoggedWorkout(
            started_at=d.started_at,
            name=d.name,
            ended_at=d.ended_at,
            notes=d.notes,
            source="hevy",
            client_id=f"hevy:{d.started_at.isoformat()}",
            sets=tuple(d.sets),
        )
        for d in drafts.values()
    ]
    return sorted(workouts, key=lambda w: w.started_at)


def write_hevy(
    workouts: list[LoggedWorkout], *, name_of: Callable[[str], str] = display_name
) -> str:
    """A Hevy-shaped CSV of the log in kg and km."""
    records: list[list[str]] = []
    for workout in sorted(workouts, key=lambda w: w.started_at):
        start = workout.started_at.strftime(DATE_FORMATS[0])
        end = workout.ended_at.strftime(DATE_FORMATS[0]) if workout.ended_at else ""
        index: dict[str, int] = {}
        for logged in workout.sets:
            position = index.get(logged.exercise, 0)
            index[logged.exercise] = position + 1
            records.append(
                [
                    safe_text(workout.name),
                    start,
                    end,
                    safe_text(workout.notes),
                    safe_text(name_of(logged.exercise)),
                    "",
                    safe_text(logged.notes),
                    str(position),
                    _HEVY_TYPE[logged.set_type],
                    fmt(logged.weight_kg),
                    "" if logged.reps is None else str(logged.reps),
                    fmt(logged.metres, METRES_PER_KM),
                    fmt(logged.seconds),
                    fmt(rpe_and_rir(logged)),
                ]
            )
    return write_table(HEADER, records, ",")
