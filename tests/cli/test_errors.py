"""Every domain error leaves the CLI as one clear line and its documented exit code."""

from __future__ import annotations

import pytest
import typer
from typer.testing import CliRunner

from repforge import errors
from repforge.cli.errors import EXIT_CODES, DomainErrors

runner = CliRunner()

RAISED = [
    (errors.InvalidInputError("days", "must be 1-7"), 2, "error: days: must be 1-7"),
    (
        errors.NotFoundError("exercise", "squatt", ["squat"]),
        3,
        "error: no exercise called 'squatt' (did you mean squat?)",
    ),
    (
        errors.CatalogError([errors.Problem("a.yaml", 4, "bad")]),
        4,
        "error: 1 catalog problem(s):\na.yaml:4: bad",
    ),
    (errors.PlanError("add a training day"), 5, "error: add a training day"),
    (
        errors.ImportFormatError("x.json", "invalid JSON", 2),
        6,
        "refused, nothing written: x.json: record 2: invalid JSON",
    ),
    (errors.ConcurrentChangeError("run again"), 7, "error: run again"),
    (errors.ExportError("/x answered 500"), 8, "error: /x answered 500"),
    (errors.RepforgeError("something else [red]"), 1, "error: something else [red]"),
]


def failing(exc: errors.RepforgeError) -> typer.Typer:
    app = typer.Typer(cls=DomainErrors)

    @app.command("go")
    def go() -> None:
        raise exc

    @app.callback()
    def main() -> None:
        """Keep 'go' a subcommand, as in the real CLI."""

    return app


@pytest.mark.parametrize(("exc", "code", "line"), RAISED)
def test_a_domain_error_prints_its_message_and_exits_with_its_code(
    exc: errors.RepforgeError, code: int, line: str
) -> None:
    result = runner.invoke(failing(exc), ["go"])
    assert result.exit_code == code
    assert result.output.strip() == line
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_every_domain_error_class_has_one_documented_code() -> None:
    codes = [code for _, code, _ in EXIT_CODES]
    assert len(codes) == len(set(codes))
    classes = {cls for cls in vars(errors).values() if isinstance(cls, type)}
    raised = {cls for cls in classes if issubclass(cls, errors.RepforgeError)}
    assert raised == {kind for kind, _, _ in EXIT_CODES}
