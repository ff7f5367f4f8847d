"""Read an import file: size-limited, UTF-8 JSON, records checked against a schema."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any, TypeVar

from pydantic import BaseModel, StringConstraints, ValidationError

from repforge.errors import ImportFormatError, field_error

# Far above any published exercise dataset (the largest file is ~3 MiB), far below harm.
MAX_FILE_BYTES = 64 * 1024 * 1024

NonBlank = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
M = TypeVar("M", bound=BaseModel)


def read_json(path: Path) -> Any:
    """The parsed JSON of a file, or ImportFormatError saying what is wrong with it."""
    if not path.is_file():
        raise ImportFormatError(str(path), "no such file")
    if path.stat().st_size > MAX_FILE_BYTES:
        raise ImportFormatError(path.name, f"larger than {MAX_FILE_BYTES // 2**20} MiB")
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFormatError(path.name, f"not UTF-8 text (byte {exc.start})") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportFormatError(
            path.name, f"invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}"
        ) from None
    except RecursionError:
        raise ImportFormatError(path.name, "JSON nested too deeply") from None


def record_list(data: Any, name: str) -> list[Any]:
    """The records of a JSON document: an array, or an API response's `data` array."""
    if isinstance(data, dict) and isinstance(data.get("data"), list):
        data = data["data"]
    if not isinstance(data, list):
        raise ImportFormatError(name, "expected a JSON array of exercise records")
    return data


def validate(model: type[M], item: Any, name: str, index: int, prefix: str = "") -> M:
    """`item` as `model`, or ImportFormatError naming the record and the field at fault."""
    if not isinstance(item, dict):
        raise ImportFormatError(name, "expected an object", index, prefix.rstrip(".") or None)
    try:
        return model.model_validate(item)
    except ValidationError as exc:
        field, message = field_error(exc.errors()[0])
        raise ImportFormatError(name, message, index, prefix + field or None) from None
