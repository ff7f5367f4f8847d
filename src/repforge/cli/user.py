"""`repforge user create|list|disable`: account administration from the command line."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from repforge.errors import RepforgeError

if TYPE_CHECKING:
    from repforge.accounts.service import Accounts

user_app = typer.Typer(help="Create, list and disable user accounts.", no_args_is_help=True)
err = Console(stderr=True)


@contextmanager
def _accounts() -> Iterator[Accounts]:
    """Account services on the configured database, migrated first; errors exit 1."""
    from repforge.accounts.service import Accounts
    from repforge.config import get_settings
    from repforge.store import db
    from repforge.store.accounts import SqlAccountStore
    from repforge.store.redis_counters import shared_counters

    settings = get_settings()
    engine = db.make_engine(settings.resolved_database_url)
    counters = shared_counters(settings)  # clearing an account's attempts must reach Redis too
    try:
        if settings.auto_migrate:
            db.upgrade(engine)
        with db.transaction(db.session_factory(engine)) as session:
            yield Accounts(SqlAccountStore(session), counters=counters)
    except RepforgeError as exc:
        err.print(str(exc), markup=False, highlight=False)
        raise typer.Exit(1) from None
    finally:
        engine.dispose()
        if counters is not None:
            counters.close()


@user_app.command("create")
def create(
    email: Annotated[str, typer.Argument(help="The account's email address.")],
    password_stdin: Annotated[
        bool,
        typer.Option(
            "--password-stdin", help="Read the password from the first line of standard input."
        ),
    ] = False,
) -> None:
    """Create an account (the password is read from stdin, or asked for)."""
    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    with _accounts() as accounts:
        user = accounts.sign_up(email, password)
    typer.echo(f"created {user.email}")


@user_app.command("list")
def list_users() -> None:
    """Every account: email, created, and whether it is disabled."""
    with _accounts() as accounts:
        users = accounts.store.users()
    for user in users:
        state = "disabled" if user.disabled else "active"
        typer.echo(f"{user.email}\t{user.created_at:%Y-%m-%d}\t{state}")


@user_app.command("disable")
def disable(email: Annotated[str, typer.Argument(help="The account's email address.")]) -> None:
    """Disable an account: it can no longer log in and its sessions end."""
    with _accounts() as accounts:
        user = accounts.set_disabled(email, True)
    typer.echo(f"disabled {user.email}")
