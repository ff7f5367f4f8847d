"""`repforge log import`: bring a Strong, Hevy or repforge history into a user's log."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from repforge.errors import NotFoundError, RepforgeError
from repforge.training.formats import LogFormat

log_app = typer.Typer(help="Import a training log.", no_args_is_help=True)
err = Console(stderr=True)


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
    from repforge.accounts.service import normalize_email
    from repforge.config import get_settings
    from repforge.logbook.transfer import import_log
    from repforge.served import catalog_for, database
    from repforge.store.accounts import SqlAccountStore
    from repforge.store.db import transaction
    from repforge.store.workouts import SqlLogStore

    settings = get_settings()
    text = file.read_text(encoding="utf-8-sig")
    try:
        with database(settings) as sessions:
            catalog = catalog_for(settings, sessions).catalog
            with transaction(sessions) as session:
                accounts = SqlAccountStore(session)
                found = accounts.credentials(normalize_email(user))
                if found is None:
                    raise NotFoundError("account", user)
                owner = found.user.id
                report = import_log(
                    SqlLogStore(session),
                    catalog,
                    owner,
                    log_format,
                    text,
                    file.name,
                    weight_unit=accounts.preferences(owner).units,
                    dry_run=dry_run,
                )
    except RepforgeError as exc:
        err.print(str(exc), markup=False, highlight=False)
        raise typer.Exit(1) from None
    if as_json:
        typer.echo(json.dumps(report.as_json()))
        return
    verb = "would add" if dry_run else "added"
    typer.echo(f"{verb} {report.workouts} workouts, {report.sets} sets")
    if report.already_there:
        typer.echo(f"{report.already_there} workouts were already in the log")
    if report.unmapped:
        typer.echo("kept as your own exercises: " + ", ".join(report.unmapped))
