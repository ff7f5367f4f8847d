"""`repforge log import|export`: move a user's history in from Strong, Hevy or repforge, or out."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from repforge.errors import NotFoundError, RepforgeError
from repforge.training.model import ExportFormat, LogFormat

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from repforge.catalog.catalog import Catalog

log_app = typer.Typer(help="Import or export a training log.", no_args_is_help=True)
err = Console(stderr=True)


@contextmanager
def _account(user: str) -> Iterator[tuple[Session, Catalog, int]]:
    """A transaction, the served catalog and the id of the account with email `user`."""
    from repforge.accounts.service import normalize_email
    from repforge.config import get_settings
    from repforge.served import catalog_for, database
    from repforge.store.accounts import SqlAccountStore
    from repforge.store.db import transaction

    settings = get_settings()
    try:
        with database(settings) as sessions:
            catalog = catalog_for(settings, sessions).catalog
            with transaction(sessions) as session:
                found = SqlAccountStore(session).credentials(normalize_email(user))
                if found is None:
                    raise NotFoundError("account", user)
                yield session, catalog, found.user.id
    except RepforgeError as exc:
        err.print(str(exc), markup=False, highlight=False)
        raise typer.Exit(1) from None


@log_app.command("import")
def import_command(
    file: Annotated[Path, typer.Argument(help="The exported file.", exists=True, dir_okay=False)],
    user: Annotated[str, typer.Option("--user", help="The email of the account to import into.")],
    log_format: Annotated[
        LogFormat, typer.Option("--format", help="The app the file comes from.")
    ] = "strong",
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Check the file and count, writing nothing.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the counts as JSON.")] = False,
) -> None:
    """Import every workout of FILE not imported before (all or nothing)."""
    from repforge.logbook.transfer import import_log
    from repforge.store.accounts import SqlAccountStore
    from repforge.store.workouts import SqlLogStore

    text = file.read_text(encoding="utf-8-sig")
    with _account(user) as (session, catalog, owner):
        report = import_log(
            SqlLogStore(session),
            catalog,
            owner,
            log_format,
            text,
            file.name,
            weight_unit=SqlAccountStore(session).preferences(owner).units,
            dry_run=dry_run,
        )
    if as_json:
        typer.echo(json.dumps(report.as_json()))
        return
    verb = "would add" if dry_run else "added"
    typer.echo(f"{verb} {report.workouts} workouts, {report.sets} sets")
    if report.already_there:
        typer.echo(f"{report.already_there} workouts were already in the log")
    if report.unmapped:
        typer.echo("kept as your own exercises: " + ", ".join(report.unmapped))


@log_app.command("export")
def export_command(
    user: Annotated[str, typer.Option("--user", help="The email of the account to export.")],
    export_format: Annotated[
        ExportFormat,
        typer.Option("--format", help="strong, strong-comma or hevy (CSV), or repforge (JSON)."),
    ] = "repforge",
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="File to write (default: print to stdout).", dir_okay=False
        ),
    ] = None,
) -> None:
    """Write every workout of an account in Strong's or Hevy's CSV shape, or as full JSON."""
    from repforge.logbook.transfer import export_log
    from repforge.store.workouts import SqlLogStore

    with _account(user) as (session, catalog, owner):
        _, _, text = export_log(SqlLogStore(session), catalog, owner, export_format)
    if output is None:
        typer.echo(text, nl=False)
        return
    output.write_text(text, encoding="utf-8")
    err.print(f"wrote {output}", markup=False, highlight=False)
