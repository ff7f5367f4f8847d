"""Domain exceptions, each with a message a user can act on."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from pydantic_core import ErrorDetails


class RepforgeError(Exception):
    """Base of every error the domain raises on purpose."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a catalog file, located by file and line."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


class CatalogError(RepforgeError):
    """The catalog cannot be loaded; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        shown = "\n".join(str(p) for p in problems[:20])
        more = f"\n... and {len(problems) - 20} more" if len(problems) > 20 else ""
        super().__init__(f"{len(problems)} catalog problem(s):\n{shown}{more}")


class NotFoundError(RepforgeError):
    """A named thing (exercise, hub, plan) does not exist."""

    def __init__(self, kind: str, key: str, suggestions: list[str] | None = None) -> None:
        self.kind = kind
        self.key = key
        self.suggestions = suggestions or []
        super().__init__(f"no {kind} called {key!r}")


class InvalidInputError(RepforgeError):
    """Input names a value outside what is allowed; says which field."""

    def __init__(self, field: str, message: str, allowed: list[str] | None = None) -> None:
        self.field = field
        self.allowed = allowed or []
        super().__init__(f"{field}: {message}")


class PlanError(RepforgeError):
    """No plan can be made for this profile; the message says what to change."""


class ImportFormatError(RepforgeError):
    """An import file is malformed; names the file, record index and field at fault."""

    def __init__(
        self, source: str, message: str, index: int | None = None, field: str | None = None
    ) -> None:
        self.source = source
        self.index = index
        self.field = field
        where = source
        if index is not None:
            where += f": record {index}"
        if field:
            where += f", field {field!r}"
        super().__init__(f"{where}: {message}")


class DatabaseBusy(RepforgeError):  # noqa: N818 - the name the CLI and web layers agreed on
    """Another writer held the database's lock for longer than we wait; trying again helps."""

    def __init__(self) -> None:
        super().__init__(
            "the database is busy with another write; nothing was changed, try again in a moment"
        )


class ConcurrentChangeError(RepforgeError):
    """Another process changed the same data meanwhile; nothing was written, try again."""


class NameConflictError(ConcurrentChangeError):
    """Another change stored the same slug, name or alias first; nothing of ours was written."""

    def __init__(self, slug: str, labels: list[str]) -> None:
        self.slug = slug
        self.labels = labels
        shown = ", ".join(repr(label) for label in labels)
        super().__init__(
            f"another import stored the exercise {slug!r} or one of its names ({shown}) "
            "while this one ran; nothing was written, run the import again"
        )


class ExportError(RepforgeError):
    """A page of the static export could not be rendered; names the path and why."""


def field_error(error: ErrorDetails, skip: Collection[str] = ()) -> tuple[str, str]:
    """(dotted field, plain message) for one pydantic error: the one translation of them all.

    `skip` drops location parts that are not fields ("query", "body"). A model-level check
    that names its field ("days: must be 1-7") gives that field.
    """
    field = ".".join(str(part) for part in error["loc"] if part not in skip)
    kind = error["type"]
    if kind == "missing":
        message = "is missing"
    elif kind == "extra_forbidden":
        message = "unknown field"
    elif kind == "string_too_short" and not str(error.get("input", "x")).strip():
        message = "is empty"
    else:
        message = str(error["msg"]).removeprefix("Value error, ")
    if not field and ": " in message:
        field, message = message.split(": ", 1)
    return field, message
