"""`repforge search QUERY`: search the served catalog (imports included) from the command line."""

from __future__ import annotations

import json as jsonlib
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from repforge.config import get_settings
from repforge.served import catalog_for, database


def search_command(
    query: Annotated[
        str, typer.Argument(help="What to look for, e.g. 'rdl' or 'chest no equipment'.")
    ],
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="Most results to show.")] = 10,
    json: Annotated[
        bool, typer.Option("--json", help="Print a JSON list of results, best first.")
    ] = False,
) -> None:
    """Search exercises by name, alias, abbreviation, muscle, equipment or body part."""
    settings = get_settings()
    with database(settings) as sessions:
        catalog = catalog_for(settings, sessions).catalog
    from repforge.search import index_for  # the index is built only when searching

    result = index_for(catalog).search(query, limit=limit)
    if json:
        rows = [
            {"slug": h.slug, "name": h.name, "score": h.score, "matched": list(h.matched)}
            for h in result.hits
        ]
        typer.echo(jsonlib.dumps(rows, indent=2))
        return
    console = Console()
    if result.did_you_mean:
        console.print(f"Showing results for [bold]{escape(result.did_you_mean)}[/bold]")
    if not result.hits:
        console.print(f"No exercises match {query!r}.", markup=False)
        return
    table = Table(title=escape(f"{result.total} result(s) for {query!r}"), title_justify="left")
    table.add_column("#", justify="right")
    table.add_column("Exercise")
    table.add_column("Slug", style="dim")
    table.add_column("Score", justify="right")
    table.add_column("Why")
    for rank, hit in enumerate(result.hits, start=1):
        table.add_row(
            str(rank),
            escape(hit.name),
            hit.slug,
            f"{hit.score:.2f}",
            escape("; ".join(hit.matched)),
        )
    console.print(table)
