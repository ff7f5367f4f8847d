"""Read logged sets from the site's forms, converting the user's units to SI at the edge."""

from __future__ import annotations

from datetime import UTC, datetime

from starlette.datastructures import FormData

from repforge.catalog.catalog import Catalog
from repforge.catalog.names import normalise
from repforge.errors import InvalidInputError
from repforge.logbook.model import CUSTOM_PREFIX
from repforge.training.model import SET_TYPES, LoggedSet, SetType

LB_IN_KG = 0.45359237
ROW_FIELDS = ("exercise", "set_type", "weight", "reps", "seconds", "rir")


def to_display(kg: float | None, units: str) -> str:
    """A stored load in the user's units, for a form value ("" when there is none)."""
    if kg is None:
        return ""
    value = kg / LB_IN_KG if units == "lb" else kg
    return f"{round(value, 2):g}"


def _number(raw: str, row: int, field: str, upper: float) -> float | None:
    text = raw.strip().replace(",", ".")
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        raise InvalidInputError(f"set {row} {field}", f"“{raw}” is not a number") from None
    if not 0 <= value <= upper:
        raise InvalidInputError(f"set {row} {field}", f"enter a number from 0 to {upper:g}")
    return value


def exercise_key(catalog: Catalog, value: str) -> str:
    """A catalog slug for a slug or exercise name; anything else is the user's own exercise."""
    text = value.strip()
    if text.startswith(CUSTOM_PREFIX) or catalog.find(text) is not None:
        return text
    named = catalog.by_name.get(normalise(text))
    return named.slug if named is not None else f"{CUSTOM_PREFIX}{text[:200]}"


def sets_from_form(form: FormData, catalog: Catalog, units: str) -> tuple[LoggedSet, ...]:
    """Every row with reps or a time as a set; rows without them were not done."""
    columns = {name: [str(v) for v in form.getlist(name)] for name in ROW_FIELDS}
    rows = len(columns["exercise"])
    if any(len(values) != rows for values in columns.values()):
        raise InvalidInputError("sets", "the form's rows are incomplete; reload the page")
    factor = LB_IN_KG if units == "lb" else 1.0
    found: list[LoggedSet] = []
    for index in range(rows):
        number = index + 1
        weight = _number(columns["weight"][index], number, "weight", 2000)
        reps = _number(columns["reps"][index], number, "reps", 1000)
        seconds = _number(columns["seconds"][index], number, "time", 86_400)
        rir = _number(columns["rir"][index], number, "reps in reserve", 10)
        exercise = columns["exercise"][index].strip()
        if not exercise or (reps is None and seconds is None):  # a load alone is not a set
            continue
        set_type = columns["set_type"][index]
        if set_type not in SET_TYPES:
            raise InvalidInputError(
                f"set {number} type", "choose warm-up, working, drop or failure"
            )
        found.append(
            LoggedSet(
                exercise=exercise_key(catalog, exercise),
                order=len(found),
                set_type=_set_type(set_type),
                weight_kg=None if weight is None else round(weight * factor, 3),
                reps=None if reps is None else int(reps),
                seconds=seconds,
                rir=rir,
            )
        )
    return tuple(found)


def _set_type(value: str) -> SetType:
    for known in SET_TYPES:
        if known == value:
            return known
    return "working"


def parse_started(value: str) -> datetime:
    """The form's start time (ISO 8601, local time taken as UTC), or now."""
    try:
        started = datetime.fromisoformat(value.strip()) if value.strip() else datetime.now(UTC)
    except ValueError:
        raise InvalidInputError(
            "started_at", "enter a date and time like 2026-12-04T18:30"
        ) from None
    if not 1900 <= started.year <= 2200:
        raise InvalidInputError("started_at", "enter a date between 1900 and 2200")
    return started if started.tzinfo else started.replace(tzinfo=UTC)
