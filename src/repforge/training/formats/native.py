"""repforge's own log format: JSON with every field of every workout and set (full fidelity)."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from pydantic import TypeAdapter, ValidationError

from repforge.training.formats.common import LogFormatError
from repforge.training.model import LoggedWorkout

FORMAT = "repforge-log"
VERSION = 1
_WORKOUTS = TypeAdapter(list[LoggedWorkout])


def write_native(workouts: list[LoggedWorkout]) -> str:
    """The log as JSON: {"format", "version", "workouts": [...]}, times in ISO 8601."""
    ordered = sorted(workouts, key=lambda w: w.started_at)
    body = {"format": FORMAT, "version": VERSION, "workouts": [asdict(w) for w in ordered]}
    return json.dumps(body, default=_iso, indent=1, ensure_ascii=False) + "\n"


def _iso(value: Any) -> str:
    return str(value.isoformat())


def _where(loc: tuple[int | str, ...]) -> str:
    path = "workouts"
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else f".{part}"
    return path


def parse_native(text: str, source: str = "log.json") -> list[LoggedWorkout]:
    """Workouts from our JSON; LogFormatError names the JSON line or the field at fault."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise LogFormatError(source, exc.lineno, f"is not valid JSON ({exc.msg})") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise LogFormatError(source, None, f'is not a repforge log (no "format": "{FORMAT}")')
    if data.get("version") != VERSION:
        raise LogFormatError(
            source, None, f"has version {data.get('version')!r}; {VERSION} is read"
        )
    try:
        workouts = _WORKOUTS.validate_python(data.get("workouts"))
    except ValidationError as exc:
        first = exc.errors()[0]
        raise LogFormatError(source, None, f"{_where(first['loc'])}: {first['msg']}") from None
    return sorted(workouts, key=lambda w: w.started_at)
