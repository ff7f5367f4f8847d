"""`repforge db upgrade|current|revision|backup|restore`: the database, for operators."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from repforge.cli.errors import DomainErrors

if TYPE_CHECKING:
    from sqlalchemy import Engine

db_app = typer.Typer(
    cls=DomainErrors,
    help="Database: upgrade the schema, show its revision, write a migration, back up, restore.",
    no_args_is_help=True,
)
console = Console()


@contextmanager
def _engine() -> Iterator[Engine]:
    from repforge.config import get_settings
    from repforge.store import db

    settings = get_settings()
    engine = db.make_engine(settings.resolved_database_url, settings.database_busy_timeout_ms)
    try:
        yield engine
    finally:
        engine.dispose()


@db_app.command("upgrade")
def upgrade(
    revision: Annotated[str, typer.Argument(help="Revision to reach.")] = "head",
) -> None:
    """Bring the configured database's schema up to a revision (the newest by default)."""
    from repforge.store import db

    with _engine() as engine:
        db.upgrade(engine, revision)
        console.print(f"database at {', '.join(db.current(engine)) or 'no revision'}")


@db_app.command("current")
def current() -> None:
    """Print the database's revision and whether it is the newest."""
    from repforge.store import db

    with _engine() as engine:
        at = db.current(engine)
    newest = db.head()
    state = "up to date" if at == (newest,) else f"behind (newest is {newest})"
    console.print(f"{', '.join(at) or 'no revision (empty database)'}: {state}")


@db_app.command("revision")
def revision(
    message: Annotated[str, typer.Option("-m", "--message", help="What the migration does.")],
    autogenerate: Annotated[
        bool, typer.Option(help="Fill it in from the difference between tables.py and the DB.")
    ] = True,
) -> None:
    """Write the next numbered migration for a change to store/tables.py (contributors)."""
    from repforge.store import db

    with _engine() as engine:
        db.upgrade(engine)  # autogenerate compares against an up-to-date schema
        path = db.new_revision(engine, message, autogenerate)
    console.print(f"wrote {path}; review it before committing", markup=False)


@db_app.command("backup")
def backup(
    file: Annotated[Path, typer.Argument(help="File to write the backup to (replaced).")],
) -> None:
    """Copy the SQLite database to FILE while the site keeps serving (PostgreSQL: pg_dump)."""
    from repforge.store import backup as backups

    with _engine() as engine:
        backups.backup(engine, file)
    console.print(f"backed up to {file}", markup=False)


@db_app.command("restore")
def restore(
    file: Annotated[Path, typer.Argument(help="A backup written by `repforge db backup`.")],
) -> None:
    """Replace the SQLite database's content with FILE (PostgreSQL: pg_restore)."""
    from repforge.store import backup as backups

    with _engine() as engine:
        backups.restore(engine, file)
    console.print(f"restored from {file}; run `repforge db upgrade` if it is older", markup=False)
