"""Domain errors become one clear line on stderr and a documented exit code, in one place."""

from __future__ import annotations

from typing import Any

import typer
from rich.console import Console
from typer.core import TyperGroup

from repforge import errors

# (error class, exit code, what it means); the first matching class wins, so subclasses go
# first. docs/cli.md lists this table (repforge.reference), so the codes are documented.
EXIT_CODES: tuple[tuple[type[errors.RepforgeError], int, str], ...] = (
    (errors.InvalidInputError, 2, "a value given is not allowed (the message names it)"),
    (errors.NotFoundError, 3, "a named exercise, source or plan does not exist"),
    (errors.CatalogError, 4, "the exercise files have problems (file and line listed)"),
    (errors.PlanError, 5, "no plan fits the profile; the message says what to change"),
    (
        errors.DatabaseBusy,
        75,
        "the database was busy with another write; nothing changed, run again",
    ),
    (errors.ImportFormatError, 6, "an import was refused and nothing was written"),
    (errors.NameConflictError, 9, "another import stored the same name or alias first; run again"),
    (errors.ConcurrentChangeError, 7, "another process changed the data meanwhile; run again"),
    (errors.ExportError, 8, "a page of the static export could not be rendered"),
    (errors.RepforgeError, 1, "any other error the message explains"),
)
FOUND_PROBLEMS = 1  # a check ran and found problems: `catalog check`, `plan validate`
USAGE = 2  # click's own code for a wrong option or argument, shared with invalid values

err = Console(stderr=True)


def exit_code(exc: errors.RepforgeError) -> int:
    """The documented exit code for a domain error."""
    return next(code for kind, code, _ in EXIT_CODES if isinstance(exc, kind))


def message(exc: errors.RepforgeError) -> str:
    """The line printed for a domain error."""
    if isinstance(exc, errors.ImportFormatError):
        return f"refused, nothing written: {exc}"
    text = f"error: {exc}"
    if isinstance(exc, errors.NotFoundError) and exc.suggestions:
        text += f" (did you mean {', '.join(exc.suggestions)}?)"
    return text


class DomainErrors(TyperGroup):
    """A command group that turns any RepforgeError into its message and exit code."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except errors.RepforgeError as exc:
            # data from files and imports reaches the terminal: never read it as Rich markup
            err.print(message(exc), markup=False, highlight=False, soft_wrap=True)
            raise typer.Exit(exit_code(exc)) from None
