"""What every log format shares: units, numbers, durations, exercise naming and the row error."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Literal

from repforge.errors import ImportFormatError
from repforge.training.model import KG_PER_LB, LoggedSet, WeightUnit

__all__ = ["KG_PER_LB", "WeightUnit"]  # re-exported for the format modules

# Exact conversion factors (international yard and pound agreement, 1959).
METRES_PER_MILE = 1609.344
METRES_PER_KM = 1000.0

DistanceUnit = Literal["km", "mi", "m"]
WEIGHT_FACTORS: dict[str, float] = {"kg": 1.0, "kgs": 1.0, "lb": KG_PER_LB, "lbs": KG_PER_LB}
DISTANCE_FACTORS: dict[str, float] = {
    "km": METRES_PER_KM,
    "m": 1.0,
    "meters": 1.0,
    "metres": 1.0,
    "mi": METRES_PER_MILE,
    "mi.": METRES_PER_MILE,
    "mile": METRES_PER_MILE,
    "miles": METRES_PER_MILE,
}

# Maps an app's exercise name to a catalog slug or "custom:<name>"; names.py supplies the real one.
ExerciseNamer = Callable[[str], str]


def as_custom(name: str) -> str:
    """The default naming: every app name becomes the user's own exercise."""
    return f"custom:{name}"


def remembering(exercise: ExerciseNamer) -> ExerciseNamer:
    """`exercise` asked once per distinct name: a file repeats its names on every row."""
    known: dict[str, str] = {}

    def named(name: str) -> str:
        if name not in known:
            known[name] = exercise(name)
        return known[name]

    return named


def display_name(exercise: str) -> str:
    """The default writer naming: a custom exercise's own name, or the slug."""
    return exercise.removeprefix("custom:")


class LogFormatError(ImportFormatError):
    """A log file is malformed; names the file, the line and what is wrong. Nothing is imported."""

    def __init__(self, source: str, line: int | None, message: str) -> None:
        self.line = line
        super().__init__(source, message)
        where = f"{source}: line {line}" if line is not None else source
        self.args = (f"{where}: {message}",)

    def __str__(self) -> str:
        return str(self.args[0])


class RowError(ValueError):
    """A problem in one row; the reader adds the file name and line number."""


def number(text: str, field: str, comma_decimal: bool = False) -> float | None:
    """A number from a cell, None when empty; a clear RowError when it is not a number."""
    cleaned = text.strip()
    if not cleaned:
        return None
    if comma_decimal:
        cleaned = cleaned.replace(",", ".")
    try:
        value = float(cleaned)
    except ValueError:
        raise RowError(f"{field} {text.strip()!r} is not a number") from None
    if value != value or value in (float("inf"), float("-inf")) or value < 0:
        raise RowError(f"{field} {text.strip()!r} is not a number of zero or more")
    return value


def whole(text: str, field: str) -> int | None:
    """A whole number from a cell (reps, set index), None when empty."""
    value = number(text, field)
    if value is None:
        return None
    if value != int(value):
        raise RowError(f"{field} {text.strip()!r} is not a whole number")
    return int(value)


def positive(value: float | None) -> float | None:
    """Apps write 0 for 'not recorded'; the log keeps None."""
    return value if value else None


def unit_factor(unit: str, factors: dict[str, float], field: str) -> float:
    try:
        return factors[unit.strip().lower()]
    except KeyError:
        allowed = ", ".join(sorted(factors))
        raise RowError(f"{field} {unit.strip()!r} is not a known unit ({allowed})") from None


def timestamp(text: str, formats: tuple[str, ...], field: str) -> datetime:
    """A date and time in one of the given formats."""
    cleaned = text.strip()
    for fmt in formats:
        try:
            return datetime.strptime(cleaned, fmt)
        except ValueError:
            continue
    raise RowError(f"{field} {cleaned!r} is not a date and time this format uses")


_DURATION = re.compile(r"^\s*(?:(\d+)\s*h)?\s*(?:(\d+)\s*m(?:in)?)?\s*(?:(\d+)\s*s)?\s*$")


def duration(text: str, field: str) -> timedelta | None:
    """'1h 5m', '45m', '1h 5min', '30s' or plain seconds; None when empty or zero."""
    cleaned = text.strip()
    if not cleaned:
        return None
    if cleaned.isdigit():
        seconds = int(cleaned)
    else:
        match = _DURATION.match(cleaned)
        if not match or not any(match.groups()):
            raise RowError(f"{field} {cleaned!r} is not a duration like '1h 5m'")
        hours, minutes, secs = (int(g) if g else 0 for g in match.groups())
        seconds = hours * 3600 + minutes * 60 + secs
    return timedelta(seconds=seconds) if seconds else None


def format_duration(span: timedelta | None) -> str:
    """'1h 5m' for a workout's length; empty when unknown."""
    if span is None:
        return ""
    minutes = round(span.total_seconds() / 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h {minutes}m" if hours else f"{minutes}m"


def fmt(value: float | None, factor: float = 1.0) -> str:
    """A number for a CSV cell: SI value divided by `factor`, without float noise."""
    if value is None:
        return ""
    return f"{round(value / factor, 6):.12g}"


Table = tuple[list[str], list[tuple[int, dict[str, str]]]]


def read_table(text: str, source: str, delimiter: str) -> Table:
    """(header, [(line number, row)]) for every non-empty data row; header names stripped."""
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=delimiter)
    found: list[tuple[int, dict[str, str]]] = []
    try:
        header = [h.strip() for h in next(reader)]
        for cells in reader:
            if not any(c.strip() for c in cells):
                continue
            if len(cells) != len(header):
                raise LogFormatError(
                    source,
                    reader.line_num,
                    f"has {len(cells)} columns where the header has {len(header)}",
                )
            found.append((reader.line_num, dict(zip(header, cells, strict=True))))
    except StopIteration:
        raise LogFormatError(source, None, "the file is empty") from None
    except csv.Error as exc:
        raise LogFormatError(source, reader.line_num, f"cannot be read ({exc})") from None
    return header, found


# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection, OWASP):
# written text gets a leading apostrophe, which the readers take off again.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_text(text: str) -> str:
    """Text for a CSV cell that a spreadsheet shows rather than runs."""
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def text_cell(text: str) -> str:
    """Text read from a cell, without the apostrophe `safe_text` added."""
    cleaned = text.strip()
    return cleaned[1:] if cleaned.startswith("'") and cleaned[1:2] in FORMULA_STARTS else cleaned


def write_table(header: list[str], records: list[list[str]], delimiter: str) -> str:
    """CSV text with every field quoted, as the apps write it."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, quoting=csv.QUOTE_ALL, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(records)
    return out.getvalue()


def require(header: set[str], needed: tuple[str, ...], source: str) -> None:
    missing = [name for name in needed if name not in header]
    if missing:
        raise LogFormatError(source, 1, f"the header lacks the column(s) {', '.join(missing)}")


def rpe_and_rir(logged: LoggedSet) -> float | None:
    """The RPE to write for a set that may carry only RIR (RPE = 10 - RIR)."""
    if logged.rpe is not None:
        return logged.rpe
    return None if logged.rir is None else 10 - logged.rir
